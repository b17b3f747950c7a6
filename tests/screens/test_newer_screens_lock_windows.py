"""The newer screens through a lock and beside a second window (issue 29): the language
chosen (language.py), the words-in-pictures switch (reading_settings.py), the facts typed
on a letter in another language (letter_language.py) and the files taken out of an
exhibit (exhibit_inner.py, tui/dialogs/inner_files.py) are still there after Ctrl+L or
the idle lock and an unlock, and a second app on the same case does not undo them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, SelectionList, Switch

from tests.support import inner
from tests.support.pilot import (
    SIZE,
    open_first_exhibit,
    open_takedowns,
    said,
    screen_text,
    settle,
    unlock,
    wait_until,
)
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.reading.setting import reading_on
from tui.core.settings import Settings
from tui.core.shared import clock, i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.case_language import case_language
from tui.core.vault.vault import Vault
from tui.dialogs.inner_files import InnerFilesDialog
from tui.screens.home import HomeScreen
from tui.screens.language import LanguageScreen
from tui.screens.letter_language import LetterInLanguageScreen
from tui.screens.reading_settings import ReadingSettingsScreen
from tui.screens.unlock import UnlockScreen

MOMENT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LOCKS = [pytest.param("ctrl+l", id="ctrl-l"), pytest.param("idle", id="idle-lock")]


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    """Whatever a test chose, the next one starts in English."""
    yield
    i18n.set_language("en")


async def lock(app: ReclaimApp, pilot, how: str) -> None:
    """Lock with Ctrl+L, or as the idle lock does once nobody touched a key for long."""
    if how == "ctrl+l":
        await pilot.press("ctrl+l")
    else:
        with clock.fixed(MOMENT) as moved:
            app._last_activity = clock.monotonic()
            moved.advance(app.idle_seconds + 1)
            app.lock_when_idle()
    await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
    assert app.vault is None


async def choose_language(app: ReclaimApp, pilot, code: str) -> None:
    app.action_language()
    await wait_until(pilot, lambda: isinstance(app.screen, LanguageScreen))
    app.screen.query_one(OptionList).highlighted = list(i18n.LANGUAGES).index(code)
    await pilot.press("enter")
    await settle(app, pilot)


async def open_reading_settings(app: ReclaimApp, pilot) -> Switch:
    await app.push_screen(ReadingSettingsScreen())
    await settle(app, pilot)
    return app.screen.query_one("#read-pictures", Switch)


# ---- the language -----------------------------------------------------------------


@pytest.mark.parametrize("how", LOCKS)
async def test_the_language_chosen_is_kept_through_a_lock(vault: Vault, how: str):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await choose_language(app, pilot, "fr")
        assert "Votre dossier" in screen_text(app)
        await lock(app, pilot, how)
        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert i18n.person_language() == "fr"
        assert "Votre dossier" in screen_text(app)
    assert case_language(vault) == "fr"


async def test_a_second_window_does_not_undo_the_language_or_the_switch(vault: Vault):
    """B, opened first and still in English, turns reading off after A chose Spanish:
    both are kept, and B's next unlock speaks the case's Spanish."""
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        await unlock(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            await unlock(window_a, pilot_a)
            await choose_language(window_a, pilot_a, "es")
            i18n.set_language("en")  # one process: B speaks its own language again
            switch = await open_reading_settings(window_b, pilot_b)
            await pilot_b.press("space")
            await settle(window_b, pilot_b)
            assert switch.value is False
            assert case_language(vault) == "es", "B's switch left A's language alone"
            assert reading_on(vault) is False
            await pilot_b.press("escape")
            await lock(window_b, pilot_b, "ctrl+l")
            await unlock(window_b, pilot_b)
            assert i18n.person_language() == "es"
            assert "Tu caso" in screen_text(window_b)
    assert case_language(vault) == "es"
    assert reading_on(vault) is False


# ---- the words-in-pictures switch -------------------------------------------------


async def test_the_switch_turned_off_stays_off_through_a_lock(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        switch = await open_reading_settings(app, pilot)
        assert switch.value is True
        await pilot.press("space")
        await settle(app, pilot)
        await lock(app, pilot, "ctrl+l")
        await unlock(app, pilot)
        assert (await open_reading_settings(app, pilot)).value is False
    assert reading_on(vault) is False


async def test_a_window_still_showing_the_switch_on_does_not_turn_it_back_on(vault: Vault):
    """A shows the switch on; B turns reading off. A leaving its screen writes nothing,
    and A's next look shows it off."""
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_a.run_test(size=SIZE) as pilot_a:
        await unlock(window_a, pilot_a)
        assert (await open_reading_settings(window_a, pilot_a)).value is True
        async with window_b.run_test(size=SIZE) as pilot_b:
            await unlock(window_b, pilot_b)
            await open_reading_settings(window_b, pilot_b)
            await pilot_b.press("space", "escape")
            await settle(window_b, pilot_b)
        assert reading_on(vault) is False
        await pilot_a.press("escape")
        await settle(window_a, pilot_a)
        assert (await open_reading_settings(window_a, pilot_a)).value is False
    assert reading_on(vault) is False


# ---- a letter in another language -------------------------------------------------


def a_request(vault: Vault) -> None:
    set_case_place(vault, "us")
    save_facts(vault, under_18="no")
    add_request(vault, "reddit", ["https://reddit.example/p/1"])


async def open_letter_in_spanish(app: ReclaimApp, pilot) -> LetterInLanguageScreen:
    await open_takedowns(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LetterInLanguageScreen)
    await pilot.press("f3")  # English -> Spanish
    await settle(app, pilot)
    assert screen.language == "es"
    return screen


async def test_facts_typed_on_a_letter_in_spanish_are_kept_through_a_lock(vault: Vault):
    a_request(vault)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_letter_in_spanish(app, pilot)
        screen.query_one("#name", Input).value = "Ana Pérez"
        screen.query_one("#contact", Input).value = "ana@example.org"
        await lock(app, pilot, "ctrl+l")
        await unlock(app, pilot)
        assert "could not be saved" not in said(app)
    facts = get_facts(vault)
    assert (facts.name, facts.contact) == ("Ana Pérez", "ana@example.org")


async def test_a_second_window_on_a_spanish_letter_keeps_the_fact_saved_in_the_first(
    vault: Vault,
):
    """B writes the letter in Spanish and saves only the contact it typed; A's name,
    saved meanwhile, stays, and B's form shows it."""
    a_request(vault)
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        screen_b = await open_letter_in_spanish(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            await open_takedowns(window_a, pilot_a)
            await pilot_a.press("l")
            await settle(window_a, pilot_a)
            window_a.screen.query_one("#name", Input).value = "Ana Pérez"
            await pilot_a.press("ctrl+d")
            await settle(window_a, pilot_a)
        screen_b.query_one("#contact", Input).value = "ana@example.org"
        await pilot_b.press("ctrl+d")
        await settle(window_b, pilot_b)
        assert screen_b.query_one("#name", Input).value == "Ana Pérez"
        assert screen_b.language == "es", "still the Spanish letter"
    facts = get_facts(vault)
    assert (facts.name, facts.contact) == ("Ana Pérez", "ana@example.org")


# ---- the files inside an exhibit --------------------------------------------------


def a_report(vault: Vault, tmp_path: Path) -> None:
    report = tmp_path / "report.docx"
    report.write_bytes(inner.docx({"image1.png": inner.RED, "image2.png": inner.BLUE}))
    assert add_file(vault, report).exhibit.id == "E-0001"


async def open_inner_files(app: ReclaimApp, pilot) -> SelectionList[str]:
    await pilot.press("ctrl+f")
    await wait_until(pilot, lambda: isinstance(app.screen, InnerFilesDialog))
    return app.screen.query_one(SelectionList)


def taken_from_report(vault: Vault) -> list[str]:
    return sorted(e.original_name for e in list_exhibits(vault) if e.extra.get("taken_from"))


async def test_files_taken_out_before_a_lock_stay_and_the_list_is_whole_after(
    vault: Vault, tmp_path: Path
):
    """What Ctrl+S took in stays; ticks not yet taken in take nothing in at the lock
    (only Ctrl+S does), and after the unlock the list is there to tick again."""
    a_report(vault, tmp_path)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        await open_inner_files(app, pilot)
        await pilot.press("space", "ctrl+s")  # image1.png
        await wait_until(pilot, lambda: "Taken in as" in said(app))
        picked = await open_inner_files(app, pilot)
        await pilot.press("down", "space")  # image2.png ticked, not taken in
        assert picked.selected == ["word/media/image2.png"]
        await lock(app, pilot, "ctrl+l")
        await unlock(app, pilot)
        assert "could not" not in said(app) and "error" not in said(app).lower()
        await pilot.press("4", "enter")
        await settle(app, pilot)
        picked = await open_inner_files(app, pilot)
        prompts = [str(picked.get_option_at_index(at).prompt) for at in range(2)]
        assert "already in the case as E-0002" in prompts[0]
        assert "already in the case" not in prompts[1]
    assert taken_from_report(vault) == ["image1.png"]


async def test_a_second_window_does_not_take_in_again_what_the_first_took(
    vault: Vault, tmp_path: Path
):
    """A takes image2 in; B, on the same exhibit since before, lists it as already in
    the case, and ticking it anyway makes no second copy of it."""
    a_report(vault, tmp_path)
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        await open_first_exhibit(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            await open_first_exhibit(window_a, pilot_a)
            await open_inner_files(window_a, pilot_a)
            await pilot_a.press("down", "space", "ctrl+s")
            await wait_until(pilot_a, lambda: "E-0002" in said(window_a))
        picked = await open_inner_files(window_b, pilot_b)
        prompts = [str(picked.get_option_at_index(at).prompt) for at in range(2)]
        assert "already in the case" not in prompts[0]
        assert "already in the case as E-0002" in prompts[1]
        await pilot_b.press("space", "down", "space", "ctrl+s")  # both
        await wait_until(pilot_b, lambda: "Taken in as" in said(window_b))
        assert "image2.png is already in the case as E-0002." in said(window_b)
    assert taken_from_report(vault) == ["image1.png", "image2.png"]
    assert len(list_exhibits(vault)) == 3
