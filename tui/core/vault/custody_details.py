"""A custody entry's details as a person reads them. The log keeps each detail under a
stable English key (`original_name`, `size`, `sha256`) and its value as written: both
are part of the hash chain, so neither is changed or translated where it is kept. In
Spanish and French they are said where they are shown (`reclaim log`, the binder's
appendix): the key in words ("nombre original"), a size or a time the language's way,
yes and no in words, a field changed named as a person names it. English shows the
keys and values as the log and binders always have; `--json` shows them as kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from tui.core.shared.i18n import SOURCE_LANGUAGE, _, language, pgettext
from tui.core.shared.local_formats import whole_number
from tui.core.shared.text import size

#: A time as the log keeps it: `2024-03-05T20:15:00Z`, or a day alone.
_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?"
)
#: Details whose value is a list of field names.
_FIELD_LISTS = frozenset({"fields", "confirmed"})


def _names() -> dict[str, str]:
    """Every detail key Reclaim writes, said in the language spoken here and now."""
    return {
        "exhibit": pgettext("custody detail", "exhibit"),
        "exhibits": pgettext("custody detail", "exhibits"),
        "sha256": pgettext("custody detail", "sha256"),
        "size": pgettext("custody detail", "size"),
        "original_name": pgettext("custody detail", "original name"),
        "derived_from": pgettext("custody detail", "made from"),
        "taken_from": pgettext("custody detail", "taken from"),
        "taken_in_by": pgettext("custody detail", "added by"),
        "computer": pgettext("custody detail", "computer"),
        "reclaim_version": pgettext("custody detail", "Reclaim version"),
        "fields": pgettext("custody detail", "fields"),
        "changes": pgettext("custody detail", "changes"),
        "confirmed": pgettext("custody detail", "confirmed"),
        "reason": pgettext("custody detail", "reason"),
        "card_generation": pgettext("custody detail", "card generation"),
        "was": pgettext("custody detail", "was"),
        "damaged_record_kept_as": pgettext("custody detail", "damaged record kept as"),
        "sources": pgettext("custody detail", "sources"),
        "destination": pgettext("custody detail", "destination"),
        "files": pgettext("custody detail", "files"),
        "source": pgettext("custody detail", "source"),
        "backup_made_at": pgettext("custody detail", "copy made at"),
        "damaged": pgettext("custody detail", "damaged"),
        "set_aside": pgettext("custody detail", "set aside"),
        "checked": pgettext("custody detail", "checked"),
        "removed_unfinished_pieces": pgettext("custody detail", "unfinished pieces removed"),
        "pages": pgettext("custody detail", "pages"),
        "encrypted": pgettext("custody detail", "password"),
        "notice_only": pgettext("custody detail", "shown only as a notice"),
        "binder_sha256": pgettext("custody detail", "binder's sha256"),
        "request": pgettext("custody detail", "request"),
        "event": pgettext("custody detail", "event"),
        "letter": pgettext("custody detail", "letter"),
        "kind": pgettext("custody detail", "kind"),
        "left_damaged": pgettext("custody detail", "left damaged"),
        "time": pgettext("custody detail", "time"),
        "authority": pgettext("custody detail", "authority"),
    }


def _fields() -> dict[str, str]:
    """The fields an entry names as changed, as a person names them."""
    return {
        "description": pgettext("custody field", "what it shows"),
        "platform": pgettext("custody field", "site or app"),
        "poster": pgettext("custody field", "who posted it"),
        "posted_at": pgettext("custody field", "when it was posted"),
        "captured_at": pgettext("custody field", "when it was captured"),
        "url": pgettext("custody field", "web address"),
        "urls": pgettext("custody field", "web addresses"),
        "caption": pgettext("custody field", "captions and comments"),
        "significance": pgettext("custody field", "why it matters"),
        "notes": pgettext("custody field", "notes"),
        "captured_by": pgettext("custody field", "captured by"),
        "role": pgettext("custody field", "their role"),
        "how": pgettext("custody field", "how"),
        "from_whom": pgettext("custody field", "received from"),
        "app": pgettext("custody field", "app"),
        "device": pgettext("custody field", "device"),
        "system": pgettext("custody field", "system"),
        "clock": pgettext("custody field", "capture time from"),
        "status": pgettext("custody field", "status"),
        "reference": pgettext("custody field", "reference"),
        "sent_at": pgettext("custody field", "sent"),
        "follow_up": pgettext("custody field", "follow-up"),
        "pin": pgettext("custody field", "PIN"),
        "jurisdiction": pgettext("custody field", "place"),
        "language": pgettext("custody field", "language"),
        "documents_language": pgettext("custody field", "documents' language"),
        "names": pgettext("custody field", "names"),
        "pets": pgettext("custody field", "pets"),
        "dates": pgettext("custody field", "dates"),
        "name": pgettext("custody field", "name"),
        "address": pgettext("custody field", "address"),
    }


def _statuses() -> dict[str, str]:
    """A takedown request's states, as its status changes are said."""
    return {
        "drafted": pgettext("custody value", "drafted"),
        "submitted": pgettext("custody value", "sent"),
        "acknowledged": pgettext("custody value", "acknowledged"),
        "removed": pgettext("custody value", "removed"),
        "refused": pgettext("custody value", "refused"),
        "escalated": pgettext("custody value", "escalated"),
    }


def known_details() -> frozenset[str]:
    """Every detail key Reclaim writes to the log."""
    return frozenset(_names())


def english() -> bool:
    """Whether details are shown as kept (English, the log's own words)."""
    return language() == SOURCE_LANGUAGE


def name(key: str) -> str:
    """A detail's key in the language spoken; English, or a key not known, as kept."""
    return key if english() else _names().get(key, key)


def pair(key: str, shown: str) -> str:
    """ "size=15129" in English (as the log has always said it); "tamaño: 14,8 KiB"."""
    if english():
        return f"{key}={shown}"
    return _("{name}: {value}").format(name=name(key), value=shown)


def labelled(key: str, shown: str) -> str:
    """ "size: 15129" in English (as the binder's appendix has always said it);
    "tamaño: 14,8 KiB", "taille : 14,8 KiB"."""
    if english():
        return f"{key}: {shown}"
    return _("{name}: {value}").format(name=name(key), value=shown)


def value(key: str, raw: Any, kept: Callable[[Any], str] = str) -> str:
    """A detail's value in the language spoken. English shows it as `kept` writes it; in
    another language a size, a time, yes or no, a list and the fields changed are said
    its way, and anything else as `kept` writes it."""
    if english():
        return kept(raw)
    if isinstance(raw, bool):
        return pgettext("custody value", "yes") if raw else pgettext("custody value", "no")
    if key == "size" and isinstance(raw, int):
        return _size(raw)
    if isinstance(raw, int):
        return whole_number(raw)
    if isinstance(raw, str):
        return local_stamp(raw) if _STAMP.fullmatch(raw) else raw
    if key in _FIELD_LISTS and isinstance(raw, list | tuple):
        fields = _fields()
        return ", ".join(fields.get(str(item), str(item)) for item in raw)
    if key == "changes" and isinstance(raw, Mapping):
        between = pgettext("between the changes of one entry", "; ")  # French: " ; "
        return between.join(_change(str(field), change) for field, change in raw.items())
    if key == "damaged" and isinstance(raw, list | tuple):  # a check's: exhibits, and
        parts = {  # the log or the record when they were found damaged
            "log": pgettext("custody value", "the custody log"),
            "record": pgettext("custody value", "the case's record"),
        }
        return ", ".join(parts.get(str(item), str(item)) for item in raw)
    if isinstance(raw, list | tuple):
        return ", ".join(value("", item, kept) for item in raw)
    if isinstance(raw, Mapping):  # stitched sources: each exhibit and its hash
        return ", ".join(f"{item} ({value('', each, kept)})" for item, each in raw.items())
    return kept(raw)


def _size(count: int) -> str:
    """ "14,8 KiB (15.129 bytes)": the size in words, and exactly, as a hash was taken of."""
    if count < 1024:
        return size(count)
    return _("{size} ({count} bytes)").format(size=size(count), count=whole_number(count))


def _change(field: str, change: Any) -> str:
    """ "estado: redactada → enviada": one field's value before and after."""
    said = _fields().get(field, field)
    if not isinstance(change, Mapping):
        return f"{said}: {value('', change)}"
    words = _statuses() if field == "status" else {}
    old, new = (
        _empty_or(words.get(str(change.get(end)), value("", change.get(end))))
        for end in ("from", "to")
    )
    return _("{field}: {old} → {new}").format(field=said, old=old, new=new)


def _empty_or(text: str) -> str:
    return text if text and text != "None" else "—"


def local_stamp(stored: str) -> str:
    """A kept time with its day the language's short way ("5 mar 2024 20:15:00 UTC");
    a day that is not a real one, as kept."""
    from babel.dates import format_date

    match = _STAMP.fullmatch(stored)
    if match is None:
        return stored
    year, month, day, clock, _fraction, zone = match.groups()
    try:
        said = format_date(date(int(year), int(month), int(day)), "medium", locale=language())
    except ValueError:
        return stored
    if clock:
        said += f" {clock}"
    if zone:
        said += " UTC" if zone == "Z" else f" {zone}"
    return said
