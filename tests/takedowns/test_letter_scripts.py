"""A letter's PDF prints a name in any script (issue 27 item 7): an Arabic name shaped and
searchable from Noto Sans Arabic, a character no face has named; a Latin letter loads
no other face."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tui.core.takedowns.letter_files import as_pdf

#: مريم حسن: no lam-alef, whose ligature pdftotext reads reversed (poppler's order).
NAME = "\u0645\u0631\u064a\u0645 \u062d\u0633\u0646"
TEXT = f"Dear Sir or Madam,\n\nI am {NAME}. The photo of me \U0001f4f7 was posted \U000f0000.\n"


def poppler(tool: str, data: bytes, folder: Path) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler) is not installed")
    path = folder / "letter.pdf"
    path.write_bytes(data)
    args = [tool, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_an_arabic_name_in_a_letter_is_printed_from_its_face_and_found(tmp_path: Path):
    data = as_pdf("Takedown request", TEXT)
    text = poppler("pdftotext", data, tmp_path)
    assert NAME in text, text
    assert "\U0001f4f7 was posted \u27e8U+F0000\u27e9." in text
    assert "\ufffd" not in text
    fonts = poppler("pdffonts", data, tmp_path)
    assert "NotoSansArabic" in fonts and "NotoEmoji" in fonts
    for row in fonts.splitlines()[2:]:
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row


def test_a_latin_letter_embeds_only_dejavu(tmp_path: Path):
    fonts = poppler("pdffonts", as_pdf("Takedown request", "Dear Sir or Madam,\n"), tmp_path)
    rows = fonts.splitlines()[2:]
    assert len(rows) == 1 and "DejaVuSans" in rows[0], fonts
