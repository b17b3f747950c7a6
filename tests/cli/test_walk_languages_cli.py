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


def test_evidence_show_says_a_list_as_words_and_leaves_an_empty_one_out(
    cli, tmp_path: Path, speaking
) -> None:
    """`evidence show` printed "hecha a partir de: []" for an exhibit made from nothing,
    and a stitched one's sources as a Python list."""
    from tests.support.pictures import make_png

    for name, color in (("a.png", "teal"), ("b.png", "orange")):
        added = cli("evidence", "add", str(make_png(tmp_path / name, color=color)))
        assert added.returncode == 0, added.stderr
    assert cli("evidence", "stitch", "E-0001", "E-0002").returncode == 0
    single = cli("evidence", "show", "E-0001", "--language", "es").stdout
    assert "[]" not in single and "hecha a partir de" not in single, single
    stitched = cli("evidence", "show", "E-0003", "--language", "es").stdout
    assert "\nhecha a partir de:      E-0001, E-0002\n" in stitched, stitched
