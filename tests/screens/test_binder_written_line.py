"""The binder screen's line saying the language it is written in is indented as its other
lines (issue 29, w3: "Rédigé en anglais … F3 pour changer." began in column 0)."""

from __future__ import annotations

from tests.support.pilot import SIZE, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen


async def test_the_written_in_line_lines_up_with_the_others(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("7")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BinderScreen)
        written = screen.query_one("#written").content_region.x
        assert written == screen.query_one("#contents").content_region.x
        assert written == screen.query_one("#heading").content_region.x > 0
