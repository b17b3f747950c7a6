"""Work under way is never dropped silently (issue 25 item 6, issue 26 item 4).

Ctrl+L and the idle lock hide the case on the very next frame, whatever is running: the
work stops at its next safe point inside its page loop, the case is closed once it has,
and after the next unlock a notice says what was stopped and how to run it again. Ctrl+Q
during work asks first; if confirmed, nothing is left half-made.

A slow exhibit is a PDF of many pages whose per-page measuring is made slow (each page
waits a little), so the binder is still on its pages when the key is pressed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from textual.widgets import Input, OptionList

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.binder import pdf_bounds, pdf_pages
from tui.core.evidence import adding, intake
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.shared.errors import Cancelled
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.confirm import ConfirmDialog
from tui.jobs import Job, letting_go
from tui.screens.binder import BinderScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.home import HomeScreen
from tui.screens.unlock import UnlockScreen

PAGES = 300
MOMENT = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


class SlowPages:
    """Stands in for the binder's per-page measuring: each page waits a little (a page
    whose fonts must be drawn), so 300 pages take several seconds. Counts the pages."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages = 0
        self.started = threading.Event()
        self._never = threading.Event()
        real = pdf_bounds.drawing_size

        def slow(page: Any, limit: int) -> int | None:
            self.pages += 1
            self.started.set()
            self._never.wait(0.02)
            return real(page, limit)

        monkeypatch.setattr(pdf_pages, "drawing_size", slow)


def long_pdf(path: Path, pages: int = PAGES) -> Path:
    with pikepdf.new() as pdf:
        for _ in range(pages):
            pdf.add_blank_page(page_size=(200, 200))
        pdf.save(path)
    return path


@pytest.fixture
def slow_case(vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SlowPages:
    add_file(vault, long_pdf(tmp_path / "statement.pdf"), {"description": "PRIVATE-PDF"})
    return SlowPages(monkeypatch)


async def start_binder(app: ReclaimApp, pilot, target: Path, slow: SlowPages) -> Job[Any]:
    await unlock(app, pilot)
    await pilot.press("7")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BinderScreen)
    screen.query_one("#dest", Input).value = str(target)
    await pilot.press("ctrl+s")
    await wait_until(pilot, slow.started.is_set)
    job = screen.job
    assert job is not None and not job.finished
    return job


def case_hidden(app: ReclaimApp) -> None:
    assert isinstance(app.screen, UnlockScreen)
    assert app.vault is None
    assert len(app.screen_stack) == 2, "nothing of the case under the unlock screen"
    text = screen_text(app)
    assert "Step 7" not in text and "PRIVATE-PDF" not in text and "binder" not in text


async def stopped_soon(pilot, job: Job[Any], slow: SlowPages) -> None:
    """The job stops within a few pages of the lock, not at the end of the exhibit."""
    at_lock = slow.pages
    await wait_until(pilot, lambda: job.finished, seconds=5)
    assert isinstance(job.error, Cancelled)
    assert slow.pages <= at_lock + 2, (at_lock, slow.pages)
    assert slow.pages < PAGES


async def test_ctrl_l_during_a_slow_binder_hides_the_case_at_once_and_says_so_after(
    vault: Vault, slow_case: SlowPages, tmp_path: Path
):
    target = tmp_path / "binder.pdf"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        job = await start_binder(app, pilot, target, slow_case)
        await pilot.press("ctrl+l")
        case_hidden(app)
        assert "was not made" not in said(app), "never said on the locked screen"
        await stopped_soon(pilot, job, slow_case)
        assert letting_go.wait(vault.path, 5)
        assert not target.exists()
        assert not list(tmp_path.glob("*.pdf.*")), "no partial file beside it"

        await unlock(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert (
            "The binder was being made when the case locked; it was not made. "
            "Make it again from step 7."
        ) in said(app)
        steps = app.screen.query_one("#steps", OptionList)
        home = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert any("stopped by the lock, not made" in step for step in home), home


async def test_the_idle_lock_during_a_slow_binder_does_the_same(
    vault: Vault, slow_case: SlowPages, tmp_path: Path
):
    target = tmp_path / "binder.pdf"
    with clock.fixed(MOMENT), vault.transaction():  # a binder made earlier that day
        custody.append(vault.table(custody.TABLE), "binder", destination="earlier.pdf")
    app = ReclaimApp(vault.path, Settings())
    with clock.fixed(MOMENT) as moved:
        async with app.run_test(size=SIZE) as pilot:
            job = await start_binder(app, pilot, target, slow_case)
            moved.advance(app.idle_seconds + 1)
            app.lock_when_idle()
            case_hidden(app)
            await stopped_soon(pilot, job, slow_case)
            assert not target.exists()
            await unlock(app, pilot)
            assert "it was not made. Make it again from step 7." in said(app)
            steps = app.screen.query_one("#steps", OptionList)
            binder = str(steps.get_option_at_index(6).prompt)
            assert "stopped by the lock; last made 2026-12-07" in binder, binder


async def test_quit_during_the_binder_asks_and_keep_working_keeps_it(
    vault: Vault, slow_case: SlowPages, tmp_path: Path
):
    target = tmp_path / "binder.pdf"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        job = await start_binder(app, pilot, target, slow_case)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "The binder is still being made. Stop it and quit?" in screen_text(app)
        assert (app.screen.yes, app.screen.no) == ("Stop and quit", "Keep working")
        await pilot.press("escape")  # Keep working
        await pilot.pause()
        assert isinstance(app.screen, BinderScreen)
        assert app.is_running and not job.cancelling
        assert app.screen.job is job
        job.cancel()  # the test is over: no need to draw the other pages


async def test_stop_and_quit_stops_the_binder_and_leaves_no_file(
    vault: Vault, slow_case: SlowPages, tmp_path: Path
):
    target = tmp_path / "binder.pdf"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        job = await start_binder(app, pilot, target, slow_case)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # Stop and quit
        await stopped_soon(pilot, job, slow_case)
        await wait_until(pilot, lambda: app._exit, seconds=5)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if ".pdf" in p.name] == ["statement.pdf"]


async def test_a_lock_during_an_add_keeps_the_files_taken_in_and_says_how_many(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    colours = {"a": "red", "b": "blue", "c": "green", "d": "white"}
    files = [make_png(tmp_path / f"{name}.png", color=colour) for name, colour in colours.items()]
    started = threading.Event()
    never = threading.Event()
    real = adding.stage_file

    def slow_third(vault: Vault, path: Path, progress: Any = None, **where_from: Any) -> Any:
        if path.name == "c.png":  # a large file, still being copied at the lock
            started.set()
            while True:
                progress(0, 1)
                never.wait(0.01)
        return real(vault, path, progress=progress, **where_from)

    monkeypatch.setattr(intake, "stage_file", slow_third)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.start_add(files)
        await wait_until(pilot, started.is_set)
        job = screen.job
        assert job is not None
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, UnlockScreen)
        await wait_until(pilot, lambda: job.finished, seconds=5)
        assert letting_go.wait(vault.path, 5)
        await unlock(app, pilot, PASSPHRASE)
        await settle(app, pilot)
        assert (
            "Adding files was stopped when the case locked: 2 of 4 files were added and "
            "kept; 2 were not."
        ) in said(app)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as again:
        assert sorted(e.original_name for e in list_exhibits(again)) == ["a.png", "b.png"]
