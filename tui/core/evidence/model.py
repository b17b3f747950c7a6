"""An exhibit as the case record holds it, the details a person gives for one, and
finding exhibits by number.

Intake copies the person's file byte for byte into an encrypted blob and hashes it in
the same pass (`adding`), so the SHA-256 recorded is the hash of exactly what is stored;
this module is the shape of that record and the checks on what a person types into it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from tui.core.shared.dates import parse_rough
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.i18n import _
from tui.core.vault.cards import EXHIBITS
from tui.core.vault.overlay import json_copy
from tui.core.vault.vault import Vault

#: The case record's table of exhibits (the same one the blobs' cards copy).
TABLE = EXHIBITS

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
    provenance: dict[str, str] = field(default_factory=dict)
    """Where it came from: who captured it and in what role, how, with which app, on what
    device and system, whose clock (see `provenance`). Empty: not said yet (and for
    exhibits added by earlier versions)."""
    provenance_guesses: dict[str, str] = field(default_factory=dict)
    """Provenance read from the file (its EXIF device), field -> where from, until the
    person confirms or changes it."""
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


def clean_details(raw: Mapping[str, str | None]) -> dict[str, str]:
    """Trim the given details and read the dates; raise InputError on anything unusable.

    The dates are read as forgivingly as the timeline's ("5 March 2024", "March 2024",
    "about 2023"; see `dates.parse_rough`), since a person who knows only the month a
    picture went up should be able to say so rather than invent a day."""
    cleaned: dict[str, str] = {}
    for name, value in raw.items():
        if name not in DETAIL_FIELDS:
            raise InputError(
                _("{name} is not a detail Reclaim keeps for evidence.").format(name=name)
            )
        if value is None:
            continue
        text = value.strip()
        cleaned[name] = parse_rough(text) if name in DATE_FIELDS and text else text
    return cleaned


_ID = re.compile(r"^E?-?0*(\d{1,9})$", re.IGNORECASE)


def normalize_id(text: str) -> str:
    """`e-3`, `E3`, `3` and `E-0003` all name exhibit E-0003."""
    match = _ID.match(text.strip())
    if not match:
        raise InputError(
            _('"{typed}" is not an exhibit number; they look like E-0003.').format(typed=text)
        )
    return f"E-{int(match.group(1)):04d}"


def list_exhibits(vault: Vault) -> list[Exhibit]:
    exhibits = [Exhibit.from_record(doc) for doc in vault.table(TABLE).all()]
    return sorted(exhibits, key=lambda exhibit: exhibit.number)


def get_exhibit(vault: Vault, exhibit_id: str) -> Exhibit:
    wanted = normalize_id(exhibit_id)
    found = vault.table(TABLE).find("id", wanted)
    if not found:
        raise NotFound(_("There is no exhibit {number} in this case.").format(number=wanted))
    return Exhibit.from_record(found[0])


def doc_ids(vault: Vault, exhibit_id: str) -> list[int]:
    """The record's documents for one exhibit (by the index, not a scan)."""
    return [doc.doc_id for doc in vault.table(TABLE).find("id", exhibit_id)]
