"""Places by name (w3): US states and Canadian provinces typed by name in English,
Spanish or French are their country's rules, kept as us-tx, ca-qc…; the Spanish and
French names `reclaim jurisdiction list` prints ("Irlanda del Norte (Reino Unido)") are
taken without their parenthesis; plain "georgia" stays the country."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.core.places.catalogue import check_code, load_folder
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import speaking


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("texas", "us-tx"),
        ("California", "us-ca"),
        ("new jersey", "us-nj"),
        ("nuevo méxico", "us-nm"),
        ("Nuevo Mexico", "us-nm"),
        ("Caroline du Nord", "us-nc"),
        ("georgia (us)", "us-ga"),
        ("us-ga", "us-ga"),
        ("ontario", "ca-on"),
        ("québec", "ca-qc"),
        ("Quebec", "ca-qc"),
        ("Nouvelle-Écosse", "ca-ns"),
        ("colombie-britannique", "ca-bc"),
        ("columbia británica", "ca-bc"),
        ("irlanda del norte", "gb-nir"),
        ("irlande du nord", "gb-nir"),
        ("gales", "gb-eng"),
        ("pays de galles", "gb-eng"),
        ("Écosse", "gb-sct"),
    ],
)
@pytest.mark.parametrize("spoken", ["en", "es", "fr"])
def test_states_provinces_and_translated_names_are_found(
    typed: str, code: str, spoken: str
) -> None:
    with speaking(spoken):
        assert check_code(typed) == code


def test_georgia_and_jersey_stay_the_countries() -> None:
    for typed in ("georgia", "jersey"):
        with pytest.raises(InputError, match="no advice of its own"):
            check_code(typed)


def test_what_was_found_before_is_the_same() -> None:
    typed = {"us": "us", "uk": "gb", "bc": "ca-bc", "ca-on": "ca-on", "España": "eu-es"}
    for text, code in typed.items():
        assert check_code(text) == code


def test_the_cli_takes_a_french_province_name() -> None:
    done = run_reclaim("safety", "--place", "québec", "--language", "fr")
    assert done.returncode == 0, done.stderr


def test_a_bad_parts_table_is_refused(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[2] / "checklists" / "jurisdictions"
    for path in shipped.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text())
    us = tmp_path / "us.toml"
    us.write_text(us.read_text().replace('tx = ["Texas"]', 'tx = "Texas"'))
    with pytest.raises(ChecklistError, match=r"parts\.tx should be a list of names"):
        load_folder(tmp_path)
