"""How the binder sets its text, as a law office would: ranged left (never justified),
lines broken between words (a web address only after / ? & = -), labels and values in two
columns, ruled tables, and every hash in a monospaced face.

Lines are measured with the font's own widths, word by word, and drawn one by one: fpdf2's
multi_cell measures each line again for every character added, which made long custody
logs the slowest part of a binder."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.binder.faces import MONO, SANS, line, named, prepare

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["MISSING", "MONO", "SANS", "drawable", "line"]
#: Where a web address may be broken: after these characters.
_URL_BREAKS = re.compile(r"(?<=[/?&=\-])")
RULE_GREY = 150
HEADER_FILL = 235


class Mono(str):
    """Text set in the monospaced face: hashes, so that their columns line up."""

    __slots__ = ()


class Bold(str):
    """Text set in bold: table headings and labels."""

    __slots__ = ()


def face(pdf: FPDF, text: str, size: float) -> None:
    if isinstance(text, Mono):
        pdf.set_font(MONO, size=size)
    elif isinstance(text, Bold):
        pdf.set_font(SANS, "B", size)
    else:
        pdf.set_font(SANS, size=size)


def _measure(pdf: FPDF, text: str = "") -> Any:
    """How wide a piece of `text` is in the current font: from the font's own widths, or,
    when the text needs other faces or shaping (`faces`), as fpdf2 shapes it."""
    if text and prepare(pdf, text):
        return pdf.get_string_width
    font: Any = pdf.current_font
    widths = font.cw
    scale = pdf.font_size_pt * 0.001 / pdf.k

    def width(piece: str) -> float:
        return float(sum(widths[ord(c)] for c in piece)) * scale

    return width


#: How a character no shipped face has is printed: its name (here, an example's).
MISSING = "\u27e8U+1F600\u27e9"


def drawable(pdf: FPDF, text: str) -> str:
    """`text` ready to draw: each character no shipped face has is named (⟨U+1F600⟩), and
    the faces the rest needs are added to `pdf`."""
    text = named(text)
    prepare(pdf, text)
    return text


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """`text` as lines no wider than `width` in the current font: broken at spaces; a word
    too long for a line after / ? & = - (a web address), and only a word with none of
    those is cut where the line ends."""
    text = drawable(pdf, text)
    measure = _measure(pdf, text)
    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0.0
        for word in paragraph.split(" "):
            size = measure(word)
            if current and used + space + size <= width:
                current, used = f"{current} {word}", used + space + size
                continue
            if current or not word:
                if current:
                    lines.append(current)
                current, used = "", 0.0
            if size <= width:
                current, used = word, size
                continue
            pieces = _broken(word, width, measure)
            lines.extend(pieces[:-1])
            current, used = pieces[-1], measure(pieces[-1])
        lines.append(current)
    return lines


def _broken(word: str, width: float, measure: Any) -> list[str]:
    lines: list[str] = []
    current = ""
    for piece in _URL_BREAKS.split(word):
        if measure(current + piece) <= width:
            current += piece
            continue
        if current:
            lines.append(current)
            current = ""
        while measure(piece) > width and len(piece) > 1:
            used, cut = 0.0, 0
            for char in piece:
                used += measure(char)
                if used > width and cut:
                    break
                cut += 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    lines.append(current)
    return lines


@dataclass(frozen=True)
class Setting:
    """Where text may go on the page."""

    left: float
    width: float
    bottom: float
    """The lowest a line may reach before a new page is started."""


def paragraph(pdf: FPDF, where: Setting, text: str, size: float, height: float) -> None:
    """Running text ranged left, continued on new pages as needed."""
    face(pdf, text, size)
    baseline = height * 0.78
    for text_line in wrap(pdf, text, where.width):
        if pdf.get_y() + height > where.bottom:
            pdf.add_page()
            face(pdf, text, size)
        if text_line:
            line(pdf, where.left, pdf.get_y() + baseline, text_line, where.width)
        pdf.set_y(pdf.get_y() + height)


def pairs(
    pdf: FPDF,
    where: Setting,
    rows: Sequence[tuple[str, str]],
    size: float = 9,
    label_share: float = 0.28,
) -> None:
    """Labels (bold) in a column of their own, values beside them; both wrap in their
    column, and a pair is not split across pages unless it is longer than a page."""
    height = size * 0.5
    pdf.set_font(SANS, "B", size)
    widest = max((_measure(pdf)(label) for label, _ in rows), default=0.0)
    column = min(widest + 4, where.width * label_share)
    for label, value in rows:
        pdf.set_font(SANS, "B", size)
        label_lines = wrap(pdf, label, column - 3)
        face(pdf, value, size)
        value_lines = wrap(pdf, value, where.width - column)
        needed = max(len(label_lines), len(value_lines)) * height
        if pdf.get_y() + needed > where.bottom and needed < where.bottom - 40:
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font(SANS, "B", size)
        for number, label_line in enumerate(label_lines):
            line(pdf, where.left, top + number * height + height * 0.78, label_line)
        pdf.set_y(top)
        face(pdf, value, size)
        for value_line in value_lines:
            if pdf.get_y() + height > where.bottom:
                pdf.add_page()
                face(pdf, value, size)
            y = pdf.get_y() + height * 0.78
            line(pdf, where.left + column, y, value_line, where.width - column)
            pdf.set_y(pdf.get_y() + height)
        pdf.set_y(max(pdf.get_y(), top + len(label_lines) * height) + size * 0.12)


@dataclass(frozen=True)
class Row:
    """One row of a ruled table; `widths` (mm) when its cells don't follow the columns."""

    cells: Sequence[str]
    widths: Sequence[float] | None = None


PAD = 1.0


def grid(
    pdf: FPDF,
    where: Setting,
    widths: Sequence[float],
    header: Sequence[str],
    groups: Sequence[Sequence[Row]],
    size: float = 7,
) -> None:
    """A ruled table with its heading row repeated on every page. Each group of rows (an
    exhibit's two rows in the index) stays on one page when it fits on one; a row longer
    than a page continues on the next."""
    height = size * 0.46

    def lines_of(row: Row) -> list[list[str]]:
        out = []
        for cell, cell_width in zip(row.cells, row.widths or widths, strict=True):
            face(pdf, cell, size)
            out.append(wrap(pdf, cell, cell_width - 2 * PAD))
        return out

    def draw(row: Row, cells: list[list[str]], fill: bool = False) -> None:
        count = max(len(lines) for lines in cells)
        top, x = pdf.get_y(), where.left
        row_height = count * height + 2 * PAD
        pdf.set_draw_color(RULE_GREY)
        pdf.set_line_width(0.15)
        if fill:
            pdf.set_fill_color(HEADER_FILL)
        for cell, lines, cell_width in zip(row.cells, cells, row.widths or widths, strict=True):
            pdf.rect(x, top, cell_width, row_height, style="DF" if fill else "D")
            face(pdf, cell, size)
            for number, cell_line in enumerate(lines):
                if cell_line:
                    y = top + PAD + number * height + height * 0.78
                    line(pdf, x + PAD, y, cell_line, cell_width - 2 * PAD)
            x += cell_width
        pdf.set_y(top + row_height)

    heading = Row([Bold(title) for title in header])
    heading_lines = lines_of(heading)
    heading_height = max(len(lines) for lines in heading_lines) * height + 2 * PAD

    def new_page() -> None:
        pdf.add_page()
        draw(heading, heading_lines, fill=True)

    draw(heading, heading_lines, fill=True)
    for group in groups:
        laid = [(row, lines_of(row)) for row in group]
        needed = sum(max(len(lines) for lines in cells) * height + 2 * PAD for _, cells in laid)
        room = where.bottom - pdf.get_y()
        if needed > room and needed <= where.bottom - 2 * where.left - heading_height:
            new_page()
        for row, cells in laid:
            while cells:
                room_lines = int((where.bottom - pdf.get_y() - 2 * PAD) // height)
                if room_lines < 1:
                    new_page()
                    continue
                part = [lines[:room_lines] for lines in cells]
                rest = [lines[room_lines:] for lines in cells]
                draw(row, part)
                cells = rest if any(rest) else []
