"""Finding words across the case: in what was read in the pictures and in what the person
typed. A line is found when it holds every word searched for, however it is written:
capitals and accents don't matter ("garcon" finds "Garçon")."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.evidence.model import DETAIL_FIELDS, Exhibit, list_exhibits
from tui.core.evidence.reading.model import Hit, reading_of
from tui.core.shared.text import folded
from tui.core.vault.vault import Vault

#: Where a hit in the person's own words was found.
DETAILS = "details"


def search(vault: Vault, words: str) -> list[Hit]:
    """Every exhibit line (read or typed) holding all the words, in exhibit order: the
    person's details first, then the pictures' lines."""
    return search_exhibits(list_exhibits(vault), words)


def search_exhibits(exhibits: Iterable[Exhibit], words: str) -> list[Hit]:
    wanted = folded(words).split()
    if not wanted:
        return []
    hits: list[Hit] = []
    for exhibit in exhibits:
        for where, text in lines_of(exhibit):
            line = folded(text)
            if all(word in line for word in wanted):
                hits.append(Hit(exhibit.id, text, where))
    return hits


def lines_of(exhibit: Exhibit) -> Iterable[tuple[str, str]]:
    """(where, line) for each line of the exhibit's details, then of its read pictures."""
    for name in DETAIL_FIELDS:
        for line in str(getattr(exhibit, name, "") or "").splitlines():
            if line.strip():
                yield DETAILS, line
    if exhibit.original_name:
        yield DETAILS, exhibit.original_name
    reading = reading_of(exhibit.extra)
    if reading is not None:
        for picture in reading.pictures:
            for each in picture.lines:
                yield picture.source, each.text


def matches(exhibit: Exhibit, words: str) -> bool:
    """Whether the exhibit has a line holding all the words (for a list's filter)."""
    return bool(search_exhibits([exhibit], words))
