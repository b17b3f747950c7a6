"""Evidence: intake, details, listing, verification and export.

Intake copies the person's file byte for byte into an encrypted blob and hashes it in
the same pass, so the SHA-256 recorded is the hash of exactly what is stored. Nothing
of the file (name, content, thumbnail) is written outside the vault in plaintext.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from tui.core.evidence import cards, formats
from tui.core.evidence.media import (
    SAME_PICTURE_BITS,
    fingerprint,
    same_pictures,
    time_from_name,
)
from tui.core.shared.atomic import check_new_file, fsync_dir, open_private, temp_path_for
from tui.core.shared.clock import local_offset, utc_now, utc_stamp
from tui.core.shared.dates import parse_rough
from tui.core.shared.errors import InputError, NotFound, ReclaimError, VaultDamaged
from tui.core.vault import custody
from tui.core.vault.blobs import BlobDamaged, append_card, decrypt_stream, encrypt_stream
from tui.core.vault.store import json_copy
from tui.core.vault.vault import Vault

TABLE = "exhibits"

#: Details the person gives for each item; all free text except the two dates.
DETAIL_FIELDS = (
    "platform",
    "url",
    "poster",
    "posted_at",
    "captured_at",
    "caption",
    "description",
    "significance",
    "notes",
)
DATE_FIELDS = frozenset({"posted_at", "captured_at"})

#: Called with (bytes done, bytes in all); may raise `Cancelled` to stop cleanly.
Progress = Callable[[int, int], None]


@dataclass
class Exhibit:
    """One piece of evidence as the case record holds it."""

    id: str
    """Stable exhibit number, `E-0001`; never reused."""
    blob: str
    """Random name of the encrypted blob in `blobs/`."""
    sha256: str
    """SHA-256 of the original bytes, computed during intake."""
    size: int
    original_name: str
    media_type: str
    """Detected from the content, e.g. `image/heic` (see `formats`)."""
    added_at: str
    """When it entered the vault, UTC (`2026-11-24T21:14:03Z`)."""
    added_offset: str
    """The local UTC offset at intake, e.g. `+01:00`."""
    file_modified_at: str | None = None
    """The source file's modification time (UTC) as the file system reported it."""
    width: int | None = None
    height: int | None = None
    exif_captured_at: str | None = None
    """Capture time written by the camera or phone, if any (local time of the device)."""
    platform: str = ""
    url: str = ""
    poster: str = ""
    posted_at: str = ""
    captured_at: str = ""
    caption: str = ""
    description: str = ""
    significance: str = ""
    notes: str = ""
    excluded: bool = False
    """Left out of the binder; the evidence itself is kept."""
    phash: str | None = None
    """Perceptual hash of an image (see `media.perceptual_hash`)."""
    guesses: dict[str, str] = field(default_factory=dict)
    """Details filled in from the file rather than by the person: field -> where from.
    A guess stays marked until the person confirms or changes it."""
    derived_from: list[str] = field(default_factory=list)
    """The exhibits this one was made from (a stitched chat); they are kept."""
    facts: dict[str, Any] = field(default_factory=dict)
    """What the file says about itself, read at intake: `kind` ("HEIC photo") and, by
    kind, duration, codec, pages, subject, sender, address, …; `problem` when it could
    be recognised but not fully read. Empty for exhibits added by earlier versions."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Fields written by newer versions, kept as they are."""

    def to_record(self) -> dict[str, Any]:
        # As dataclasses.asdict, fresh copies and all, at a fraction of its cost (a case
        # of 20,000 exhibits is listed in one go).
        record = {name: json_copy(getattr(self, name)) for name in _KNOWN}
        record.update(json_copy(self.extra))
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Exhibit:
        # Filled in directly rather than through __init__ (a case of 20,000 exhibits is
        # read in one go); a record short of a required field goes through __init__,
        # which says which one.
        values = {k: v for k, v in record.items() if k in _KNOWN_SET}
        if len(values) != len(record) or not _REQUIRED.issubset(values):
            extra = {k: v for k, v in record.items() if k not in _KNOWN_SET}
            if not _REQUIRED.issubset(values):
                return cls(**values, extra=extra)
        else:
            extra = {}
        exhibit = cls.__new__(cls)
        exhibit.__dict__.update(_SCALAR_DEFAULTS)
        exhibit.__dict__.update(values)
        for name, make in _MADE_DEFAULTS:
            if name not in values:
                setattr(exhibit, name, make())
        exhibit.extra = extra
        return exhibit

    def listing(self) -> dict[str, Any]:
        """The record as listed (`evidence list --json`): every field but the blob's
        name, not copied (only to be read, or written out at once)."""
        record = {name: getattr(self, name) for name in _LISTED}
        record.update(self.extra)
        return record

    @property
    def number(self) -> int:
        return int(self.id.removeprefix("E-"))


_KNOWN = tuple(f.name for f in fields(Exhibit) if f.name != "extra")
_KNOWN_SET = frozenset(_KNOWN)
_LISTED = tuple(name for name in _KNOWN if name != "blob")
_REQUIRED = frozenset(
    f.name for f in fields(Exhibit) if f.default is MISSING and f.default_factory is MISSING
)
_SCALAR_DEFAULTS = {f.name: f.default for f in fields(Exhibit) if f.default is not MISSING}
_MADE_DEFAULTS = tuple(
    (f.name, f.default_factory)
    for f in fields(Exhibit)
    if f.default_factory is not MISSING and f.name != "extra"
)


@dataclass(frozen=True)
class IntakeResult:
    exhibit: Exhibit
    duplicate: bool = False
    """True when identical bytes were already in the case; nothing new was added."""


# ---- input checks -------------------------------------------------------------------


def clean_details(raw: Mapping[str, str | None]) -> dict[str, str]:
    """Trim the given details and read the dates; raise InputError on anything unusable.

    The dates are read as forgivingly as the timeline's ("5 March 2024", "March 2024",
    "about 2023"; see `dates.parse_rough`), since a person who knows only the month a
    picture went up should be able to say so rather than invent a day."""
    cleaned: dict[str, str] = {}
    for name, value in raw.items():
        if name not in DETAIL_FIELDS:
            raise InputError(f"{name} is not a detail Reclaim keeps for evidence.")
        if value is None:
            continue
        text = value.strip()
        cleaned[name] = parse_rough(text) if name in DATE_FIELDS and text else text
    return cleaned


def open_source(path: Path, follow_links: bool = False) -> BinaryIO:
    """Open a file to add, with a plain sentence for every way that can fail.

    A link is not followed unless the person says so: a planted link could make them
    add a file that isn't theirs (another user's, the system's) without noticing."""
    if not follow_links and path.is_symlink():
        try:
            target = str(path.readlink())
        except OSError:
            target = "somewhere else"
        raise InputError(
            f"{path} is a link to {target}, so it was not added. If that file is yours "
            "and is the evidence, add it by its own name."
        )
    if path.is_dir():
        raise InputError(f"{path} is a folder. Give the files inside it (for example {path}/*).")
    # A pipe or device would make open() wait forever (or read without end): refuse it
    # before opening. The check after opening catches a file swapped in between.
    with contextlib.suppress(OSError):
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise InputError(f"{path} is not a regular file, so it can't be added as evidence.")
    try:
        flags = os.O_RDONLY | (0 if follow_links else os.O_NOFOLLOW)
        handle = os.fdopen(os.open(path, flags), "rb")
    except FileNotFoundError:
        raise InputError(f"There is no file at {path}. Check the name and try again.") from None
    except PermissionError:
        raise InputError(f"{path} can't be read: this user is not allowed to open it.") from None
    except OSError as error:
        raise InputError(f"{path} can't be read ({error.strerror}).") from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise InputError(f"{path} is not a regular file, so it can't be added as evidence.")
    return handle


class _SourceReader:
    """Turns a read failure of the person's file into a plain InputError."""

    def __init__(self, handle: BinaryIO, path: Path) -> None:
        self._handle = handle
        self._path = path

    def read(self, size: int) -> bytes:
        try:
            return self._handle.read(size)
        except OSError as error:
            raise InputError(
                f"{self._path} could not be read to the end ({error.strerror}); nothing was added."
            ) from None


# ---- intake -------------------------------------------------------------------------


GUESS_SOURCES = {
    "exif": "the photo's own data (EXIF)",
    "name": "the file's name",
    "file time": "the time the file was last changed",
    "recording": "the recording's own data",
    "email": "the email's own headers",
    "chat": "the chat export",
    "page": "the saved page's own data",
    "document": "the document's own data",
}


def guess_from_name_or_time(name: str, modified: datetime | None) -> tuple[str, str] | None:
    """When a file with nothing better inside it was probably captured: the time in its
    name (phones name screenshots after it), else the file's own time."""
    if named := time_from_name(name):
        return named, "name"
    if modified is not None:
        return modified.astimezone().replace(tzinfo=None).isoformat(timespec="seconds"), (
            "file time"
        )
    return None


def _with_guesses(
    details: dict[str, str],
    facts: formats.Facts,
    name: str,
    modified: datetime | None,
    derived_from: list[str] | None,
) -> tuple[dict[str, str], dict[str, str]]:
    """The person's details plus what the file says of itself, for the fields the person
    left empty; each guess names its source. Made exhibits (stitched) guess nothing."""
    if derived_from:
        return details, {}
    found = dict(facts.guesses)
    if "captured_at" not in found:
        guess = guess_from_name_or_time(name, modified)
        if guess:
            found["captured_at"] = guess
    details = dict(details)
    guesses: dict[str, str] = {}
    for key, (value, source) in found.items():
        if key in details or key not in DETAIL_FIELDS:
            continue
        try:
            value = clean_details({key: value})[key]
        except InputError:  # a time in the future, say: a broken clock is no guess
            continue
        if value:
            details[key] = value
            guesses[key] = source
    return details, guesses


def facts_record(facts: formats.Facts) -> dict[str, Any]:
    """The facts kept with the exhibit (JSON): its kind, what it showed, any problem."""
    record: dict[str, Any] = {"kind": facts.kind, **facts.shown}
    if facts.problem:
        record["problem"] = facts.problem
    return record


def add_file(
    vault: Vault,
    path: Path,
    details: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
) -> IntakeResult:
    """Copy one file into the vault as a new exhibit (or find it already there)."""
    staged = stage_file(vault, path, details, progress, follow_links)
    try:
        return record_staged(vault, [staged])[0]
    finally:
        discard_staged([staged])


def add_bytes(
    vault: Vault,
    data: bytes,
    name: str,
    details: Mapping[str, str | None] | None = None,
    derived_from: list[str] | None = None,
) -> IntakeResult:
    """Add content made inside Reclaim (a stitched image) as a new exhibit."""
    cleaned = clean_details(details or {})
    handle = io.BytesIO(data)
    staged = _stage(
        vault,
        handle,
        handle,
        total=len(data),
        name=name,
        modified=None,
        details=cleaned,
        derived_from=derived_from or [],
    )
    try:
        return record_staged(vault, [staged])[0]
    finally:
        discard_staged([staged])


@dataclass
class Staged:
    """A file copied into an unfinished blob (written and fsynced), described, and not
    yet part of the case: `record_staged` makes it an exhibit."""

    blob: str
    part: Path
    stream_size: int
    """The blob's size before its card is added."""
    sha256: str
    size: int
    name: str
    modified: datetime | None
    facts: formats.Facts
    details: dict[str, str]
    guesses: dict[str, str]
    derived_from: list[str]


def stage_file(
    vault: Vault,
    path: Path,
    details: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
) -> Staged:
    """Copy one file into an unfinished blob, hashing it on the way (no lock is held)."""
    cleaned = clean_details(details or {})
    with open_source(path, follow_links) as handle:
        modified = datetime.fromtimestamp(os.fstat(handle.fileno()).st_mtime, UTC)
        return _stage(
            vault,
            handle,
            _SourceReader(handle, path),
            total=os.fstat(handle.fileno()).st_size,
            # A name that isn't valid UTF-8 (bytes from another system) keeps what can be
            # read; the bytes that can't become U+FFFD, so the record and log can hold it.
            name=path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
            modified=modified,
            details=cleaned,
            progress=progress,
        )


def _stage(
    vault: Vault,
    handle: BinaryIO,
    reader: _SourceReader | BinaryIO,
    *,
    total: int,
    name: str,
    modified: datetime | None,
    details: dict[str, str],
    progress: Progress | None = None,
    derived_from: list[str] | None = None,
) -> Staged:
    blob_name = secrets.token_hex(16)
    part = vault.blob_dir / f"{blob_name}.part"
    digest = hashlib.sha256()
    seen = {"size": 0}

    def on_chunk(chunk: bytes) -> None:
        seen["size"] += len(chunk)
        if progress is not None:
            progress(seen["size"], max(total, seen["size"]))

    try:
        with open_private(part) as target:
            encrypt_stream(
                reader, target, vault.blob_key, vault.blob_aad(blob_name), on_chunk, digest
            )
            target.flush()
            os.fsync(target.fileno())
            stream_size = target.tell()
        _format, facts = formats.describe(handle, name, seen["size"])
        details, guesses = _with_guesses(details, facts, name, modified, derived_from)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return Staged(
        blob_name, part, stream_size, digest.hexdigest(), seen["size"], name, modified,
        facts, details, guesses, list(derived_from or []),
    )  # fmt: skip


def record_staged(vault: Vault, staged: list[Staged]) -> list[IntakeResult]:
    """Make staged files exhibits, all in one transaction (all of them or none): one
    entry in the record, one check for blobs the record doesn't know, one fsync of the
    blob folder. Each blob is whole and fsynced before the record that acknowledges it
    is saved. The unfinished blobs stay the caller's to `discard_staged`."""
    results: list[IntakeResult] = []
    renamed: list[Staged] = []
    after: tuple[int, int, int] | None = None
    committed = False
    try:
        with vault.transaction():
            clean = cards.reserve_numbers(vault)
            for item in staged:
                result = _record(vault, item)
                if not result.duplicate:
                    renamed.append(item)
                results.append(result)
            if renamed:
                fsync_dir(vault.blob_dir)
            after = cards.folder_state(vault, vault.generation + 1) if clean else None
        committed = True
    finally:
        if not committed:
            for item in renamed:  # back to unfinished: nothing of it is in the case
                final = vault.blob_dir / f"{item.blob}.blob"
                try:
                    final.rename(item.part)
                except OSError:
                    final.unlink(missing_ok=True)
    if after is not None and renamed:
        vault.no_strays_at = after
    return results


def discard_staged(staged: Iterable[Staged]) -> None:
    """Remove what is left of staged files (those recorded have become blobs)."""
    for item in staged:
        item.part.unlink(missing_ok=True)


def _record(vault: Vault, staged: Staged) -> IntakeResult:
    """One staged file into the record (inside the transaction)."""
    table = vault.table(TABLE)
    for existing in table.find("sha256", staged.sha256):
        return IntakeResult(Exhibit.from_record(existing), duplicate=True)
    now = utc_now()
    facts = staged.facts
    exhibit = Exhibit.from_record(
        {
            "id": cards.next_exhibit_id(vault),
            "blob": staged.blob,
            "sha256": staged.sha256,
            "size": staged.size,
            "original_name": staged.name,
            "media_type": facts.media_type,
            "added_at": utc_stamp(now),
            "added_offset": local_offset(now),
            "file_modified_at": utc_stamp(staged.modified) if staged.modified else None,
            "width": facts.width,
            "height": facts.height,
            "exif_captured_at": facts.exif_captured_at,
            "phash": facts.phash,
            "guesses": staged.guesses,
            "facts": facts_record(facts),
            "derived_from": list(staged.derived_from),
            **staged.details,
        }
    )
    # The blob carries its exhibit's card before it becomes part of the case, so a blob
    # the record doesn't know can always be recognised and taken back.
    record = exhibit.to_record()
    card = cards.seal_card(vault, staged.blob, record, vault.generation + 1)
    os.truncate(staged.part, staged.stream_size)  # a card from an attempt that failed
    append_card(staged.part, card)
    staged.part.rename(vault.blob_dir / f"{staged.blob}.blob")
    table.insert(record)
    custody.append(
        vault.table(custody.TABLE),
        "intake",
        exhibit=exhibit.id,
        sha256=exhibit.sha256,
        size=exhibit.size,
        original_name=exhibit.original_name,
        **({"derived_from": exhibit.derived_from} if exhibit.derived_from else {}),
    )
    return IntakeResult(exhibit)


# ---- reading and editing ------------------------------------------------------------

_ID = re.compile(r"^E?-?0*(\d{1,9})$", re.IGNORECASE)


def normalize_id(text: str) -> str:
    """`e-3`, `E3`, `3` and `E-0003` all name exhibit E-0003."""
    match = _ID.match(text.strip())
    if not match:
        raise InputError(f'"{text}" is not an exhibit number; they look like E-0003.')
    return f"E-{int(match.group(1)):04d}"


def list_exhibits(vault: Vault) -> list[Exhibit]:
    exhibits = [Exhibit.from_record(doc) for doc in vault.table(TABLE).all()]
    return sorted(exhibits, key=lambda exhibit: exhibit.number)


def get_exhibit(vault: Vault, exhibit_id: str) -> Exhibit:
    wanted = normalize_id(exhibit_id)
    found = vault.table(TABLE).find("id", wanted)
    if not found:
        raise NotFound(f"There is no exhibit {wanted} in this case.")
    return Exhibit.from_record(found[0])


def _doc_ids(vault: Vault, exhibit_id: str) -> list[int]:
    """The record's documents for one exhibit (by the index, not a scan)."""
    return [doc.doc_id for doc in vault.table(TABLE).find("id", exhibit_id)]


def update_details(
    vault: Vault,
    exhibit_id: str,
    details: Mapping[str, str | None],
    confirm: Iterable[str] = (),
) -> Exhibit:
    """Change the described details of one exhibit; the stored bytes never change.

    A guessed detail the person types, or names in `confirm`, stops being a guess."""
    cleaned = clean_details(details)
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit_id)
        changed: dict[str, Any] = {k: v for k, v in cleaned.items() if getattr(exhibit, k) != v}
        confirmed = sorted((set(changed) | set(confirm)) & set(exhibit.guesses))
        if confirmed:
            changed["guesses"] = {k: v for k, v in exhibit.guesses.items() if k not in confirmed}
        if changed:
            vault.table(TABLE).update(changed, doc_ids=_doc_ids(vault, exhibit.id))
            custody.append(
                vault.table(custody.TABLE),
                "details",
                exhibit=exhibit.id,
                fields=sorted(set(changed) - {"guesses"}),
                **({"confirmed": confirmed} if confirmed else {}),
            )
        return get_exhibit(vault, exhibit.id)


def set_excluded(vault: Vault, exhibit_id: str, excluded: bool) -> Exhibit:
    """Leave an exhibit out of the binder (or put it back); the evidence is kept."""
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit_id)
        if exhibit.excluded != excluded:
            vault.table(TABLE).update({"excluded": excluded}, doc_ids=_doc_ids(vault, exhibit.id))
            custody.append(
                vault.table(custody.TABLE),
                "exclude" if excluded else "include",
                exhibit=exhibit.id,
            )
        return get_exhibit(vault, exhibit.id)


def delete_exhibit(vault: Vault, exhibit_id: str, typed: str, reason: str = "") -> Exhibit:
    """Delete an exhibit for good: only when `typed` is its number in full.

    The custody log keeps what was deleted (number, hash, size, name) and why; the
    number is never given to another item."""
    exhibit = get_exhibit(vault, exhibit_id)
    if typed.strip().upper() != exhibit.id:
        raise InputError(
            f"To delete {exhibit.id} for good, type {exhibit.id} exactly; nothing was deleted."
        )
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit.id)
        vault.table(TABLE).remove(doc_ids=_doc_ids(vault, exhibit.id))
        custody.append(
            vault.table(custody.TABLE),
            "delete",
            exhibit=exhibit.id,
            sha256=exhibit.sha256,
            size=exhibit.size,
            original_name=exhibit.original_name,
            **({"reason": reason.strip()} if reason.strip() else {}),
        )
    (vault.blob_dir / f"{exhibit.blob}.blob").unlink(missing_ok=True)
    fsync_dir(vault.blob_dir)
    return exhibit


def similar_to(exhibits: Iterable[Exhibit], exhibit: Exhibit) -> list[Exhibit]:
    """Other exhibits that show the same picture, by perceptual hash."""
    wanted = fingerprint(exhibit.phash)
    if wanted is None:
        return []
    return [
        other
        for other in exhibits
        if other.id != exhibit.id
        and (value := fingerprint(other.phash)) is not None
        and (value ^ wanted).bit_count() <= SAME_PICTURE_BITS
    ]


def similar_groups(exhibits: list[Exhibit]) -> list[list[str]]:
    """The exhibits that show the same picture, in groups: each group is led by the
    first exhibit (in the order given) that looks like another, followed by those like
    it that no earlier group took."""
    near = same_pictures([fingerprint(exhibit.phash) for exhibit in exhibits])
    groups: list[list[str]] = []
    placed: set[str] = set()
    for exhibit, same in zip(exhibits, near, strict=True):
        if exhibit.id in placed or not same:
            continue
        group = [exhibit.id]
        group += [exhibits[other].id for other in same if exhibits[other].id not in placed]
        placed.update(group)
        groups.append(group)
    return groups


def read_original(vault: Vault, exhibit: Exhibit) -> bytes:
    """The original bytes of one exhibit, in memory only, checked against its hash."""
    buffer = io.BytesIO()
    if problem := _hash_blob(vault, exhibit, buffer.write):
        raise VaultDamaged(f"{exhibit.id} can't be read: {problem}. Restore it from a backup.")
    return buffer.getvalue()


# ---- verification and export --------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    exhibit: str
    """An exhibit number, or `log`, `record` or `pieces` for the case as a whole."""
    what: str
    serious: bool = True
    """False for what is worth saying but is no damage (pieces of an interrupted add)."""


def _hash_blob(vault: Vault, exhibit: Exhibit, sink: Callable[[bytes], object]) -> str:
    """Decrypt one blob into `sink`; return what is wrong with it, or '' when whole."""
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in decrypt_stream(
            vault.blob_dir / f"{exhibit.blob}.blob", vault.blob_key, vault.blob_aad(exhibit.blob)
        ):
            digest.update(chunk)
            size += len(chunk)
            sink(chunk)
    except BlobDamaged as damage:
        return f"its stored copy is {damage}"
    if size != exhibit.size or digest.hexdigest() != exhibit.sha256:
        return "its stored copy no longer matches the hash taken at intake"
    return ""


def _card_problem(vault: Vault, exhibit: Exhibit) -> str:
    """What is wrong with the card a blob carries ('' when it is whole and its own)."""
    try:
        card = cards.open_card(vault, exhibit.blob)
    except BlobDamaged:
        return "the card stored with it was changed"
    if card is not None and card.record.get("sha256") != exhibit.sha256:
        return "the card stored with it belongs to other evidence"
    return ""


def verify_all(
    vault: Vault,
    progress: Progress | None = None,
    checked: Callable[[Exhibit, str], None] | None = None,
) -> list[Problem]:
    """Decrypt and re-hash every exhibit and check the custody log; record the check, and
    clear away what interrupted writes left behind.

    `checked` hears of each exhibit as soon as it is done ('' when whole)."""
    exhibits = list_exhibits(vault)
    total = sum(exhibit.size for exhibit in exhibits)
    done = 0

    def count(chunk: bytes) -> None:
        nonlocal done
        done += len(chunk)
        if progress is not None:
            progress(done, total)

    problems = []
    for exhibit in exhibits:
        what = _hash_blob(vault, exhibit, count) or _card_problem(vault, exhibit)
        if checked is not None:
            checked(exhibit, what)
        if what:
            problems.append(Problem(exhibit.id, what))
    problems += [Problem("log", what) for what in custody.verify(vault.table(custody.TABLE))]
    if stray := cards.stray_message(cards.strays(vault)):
        problems.append(Problem("record", stray))
    removed = vault.sweep_leftovers()
    kept = sum(1 for _ in vault.blob_dir.glob("*.part"))
    if removed or kept:
        problems.append(Problem("pieces", _pieces_sentence(removed, kept), False))
    try:
        with vault.transaction():
            details: dict[str, Any] = {
                "checked": len(exhibits),
                "damaged": [problem.exhibit for problem in problems if problem.serious],
            }
            if removed:
                details["removed_unfinished_pieces"] = removed
            custody.append(vault.table(custody.TABLE), "verify", **details)
    except (OSError, ReclaimError) as error:  # a full disk: the results still count
        problems.append(
            Problem("log", f"this check could not be written to the custody log: {error}", False)
        )
    return problems


def _pieces_sentence(removed: int, kept: int) -> str:
    parts = []
    if removed:
        parts.append(f"removed {removed} unfinished piece(s) left by an add that was interrupted")
    if kept:
        parts.append(
            f"{kept} unfinished piece(s) are from an add under way or stopped in the last hour "
            "(they go once an hour old)"
        )
    return "; ".join(parts)


def export_original(vault: Vault, exhibit_id: str, destination: Path) -> Path:
    """Write the original bytes of one exhibit to `destination` (a file or a folder)."""
    exhibit = get_exhibit(vault, exhibit_id)
    target = destination / (Path(exhibit.original_name).name or exhibit.id)
    if not destination.is_dir():
        target = destination
    check_new_file(target, into="export into")
    temp = temp_path_for(target, suffix=".part")
    try:
        with open_private(temp) as handle:
            problem = _hash_blob(vault, exhibit, handle.write)
            if problem:
                raise VaultDamaged(
                    f"{exhibit.id} can't be exported: {problem}. Restore it from a backup copy."
                )
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "export",
            exhibit=exhibit.id,
            sha256=exhibit.sha256,
            destination=str(target),
        )
    return target
