"""The add-evidence screen's typing (the paths being typed, the files chosen) is kept over a
lock, in memory for that case only, and given back once when it is next opened (k2 found
it lost)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_evidence, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.vault.vault import Vault
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.unlock import UnlockScreen

MOMENT = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize("how", ["ctrl+l", "idle"])
async def test_the_paths_typed_and_chosen_come_back_after_a_lock(
    vault: Vault, tmp_path: Path, how: str
) -> None:
    shot = make_png(tmp_path / "shot.png")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, AddEvidenceScreen))
        adding = app.screen
        assert isinstance(adding, AddEvidenceScreen)
        adding.choose([shot])
        adding.query_one("#paths", Input).value = "~/Pictures/Screensh"
        if how == "ctrl+l":
            await pilot.press("ctrl+l")
        else:
            with clock.fixed(MOMENT) as moved:
                app._last_activity = clock.monotonic()
                moved.advance(app.idle_seconds + 1)
                app.lock_when_idle()
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await open_evidence(app, pilot)  # unlocks first
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, AddEvidenceScreen))
        again = app.screen
        assert isinstance(again, AddEvidenceScreen) and again is not adding
        assert again.query_one("#paths", Input).value == "~/Pictures/Screensh"
        assert again.chosen == [shot]
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("a")  # given back once
        await wait_until(pilot, lambda: isinstance(app.screen, AddEvidenceScreen))
        assert app.screen.query_one("#paths", Input).value == ""
