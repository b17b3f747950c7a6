"""What was typed on a screen the case has no place for is kept over a lock (Ctrl+L or
the idle lock) and given back when the screen is next shown in that case: the binder's
choices (never the PDF's password), an answer being typed in a question, a letter's words
changed and not yet saved as a file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Checkbox, Input, Select, TextArea

from tests.support.pilot import SIZE, open_takedowns, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.dialogs.choice import ChoiceDialog
from tui.screens.binder import BinderScreen
from tui.screens.letter_language import LetterInLanguageScreen
from tui.screens.unlock import UnlockScreen

MOMENT = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)
LOCKS = [pytest.param("ctrl+l", id="ctrl-l"), pytest.param("idle", id="idle-lock")]


async def lock(app: ReclaimApp, pilot, how: str) -> None:
    if how == "ctrl+l":
        await pilot.press("ctrl+l")
    else:
        with clock.fixed(MOMENT) as moved:
            app._last_activity = clock.monotonic()
            moved.advance(app.idle_seconds + 1)
            app.lock_when_idle()
    await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
    assert app.vault is None


async def open_binder(app: ReclaimApp, pilot) -> BinderScreen:
    await pilot.press("7")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, BinderScreen)
    return screen


@pytest.mark.parametrize("how", LOCKS)
async def test_the_binders_choices_come_back_after_a_lock(vault: Vault, how: str) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        binder = await open_binder(app, pilot)
        binder.query_one("#paper", Select).value = "letter"
        binder.query_one("#attach", Checkbox).value = True
        binder.query_one("#password", Input).value = "pdf-secret"
        binder.query_one("#by", Input).focus()
        await pilot.press(*"Sam", "space", *"Lee", "f3")
        await lock(app, pilot, how)
        await unlock(app, pilot)
        again = await open_binder(app, pilot)
        assert again is not binder
        assert again.query_one("#by", Input).value == "Sam Lee"
        assert again.query_one("#paper", Select).value == "letter"
        assert again.query_one("#attach", Checkbox).value is True
        assert again.query_one("#password", Input).value == "", "a password is never kept"
        assert again.language != ""
        assert app.focused is again.query_one("#by")
        await pilot.press("escape")  # given back once: opened again, it starts afresh
        again = await open_binder(app, pilot)
        assert again.query_one("#by", Input).value == ""


@pytest.mark.parametrize("how", LOCKS)
async def test_an_answer_being_typed_comes_back_in_the_same_question(
    vault: Vault, how: str
) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("5", "b", *"/media/usb")
        assert isinstance(app.screen, AskDialog)
        await lock(app, pilot, how)
        await unlock(app, pilot)
        await pilot.press("5", "b")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        field = dialog.query_one(Input)
        assert field.value == "/media/usb"
        await pilot.press(*"/case")  # goes on after what was typed
        assert field.value == "/media/usb/case"


async def open_letter(app: ReclaimApp, pilot) -> LetterInLanguageScreen:
    """Unlock, and open the takedown letter from step 8."""
    await open_takedowns(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LetterInLanguageScreen) and screen.letter is not None
    return screen


@pytest.mark.parametrize("how", LOCKS)
async def test_a_letters_changed_words_come_back_after_a_lock(vault: Vault, how: str) -> None:
    save_facts(vault, name="Sam Doe", contact="sam@example.org", signature="Sam", no_consent=True)
    add_request(vault, "reddit", ["https://reddit.example/p/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        letter = await open_letter(app, pilot)
        editor = letter.query_one("#letter", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*"PS", "space", *"thanks")
        words = editor.text
        assert words.endswith("PS thanks")
        await lock(app, pilot, how)
        again = await open_letter(app, pilot)  # unlocks first
        assert again.query_one("#letter", TextArea).text == words
        await pilot.press("escape")  # still not saved as a file: asked about
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
