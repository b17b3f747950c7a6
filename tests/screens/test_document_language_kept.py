"""The language chosen for a document with F3 stays chosen: the binder's over a change of
the app's language (its screen is built again), a letter's over a lock (Ctrl+L or the
idle lock) and the unlock, as the letter's facts are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from textual.widgets import OptionList, Static

from tests.support.pilot import SIZE, open_takedowns, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import clock, i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.language import LanguageScreen
from tui.screens.letter_language import LetterInLanguageScreen
from tui.screens.unlock import UnlockScreen

#: When the idle test stops the clock (any moment will do; the idle time is what moves).
MOMENT = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def written(screen: BinderScreen | LetterInLanguageScreen) -> str:
    return str(screen.query_one("#written", Static).render())


async def test_the_binders_language_stays_chosen_when_the_app_speaks_another(
    vault: Vault,
) -> None:
    set_case_place(vault, "us")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7", "f3")  # English -> Spanish
        before = app.screen
        assert isinstance(before, BinderScreen) and before.language == "es"
        app.action_language()
        await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
        app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index("fr")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BinderScreen) and screen is not before
        assert screen.language == "es"
        assert written(screen).startswith("Rédigé en espagnol (pour la police")


@pytest.fixture
def letter_case(vault: Vault) -> Vault:
    set_case_place(vault, "us")
    save_facts(
        vault, name="Ana Pérez", contact="ana@example.org", signature="Ana Pérez", no_consent=True
    )
    add_request(vault, "reddit", ["https://reddit.example/p/1"])
    return vault


async def open_letter(app: ReclaimApp, pilot) -> LetterInLanguageScreen:
    await open_takedowns(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LetterInLanguageScreen) and screen.letter is not None
    return screen


async def test_a_letters_language_stays_chosen_over_ctrl_l(letter_case: Vault) -> None:
    app = ReclaimApp(letter_case.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_letter(app, pilot)
        await pilot.press("f3")  # English -> Spanish
        await settle(app, pilot)
        assert screen.language == "es"
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        again = await open_letter(app, pilot)
        assert again is not screen and again.language == "es"
        assert again.letter is not None
        assert again.letter.text.startswith("BORRADOR hecho con Reclaim")
        assert "Written in Spanish" in written(again)


async def test_a_letters_language_stays_chosen_over_the_idle_lock(letter_case: Vault) -> None:
    app = ReclaimApp(letter_case.path, Settings())
    with clock.fixed(MOMENT) as moved:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_letter(app, pilot)
            await pilot.press("f3", "f3")  # English -> Spanish -> French
            await settle(app, pilot)
            assert screen.language == "fr"
            moved.advance(app.idle_seconds + 1)
            app.lock_when_idle()
            await settle(app, pilot)
            assert isinstance(app.screen, UnlockScreen)
            again = await open_letter(app, pilot)
            assert again.language == "fr"
            assert "Written in French" in written(again)
