"""The footer's "Page N of TOTAL" leaves room for a binder of thousands of pages: fpdf2's
own placeholder keeps three digits, and a 1,000-page binder spilled past the margin with
a warning printed on the person's terminal."""

import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from tui.core.binder.document import MARGIN, _NumberedPages
from tui.core.binder.faces import add_fonts


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
def test_a_four_digit_page_count_fits_without_a_warning(tmp_path: Path):
    pdf = _NumberedPages("RCL", "A4", part=None)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    add_fonts(pdf)
    for _ in range(1001):
        pdf.add_page()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (tmp_path / "b.pdf").write_bytes(bytes(pdf.output()))
    last = subprocess.run(
        ["pdftotext", "-f", "1001", "-l", "1001", "-layout", str(tmp_path / "b.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "RCL-001001" in last and last.rstrip().endswith("Page 1001 of 1001")
