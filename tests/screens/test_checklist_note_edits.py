"""Two windows on one checklist step's note: a note saved elsewhere since this window
read it is never written over unasked; the person chooses which to keep, as in every
other form. At a lock (nobody to ask) this window's note is kept in memory and asked
about when the checklist is next opened."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, said, screen_text, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.privacy.checklists import find
from tui.core.privacy.lockdown import progress_of, set_note
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.checklist import ChecklistScreen
from tui.screens.unlock import UnlockScreen

CHECKLIST = "accounts-security"


async def open_checklist(app: ReclaimApp, pilot) -> ChecklistScreen:
    await pilot.press("2")
    await settle(app, pilot)
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(CHECKLIST))
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


def showing(app: ReclaimApp) -> object:
    return app.screen


def stored_note(vault: Vault) -> str:
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        checklist = find(CHECKLIST)
        return progress_of(reopened, checklist).notes.get(checklist.steps[0].id, "")


def elsewhere(vault: Vault, text: str) -> None:
    """Another window (or command) saves the first step's note."""
    checklist = find(CHECKLIST)
    set_note(vault, checklist, checklist.steps[0].id, text)


async def test_a_note_saved_elsewhere_meanwhile_is_asked_about(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        screen = await open_checklist(app, pilot)
        await pilot.press("e", *"at the library")
        elsewhere(vault, "changed my phone number")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        text = screen_text(app)
        assert "Changed elsewhere: changed my phone number" in text
        assert "Yours: at the library" in text
        assert stored_note(vault) == "changed my phone number", "nothing written unasked"
        await pilot.press("tab", "enter")  # Save my choices: mine is chosen
        await settle(app, pilot)
        assert showing(app) is screen
        assert stored_note(vault) == "at the library"


async def test_keeping_the_other_windows_note_shows_it(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        screen = await open_checklist(app, pilot)
        await pilot.press("e", *"mine")
        elsewhere(vault, "theirs")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("up", "enter", "tab", "enter")  # keep theirs
        await settle(app, pilot)
        assert showing(app) is screen
        assert screen.query_one("#note", Input).value == "theirs"
        assert stored_note(vault) == "theirs"


async def test_a_note_changed_elsewhere_at_a_lock_is_kept_and_asked_after(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot)
        await pilot.press("e", *"half a thought")
        elsewhere(vault, "theirs")
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert stored_note(vault) == "theirs", "never written over unasked"
        await unlock(app, pilot)
        await settle(app, pilot)
        assert "could not be saved" not in said(app)
        await pilot.press("2")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(CHECKLIST))
        await pilot.press("enter")  # the checklist opens and asks at once
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        assert "Yours: half a thought" in screen_text(app)
        await pilot.press("tab", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistScreen)
        assert app.screen.query_one("#note", Input).value == "half a thought"
        assert stored_note(vault) == "half a thought"
