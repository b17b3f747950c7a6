"""Pages of another PDF in the binder: each framed on a numbered page and merged as it
is (see `overlay`), or, where PDF/A can't hold it as it is (a font not embedded, CMYK
colour, form fields), printed as a picture of the page with its words laid invisibly
over it so that the binder stays searchable. A crafted page is bounded: one holding
more drawing than can be printed is named, never drawn."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from fpdf.enums import TextMode
from PIL import Image, ImageChops

from tui.core.binder.document import MARGIN, Document, Placed
from tui.core.binder.pdf_bounds import drawing_size
from tui.core.binder.pdfa_pages import page_problem
from tui.core.binder.pictures import draw_pixels, img2pdf_page
from tui.core.binder.rendered_pages import Rendered, render
from tui.core.binder.text_layer import lay_words
from tui.core.binder.typesetting import SANS, drawable, line
from tui.core.evidence import formats
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.model import Exhibit
from tui.core.shared.i18n import N_, _
from tui.core.shared.stopping import checkpoint

#: The most drawing (decoded) one page may hand the renderer or a reader's viewer, and
#: one PDF exhibit in all: a crafted page can hold gigabytes of drawing in kilobytes.
DRAW_LIMIT = 8 * 1024 * 1024


DRAW_TOTAL = 64 * 1024 * 1024


TOO_MUCH_DRAWING = N_(
    "this page holds more drawing than can be printed here; it is in the original file."
)


UNDRAWABLE = N_("this page can't be drawn; it is in the original file.")


def draw_pdf_pages(doc: Document, exhibit: Exhibit, pages: blocks.PdfPages) -> None:
    """Each page framed on a numbered page (the first below the details); one PDF/A
    can't hold as it is, printed as a picture with its words laid invisibly over it."""
    pdf = doc.pdf
    doc.pdf_sources[exhibit.id] = pages.data
    plan: list[tuple[str, tuple[float, float]]] = []
    drawing = 0
    with pikepdf.open(io.BytesIO(pages.data)) as source:
        for page in list(source.pages)[: pages.count]:
            checkpoint()
            measured = drawing_size(page, min(DRAW_LIMIT, DRAW_TOTAL - drawing))
            if measured is None:
                plan.append((TOO_MUCH_DRAWING, (0.0, 0.0)))
                continue
            drawing += measured
            problem = page_problem(page) if doc.choices.pdfa_part else ""
            plan.append((problem, _shown_size(page)))
    for index, (problem, size) in enumerate(plan):
        checkpoint()
        rendered = None
        if problem and problem != TOO_MUCH_DRAWING:
            try:
                rendered = render(pages.data, index)
                size = (rendered.width, rendered.height)
            except Exception:
                formats.log.debug("rendering failed", exc_info=True)
                problem = UNDRAWABLE
        if index or doc.bottom - pdf.get_y() < (doc.bottom - MARGIN) * 0.45:
            pdf.add_page()
        label = _("Exhibit {exhibit}, page {page} of {pages} of the original PDF").format(
            exhibit=exhibit.id, page=index + 1, pages=pages.count
        )
        if problem in (UNDRAWABLE, TOO_MUCH_DRAWING):
            doc.para(f"{label}: {_(problem)}", 8)
            continue
        if problem:
            label = _(
                "Exhibit {exhibit}, page {page} of {pages} of the original PDF, shown as a "
                "picture of the page because {problem}"
            ).format(exhibit=exhibit.id, page=index + 1, pages=pages.count, problem=problem)
        doc.para(label, 8, 4)
        top = pdf.get_y() + 1.5
        scale = min(doc.width / size[0], (doc.bottom - top) / size[1])
        width, height = size[0] * scale, size[1] * scale
        x = MARGIN + (doc.width - width) / 2
        doc.frame(x, top, width, height)
        if rendered is None:
            doc.placed.append(Placed(pdf.page_no(), (x, top, width, height), exhibit.id, index))
        else:
            _draw_rendered(doc, rendered, (x, top), scale)
        lay_words(doc, exhibit, f"page {index + 1}", (x, top, width, height))
        pdf.set_y(top + height + 2)


def _shown_size(page: Any) -> tuple[float, float]:
    """A page's size in points as a viewer shows it: its trim box, turned by /Rotate
    (a /Rotate that isn't a multiple of 90, or isn't a number, is ignored, as viewers
    do)."""
    box = [float(value) for value in page.trimbox]
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    if width < 1 or height < 1:
        width, height = 612.0, 792.0
    turn = page.obj.get("/Rotate", 0)
    if isinstance(turn, int) and turn % 180 == 90:
        width, height = height, width
    return width, height


def _draw_rendered(
    doc: Document, rendered: Rendered, at: tuple[float, float], scale: float
) -> None:
    """The picture of a page, and its words over it, invisible but found by a search."""
    pdf = doc.pdf
    x, y = at
    box = (x, y, rendered.width * scale, rendered.height * scale)
    embedded = img2pdf_page(_page_png(rendered.image))
    if embedded is not None:  # placed afterwards, like a picture that fits
        doc.placed.append(Placed(pdf.page_no(), box, "", one_page=embedded))
    else:
        draw_pixels(pdf, rendered.image, x, y, box[2], box[3])
    pdf.text_mode = TextMode.INVISIBLE
    try:
        for run in rendered.runs:
            size = max(1.0, round(run.height * scale / 0.3528 * 2) / 2)
            pdf.set_font(SANS, size=size)
            words = drawable(pdf, run.text)
            line(pdf, x + run.left * scale, y + (run.top + run.height * 0.8) * scale, words)
    finally:
        pdf.text_mode = TextMode.FILL


def _page_png(image: Image.Image) -> bytes:
    """A drawn page as PNG: grey where every pixel is grey (most documents), a third of
    the data to compress and embed; PIL's encoder is much quicker than fpdf2's own."""
    grey = image.convert("L")
    if ImageChops.difference(image, grey.convert("RGB")).getbbox() is None:
        image = grey
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()
