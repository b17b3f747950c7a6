"""The details an exhibit's read words fill in: only empty ones (or one guessed from
the file's own time, the weakest guess), each marked as a guess "read from the picture"
until the person confirms it, like every other guess. What the person typed is never
changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.evidence.guesses import CONFIRMED_ALONE
from tui.core.evidence.model import Exhibit, clean_details
from tui.core.evidence.reading.model import Reading
from tui.core.evidence.reading.shows import what_it_shows
from tui.core.shared.errors import InputError

#: Where such a guess came from (its value in `Exhibit.guesses`).
SOURCE = "picture"


def read_guesses(
    exhibit: Exhibit, reading: Reading, record: Mapping[str, Any], *, month_first: bool = False
) -> dict[str, Any]:
    """The changes to the exhibit's record: each detail filled, and its guesses. Dates in
    numbers are read month first where the case's person lives writes them so."""
    shows = what_it_shows(reading, record, month_first=month_first)
    guesses = dict(exhibit.guesses)
    changes: dict[str, Any] = {}
    for name, value in shows.values.items():
        current = getattr(exhibit, name, "")
        weak = guesses.get(name) in CONFIRMED_ALONE
        if current and not weak:
            continue
        try:
            cleaned = clean_details({name: value})[name]
        except InputError:  # a date Reclaim won't keep (in the future, say): no guess
            continue
        if cleaned:
            changes[name] = cleaned
            guesses[name] = SOURCE
    if changes:
        changes["guesses"] = guesses
    return changes
