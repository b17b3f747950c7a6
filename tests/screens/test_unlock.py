"""The unlock prompt on a kiosk: Escape leads back to the start, to type the case number
again."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.pilot import SIZE, footer_says
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.screens.kiosk import ChooseCaseScreen
from tui.screens.unlock import UnlockScreen


async def test_kiosk_escape_leaves_the_passphrase_prompt_for_the_start(settings: Settings):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#number", Input).value = "123456"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert footer_says(app, "escape") == "Back to start"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
