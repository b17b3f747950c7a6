"""The Evidence step's filter words are kept over a lock (Ctrl+L or the idle lock), in
memory for that case only, and given back once when the step is next shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_evidence, settle, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.vault.vault import Vault
from tui.screens.evidence import EvidenceScreen
from tui.screens.unlock import UnlockScreen

MOMENT = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize("how", ["ctrl+l", "idle"])
async def test_the_filter_words_come_back_after_a_lock(
    vault: Vault, tmp_path: Path, how: str
) -> None:
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the first message"})
    add_file(vault, make_png(tmp_path / "b.png", color="navy"), {"description": "his threat"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 2
        await pilot.press("slash", *"threat")
        screen = app.screen
        await wait_until(pilot, lambda: screen.query_one(DataTable).row_count == 1)
        if how == "ctrl+l":
            await pilot.press("ctrl+l")
        else:
            with clock.fixed(MOMENT) as moved:
                app._last_activity = clock.monotonic()
                moved.advance(app.idle_seconds + 1)
                app.lock_when_idle()
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await open_evidence(app, pilot)  # unlocks first
        again = app.screen
        assert isinstance(again, EvidenceScreen) and again is not screen
        field = again.query_one("#filter", Input)
        assert field.value == "threat"
        await wait_until(pilot, lambda: again.query_one(DataTable).row_count == 1)
        assert app.focused is field
        await pilot.press(*"s")  # goes on after the words
        assert field.value == "threats"
        await pilot.press("escape", "escape")
        await settle(app, pilot)
        await pilot.press("4")  # given back once
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert app.screen.query_one("#filter", Input).value == ""
