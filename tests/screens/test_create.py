"""Making a case: on a kiosk, Escape leads back to the start and makes nothing; for a first
case of one's own, it is the first screen and Escape stays."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.pilot import SIZE, footer_says
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.screens.create import CreateScreen
from tui.screens.kiosk import ChooseCaseScreen


async def test_kiosk_escape_leaves_make_your_case_for_the_start(settings: Settings):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        assert footer_says(app, "escape") == "Back to start"
        app.screen.query_one("#first", Input).value = "half typed"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChooseCaseScreen)
        assert len(app.screen_stack) == 2, "the start, not a screen on top of another"
        made = [entry for entry in settings.kiosk_cases_dir.iterdir() if entry.name.isdigit()]
        assert not made, "no case was made (the kiosk's sealed guess counts may be there)"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#first", Input).value == ""


async def test_escape_on_a_first_case_of_ones_own_stays(tmp_path: Path, settings: Settings):
    """Not a kiosk: making the case is the first screen, with nothing to go back to."""
    app = ReclaimApp(tmp_path / "case", settings)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CreateScreen)
        assert footer_says(app, "escape") is None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
