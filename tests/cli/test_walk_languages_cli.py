"""What a walk of the command line in Spanish and French found still in English, fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import inner
from tui.core.shared import i18n


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_adding_a_file_with_files_inside_says_so_in_french(cli, tmp_path: Path, speaking) -> None:
    """`evidence add` in French said "E-0001 holds 2 files inside it" and a kept file's
    problem in English."""
    report = tmp_path / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n and then nothing a reader can use")
    adding = cli("evidence", "add", str(report), str(broken), "--language", "fr")
    assert adding.returncode == 0, adding.stderr
    assert (
        "  E-0001 contient 2 fichiers : reclaim evidence add-inner E-0001 les affiche.\n"
        in adding.stdout
    )
    assert "E-0002 a été gardée telle quelle, mais : " in adding.stderr
    assert "This PDF can't be read" not in adding.stderr
