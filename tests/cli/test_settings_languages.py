"""`reclaim settings` lists every setting of the case (w3: it showed read_pictures only,
not documents_language just set, nor the case's own language), `reclaim settings
language es` keeps the language a case opens in, and a bad value is said with the
language's placeholder (VALOR), not argparse's English "value"."""

from __future__ import annotations

from tui.core.vault.case_language import case_language
from tui.core.vault.vault import Vault


def test_settings_alone_lists_every_setting(cli) -> None:
    assert cli("settings", "documents_language", "fr").returncode == 0
    listed = cli("settings")
    assert listed.returncode == 0, listed.stderr
    assert "read_pictures: on" in listed.stdout
    assert "documents_language: fr" in listed.stdout
    assert "language: auto" in listed.stdout


def test_the_cases_language_is_shown_and_changed(cli, vault: Vault) -> None:
    chosen = cli("settings", "language", "es")
    assert chosen.returncode == 0, chosen.stderr
    assert "language: es (the app speaks Español once this case is open)" in chosen.stdout
    assert case_language(vault) == "es"
    assert "language: es" in cli("settings").stdout
    back = cli("settings", "language", "auto")
    assert back.returncode == 0 and "language: auto" in back.stdout
    assert case_language(vault) == ""
    wrong = cli("settings", "language", "on")
    assert wrong.returncode != 0 and "language is one of en, es, fr or auto" in wrong.stderr


def test_a_value_without_a_setting_is_refused_plainly(cli) -> None:
    done = cli("settings", "es")
    assert done.returncode != 0


def test_a_bad_value_is_named_in_the_language(cli) -> None:
    for code, word in (("es", "VALOR"), ("fr", "VALEUR")):
        done = cli("settings", "documents_language", "de", "--language", code)
        assert done.returncode != 0
        assert word in done.stderr and "value" not in done.stderr, done.stderr
