"""The Evidence step's list: its columns, how an exhibit is drawn in them, how the filter
matches, how the list sorts, and the line above it that sums it up. Kept apart from the
screen so that a column or a sort is changed in one place, without reading its work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from tui.core.evidence.completeness import assess, is_complete
from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown
from tui.core.shared.fuzzy_dates import short_date
from tui.core.shared.text import counted, plural_of

#: Columns with a fixed width, around the description, which takes what is left.
BEFORE_DESCRIPTION = (
    ("mark", "", 1),
    ("id", "ID", 6),
    ("captured", "Captured", 11),  # "~2024-03-05": about that day
    ("platform", "Platform", 10),
    ("poster", "Poster", 10),
)
AFTER_DESCRIPTION = (
    ("complete", "Done", 5),
    # Named, so that after V its ✓ is not read as a second "Done" mark.
    ("check", "Hash", 4),
)
FIXED = BEFORE_DESCRIPTION + AFTER_DESCRIPTION
FIXED_WIDTH = sum(width for _, _, width in FIXED) + (len(FIXED) + 1) * 2 + 2
#: Every column's key, in the order the cells of a row come.
COLUMN_KEYS = (
    *(key for key, _, _ in BEFORE_DESCRIPTION),
    "description",
    *(key for key, _, _ in AFTER_DESCRIPTION),
)

SORTS: dict[str, tuple[str, Callable[[Exhibit], Any]]] = {
    "id": ("number", lambda e: e.number),
    "captured": ("capture time", lambda e: (e.captured_at or "~", e.number)),
    "platform": ("platform", lambda e: (e.platform.casefold() or "~", e.number)),
    "poster": ("poster", lambda e: (e.poster.casefold() or "~", e.number)),
    "complete": ("details missing", lambda e: (assess(e).done, e.number)),
}
"""By column key: (what the lead says it is sorted by, the sort key)."""


def description_width(screen_width: int) -> int:
    return max(12, screen_width - FIXED_WIDTH)


def matches(exhibit: Exhibit, words: list[str]) -> bool:
    """Every word of the filter appears somewhere in the exhibit's details."""
    haystack = " ".join(
        (
            exhibit.id,
            exhibit.platform,
            exhibit.poster,
            exhibit.description,
            exhibit.caption,
            exhibit.url,
            exhibit.original_name,
            exhibit.notes,
            exhibit.captured_at,
            exhibit.posted_at,
            "removed" if exhibit.excluded else "",
        )
    ).casefold()
    return all(word in haystack for word in words)


def cells(exhibit: Exhibit, marked: bool, check: str | None) -> list[Text]:
    """An exhibit's row. `check` is what verifying found: None before a check, '' when
    it matches its hash, else what is wrong."""
    found = assess(exhibit)
    description = shown(exhibit.description or exhibit.original_name)
    if exhibit.excluded:
        description = f"(removed) {description}"
    return [
        Text("●" if marked else "", style="bold"),
        Text(exhibit.id),
        Text(shown(short_date(exhibit.captured_at))),
        Text(shown(exhibit.platform)),
        Text(shown(exhibit.poster)),
        Text(description, style="dim" if exhibit.excluded else ""),
        Text(found.short, style="green" if found.complete else "yellow"),
        Text("") if check is None else Text("✗", "bold red") if check else Text("✓", "green"),
    ]


def lead_text(exhibits: list[Exhibit], shown_count: int, sort_key: str, marked: list[str]) -> str:
    """The line above the list: how many items, how many shown and need details, the
    order, and which are marked."""
    count = len(exhibits)
    if not count:
        return (
            "Nothing saved yet. Save evidence before you change settings or report: "
            "press a to add screenshots, recordings or saved pages (g: how to capture)."
        )
    incomplete = sum(1 for e in exhibits if not is_complete(e))
    lead = f"{counted(count, 'item')}, encrypted and hashed"
    if shown_count != count:
        lead += f" · {shown_count} shown"
    if incomplete:
        lead += f" · {incomplete} {plural_of(incomplete, 'needs', 'need')} details"
    lead += f" · by {SORTS[sort_key][0]} (s sorts)"
    if marked:
        lead += f" · marked: {', '.join(marked)}"
    return lead
