"""Issue 27 in the binder: files of the kinds that were told apart wrongly are taken in as
what they are and printed as a reader expects (words checked with pdftotext)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.evidence.formats import kinds_samples as ks
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The binder's words as pdftotext reads them, white space made single."""
    path = tmp_path / "binder.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(done.stdout.decode().split())


FILES = {
    "export.json": json.dumps(ks.JSON_DATA).encode(),
    "feed.xml": ks.XML_DATA,
    "letter.rtf": ks.RTF_DATA,
    "Text2.txt": ks.LATIN1.encode("latin-1"),
    "capture.warc": ks.warc(),
    "table.docx": ks.docx(),
    "with-attachment.pdf": ks.pdf_with_attachment(),
    "mail_test_3.eml": ks.email(),
    "zip.zip": ks.empty_zip(),
    "result.json": ks.telegram_account(),
}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_binder_prints_each_kind_as_what_it_is(vault: Vault, tmp_path: Path):
    folder = tmp_path / "files"
    folder.mkdir()
    paths = []
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    result = add_many(vault, paths)
    assert result.problems == []
    kinds = {e.original_name: e.facts["kind"] for e in list_exhibits(vault)}
    assert kinds == {
        "export.json": "JSON data",
        "feed.xml": "XML data",
        "letter.rtf": "RTF document",
        "Text2.txt": "text file",
        "capture.warc": "web archive (WARC)",
        "table.docx": "Word document (DOCX)",
        "with-attachment.pdf": "PDF document",
        "mail_test_3.eml": "email",
        "zip.zip": "zip archive",
        "result.json": "Telegram export (every chat)",
    }
    made = make(vault, BinderChoices(export_date=DAY))
    text = pdf_text(made.data, tmp_path)
    assert '"caption": "Look at this"' in text  # JSON laid out
    assert "<caption>Look at this</caption>" in text
    assert "He wrote: I will post them" in text and "Café at noon." in text
    assert "Grüße aus Köln" in text
    assert "Web page 1 of 3" in text and "Second page words" in text
    assert "Stored page words" in text and "2024-03-06T08:00:00Z" in text
    assert "r1c1 r1c2 r1c3 r2c1" in text and "Pictures in the document" in text  # a table
    assert "receipt.txt" in text and ks.sha(ks.ATTACHED)[:32] in text
    assert "Sent on UTC+03:00 (the sender's clock)" in text
    assert "Delete it or else" in text and "Everyone saw it" in text
    assert "can't show what is in this kind of file" not in text
    assert "table (CSV)" not in text
