"""The words of an office document's XML (Word's `document.xml`, OpenDocument's
`content.xml`) and the few fields of its properties (`core.xml`, `meta.xml`), read as a
stream: no tree is built, so the cost is one pass over the XML whatever its shape.

A crafted document can nest paragraphs forty thousand deep (a tree walk per paragraph
would print each one's words again in every paragraph around it: gigabytes) or hold
millions of empty ones (a tree of them: gigabytes too). So expat's events are handled
as they come, a paragraph's words kept only until it ends, runs of empty paragraphs kept
as one blank line, and reading stops after `MAX_ELEMENTS` elements, `MAX_DEPTH` levels
or the characters the binder prints; the caller then says the rest was not shown. A
document that declares entities (the "billion laughs") is refused outright."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.parsers import expat

from tui.core.evidence.formats.base import MAX_PRINTED_CHARS, Unreadable
from tui.core.shared.i18n import N_, _

#: Elements read from one XML part (a second or two): a run of text is five or so with
#: its properties and holds a word or more, so a real document reaches the characters
#: the binder prints (`MAX_PRINTED_CHARS`) first.
MAX_ELEMENTS = 500_000
#: Levels of nesting read; real documents (tables in tables, text boxes) have tens.
MAX_DEPTH = 256
#: Characters of one property field kept.
_FIELD_CHARS = 1000
_CHUNK = 65_536

NOT_SHOWN = N_(
    "The rest of this document was not shown here: it is too long or nested too deeply "
    "to print. The whole file is kept with the case, and its hash is above."
)
DAMAGED = N_("This document can't be read: it may be damaged.")


@dataclass(frozen=True)
class Words:
    """Which elements (`{namespace}name`) make up a document's text."""

    paragraphs: frozenset[str]
    """Each starts a line (headings too)."""
    text: frozenset[str] | None
    """Whose characters are words (Word's `w:t`); None: any inside a paragraph."""
    tabs: frozenset[str]
    breaks: frozenset[str]
    spaces: frozenset[str] = frozenset()
    inline: frozenset[str] | None = None
    """Where a tab or break counts (Word's runs: `w:tab` in a paragraph's properties is a
    tab stop, not a tab); None: anywhere in a paragraph."""
    rows: frozenset[str] = frozenset()
    """A table's rows."""
    cells: frozenset[str] = frozenset()
    """A row's cells: their paragraphs are joined into one cell's text."""
    tables: frozenset[str] = frozenset()
    """A table (its rows are kept as rows); a row outside one is printed as a line."""


#: What a table's row counts against the characters printed, at least: a row is drawn
#: with its rules and takes a line or more, so a table of empty cells is bounded too
#: (`MAX_PRINTED_CHARS` allows 10,000 rows).
ROW_CHARS = 40
#: What stands between the cells of a table's row when it is printed as a line (a row
#: outside a table, or in `document_text`).
CELL_GAP = " | "


class _Stop(Exception):
    """A bound was reached: what was read so far stands."""


class _Refused(Exception):
    """The XML declares entities."""


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.ordered_attributes = True

    def refuse(*_args: object) -> None:
        raise _Refused

    parser.EntityDeclHandler = refuse  # no entity bombs, however small each step
    return parser


def _feed(parser: expat.XMLParserType, xml: bytes | Iterable[bytes]) -> bool:
    """Give the parser `xml` (or its pieces, as read); True when a bound stopped it
    first. Raises Unreadable for XML that isn't well formed or declares entities."""
    pieces = _pieces(xml) if isinstance(xml, bytes) else xml
    try:
        for piece in pieces:
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except _Stop:
        return True
    except (_Refused, expat.ExpatError, ValueError, RecursionError):
        raise Unreadable(_(DAMAGED)) from None
    return False


def _pieces(xml: bytes) -> Iterable[bytes]:
    return (xml[at : at + _CHUNK] for at in range(0, len(xml), _CHUNK))


def _name(tag: str) -> str:
    """expat's `namespace}name` as ElementTree's `{namespace}name`."""
    return "{" + tag if "}" in tag else tag


#: A document's text in order: runs of lines (`str`), and tables (their rows of cells).
Part = str | list[list[str]]


def document_text(
    xml: bytes | Iterable[bytes], words: Words, limit: int = MAX_PRINTED_CHARS
) -> tuple[str, bool]:
    """The document's paragraphs, one a line (a run of empty ones as one empty line; a
    table's row as one line, its cells side by side), and whether reading stopped at a
    bound before the end."""
    parts, cut = document_parts(xml, words, limit)
    texts = [
        part if isinstance(part, str) else "\n".join(CELL_GAP.join(row) for row in part)
        for part in parts
    ]
    return "\n".join(texts), cut


def document_parts(
    xml: bytes | Iterable[bytes], words: Words, limit: int = MAX_PRINTED_CHARS
) -> tuple[list[Part], bool]:
    """The document's text as runs of lines (paragraphs, one a line; a run of empty
    ones as one empty line) and tables (each row's cells, a table inside a cell being
    more of that cell's text), in order, and whether reading stopped at a bound before
    the end. `xml` may come in pieces as it is read (and is then read no further than
    the bound). A table's row counts against `limit` as a line of its cells would."""
    # Names as expat gives them (`namespace}name`); every handler runs once an element,
    # so they do as little as they can (a million elements take a second or two).
    paragraph_tags = _expat_names(words.paragraphs)
    text_tags = _expat_names(words.text) if words.text is not None else None
    inline_tags = _expat_names(words.inline) if words.inline is not None else None
    marks = {
        **dict.fromkeys(_expat_names(words.tabs), "\t"),
        **dict.fromkeys(_expat_names(words.breaks), "\n"),
        **dict.fromkeys(_expat_names(words.spaces), " "),
    }
    row_tags, cell_tags = _expat_names(words.rows), _expat_names(words.cells)
    table_tags = _expat_names(words.tables)
    parts: list[Part] = []
    lines: list[str] = []  # the run of lines since the last table
    line: list[str] = []
    names: list[str] = []  # the open elements
    paragraphs = in_text = elements = size = 0
    rows = cells = 0  # open table rows and cells (a table in a cell is more of its text)
    row: list[str] = []  # the cells of the row open at the top
    table: list[list[str]] | None = None  # the table open at the top, its rows so far
    row_started = 0  # `size` when that row began

    def end_line() -> None:
        nonlocal size
        text = "".join(line)
        line.clear()
        if text or (lines and lines[-1]):
            lines.append(text)
            size += 1  # its characters are counted as they come
            if size > limit:
                raise _Stop

    def end_lines() -> None:
        if line:
            end_line()
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            parts.append("\n".join(lines))
            lines.clear()

    def start(tag: str, _attributes: list[str]) -> None:
        nonlocal paragraphs, in_text, elements, rows, cells, table, row_started
        elements += 1
        if elements > MAX_ELEMENTS or len(names) >= MAX_DEPTH:
            raise _Stop
        names.append(tag)
        if tag in table_tags and not cells and table is None:
            end_lines()
            table = []
        elif tag in row_tags:
            rows += 1
            if rows == 1:
                if line and not cells:
                    end_line()
                row.clear()
                row_started = size
        elif tag in cell_tags:
            cells += 1
        if tag in paragraph_tags:
            if line and cells:  # another paragraph of a cell: on the same line
                line.append(" ")
            elif line:  # a paragraph inside another (a note, a text box) is a line of its own
                end_line()
            paragraphs += 1
        elif not paragraphs:
            return
        elif text_tags is not None and tag in text_tags:
            in_text += 1
        elif tag in marks and (inline_tags is None or names[-2] in inline_tags):
            line.append(marks[tag])

    def end(tag: str) -> None:
        nonlocal paragraphs, in_text, rows, cells, size, table
        names.pop()
        if tag in cell_tags and cells:
            cells -= 1
            if not cells and rows == 1:
                row.append(" ".join("".join(line).split()))
                line.clear()
        elif tag in row_tags and rows:
            rows -= 1
            if not rows:
                size += len(CELL_GAP) * len(row)
                done = row.copy()
                row.clear()
                if table is not None:
                    table.append(done)
                    size = max(size + 1, row_started + ROW_CHARS)
                    if size > limit:
                        raise _Stop
                else:  # a row outside any table: one line
                    line.append(CELL_GAP.join(done))
                    end_line()
        elif tag in table_tags and not cells and table is not None:
            if table:
                parts.append(table)
            table = None
        if tag in paragraph_tags:
            paragraphs -= 1
            if cells:  # a cell's paragraphs are one line of the row
                pass
            elif line or (lines and lines[-1]):  # a run of empty ones is one empty line
                end_line()
        elif in_text and tag in text_tags:  # type: ignore[operator]
            in_text -= 1

    def characters(data: str) -> None:
        nonlocal size
        if paragraphs and (in_text or text_tags is None):
            line.append(data)
            size += len(data)
            if size > limit:
                if table is None:
                    end_line()
                raise _Stop

    parser = _parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    cut = _feed(parser, xml)
    if table:  # cut short inside a table: the rows read, and the row begun
        if cut and (row or line):
            row.append(" ".join("".join(line).split()))
            table.append(row.copy())
        parts.append(table)
    elif line:
        lines.append("".join(line))
    if lines:
        parts.append("\n".join(lines))
    return parts, cut


def _expat_names(tags: frozenset[str]) -> frozenset[str]:
    """`{namespace}name` as expat gives it: `namespace}name`."""
    return frozenset(tag.removeprefix("{") for tag in tags)


def fields(xml: bytes, wanted: Iterable[str]) -> dict[str, str]:
    """The first text of each wanted element (`{namespace}name`) of a small XML part, such
    as a document's properties; {} for one that can't be read."""
    wanted = frozenset(wanted)
    found: dict[str, str] = {}
    current: list[str] = []
    open_field: list[str] = []
    count = [0]

    def start(tag: str, _attributes: list[str]) -> None:
        count[0] += 1
        if count[0] > MAX_ELEMENTS:
            raise _Stop
        tag = _name(tag)
        if not open_field and tag in wanted and tag not in found:
            open_field.append(tag)
            current.clear()

    def end(tag: str) -> None:
        if open_field and _name(tag) == open_field[0]:
            text = "".join(current).strip()
            if text:
                found[open_field[0]] = text[:_FIELD_CHARS]
            open_field.clear()
            if len(found) == len(wanted):
                raise _Stop

    def characters(data: str) -> None:
        if open_field and sum(map(len, current)) < _FIELD_CHARS:
            current.append(data[:_FIELD_CHARS])

    parser = _parser()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        _feed(parser, xml)
    except Unreadable:
        return found
    return found
