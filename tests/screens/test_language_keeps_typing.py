"""Choosing a language rebuilds the screens on show in it: whatever their forms held (typed
words, a passphrase typed twice, a choice, a tick, the tab on show, the focus) is still
there in the new language's screen, with nothing to decide (tester w2's walk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, Input, OptionList, Select, Static, TabbedContent

from tests.support.pilot import SIZE, screen_text, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.passwords import profile
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.binder import BinderScreen
from tui.screens.create import CreateScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.language import LanguageScreen
from tui.screens.passwords import PasswordsScreen
from tui.screens.unlock import UnlockScreen


@pytest.fixture(autouse=True)
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


async def choose(app: ReclaimApp, pilot, code: str) -> None:
    """Ctrl+P's "Language / Idioma / Langue", then `code`."""
    app.action_language()
    await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
    app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index(code)
    await pilot.press("enter")
    await settle(app, pilot)
    await pilot.pause()


def value(app: ReclaimApp, selector: str) -> object:
    widget = app.screen.query_one(selector)
    assert isinstance(widget, Input | Select | Checkbox), widget
    return widget.value


async def open_passwords(app: ReclaimApp, pilot) -> PasswordsScreen:
    await unlock(app, pilot)
    await pilot.press("3")
    await settle(app, pilot)
    assert isinstance(app.screen, PasswordsScreen)
    return app.screen


async def test_words_typed_about_you_stay_and_still_ask_to_be_saved(vault: Vault) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        before = await open_passwords(app, pilot)
        before.query_one(TabbedContent).active = "about"
        before.query_one("#profile-names", Input).focus()
        await pilot.press(*"Marie Dupont")
        await choose(app, pilot, "fr")
        assert isinstance(app.screen, PasswordsScreen) and app.screen is not before
        assert "Étape 3" in screen_text(app)
        assert value(app, "#profile-names") == "Marie Dupont"
        assert app.screen.query_one(TabbedContent).active == "about"
        assert app.focused is app.screen.query_one("#profile-names")
        await pilot.press("escape")  # still unsaved: asked, as before the switch
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("escape")
        await settle(app, pilot)
        app.screen.query_one("#profile-save", Button).press()
        await settle(app, pilot)
        assert app.vault is not None
        assert profile.load(app.vault).names == ["Marie Dupont"]


async def test_the_password_being_checked_stays_shown_and_judged(vault: Vault) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_passwords(app, pilot)
        await pilot.press(*"correct horse battery staple")
        await pilot.press("ctrl+t")
        await choose(app, pilot, "es")
        assert "Paso 3" in screen_text(app)
        field = app.screen.query_one("#password", Input)
        assert field.value == "correct horse battery staple"
        assert field.password is False, "still shown, as the tick says"
        assert value(app, "#show") is True
        assert app.focused is field
        await wait_until(pilot, lambda: str(app.screen.query_one("#meter", Static).render()))
        await pilot.press("escape")  # leaving the step still forgets it
        await settle(app, pilot)
        assert field.value == ""


async def test_the_passphrase_made_and_its_choices_stay(vault: Vault) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        before = await open_passwords(app, pilot)
        await pilot.press("ctrl+g")
        before.query_one("#words", Select).value = 7
        await settle(app, pilot)
        made = before.made
        assert len(made.split("-")) == 7
        await choose(app, pilot, "fr")
        after = app.screen
        assert isinstance(after, PasswordsScreen) and after is not before
        assert after.query_one(TabbedContent).active == "make"
        assert value(app, "#words") == 7
        await settle(app, pilot)
        assert after.made == made, "the one being written down, not a new one"
        assert made in str(after.query_one("#passphrase", Static).render())


async def test_the_new_case_form_keeps_both_passphrases_the_place_and_discreet(
    tmp_path: Path, settings: Settings
) -> None:
    app = ReclaimApp(tmp_path / "case", settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = app.screen
        assert isinstance(before, CreateScreen)
        await pilot.press(*"plum river candle window")
        await pilot.press("enter", *"plum river candle window")
        before.query_one("#place", Select).value = "gb"
        before.query_one("#discreet", Checkbox).value = True
        await settle(app, pilot)
        await choose(app, pilot, "fr")
        assert isinstance(app.screen, CreateScreen) and app.screen is not before
        assert value(app, "#first") == "plum river candle window"
        assert value(app, "#second") == "plum river candle window"
        assert value(app, "#place") == "gb"
        assert value(app, "#discreet") is True
        assert app.focused is app.screen.query_one("#second")


async def test_the_passphrase_typed_to_unlock_stays(vault: Vault) -> None:
    vault.close()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        await pilot.press(*"half of it")
        await choose(app, pilot, "es")
        assert isinstance(app.screen, UnlockScreen)
        assert value(app, "#secret") == "half of it"


async def test_the_evidence_filter_stays(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("/", *"instagram")
        await settle(app, pilot)
        await choose(app, pilot, "es")
        assert isinstance(app.screen, EvidenceScreen)
        assert value(app, "#filter") == "instagram"


async def test_the_binder_form_stays(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("7")
        await settle(app, pilot)
        assert isinstance(app.screen, BinderScreen)
        app.screen.query_one("#by", Input).value = "Sam, from the clinic"
        app.screen.query_one("#paper", Select).value = "letter"
        app.screen.query_one("#attach", Checkbox).value = True
        await settle(app, pilot)
        await choose(app, pilot, "fr")
        assert isinstance(app.screen, BinderScreen)
        assert value(app, "#by") == "Sam, from the clinic"
        assert value(app, "#paper") == "letter"
        assert value(app, "#attach") is True


async def test_the_kiosk_case_number_stays(settings: Settings) -> None:
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ChooseCaseScreen)
        await pilot.press(*"1234")
        await choose(app, pilot, "fr")
        assert isinstance(app.screen, ChooseCaseScreen)
        assert value(app, "#number") == "1234"
