"""The words in pictures are read in the background after files are taken in (issue 30):
one thread, its progress on the status line under the screen, keys answered while it
runs, the Evidence step's filter finding words only the picture holds (showing the line),
a lock stopping it and the next unlock picking up what remains. The recogniser is a
stand-in (tests/support/reading_fake.py) that a test holds at a gate, as a slow picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tests.support.pictures import picture
from tests.support.pilot import SIZE, open_evidence, said, settle, unlock, wait_until
from tests.support.reading_fake import HANDLE, SEEN, FakeReader
from tui.app import ReclaimApp
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.reading import reading_of, unread_exhibits
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.jobs import app_work
from tui.reading_work import reading
from tui.screens.evidence import EvidenceScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.always_keys import AlwaysKeys


def status_line(app: ReclaimApp) -> str:
    return app.screen.query_one(AlwaysKeys).text()


def shots(tmp_path: Path, count: int) -> list[Path]:
    return [picture(tmp_path / f"shot{n}.png", seed=n, size=(90, 120)) for n in range(count)]


async def add_in_the_app(app: ReclaimApp, pilot, files: list[Path]) -> EvidenceScreen:
    await open_evidence(app, pilot)
    screen = app.screen
    assert isinstance(screen, EvidenceScreen)
    screen.start_add(files)
    await wait_until(pilot, lambda: screen.job is None and len(screen.exhibits) == len(files))
    return screen


async def test_pictures_taken_in_are_read_in_the_background_while_keys_are_answered(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    reader = FakeReader(monkeypatch, held=True)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await add_in_the_app(app, pilot, shots(tmp_path, 2))
        await wait_until(pilot, reader.started.is_set)
        await wait_until(pilot, lambda: "Reading pictures 1/2" in status_line(app))
        lead = screen.query_one("#lead", Static)
        assert "by number" in str(lead.render())
        await pilot.press("s")  # while the first picture is being read
        assert "by capture time" in str(lead.render()), "the key was answered at once"
        job = reading(app).job
        assert job is not None and not job.finished, "still reading"
        reader.gate.set()
        await wait_until(pilot, lambda: reading(app).job is None)
        assert reader.read == ["E-0001", "E-0002"]
        assert "The words in 2 pictures were read" in said(app)
        assert "Reading pictures" not in status_line(app)
        await pilot.press("slash")
        screen.query_one("#filter", Input).value = "seen 14"
        await pilot.press("enter")
        await settle(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2, "found by the words only their pictures hold"
        assert f"“{SEEN}” in the picture" in str(table.get_row_at(0)[5]), "the line found"
        exhibit = list_exhibits(vault)[0]
        assert reading_of(exhibit.extra) is not None
        assert exhibit.poster == HANDLE and exhibit.guesses.get("poster") == "picture", "a guess"


async def test_a_lock_stops_the_reading_and_the_next_unlock_reads_what_remains(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    reader = FakeReader(monkeypatch, held=True)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await add_in_the_app(app, pilot, shots(tmp_path, 3))
        await wait_until(pilot, reader.started.is_set)
        job = reading(app).job
        assert job is not None
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, UnlockScreen) and app.vault is None, "hidden at once"
        await wait_until(pilot, lambda: job.finished)
        assert reader.stopped == 1 and reader.read == [], "stopped in the first picture"
        assert app_work.running() == []
        assert "Reading pictures" not in status_line(app)
        reader.gate.set()
        await unlock(app, pilot)
        assert app.vault is not None
        await wait_until(pilot, lambda: reading(app).job is None and len(reader.read) == 3)
        assert unread_exhibits(app.vault) == [], "every picture read after the unlock"
        assert "stopped" not in said(app).lower(), "nothing to say: it picked up again"


async def test_quitting_stops_the_reading_without_asking(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    reader = FakeReader(monkeypatch, held=True)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await add_in_the_app(app, pilot, shots(tmp_path, 1))
        await wait_until(pilot, reader.started.is_set)
        job = reading(app).job
        assert job is not None
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: job.finished)
    assert reader.stopped == 1 and app.return_code in (0, None)
    assert unread_exhibits(vault) == ["E-0001"], "left to be read another time"


async def test_a_computer_that_cant_read_pictures_says_so_once(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.core.evidence.adding import add_file
    from tui.core.evidence.reading import read as reading_module
    from tui.core.evidence.reading.engine import ReadingUnavailable

    why = "Reading words in pictures isn't available on this computer."

    def unavailable(*args: object, **kwargs: object) -> None:
        raise ReadingUnavailable(why)

    monkeypatch.setattr(reading_module, "read_pictures", unavailable)
    for shot in shots(tmp_path, 2):
        add_file(vault, shot)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        assert reading(app).start()
        await wait_until(pilot, lambda: reading(app).job is None)
        assert said(app).count(why) == 1, "said once, in plain words"
        assert not reading(app).start(), "not tried again in this session"
        assert unread_exhibits(vault) == ["E-0001", "E-0002"], "nothing marked as read"
