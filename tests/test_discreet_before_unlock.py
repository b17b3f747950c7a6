"""Discreet mode before a passphrase (issue 29), in every language: the palette (Ctrl+P)
and the list of keys on the lock screen and the kiosk's start say nothing of Reclaim,
a case, evidence, images or abuse, and are in the language spoken, never English words
patched with another language's ("Welcome to Notas")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandPalette

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.pilot import SIZE, settle, type_twice, wait_until
from tests.test_discreet import on_screen
from tui.app import ReclaimApp
from tui.core.kiosk.cases import find_case_dir
from tui.core.settings import Settings, load_settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.palette import palette_commands
from tui.screens.create import CreateScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.recovery import RecoveryScreen
from tui.screens.unlock import UnlockScreen

#: Words that would tell a glance what this is, in each language.
TELLING = {
    "en": re.compile(r"reclaim|image|abuse|evidence|\bcases?\b", re.IGNORECASE),
    "es": re.compile(r"reclaim|imagen|imágenes|abuso|prueba|\bcasos?\b", re.IGNORECASE),
    "fr": re.compile(r"reclaim|image|abus|preuve|dossier", re.IGNORECASE),
}
#: English words that would be left untranslated on a Spanish or French screen.
ENGLISH = re.compile(r"\b(Welcome|Open with|Close|Hide|notes are|Start new|number)\b")


@pytest.fixture(params=["en", "es", "fr"])
def code(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def words_listed(app: ReclaimApp) -> list[str]:
    """Every word the palette and the list of keys would show for the screen on show:
    each palette entry's name and help, each key's words (Reclaim's and Textual's)."""
    listed = []
    for command in palette_commands(app, app.screen):
        listed += [command.title, command.help or ""]
    for active in app.screen.active_bindings.values():
        listed += [active.binding.description, active.binding.tooltip]
    return [words for words in listed if words]


def neutral_and_spoken(listed: list[str], code: str) -> None:
    for words in listed:
        assert not TELLING[code].search(words), words
        if code != "en":
            assert not ENGLISH.search(words), words


async def test_the_palette_and_keys_of_the_lock_screen_are_neutral(vault: Vault, code: str):
    """The lock screen a start, Ctrl+L or F12 twice shows (one screen, one list of keys)."""
    vault.close()
    app = ReclaimApp(vault.path, Settings(discreet=True))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await settle(app, pilot)
        neutral_and_spoken(words_listed(app), code)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await settle(app, pilot)
        shown = on_screen(app)
        assert not TELLING[code].search(shown), shown


async def test_the_kiosk_start_is_neutral_and_in_the_language(tmp_path: Path, code: str):
    settings = Settings(discreet=True, kiosk_cases_dir=tmp_path / "kiosk")
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChooseCaseScreen))
        await settle(app, pilot)
        title = app.screen.query_one(".form").border_title
        assert title == {"en": "Notes", "es": "Notas", "fr": "Notes"}[code], title
        neutral_and_spoken([*words_listed(app), on_screen(app)], code)


async def test_without_discreet_mode_the_palette_names_the_case(vault: Vault):
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listed = words_listed(app)
        assert "Close Reclaim; your case is saved (Ctrl+Q)" in listed
        assert "Open the case with the recovery code instead of the passphrase" in listed


def discreet_kiosk(isolated_home: Path) -> Path:
    """A clinic's settings file: discreet, a kiosk, and no cases folder named."""
    config = isolated_home / "settings.toml"
    config.write_text("discreet = true\n\n[kiosk]\nidle_minutes = 3\n")
    return config


async def test_a_discreet_kiosk_makes_a_case_in_a_neutral_folder_and_says_notes(
    isolated_home: Path, code: str
):
    """The client's case folder says nothing (it was reclaim/cases/NNNNNN), and the
    recovery code shown right after "New notes" says notes, not a case."""
    settings = load_settings(discreet_kiosk(isolated_home))
    data = isolated_home / "data"
    assert not TELLING["en"].search(str(settings.kiosk_cases_dir.relative_to(data)))
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChooseCaseScreen))
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: isinstance(app.screen, CreateScreen))
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        await settle(app, pilot)
        assert app.vault is not None
        made = app.vault.path
        assert made.parent == settings.kiosk_cases_dir
        assert not TELLING["en"].search(str(made.relative_to(data))), made
        assert not (data / "reclaim").exists()
        shown = on_screen(app)
        assert made.name in shown, "the number to find it again is shown"
        neutral_and_spoken([shown, *words_listed(app)], code)
        assert {"en": "my notes", "es": "mis notas", "fr": "mes notes"}[code] in shown, shown


def test_a_discreet_kiosk_still_finds_the_cases_made_in_the_usual_folder(isolated_home: Path):
    usual = isolated_home / "data" / "reclaim" / "cases"
    Vault.create(usual / "455977", PASSPHRASE, FAST_KDF)[0].close()
    settings = load_settings(discreet_kiosk(isolated_home))
    assert settings.kiosk_cases_dir == usual, "a client's case made before is not lost"
    assert find_case_dir(settings.kiosk_cases_dir, "455977") == usual / "455977"
    plain = isolated_home / "plain.toml"
    plain.write_text("[kiosk]\nidle_minutes = 3\n")
    assert load_settings(plain).kiosk_cases_dir == usual


async def test_without_discreet_mode_the_recovery_code_names_the_case(tmp_path: Path):
    settings = Settings(kiosk_cases_dir=tmp_path / "kiosk")
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ChooseCaseScreen))
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: isinstance(app.screen, CreateScreen))
        await type_twice(app, pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, RecoveryScreen))
        await settle(app, pilot)
        assert "Continue to my case" in on_screen(app)
