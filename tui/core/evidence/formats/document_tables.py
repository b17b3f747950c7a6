"""A table in a document (Word, OpenDocument) as the binder prints it: a ruled table,
its first row as the heading (repeated on every page it runs over), each column as wide
as its words need. A table wider than `MAX_COLUMNS` is printed as several, each with the
table's first column again (what the rows are about) and said ("Columns 7 to 11 of 20"),
so that no column is too narrow to read. A cell is never cut: the binder wraps it, and
continues one longer than a page on the next row."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.evidence.formats.base import Block, Table, Text, clean_text
from tui.core.shared.i18n import _

#: Columns printed side by side; a wider table is printed in parts of this many.
MAX_COLUMNS = 6
#: Characters of a column's longest cell that widen it; past them its cells wrap.
_WIDEST = 40


def table_blocks(rows: Sequence[Sequence[str]]) -> list[Block]:
    """A document's table (its rows of cells, as read) as blocks to print."""
    count = max((len(row) for row in rows), default=0)
    if not count:
        return []
    # a short row (its cells merged) is filled out
    cells = [[_cell(cell) for cell in row] + [""] * (count - len(row)) for row in rows]
    if len(cells) == 1 and count == 1:  # a box around a few words: they are text
        return [Text(cells[0][0])] if cells[0][0] else []
    if count <= MAX_COLUMNS:
        return [_table(cells, list(range(count)))]
    blocks: list[Block] = []
    first = 0
    while first < count:
        taken = list(range(first, min(count, first + MAX_COLUMNS - (first > 0))))
        said = _("Columns {first} to {last} of {count} of this table:").format(
            first=taken[0] + 1, last=taken[-1] + 1, count=count
        )
        blocks += [Text(said), _table(cells, ([0] if first else []) + taken)]
        first = taken[-1] + 1
    return blocks


def _cell(text: str) -> str:
    return " ".join(clean_text(text).split())


def _table(rows: list[list[str]], columns: list[int]) -> Table:
    head, *body = rows
    natural = [min(max(len(row[c]) for row in rows), _WIDEST) + 4 for c in columns]
    total = sum(natural)
    return Table(
        tuple(head[c] for c in columns),
        [tuple(row[c] for c in columns) for row in body],
        tuple(width / total for width in natural),
    )
