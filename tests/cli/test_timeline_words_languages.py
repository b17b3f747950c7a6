"""The timeline at the command line in Spanish and French: `timeline list` keeps its
titles in one column however long a date is ('28 de septiembre de 2024, 21:14'), and the
written account says its exhibits and its "about" the language's way ('(ver prueba
E-0001)', «hacia», « vers »); argparse's French section titles take the no-break space
before their colon ('options :')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tests.support.pictures import make_png


def test_a_long_spanish_date_keeps_the_titles_in_one_column(cli) -> None:
    for when, title in (("2024", "Primero"), ("28 September 2024 21:14", "Segundo")):
        assert cli("timeline", "add", "--when", when, "--title", title).returncode == 0
    listed = cli("timeline", "list", "--language", "es").stdout.splitlines()
    assert len(listed) == 2, listed
    titles = zip(listed, ("Primero", "Segundo"), strict=True)
    assert len({line.index(title) for line, title in titles}) == 1, listed


@pytest.mark.parametrize(
    ("code", "see", "about"),
    [
        ("es", "(ver prueba E-0001)", "«hacia»"),
        ("fr", "(voir pièce E-0001)", "«\u00a0vers\u00a0»"),
    ],
)
def test_the_written_account_says_exhibits_and_about_the_languages_way(
    cli, tmp_path: Path, code: str, see: str, about: str
) -> None:
    cli("evidence", "add", str(make_png(tmp_path / "a.png")))
    added = cli("timeline", "add", "--when", "2024-03", "--title", "Lo publicó", "--evidence",
                "E-0001")  # fmt: skip
    assert added.returncode == 0, added.stderr
    out = tmp_path / "relato.txt"
    done = cli("timeline", "export", str(out), "--language", code)
    assert done.returncode == 0, done.stderr
    text = out.read_text()
    assert see in text and about in text, text
    assert '"hacia"' not in text and '"vers"' not in text and "Prueba E-" not in text


def test_french_help_section_titles_keep_their_colon_with_a_no_break_space() -> None:
    helped = run_reclaim("timeline", "add", "--help", "--language", "fr").stdout
    assert re.search(r"^options\u00a0:$", helped, re.MULTILINE), helped
    assert not re.search(r"^options:$", helped, re.MULTILINE)
    english = run_reclaim("timeline", "add", "--help").stdout
    assert re.search(r"^options:$", english, re.MULTILINE)
