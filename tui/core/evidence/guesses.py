"""Details filled in from the file itself (its own metadata, its name, its time) for the
fields the person left empty. Each guess names where it came from and stays marked as a
guess until the person confirms or changes it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from tui.core.evidence import formats
from tui.core.evidence.media import time_from_name
from tui.core.evidence.model import DETAIL_FIELDS, clean_details
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_

#: Where a guess came from (the value kept in `Exhibit.guesses`), as a person reads it
#: (marked for the catalogues; said with `_()` where it is shown).
GUESS_SOURCES = {
    "exif": N_("the photo's own data (EXIF)"),
    "xmp": N_("the photo's own data (XMP)"),
    "name": N_("the file's name"),
    "file time": N_("the time the file was last changed"),
    "recording": N_("the recording's own data"),
    "email": N_("the email's own headers"),
    "chat": N_("the chat export"),
    "page": N_("the saved page's own data"),
    "document": N_("the document's own data"),
    "picture": N_("the words read from the picture"),
}

#: Sources too weak to be confirmed along with others: a file's own time is often when it
#: was copied, downloaded or sent, not when it was captured, so the person confirms such a
#: guess only on its own, having looked at it.
CONFIRMED_ALONE = frozenset({"file time"})


def confirmable(guesses: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The guessed fields one "confirm guesses" confirms together, and those (from a
    file's time) that are confirmed only on their own, one at a time."""
    together = [name for name, source in guesses.items() if source not in CONFIRMED_ALONE]
    alone = [name for name, source in guesses.items() if source in CONFIRMED_ALONE]
    return together, alone


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


def with_guesses(
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
    if guesses.get("captured_at") == "file time" and modified is not None:
        # The guess is on this computer's clock: its offset from UTC kept beside it, so
        # that it prints with its zone (the binder), like an email's time.
        offset = modified.astimezone().isoformat()[-6:]
        facts.shown["captured_stated"] = details["captured_at"] + offset
    return details, guesses
