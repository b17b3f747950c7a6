"""Making a binder changes no library's settings for the whole process (issue 26 item
13): log levels, warning filters and fpdf2's compression level are shared with the
threads that read previews and take evidence in at the same time. Pictures are still
packed at zlib's fastest level, for the binder's own document only."""

from __future__ import annotations

import logging
import warnings
import zlib
from datetime import date
from pathlib import Path
from typing import cast

from fpdf import FPDF, image_parsing
from PIL import Image

from tests.support.pictures import make_png
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.binder.pictures import IMAGE_COMPRESSION, draw_pixels
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
LIBRARIES = ("img2pdf", "fpdf", "PIL", "pikepdf")


def test_a_binder_changes_no_library_setting(vault: Vault, tmp_path: Path):
    clear = tmp_path / "clear.png"
    Image.new("RGBA", (300, 200), (0, 0, 255, 100)).save(clear)  # drawn, not embedded
    add_file(vault, clear)
    add_file(vault, make_png(tmp_path / "plain.png"))
    levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    filters = list(warnings.filters)
    compression = image_parsing.SETTINGS.compression_level
    data = build(vault, BinderChoices(export_date=DAY))
    assert data.startswith(b"%PDF")
    assert {name: logging.getLogger(name).level for name in LIBRARIES} == levels
    assert list(warnings.filters) == filters
    assert image_parsing.SETTINGS.compression_level == compression


def test_pixels_are_packed_for_one_document_only():
    """The same picture drawn twice is stored once; fpdf2's own images are untouched."""
    pdf = FPDF()
    pdf.add_page()
    picture = Image.new("RGB", (40, 30), "teal")
    draw_pixels(pdf, picture, 10, 10, 40, 30)
    draw_pixels(pdf, picture.copy(), 10, 50, 40, 30)
    (info,) = pdf.image_cache.images.values()
    assert (info["w"], info["h"], info["cs"], info["usages"]) == (40, 30, "DeviceRGB", 2)
    assert zlib.decompress(cast(bytes, info["data"])) == (b"\0" + b"\x00\x80\x80" * 40) * 30
    assert IMAGE_COMPRESSION == 1 and image_parsing.SETTINGS.compression_level == -1
    assert bytes(pdf.output()).count(b"/Subtype /Image") == 1
