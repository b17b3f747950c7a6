"""Plain mode in discreet mode (issue 29): the main menu's last two choices, read aloud
by a screen reader after the unlock, say "Lock the notebook" and "Leave Notes", never a
case or Reclaim, in every language ("Verrouiller le dossier", "Quitter Reclaim" were
said in French)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_walk import Typed, naming
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault
from tui.plain.walk import run_plain

#: The lock and leave choices as numbered in the menu (after the nine steps).
LOCK, LEAVE = "10", "11"
SAID = {
    "en": ("Lock the notebook", "Leave Notes"),
    "es": ("Bloquear el cuaderno", "Salir de Notas"),
    "fr": ("Verrouiller le carnet", "Quitter Notes"),
}
TELLING = ("Reclaim", "case", "caso", "dossier")


@pytest.fixture(params=["en", "es", "fr"])
def code(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    Vault.create(path, PASSPHRASE, FAST_KDF)[0].close()
    return path


def menu_said(case: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> str:
    """What is said from the unlock on: the menu, back at its top, then leave."""
    naming(monkeypatch)
    out = io.StringIO()
    run_plain(case, settings, Typed([PASSPHRASE, "back", LEAVE]), out)
    return out.getvalue()


def test_the_main_menu_says_notes_in_discreet_mode(
    case: Path, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = menu_said(case, Settings(discreet=True), monkeypatch)
    lock, leave = SAID[code]
    choices = [line for line in said.splitlines() if line.startswith((f"{LOCK}.", f"{LEAVE}."))]
    assert choices == [f"{LOCK}. {lock}", f"{LEAVE}. {leave}"] * 2, choices  # before back too
    for line in choices:
        assert not any(word in line for word in TELLING), line
    at_the_top = _("This is the main menu, the top level. Type quit to leave.")
    assert at_the_top in said and (code == "en" or "Type quit" not in at_the_top), said


def test_without_discreet_mode_the_menu_names_the_case(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = menu_said(case, Settings(), monkeypatch)
    assert "Lock the case" in said and "Leave Reclaim" in said
