"""The Evidence step's list: its columns, how an exhibit is drawn in them, how the filter
matches, how the list sorts, and the line above it that sums it up. Kept apart from the
screen so that a column or a sort is changed in one place, without reading its work."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from tui.core.evidence.completeness import assess, is_complete
from tui.core.evidence.described import said_description
from tui.core.evidence.model import Exhibit, get_exhibit
from tui.core.evidence.reading.model import KEY
from tui.core.evidence.reading.search import DETAILS, search_exhibits
from tui.core.shared.display import shown
from tui.core.shared.errors import NotFound
from tui.core.shared.fuzzy_dates import short_date
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.local_formats import dates_in, short_date_width
from tui.core.vault.vault import Vault

#: Columns with a fixed width, around the description, which takes what is left.
BEFORE_DESCRIPTION = (
    ("mark", "", 1),
    ("id", N_("ID"), 6),
    ("captured", N_("Captured"), 11),  # "~2024-03-05": about that day (see `column_width`)
    ("platform", N_("Platform"), 10),
    ("poster", N_("Poster"), 10),
)
AFTER_DESCRIPTION = (
    ("complete", N_("Done"), 5),
    # Named, so that after V its ✓ is not read as a second "Done" mark.
    ("check", N_("Hash"), 4),
)
FIXED = BEFORE_DESCRIPTION + AFTER_DESCRIPTION
#: Every column's key, in the order the cells of a row come.
COLUMN_KEYS = (
    *(key for key, _label, _width in BEFORE_DESCRIPTION),
    "description",
    *(key for key, _label, _width in AFTER_DESCRIPTION),
)

SORTS: dict[str, tuple[str, Callable[[Exhibit], Any]]] = {
    "id": (N_("number"), lambda e: e.number),
    "captured": (N_("capture time"), lambda e: (e.captured_at or "~", e.number)),
    "platform": (N_("platform"), lambda e: (e.platform.casefold() or "~", e.number)),
    "poster": (N_("poster"), lambda e: (e.poster.casefold() or "~", e.number)),
    "complete": (N_("details missing"), lambda e: (assess(e).done, e.number)),
}
"""By column key: (what the lead says it is sorted by, the sort key)."""


def column_width(key: str, given: int) -> int:
    """A fixed column's width in the language spoken: the capture date's column holds
    "~28 sept. 2024" in French, wider than "~2024-09-28"."""
    return 1 + short_date_width() if key == "captured" else given


def add_columns(table: DataTable[Text], screen_width: int) -> None:
    """The list's columns, headed in the language spoken, the description taking what
    the others leave of `screen_width`."""
    for key, label, given in BEFORE_DESCRIPTION:
        table.add_column(_(label) if label else "", width=column_width(key, given), key=key)
    described = description_width(screen_width)
    table.add_column(_("Description"), width=described, key="description")
    for key, label, given in AFTER_DESCRIPTION:
        table.add_column(_(label), width=column_width(key, given), key=key)


def description_width(screen_width: int) -> int:
    columns = sum(column_width(key, given) for key, _label, given in FIXED)
    fixed = columns + (len(FIXED) + 1) * 2 + 2
    return max(12, screen_width - fixed)


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


def filtered(exhibits: list[Exhibit], words: list[str]) -> tuple[list[Exhibit], dict[str, str]]:
    """The exhibits the filter's words find, and for those found only by the words read
    in their pictures, the line they were found on (by exhibit id)."""
    if not words:
        return exhibits, {}
    found = {
        e.id: line for e in exhibits if not matches(e, words) and (line := picture_line(e, words))
    }
    return [e for e in exhibits if e.id in found or matches(e, words)], found


def refreshed(
    vault: Vault, exhibits: list[Exhibit], ids: list[str]
) -> tuple[list[Exhibit], list[Exhibit]]:
    """The list with these exhibits read again from the case (those still in it), and
    them."""
    fresh = {}
    for exhibit_id in ids:
        with suppress(NotFound):
            fresh[exhibit_id] = get_exhibit(vault, exhibit_id)
    return [fresh.get(e.id, e) for e in exhibits], list(fresh.values())


def picture_line(exhibit: Exhibit, words: list[str]) -> str:
    """The first line read in the exhibit's pictures holding every word ('' if none);
    capitals and accents don't matter."""
    hits = search_exhibits([exhibit], " ".join(words)) if KEY in exhibit.extra else []
    return next((hit.text for hit in hits if hit.where != DETAILS), "")


def cells(exhibit: Exhibit, marked: bool, check: str | None, found: str = "") -> list[Text]:
    """An exhibit's row. `check` is what verifying found: None before a check, '' when
    it matches its hash, else what is wrong. `found` is the line read in its pictures
    that the filter found, shown instead of the description."""
    done = assess(exhibit)
    description = shown(said_description(exhibit.description) or exhibit.original_name)
    if found:
        description = _("“{line}” in the picture").format(line=shown(found))
    if exhibit.excluded:
        description = _("(removed) {description}").format(description=description)
    return [
        Text("●" if marked else "", style="bold"),
        Text(exhibit.id),
        Text(shown(dates_in(short_date(exhibit.captured_at)))),
        Text(shown(exhibit.platform)),
        Text(shown(exhibit.poster)),
        Text(description, style="dim" if exhibit.excluded else ""),
        Text(done.short, style="green" if done.complete else "yellow"),
        check_cell(check),
    ]


def check_cell(check: str | None) -> Text:
    """What verifying found: nothing before a check, ✓ when it matches, ✗ when not."""
    if check is None:
        return Text("")
    return Text("✗", "bold red") if check else Text("✓", "green")  # i18n: not shown


def lead_text(
    exhibits: list[Exhibit],
    shown_count: int,
    sort_key: str,
    marked: list[str],
    width: int | None = None,
) -> str:
    """The line above the list: how many items, how many shown and need details, the
    order, and which are marked; wider than `width`, it breaks between those parts,
    never inside one ("orden (s):" / "número" on two lines)."""
    count = len(exhibits)
    if not count:
        return _(
            "Nothing saved yet. Save evidence before you change settings or report: "
            "press a to add screenshots, recordings or saved pages (g: how to capture)."
        )
    incomplete = sum(1 for e in exhibits if not is_complete(e))
    parts = [
        ngettext(
            "{count} item, encrypted and hashed", "{count} items, encrypted and hashed", count
        ).format(count=count)
    ]
    if shown_count != count:
        parts.append(
            ngettext("{count} shown", "{count} shown", shown_count).format(count=shown_count)
        )
    if incomplete:
        parts.append(
            ngettext("{count} needs details", "{count} need details", incomplete).format(
                count=incomplete
            )
        )
    parts.append(_("by {order} (s sorts)").format(order=_(SORTS[sort_key][0])))
    if marked:
        parts.append(_("marked: {exhibits}").format(exhibits=", ".join(marked)))
    return _between_parts(parts, width)


def _between_parts(parts: list[str], width: int | None) -> str:
    """`parts` joined by " · ", a new line before a part that would go past `width`."""
    lines = [parts[0]]
    for part in parts[1:]:
        if width is not None and len(lines[-1]) + len(" · ") + len(part) > width:
            lines.append(part)
        else:
            lines[-1] += " · " + part
    return "\n".join(lines)
