"""An empty file inside an email is said to be empty, never "identical" to another
empty exhibit: two files of no bytes share a hash but are not the same evidence."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.support import inner
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.inner_links import InnerLinks
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault


def _case(vault: Vault, tmp_path: Path) -> None:
    files = {"mail.eml": inner.email({"blank.jpg": b"", "photo.png": inner.RED}),
             "empty.jpg": b"", "saved.png": inner.RED}  # fmt: skip
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    add_many(vault, [tmp_path / name for name in files])


def test_an_empty_attachment_is_said_to_be_empty_not_identical(vault: Vault, tmp_path: Path):
    _case(vault, tmp_path)
    exhibits = {e.original_name: e for e in list_exhibits(vault)}
    assert {"mail.eml", "empty.jpg", "saved.png"} <= set(exhibits)
    links = InnerLinks(exhibits.values())
    mail = links.lines(exhibits["mail.eml"])
    assert ("Inside it", "blank.jpg: empty (0 bytes)") in mail
    assert (
        "Also an exhibit",
        f"photo.png: identical to exhibit {exhibits['saved.png'].id}",
    ) in mail
    assert not any("blank.jpg: identical" in words for _, words in mail)
    assert links.lines(exhibits["empty.jpg"]) == []  # not "also attached to the email"
    assert [name for name, _ in links.identical(exhibits["mail.eml"])] == ["photo.png"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_binder_says_the_empty_attachment_is_empty(vault: Vault, tmp_path: Path):
    _case(vault, tmp_path)
    path = tmp_path / "binder.pdf"
    path.write_bytes(make(vault, BinderChoices(export_date=date(2024, 3, 7))).data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = " ".join(done.stdout.decode().split())
    assert "blank.jpg: empty (0 bytes)" in text
    assert "blank.jpg: identical" not in text
