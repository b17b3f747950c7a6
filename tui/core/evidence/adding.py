"""Taking one file (or bytes made inside Reclaim) into the case as an exhibit.

A file is first staged: copied byte for byte into an unfinished blob, encrypted and
hashed in the same pass, so the SHA-256 recorded is the hash of exactly what is stored,
and described from its content. Then it is recorded: its card is sealed onto the blob,
the blob is renamed into place, and the exhibit enters the record with a custody entry.
Nothing of the file (name, content, thumbnail) is written outside the vault in
plaintext. Adding many files at once is `intake`'s job, built on these steps."""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from tui.core.evidence import formats
from tui.core.evidence.file_names import NAME_BYTES, kept_name
from tui.core.evidence.guesses import with_guesses
from tui.core.evidence.model import TABLE, Exhibit, Progress, clean_details
from tui.core.evidence.provenance import clean_provenance, intake_record, with_file_guesses
from tui.core.evidence.sources import SourceReader, open_source
from tui.core.evidence.strays import folder_state, next_exhibit_id, reserve_numbers
from tui.core.shared.atomic import fsync_dir, open_private
from tui.core.shared.clock import local_offset, utc_now, utc_stamp
from tui.core.shared.i18n import N_
from tui.core.vault import custody
from tui.core.vault.blobs import append_card, encrypt_stream
from tui.core.vault.cards import seal_card
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class IntakeResult:
    exhibit: Exhibit
    duplicate: bool = False
    """True when identical bytes were already in the case; nothing new was added."""


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
    provenance: dict[str, str] = field(default_factory=dict)
    """Where it came from, as given for the batch, with the device read from the file."""
    provenance_guesses: dict[str, str] = field(default_factory=dict)
    taken_in_by: str = ""
    """Who took it into Reclaim, for the intake's custody entry ('' when not known)."""
    name_bytes: str | None = None
    """The exact bytes of a file name that is not UTF-8 (base64; see `file_names`)."""
    taken_from: dict[str, str] = field(default_factory=dict)
    """The exhibit it was taken out of, when it is a file inside another (see
    `inner_exhibits`): kept with the exhibit and in its intake's custody entry."""


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


def stage_bytes(
    vault: Vault,
    data: bytes,
    name: str,
    provenance: Mapping[str, str] | None = None,
    taken_in_by: str = "",
    taken_from: Mapping[str, str] | None = None,
) -> Staged:
    """Bytes found inside an exhibit, staged like a file (no lock is held): described
    from their content, with where they came from."""
    handle = io.BytesIO(data)
    staged = _stage(vault, handle, handle, total=len(data), name=name, modified=None, details={})
    given = {k: v for k, v in clean_provenance(provenance or {}).items() if v}
    staged.provenance, staged.provenance_guesses = with_file_guesses(given, staged.facts.guesses)
    staged.taken_in_by = taken_in_by
    staged.taken_from = dict(taken_from or {})
    return staged


def stage_file(
    vault: Vault,
    path: Path,
    details: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    follow_links: bool = False,
    provenance: Mapping[str, str | None] | None = None,
    taken_in_by: str = "",
) -> Staged:
    """Copy one file into an unfinished blob, hashing it on the way (no lock is held).
    `provenance` is where it came from, as the person said for the whole batch; the
    device the file names fills what they left unsaid, as a guess."""
    cleaned = clean_details(details or {})
    given = {k: v for k, v in clean_provenance(provenance or {}).items() if v}
    with open_source(path, follow_links) as handle:
        modified = datetime.fromtimestamp(os.fstat(handle.fileno()).st_mtime, UTC)
        staged = _stage(
            vault,
            handle,
            SourceReader(handle, path),
            total=os.fstat(handle.fileno()).st_size,
            # A name that isn't valid UTF-8 (bytes from another system) is kept with
            # those bytes written out (`bad\xffname.jpg`) and its exact bytes beside it.
            name=kept_name(path.name)[0],
            modified=modified,
            details=cleaned,
            progress=progress,
        )
    staged.provenance, staged.provenance_guesses = with_file_guesses(given, staged.facts.guesses)
    staged.taken_in_by = taken_in_by
    staged.name_bytes = kept_name(path.name)[1]
    return staged


def _stage(
    vault: Vault,
    handle: BinaryIO,
    reader: SourceReader | BinaryIO,
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
        details, guesses = with_guesses(details, facts, name, modified, derived_from)
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
            clean = reserve_numbers(vault)
            for item in staged:
                result = _record(vault, item)
                if not result.duplicate:
                    renamed.append(item)
                results.append(result)
            if renamed:
                fsync_dir(vault.blob_dir)
            after = folder_state(vault, vault.generation + 1) if clean else None
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


def facts_record(facts: formats.Facts) -> dict[str, Any]:
    """The facts kept with the exhibit (JSON): its kind, what it showed, any problem."""
    record: dict[str, Any] = {"kind": facts.kind, **facts.shown}
    if facts.problem:
        record["problem"] = facts.problem
    return record


#: What all of an exhibit's facts may come to on its card, and any one of them: the record
#: keeps them whole; the card (what takes the exhibit back if the record is lost) keeps
#: those that fit, and says which were left off.
CARD_FACTS_BUDGET = 16 * 1024
CARD_FACT_LIMIT = 2 * 1024
#: The sentence a card's facts carry when some were left off.
CUT_NOTE = N_("Some facts were too long to keep with the stored copy and were left off there")


def card_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """What the exhibit's card holds: its record, with its facts capped so that no file
    (a chat naming thousands of attachments) can make the card too large to read back."""
    facts = record.get("facts")
    if not isinstance(facts, dict):
        return dict(record)
    kept: dict[str, Any] = {}
    cut: list[str] = []
    used = 0
    for key, value in facts.items():
        size = len(json.dumps(value))
        if size > CARD_FACT_LIMIT or used + size > CARD_FACTS_BUDGET:
            cut.append(str(key))
            continue
        kept[key] = value
        used += size
    if cut:
        kept["cut"] = f"{CUT_NOTE} ({', '.join(cut[:20])})."
    return {**record, "facts": kept}


def _record(vault: Vault, staged: Staged) -> IntakeResult:
    """One staged file into the record (inside the transaction)."""
    table = vault.table(TABLE)
    for existing in table.find("sha256", staged.sha256):
        return IntakeResult(Exhibit.from_record(existing), duplicate=True)
    now = utc_now()
    facts = staged.facts
    exhibit = Exhibit.from_record(
        {
            "id": next_exhibit_id(vault),
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
            **({"provenance": staged.provenance} if staged.provenance else {}),
            **(
                {"provenance_guesses": staged.provenance_guesses}
                if staged.provenance_guesses
                else {}
            ),
            **({"taken_from": staged.taken_from} if staged.taken_from else {}),
            **({NAME_BYTES: staged.name_bytes} if staged.name_bytes else {}),
            **staged.details,
        }
    )
    # The blob carries its exhibit's card before it becomes part of the case, so a blob
    # the record doesn't know can always be recognised and taken back.
    record = exhibit.to_record()
    card = seal_card(vault, staged.blob, card_record(record), vault.generation + 1)
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
        **({"taken_from": staged.taken_from} if staged.taken_from else {}),
        **intake_record(staged.taken_in_by),
    )
    return IntakeResult(exhibit)
