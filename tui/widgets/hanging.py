"""Lists whose wrapped lines stay under their first word (a hanging indent).

A bullet written as "• text" into one paragraph wraps its second line back to the left
edge, under the bullet, and at 80 columns most lines wrap: the list stops reading as a
list. A two-column grid (the marker, then the text in what is left) keeps each item's
lines together, at any width, without measuring anything ourselves."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text


def hanging(rows: Iterable[tuple[str, str | Text]], *, indent: int = 2) -> Table:
    """One grid for a whole list: each row is (marker, text), e.g. ("•", "Save…") or
    ("1.", "Open…"). Markers are shown as written, texts as Text or plain strings
    (never read as markup: they may come from a clinic's settings file)."""
    grid = Table.grid(expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for marker, text in rows:
        body = text if isinstance(text, Text) else Text(text)
        grid.add_row(Text(" " * indent + marker + " " if marker else " " * indent), body)
    return grid


def bullets(items: Iterable[str | Text], *, indent: int = 2) -> Table:
    """A bulleted list with a hanging indent."""
    return hanging((("•", item) for item in items), indent=indent)
