"""Plain mode offers what the app's form and palette do: discreet mode asked when a case
is made (the case marked as the app marks it), and the language Reclaim speaks chosen
from the main menu (each language named in itself), kept as the case's language."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_new_case import Line, fast_kdf, last_group, walk
from tests.plain.test_walk import Typed
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.case_language import case_language
from tui.core.vault.layout import DISCREET_MARK
from tui.core.vault.vault import Vault
from tui.plain import case as plain_case
from tui.plain.walk import run_plain

__all__ = ["fast_kdf"]  # the fixture, used here too
LANGUAGE = "12"  # the main menu's last choice, after Lock and Leave


@pytest.fixture
def english() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("discreet", [True, False])
def test_a_new_case_is_made_discreet_when_the_person_says_so(
    tmp_path: Path, discreet: bool
) -> None:
    case = tmp_path / "new"
    lines = ["1", PASSPHRASE, PASSPHRASE, "yes" if discreet else "no", last_group, "back"]
    said = walk(case, [*lines, "quit"])
    assert plain_case.DISCREET in said
    assert (case / DISCREET_MARK).is_file() == discreet
    assert ("Lock the notebook" in said) == discreet  # the menu in discreet words at once
    if discreet:  # from the answer on, never the app's name nor a case, said aloud
        made = said.split(plain_case.DISCREET, 1)[1].split("Where do you live?", 1)[0]
        made = made.replace(str(tmp_path), "the folder")
        assert "Reclaim" not in made and "case" not in made.lower(), made


def test_a_discreet_new_install_is_made_in_the_neutral_folder_and_locks_there() -> None:
    from tui.core.vault.layout import default_vault_dir, is_vault, neutral_vault_dir

    usual = default_vault_dir()
    lines: list[Line] = [
        "1",
        PASSPHRASE,
        PASSPHRASE,
        "yes",
        last_group,
        "back",
        "lock",
        PASSPHRASE,
    ]
    said = walk(usual, [*lines, "quit"])
    assert is_vault(neutral_vault_dir()) and not is_vault(usual)
    assert said.count("Your notebook is open.") == 1  # after the lock: the notebook it made
    assert "Notes" in said.split("Lock the notebook", 1)[1]


def test_discreet_is_not_asked_when_the_settings_ask_for_it(tmp_path: Path) -> None:
    case = tmp_path / "new"
    said = io.StringIO()
    lines = ["1", PASSPHRASE, PASSPHRASE, "WRONG", "back", "quit"]
    run_plain(case, Settings(discreet=True), Typed(lines), said)
    assert plain_case.DISCREET not in said.getvalue()
    assert (case / DISCREET_MARK).is_file()


@pytest.mark.usefixtures("english")
def test_the_language_chosen_is_spoken_and_kept_as_the_cases(tmp_path: Path) -> None:
    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    said = io.StringIO()
    run_plain(case, Settings(), Typed([PASSPHRASE, LANGUAGE, "2", "quit"]), said)
    text = said.getvalue()
    assert f"{LANGUAGE}. Language / Idioma / Langue" in text
    assert "1. English\n2. Español\n3. Français\n" in text  # each named in itself
    assert "A partir de ahora, todo se dice en español." in text
    assert text.rstrip().endswith("El caso está cerrado. Hasta pronto, y cuídate.")
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert case_language(vault) == "es"
    i18n.set_language("en")
    again = io.StringIO()
    run_plain(case, Settings(), Typed([PASSPHRASE, "quit"]), again)
    assert "Menú principal." in again.getvalue()  # the case opens in its language
    again = io.StringIO()
    i18n.set_language("en")
    run_plain(case, Settings(), Typed([PASSPHRASE, "quit"]), again, follow_case_language=False)
    assert "Main menu." in again.getvalue()  # --language asked for this run wins
