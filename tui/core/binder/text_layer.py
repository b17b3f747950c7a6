"""The words read in a picture (`tui.core.evidence.reading`), laid invisibly over where
they stand on its binder page, as OCRmyPDF does: selecting, searching and `pdftotext`
then work on screenshot pages, and nothing on the page looks any different.

Each line's box, in pixels of the upright picture, is mapped onto the rectangle where
the picture (or a slice of it, for a tall picture split across pages) is printed; the
line is set in the binder's own faces (DejaVu, then the Noto faces for other scripts) at
the box's height, in text render mode 3 (neither filled nor stroked), and stretched
(`Tz`) to the box's width. The words are machine-read: the picture stays the evidence,
and the index and the exhibit's details say so."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from fpdf.enums import TextMode

from tui.core.binder.document import Document
from tui.core.binder.faces import SANS, line, width_of
from tui.core.binder.typesetting import drawable
from tui.core.evidence.formats.base import clean_line
from tui.core.evidence.model import Exhibit
from tui.core.evidence.reading.model import PictureText, reading_of
from tui.core.shared.i18n import N_

#: What the index and an exhibit's details say of words read by machine.
MACHINE_READ = N_("text recognised by machine; the picture is the evidence")

MM_PER_POINT = 25.4 / 72

#: Lines laid over one picture; more are left to the picture itself.
MAX_LINES = 2000

#: A recognised line is at most this long (a crafted reading could hold more).
MAX_CHARS = 500

#: Stretching is kept within these (per cent): a box a recogniser got badly wrong
#: should not make a line a page wide.
STRETCH = (10.0, 1000.0)

_read: WeakKeyDictionary[Document, dict[str, dict[str, PictureText]]] = WeakKeyDictionary()


def pictures_read(doc: Document, exhibit: Exhibit) -> dict[str, PictureText]:
    """The pictures of `exhibit` whose words were read, by source ("picture", "page 3",
    "still 2"); read from its record once per binder."""
    known = _read.setdefault(doc, {})
    if exhibit.id not in known:
        reading = reading_of(exhibit.extra)
        known[exhibit.id] = (
            {}
            if reading is None
            else {
                picture.source: picture
                for picture in reading.pictures
                if picture.lines and picture.width > 0 and picture.height > 0
            }
        )
    return known[exhibit.id]


def machine_read(exhibit: Exhibit) -> bool:
    """Whether any words of the exhibit's pictures were read by machine."""
    reading = reading_of(exhibit.extra)
    return reading is not None and any(picture.lines for picture in reading.pictures)


def lay_words(
    doc: Document,
    exhibit: Exhibit,
    source: str,
    box: tuple[float, float, float, float],
    rows: tuple[float, float] = (0.0, 1.0),
) -> None:
    """Lay the words read in `exhibit`'s picture `source` invisibly over the current page,
    where the picture is printed in `box` (x, y, width, height in mm from the page's
    top-left). `rows` is the share of the picture's height shown there, top and bottom
    (a slice of a tall picture split across pages): only the lines whose middle falls in
    it are laid on this page."""
    picture = pictures_read(doc, exhibit).get(source)
    if picture is None:
        return
    x, y, width, height = box
    first, last = rows[0] * picture.height, rows[1] * picture.height
    if width <= 0 or height <= 0 or last <= first:
        return
    across, down = width / picture.width, height / (last - first)
    pdf = doc.pdf
    with pdf.local_context(text_mode=TextMode.INVISIBLE):
        for read in picture.lines[:MAX_LINES]:
            x0, y0, x1, y1 = _inside(read.box, picture)
            if not first <= (y0 + y1) / 2 < last or x1 <= x0 or y1 <= y0:
                continue
            text = clean_line(read.text, MAX_CHARS).strip()
            if text:
                _lay_line(
                    pdf, text, x + x0 * across, y + (y0 - first) * down,
                    (x1 - x0) * across, (y1 - y0) * down,
                )  # fmt: skip


def _inside(
    box: tuple[float, float, float, float], picture: PictureText
) -> tuple[float, float, float, float]:
    """The box within the picture, corners in order."""
    x0, x1 = (min(max(v, 0.0), float(picture.width)) for v in sorted((box[0], box[2])))
    y0, y1 = (min(max(v, 0.0), float(picture.height)) for v in sorted((box[1], box[3])))
    return x0, y0, x1, y1


def _lay_line(pdf: Any, text: str, left: float, top: float, width: float, height: float) -> None:
    """One line, its glyphs' full height (ascent to descent) the box's, its width the
    box's: where a search or a selection finds it is where the picture shows it."""
    pdf.set_stretching(100)
    pdf.set_font(SANS, size=10)
    ascent, descent = _extent(pdf)
    size = round(height / MM_PER_POINT / (ascent + descent), 2)
    if size <= 0:
        return
    pdf.set_font(SANS, size=size)
    words = drawable(pdf, text)
    natural = width_of(pdf, words)
    if natural <= 0:
        return
    low, high = STRETCH
    pdf.set_stretching(round(min(max(100 * width / natural, low), high), 2))
    line(pdf, left, top + ascent * size * MM_PER_POINT, words)


def _extent(pdf: Any) -> tuple[float, float]:
    """The current font's ascent and descent, as shares of its size."""
    described = pdf.current_font.desc
    return described.ascent / 1000, abs(described.descent) / 1000
