"""Step 4 in the app, driven with Pilot: adding files (browser and pasted paths) in the
background, the details form, blurred previews, stitching, removing, deleting,
filtering and sorting, and checking every item."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static

import tui.screens.evidence
from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, settle, unlock, wait_until
from tests.support.pilot import open_evidence as open_step
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.intake import BatchProgress, BatchResult, add_many
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.dialogs.delete import DeleteDialog
from tui.screens.evidence import EvidenceScreen
from tui.screens.unlock import UnlockScreen


def rows(app: ReclaimApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def ids(app: ReclaimApp) -> list[str]:
    return [row[1] for row in rows(app)]


def reopened(vault: Vault) -> Vault:
    return Vault.open(vault.path, passphrase=PASSPHRASE)


async def wait_for_work(app: ReclaimApp, pilot) -> None:
    screen = app.screen
    assert isinstance(screen, EvidenceScreen)
    await wait_until(pilot, lambda: screen.job is None)


async def test_adding_shows_progress_and_esc_stops_cleanly(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    big = tmp_path / "big"
    big.mkdir()
    for index in range(4):
        (big / f"recording-{index}.mp4").write_bytes(os.urandom(48 * 1024 * 1024))
    # Once the first file is in, the work waits at its next progress report until Esc has
    # been pressed: however fast this machine takes files in, Esc comes mid-way.
    pressed = threading.Event()

    def gated(
        case: Vault, paths: list[Path], progress: BatchProgress, *where_from: Any
    ) -> BatchResult:
        def report(done: int, total: int, files_done: int = 0, files_total: int = 0) -> None:
            if files_done >= 1:
                pressed.wait(30)
            progress(done, total, files_done, files_total)

        return add_many(case, paths, report, *where_from)

    monkeypatch.setattr(tui.screens.evidence, "add_many", gated)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.start_add([big])
        await wait_until(pilot, lambda: "of 4" in screen_text(app))
        assert screen.query_one("#work").display
        assert "Adding" in screen_text(app) and "of 4" in screen_text(app)
        await pilot.press("escape")
        pressed.set()
        await wait_for_work(app, pilot)
        assert isinstance(app.screen, EvidenceScreen), "Esc stopped the work, not the screen"
        assert "Stopped." in said(app)
        assert not screen.query_one("#work").display
    with reopened(vault) as case:
        kept = list_exhibits(case)
        assert len(kept) < 4
        assert len(list(case.blob_dir.glob("*.blob"))) == len(kept)
        assert list(case.blob_dir.glob("*.part")) == []


async def test_a_lock_during_adding_stops_the_work_first(vault: Vault, tmp_path: Path):
    big = tmp_path / "big"
    big.mkdir()
    for index in range(3):
        (big / f"{index}.bin").write_bytes(os.urandom(48 * 1024 * 1024))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.start_add([big])
        job = screen.job
        assert job is not None
        await wait_until(pilot, lambda: job.finished or job.bytes_done > 0)  # under way
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen) and app.vault is None
        assert screen.job is None or screen.job.finished
    with reopened(vault) as case:
        assert list(case.blob_dir.glob("*.part")) == []
        assert len(list(case.blob_dir.glob("*.blob"))) == len(list_exhibits(case))


async def test_marked_screenshots_are_stitched_into_a_new_linked_exhibit(
    vault: Vault, tmp_path: Path
):
    for index, color in enumerate(("red", "green", "blue")):
        add_file(vault, make_png(tmp_path / f"{index}.png", size=(60, 90), color=color))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("t")
        assert "Mark two or more" in said(app)
        await pilot.press("down", "space", "up", "up", "space")
        assert [row[0] for row in rows(app)] == ["●", "●", ""]
        assert "marked: E-0002, E-0001" in screen_text(app)
        await pilot.press("t")
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one(Input).value = "The chat, top to bottom"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert ids(app) == ["E-0001", "E-0002", "E-0003", "E-0004"]
        assert app.screen.current_id() == "E-0004"
        assert "E-0004 is the stitched image" in said(app)
    with reopened(vault) as case:
        tall = get_exhibit(case, "E-0004")
        assert tall.derived_from == ["E-0002", "E-0001"] and tall.height == 180


async def test_remove_keeps_and_delete_needs_the_number_typed(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    add_file(vault, make_png(tmp_path / "b.png", color="red"), {"description": "second"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("x")
        assert rows(app)[0][5] == "(removed) first"
        assert "stays in the case" in said(app)

        await pilot.press("down", "D")
        assert isinstance(app.screen, DeleteDialog)
        assert "Remove (x) instead" in screen_text(app)
        await pilot.press(*"E-0001")
        assert app.screen.query_one("#delete").disabled, "the wrong number does not delete"
        app.screen.query_one("#typed", Input).value = "e-0002"
        await pilot.pause()
        assert not app.screen.query_one("#delete").disabled
        await pilot.press("enter")
        await settle(app, pilot)
        assert ids(app) == ["E-0001"]
    with reopened(vault) as case:
        (kept,) = list_exhibits(case)
        assert kept.excluded
        actions = [e["action"] for e in custody.entries(case.table(custody.TABLE))]
        assert actions[-2:] == ["exclude", "delete"]


async def test_filter_and_sort_narrow_and_order_the_table(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"platform": "Reddit", "poster": "zed"})
    add_file(vault, make_png(tmp_path / "b.png", color="red"), {"platform": "Instagram"})
    add_file(vault, make_png(tmp_path / "c.png", color="blue"), {"platform": "instagram"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("slash", *"INSTA")
        await pilot.press("enter")
        assert ids(app) == ["E-0002", "E-0003"]
        assert "2 shown" in screen_text(app)
        assert app.screen.query_one(DataTable).has_focus
        await pilot.press("slash", "escape")
        assert ids(app) == ["E-0001", "E-0002", "E-0003"]
        await pilot.press("s", "s")
        assert "by platform" in screen_text(app)
        assert ids(app) == ["E-0002", "E-0003", "E-0001"]


async def test_verify_all_marks_each_item_and_names_the_damaged_one(vault: Vault, tmp_path: Path):
    for index in range(3):
        add_file(vault, make_png(tmp_path / f"{index}.png", color=("red", "green", "blue")[index]))
    damaged = list_exhibits(vault)[1]
    blob = vault.blob_dir / f"{damaged.blob}.blob"
    data = bytearray(blob.read_bytes())
    data[-5] ^= 0xFF
    blob.write_bytes(bytes(data))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("V")
        await wait_for_work(app, pilot)
        assert [row[7] for row in rows(app)] == ["✓", "✗", "✓"]
        assert "1 item is damaged (✗ under Hash): E-0002" in said(app)


async def test_one_item_needs_details(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        lead = str(app.screen.query_one("#lead", Static).render())
        assert lead.startswith("1 item, encrypted and hashed · 1 needs details")


async def test_the_check_column_is_named_after_verify_all(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "V")
        await wait_for_work(app, pilot)
        table = app.screen.query_one(DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels[-2:] == ["Done", "Hash"]
        assert str(table.get_row_at(0)[-1]) == "✓"
        assert "All 4 items match their hashes (✓ under Hash)." in said(app)


def test_step_4_after_verify_all_with_its_footer(snap_compare, demo: Vault):
    async def verify(pilot) -> None:
        await pilot.press("4", "V")
        await wait_for_work(pilot.app, pilot)
        await pilot.app.workers.wait_for_complete()
        pilot.app.clear_notifications()
        await pilot.pause()

    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, run_before=verify, terminal_size=SIZE)


async def test_the_evidence_list_shows_about_dates_whole_in_its_column(
    vault: Vault, tmp_path: Path
) -> None:
    for index, typed in enumerate(("about 2023", "about March 2024", "about 5 March 2024")):
        colour = ("red", "green", "blue")[index]
        add_file(vault, make_png(tmp_path / f"{index}.png", color=colour), {"captured_at": typed})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        shown = sorted(str(table.get_row_at(i)[2]) for i in range(table.row_count))
        assert shown == ["~2023", "~2024-03", "~2024-03-05"]
        [captured] = [column for column in table.columns.values() if column.key == "captured"]
        assert captured.width >= len("~2024-03-05")
