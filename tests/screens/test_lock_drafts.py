"""A form that can't be saved when the case locks is never dropped silently: the person
hears of it when the same case opens again, and the locked screen shows nothing of it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.event import EventScreen
from tui.screens.unlock import UnlockScreen


def notes(app: ReclaimApp) -> str:
    return "\n".join(notice.message for notice in app._notifications)


async def test_an_event_that_could_not_be_saved_at_the_lock_is_mentioned(
    vault: Vault, tmp_path: Path
):
    app = ReclaimApp(vault.path, Settings(kiosk_cases_dir=tmp_path / "k"))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        app.screen.query_one("#when", Input).value = "the thirty-second of Smarch"
        app.screen.query_one("#title", Input).value = "He sent it to my sister"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert "sister" not in notes(app) and "Smarch" not in notes(app)
        await unlock(app, pilot)
        await settle(app, pilot)
        assert "the timeline event could not be saved" in notes(app)
