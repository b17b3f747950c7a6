"""Time-stamp requests the case made and the replies kept for them, in the case record's
`timestamps` table (a case made before there was one has none: nothing to migrate).

Each request is written to a file with its listing beside it (`covers`), recorded, and
logged in the custody log; a reply is kept only once `checking` has checked it against the
request it answers."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_write, check_new_file
from tui.core.shared.clock import utc_stamp
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.timestamps.checking import NOT_OURS, check_reply, load_roots, read_reply
from tui.core.timestamps.covers import Covers, covered, covers_now
from tui.core.vault import custody
from tui.core.vault.vault import Vault

TABLE = "timestamps"
COUNTER = "timestamps"
#: A reply or certificate file bigger than this is no reply (real ones are a few KiB).
MOST_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Stamp:
    """One request, and its reply once one is kept."""

    number: int
    requested_at: str
    """When the request was made, UTC, by this computer's clock (not a trusted time)."""
    digest: str
    """SHA-256 of the listing, hex: what the authority signs."""
    nonce: int
    first: str
    last: str
    count: int
    custody_entry: int
    listing: str
    request: bytes
    reply: bytes | None = None
    time: str | None = None
    """The authority's time, UTC (`2026-12-07T10:15:03Z`), once a reply is kept."""
    authority: str = ""
    roots_pem: str = ""

    @property
    def name(self) -> str:
        return f"T-{self.number}"

    @property
    def file_stem(self) -> str:
        return f"timestamp-{self.number}"

    @property
    def covers(self) -> str:
        """The exhibits covered, in words ("E-0001 to E-0042")."""
        return covered(self.first, self.last, self.count)

    def listed(self) -> dict[str, Any]:
        """As `timestamp list --json` shows it."""
        return {
            "id": self.name,
            "requested_at": self.requested_at,
            "sha256": self.digest,
            "covers": {
                "exhibits": self.count,
                "first": self.first,
                "last": self.last,
                "custody_log_entry": self.custody_entry,
            },
            "time": self.time,
            "authority": self.authority or None,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Stamp:
        reply = record.get("reply")
        return cls(
            number=int(record["number"]),
            requested_at=str(record["requested_at"]),
            digest=str(record["digest"]),
            nonce=int(record["nonce"]),
            first=str(record["first"]),
            last=str(record["last"]),
            count=int(record["count"]),
            custody_entry=int(record["custody_entry"]),
            listing=str(record["listing"]),
            request=base64.b64decode(record["request"]),
            reply=base64.b64decode(reply) if reply else None,
            time=record.get("time"),
            authority=str(record.get("authority", "")),
            roots_pem=str(record.get("roots_pem", "")),
        )


def list_stamps(vault: Vault) -> list[Stamp]:
    stamps = [Stamp.from_record(dict(doc)) for doc in vault.table(TABLE).all()]
    return sorted(stamps, key=lambda stamp: stamp.number)


def listing_path(request_path: Path) -> Path:
    """`OUT.tsq` → `OUT.covers.txt`, beside it."""
    return request_path.with_name(request_path.stem + ".covers.txt")


def make_request(vault: Vault, destination: Path) -> Stamp:
    """Write a request for the case as it is now to `destination` (a new `.tsq`) and its
    listing beside it, then record it. Nothing is sent anywhere."""
    from rfc3161_client import HashAlgorithm, TimestampRequestBuilder

    if destination.suffix.lower() != ".tsq":
        raise InputError(
            _("{name}: a time-stamp request ends in .tsq.").format(name=destination.name)
        )
    destination = doors.writable(destination)
    beside = doors.writable(listing_path(destination))
    for path in (destination, beside):
        check_new_file(path)
    with vault.transaction():
        found: Covers = covers_now(vault)
        # The builder hashes what it is given (the listing) with SHA-256; a random nonce
        # ties the reply to this request, and certReq asks for the signer's certificate.
        request = (
            TimestampRequestBuilder()
            .data(found.text.encode())
            .hash_algorithm(HashAlgorithm.SHA256)
            .nonce(nonce=True)
            .cert_request(cert_request=True)
            .build()
        )
        assert request.message_imprint.message == found.digest and request.nonce is not None
        atomic_write(destination, request.as_bytes())
        try:
            atomic_write(beside, found.text.encode())
            number = vault.next_number(COUNTER)
            record = {
                "number": number,
                "requested_at": utc_stamp(),
                "digest": found.digest.hex(),
                "nonce": str(request.nonce),  # JSON numbers lose digits past 2**53
                "first": found.first,
                "last": found.last,
                "count": found.count,
                "custody_entry": found.custody_entry,
                "listing": found.text,
                "request": base64.b64encode(request.as_bytes()).decode("ascii"),
            }
            vault.table(TABLE).insert(record)
            custody.append(
                vault.table(custody.TABLE),
                "time-stamp requested",  # i18n: not shown
                request=f"T-{number}",
                sha256=found.digest.hex(),
                exhibits=found.count,
            )
        except BaseException:
            for path in (destination, beside):
                path.unlink(missing_ok=True)
            raise
    return Stamp.from_record(record)


def _read_small(path: Path, what: str) -> bytes:
    with doors.readable(path) as handle:
        data = handle.read(MOST_BYTES + 1)
    if len(data) > MOST_BYTES:
        raise InputError(
            _("{name} is too big to be {what}; nothing was kept.").format(
                name=path.name, what=what
            )
        )
    return data


def read_file(path: Path, what: str) -> bytes:
    """A reply or certificate file's bytes; one sentence when it can't be read."""
    try:
        return _read_small(path, what)
    except FileNotFoundError:
        raise InputError(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(
            _("{path} is a folder, not {what}.").format(path=path, what=what)
        ) from None
    except PermissionError:
        raise InputError(_("{path} can't be read (no permission).").format(path=path)) from None


def add_reply(vault: Vault, reply: bytes, ca_pem: bytes | None = None) -> Stamp:
    """Check `reply` against the request it answers and keep it; InputError, with
    nothing written, when it does not check."""
    given = load_roots(ca_pem) if ca_pem is not None else []
    said = read_reply(reply)
    with vault.transaction():
        stamp = next(
            (
                each
                for each in list_stamps(vault)
                if each.nonce == said.nonce and each.digest == said.digest.hex()
            ),
            None,
        )
        if stamp is None:
            raise InputError(_(NOT_OURS))
        if stamp.reply is not None:
            raise InputError(
                _("Time-stamp {name} already has its reply; nothing was kept.").format(
                    name=stamp.name
                )
            )
        checked = check_reply(reply, stamp.nonce, bytes.fromhex(stamp.digest), given)
        fields = {
            "reply": base64.b64encode(reply).decode("ascii"),
            "time": utc_stamp(checked.time),
            "authority": checked.authority,
            "roots_pem": checked.roots_pem,
        }
        table = vault.table(TABLE)
        (found,) = table.find("number", stamp.number)
        table.update(fields, doc_ids=[found.doc_id])
        custody.append(
            vault.table(custody.TABLE),
            "time-stamp added",  # i18n: not shown
            request=stamp.name,
            time=fields["time"],
            authority=checked.authority,
        )
    return Stamp.from_record({**found, **fields})


def stamped(vault: Vault) -> list[Stamp]:
    """The stamps whose reply is kept, in order."""
    return [stamp for stamp in list_stamps(vault) if stamp.reply is not None]


def stamp_line(stamp: Stamp) -> str:
    """The binder's line for a kept stamp."""
    moment = datetime.fromisoformat(str(stamp.time).replace("Z", "+00:00"))
    return _("{covered} existed no later than {moment} UTC, per {authority}").format(
        covered=stamp.covers, moment=f"{moment:%Y-%m-%d %H:%M}", authority=stamp.authority
    )
