"""F2 chooses the language on the first screens a person meets (issue 29, w3): the
create and unlock screens say "Language / Idioma / Langue" in their footer, in all
three languages, as the kiosk's start does; the choice box has a footer of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.support.pilot import SIZE, footer_keys, screen_text, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.screens.create import CreateScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.language import LanguageScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.always_keys import AlwaysKeys

CHOICE = "f2 Language / Idioma / Langue"


@pytest.fixture
def speaking() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


async def pick(app: ReclaimApp, pilot, code: str) -> None:
    await pilot.press("f2")
    await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
    app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index(code)
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_first_run_offers_f2_for_the_language(tmp_path: Path, speaking) -> None:
    app = ReclaimApp(tmp_path / "case", Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, CreateScreen)
        assert CHOICE in footer_keys(app)
        await pick(app, pilot, "es")
        assert isinstance(app.screen, CreateScreen)
        assert "Make your case" not in screen_text(app)
        assert CHOICE in footer_keys(app)


async def test_the_unlock_screen_offers_f2_for_the_language(vault: Vault, speaking) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert CHOICE in footer_keys(app)
        await pick(app, pilot, "fr")
        assert isinstance(app.screen, UnlockScreen)
        assert "Tapez votre phrase secrète pour ouvrir votre dossier." in screen_text(app)
        assert CHOICE in footer_keys(app)


async def test_the_choice_box_has_a_footer_and_the_always_line(tmp_path: Path, speaking) -> None:
    settings = Settings(kiosk_cases_dir=tmp_path / "cases", kiosk_language="fr")
    app = ReclaimApp(tmp_path / "unused", settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseCaseScreen)
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        await settle(app, pilot)
        assert "esc Laisser tel quel" in footer_keys(app)
        always = app.screen.query_one(AlwaysKeys).text()
        assert "F1 Sécurité" in always and "Ctrl+Q Quitter" in always
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseCaseScreen)
