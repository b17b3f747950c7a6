"""Discreet mode in Spanish and French: the few sentences shown before a passphrase say
"notes" (or a notebook), never Reclaim, a case, evidence, images or abuse, in the
language on the screen too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pilot import SIZE, unlock
from tests.test_discreet import on_screen
from tui.app import ReclaimApp
from tui.core.settings import Settings, neutral_words
from tui.core.shared import i18n
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault
from tui.screens.create import CreateScreen
from tui.screens.unlock import UnlockScreen

#: The neutral name, and a new case's, in each language (English "Notes" was left).
NOTES = {"es": ("Notas", "Notas nuevas"), "fr": ("Notes", "Nouvelles notes")}
#: Words that would tell a glance what this is, in each language.
TELLING = {
    "es": re.compile(r"reclaim|imagen|imágenes|abuso|prueba|\bcasos?\b", re.IGNORECASE),
    "fr": re.compile(r"reclaim|image|abus|preuve|dossier", re.IGNORECASE),
}


@pytest.fixture(params=["es", "fr"])
def code(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


#: Sentences that can be shown before a passphrase, each in the language spoken.
SAID_BEFORE_A_PASSPHRASE = (
    "A case number has {count} digits, like 482913.",
    "Welcome to Reclaim",
    "Each person's case is kept separate and private on this computer. "
    "To open yours, type your case number and press Enter.",
    "Start a new case",
)


def test_neutral_words_leave_nothing_telling_in_the_language(code: str) -> None:
    for english in SAID_BEFORE_A_PASSPHRASE:
        said = _(english)
        assert said != english, "translated"
        assert TELLING[code].search(said), "the sentence did tell"
        assert not TELLING[code].search(neutral_words(said)), neutral_words(said)


def test_neutral_words_keep_other_words_and_english_as_it_was(code: str) -> None:
    assert neutral_words("12 de marzo") == "12 de marzo"
    i18n.set_language("en")
    assert neutral_words("Welcome to Reclaim") == "Notes"


async def test_a_discreet_kiosk_start_in_the_language(tmp_path: Path, code: str) -> None:
    settings = Settings(discreet=True, kiosk_cases_dir=tmp_path / "kiosk")
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
        await pilot.press(*"12", "enter")  # too short: the number's sentence
        await pilot.pause()
        assert "6" in on_screen(app)
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
        assert NOTES[code][1] in on_screen(app)


async def test_a_discreet_unlock_in_the_language(vault: Vault, code: str) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings(discreet=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
        assert f"─ {NOTES[code][0]} ─" in on_screen(app)
        await unlock(app, pilot, "not the passphrase")
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not TELLING[code].search(on_screen(app)), on_screen(app)
