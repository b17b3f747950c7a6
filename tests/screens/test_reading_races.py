"""The background reading's poll (tui/reading_work.py) tells the screens which exhibits'
pictures were read, every quarter second, whatever the person is doing: also at the two
moments when a screen has no rows to update. A screen just opened is not built yet (its
rows come when it is); a closing app is taking its screens apart. Either used to stop
Reclaim with 'met a problem it did not expect' (seen in CI when a test's pictures were
read as it ended; a person could meet it by quitting while pictures were being read)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.support.pilot import SIZE, open_evidence, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.reading_work import reading
from tui.screens.evidence import EvidenceScreen


def one_exhibit(vault: Vault, tmp_path: Path) -> str:
    """An exhibit whose words were read (a note: what was read does not matter here)."""
    note = tmp_path / "note.txt"
    note.write_text("seen at 14:02")
    return add_file(vault, note).exhibit.id


async def test_words_read_as_a_screen_opens_reach_it_once_it_is_built(
    vault: Vault, tmp_path: Path
):
    exhibit_id = one_exhibit(vault, tmp_path)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        screen = EvidenceScreen()
        opened = app.push_screen(screen)  # the poll comes before the screen is built
        reading(app).read.put(exhibit_id)
        reading(app)._poll()
        assert reading(app).read.qsize() == 1, "kept for the screen"
        await opened
        await settle(app, pilot)
        reading(app)._poll()
        assert reading(app).read.qsize() == 0, "heard once it was built"
        assert screen.query_one(DataTable).row_count == 1 and app.screen is screen


async def test_words_read_as_the_app_closes_are_left_quietly(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The poll comes while the app takes the Evidence step apart (its rows gone, the
    step still on the stack): the moment a screen's own unmount runs."""
    exhibit_id = one_exhibit(vault, tmp_path)
    app = ReclaimApp(vault.path, Settings())
    polled: list[int] = []
    unmount = EvidenceScreen.on_unmount

    def poll_then_unmount(screen: EvidenceScreen) -> None:
        reading(app).read.put(exhibit_id)
        reading(app)._poll()
        polled.append(reading(app).read.qsize())
        unmount(screen)

    monkeypatch.setattr(EvidenceScreen, "on_unmount", poll_then_unmount)
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await pilot.press("ctrl+q")
    assert polled == [1], "the poll came as the app closed, and left the words alone"
    assert app.return_code in (0, None)
