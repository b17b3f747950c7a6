"""A picture inside a file is printed under its caption on the same page (the caption
was left alone at the foot of a page, its picture on the next), and a small picture is
drawn at a few times its natural size at most (an icon of 32 x 32 filled the page's
width)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from tests.support.pictures import make_png
from tui.core.binder.choices import BinderChoices
from tui.core.binder.document import Document
from tui.core.binder.pictures import LABEL_HEIGHT, draw_picture
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats.base import Picture
from tui.core.evidence.model import Exhibit
from tui.core.vault.vault import Vault


def _doc(vault: Vault, tmp_path: Path) -> tuple[Document, Exhibit]:
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    doc = Document(vault, BinderChoices(export_date=date(2024, 3, 7)))
    doc.pdf.add_page()
    return doc, exhibit


def _picture(width: int, height: int, caption: str) -> Picture:
    return Picture(width, height, lambda: Image.new("RGB", (width, height), "teal"), None,
                   caption=caption)  # fmt: skip


def _pages(doc: Document) -> list[str]:
    out = io.BytesIO()
    doc.pdf.output(out)
    return [page.extract_text() or "" for page in PdfReader(out).pages]


def test_a_caption_at_the_foot_of_a_page_goes_with_its_picture(vault: Vault, tmp_path: Path):
    doc, exhibit = _doc(vault, tmp_path)
    doc.para("What came before.")
    doc.pdf.set_y(doc.bottom - 12)  # room for the caption, not for the picture
    draw_picture(doc, exhibit, _picture(800, 600, "Picture image1.png (800 x 600 pixels):"))
    first, second = _pages(doc)
    assert "What came before." in first and "image1.png" not in first
    assert "Picture image1.png (800 x 600 pixels):" in second


def test_an_icon_is_drawn_small_not_across_the_page(vault: Vault, tmp_path: Path):
    doc, exhibit = _doc(vault, tmp_path)
    top = doc.pdf.get_y()
    draw_picture(doc, exhibit, _picture(32, 32, "Picture icon.png (32 x 32 pixels):"))
    drawn = doc.pdf.get_y() - top - LABEL_HEIGHT - 3
    assert 8 < drawn <= 4 * 32 * 25.4 / 96 + 0.01  # at most 4 times its size at 96 dpi
    top = doc.pdf.get_y()
    draw_picture(doc, exhibit, _picture(1600, 1200, ""))  # a photo still fills the width
    assert doc.pdf.get_y() - top - 3 > 0.7 * doc.width
