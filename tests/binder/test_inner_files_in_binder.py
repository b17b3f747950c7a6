"""Files inside files in the binder: an email's attachment that is another exhibit says
so on the email's page, that exhibit's page names the email, and a picture taken out of
a document names the document it came from (words checked with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.support import inner
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.inner_exhibits import add_inner
from tui.core.evidence.intake import add_many
from tui.core.vault.vault import Vault


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_binder_says_how_exhibits_hold_one_another(vault: Vault, tmp_path: Path):
    files = {
        "mail.eml": inner.email({"photo.png": inner.RED}),
        "saved.png": inner.RED,
        "report.docx": inner.docx({"image1.png": inner.BLUE}),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert add_many(vault, [tmp_path / name for name in files]).problems == []
    assert [e.id for e in add_inner(vault, "E-0003").added] == ["E-0004"]
    made = make(vault, BinderChoices(export_date=date(2024, 3, 7)))
    path = tmp_path / "binder.pdf"
    path.write_bytes(made.data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = " ".join(done.stdout.decode().split())
    assert "Also an exhibit photo.png: identical to exhibit E-0002" in text
    assert "Also attached to the email E-0001 (as photo.png)" in text
    assert "Taken out of E-0003, 'report.docx', word/media/image1.png" in text
