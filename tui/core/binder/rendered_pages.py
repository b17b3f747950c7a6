"""A page of someone else's PDF as a picture, with the words on it and where they stand,
for pages the binder can't merge as they are (see `pdfa_pages.page_problem`): the picture is
printed, and the words are laid over it invisibly so that the binder stays searchable.

PDFium (pypdfium2) draws the page as a viewer would, filled-in form fields and notes
included."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from tui.core.evidence.formats.base import clean_line

#: Print resolution.
DPI = 300
#: A crafted page the size of a wall is drawn with no more pixels than this.
MAX_PIXELS = 40_000_000
#: Runs of text laid over one page; more are left to the original.
MAX_RUNS = 4000


@dataclass(frozen=True)
class Run:
    """A run of text on one line, in points from the page's top-left corner."""

    text: str
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Rendered:
    image: Image.Image
    width: float
    """The page's width in points, as it is shown (turned by its /Rotate)."""
    height: float
    runs: list[Run]


def render(data: bytes, index: int, dpi: int = DPI) -> Rendered:
    """Page `index` of the PDF in `data`, drawn at `dpi` (less for a huge page). Raises
    whatever PDFium raises for a page it can't draw; the caller turns that into a notice."""
    document = pdfium.PdfDocument(data)
    try:
        document.init_forms()
        page = document[index]
        width, height = page.get_size()
        scale = dpi / 72
        pixels = width * height * scale * scale
        if pixels > MAX_PIXELS:
            scale *= (MAX_PIXELS / pixels) ** 0.5
        image = page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
        runs = _runs(page, width, height) if page.get_rotation() % 360 == 0 else []
        return Rendered(image, float(width), float(height), runs)
    finally:
        document.close()


def _runs(page: pdfium.PdfPage, width: float, height: float) -> list[Run]:
    textpage = page.get_textpage()
    try:
        left_edge, bottom_edge, _, _ = page.get_cropbox()
        runs = []
        for number in range(min(textpage.count_rects(), MAX_RUNS)):
            left, bottom, right, top = textpage.get_rect(number)
            text = clean_line(textpage.get_text_bounded(left, bottom, right, top), 2000)
            if text:
                runs.append(
                    Run(
                        text,
                        left - left_edge,
                        height - (top - bottom_edge),
                        right - left,
                        top - bottom,
                    )
                )
        return runs
    finally:
        textpage.close()
