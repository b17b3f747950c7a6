"""Evidence list benchmark: opening the step and paging through it with 5,000 exhibits,
against 50, in the same run. Also filtering and sorting the 5,000.

Run on demand (the normal test run skips tests/bench):

    python -m pytest tests/bench/test_evidence_list_bench.py -s -o addopts=""

Targets at 5,000: the step shows its first rows in under 1 s (the rest arrive in
batches between frames), a page down takes no more than 1.5x as long as with 50 items,
and a filter or sort shows its first rows in under 0.5 s.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from textual.widgets import DataTable, Input

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.app import ReclaimApp
from tui.core.evidence.model import TABLE, Exhibit
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.evidence import EvidenceScreen

PLATFORMS = ("Instagram", "Reddit", "X", "WhatsApp", "TikTok")
SIZE = (100, 30)


def fill(vault: Vault, count: int) -> None:
    """Exhibit records as intake would write them (the blobs are not needed to list)."""
    records = []
    for number in range(1, count + 1):
        records.append(
            Exhibit(
                id=f"E-{number:04d}",
                blob=f"{number:032x}",
                sha256=f"{number:064x}",
                size=250_000 + number,
                original_name=f"Screenshot_2024030{number % 9 + 1}-2114{number % 60:02d}.png",
                media_type="image/png",
                added_at="2026-11-25T10:00:00Z",
                added_offset="+00:00",
                platform=PLATFORMS[number % len(PLATFORMS)],
                poster=f"user_{number % 97}",
                captured_at=f"2024-03-0{number % 9 + 1}T21:14",
                description=f"Screenshot {number} of the thread, with comments",
                guesses={"captured_at": "name"} if number % 3 else {},
            ).to_record()
        )
    with vault.transaction():
        vault.table(TABLE).insert_multiple(records)
        vault.table("meta").insert({"exhibit": count})


async def measure(tmp_path: Path, count: int) -> dict[str, float]:
    vault, _ = Vault.create(tmp_path / f"case-{count}", PASSPHRASE, FAST_KDF)
    fill(vault, count)
    app = ReclaimApp(vault.path, Settings(), demo_vault=vault)
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.action_open_step("evidence")
        while not (
            isinstance(app.screen, EvidenceScreen)
            and app.screen.is_mounted
            and app.screen.query_one(DataTable).row_count
        ):
            await asyncio.sleep(0.002)
        figures["open"] = time.perf_counter() - start
        table = app.screen.query_one(DataTable)
        while table.row_count < count:
            await asyncio.sleep(0.002)
        figures["all rows"] = time.perf_counter() - start

        pages = 0
        start = time.perf_counter()
        while table.cursor_row < count - 1 and pages < 400:
            await pilot.press("pagedown")
            await pilot.pause()
            pages += 1
        figures["pages"] = pages
        figures["page"] = (time.perf_counter() - start) / pages

        start = time.perf_counter()
        app.screen.action_sort()  # re-sorts and shows the first rows before returning
        figures["sort"] = time.perf_counter() - start
        while table.row_count < count:
            await asyncio.sleep(0.002)

        start = time.perf_counter()
        app.screen.query_one("#filter", Input).value = "user_5 reddit"
        app.screen.refresh_rows()
        await pilot.pause()
        figures["filter"] = time.perf_counter() - start
    vault.close()
    return figures


async def test_five_thousand_exhibits_stay_responsive(tmp_path: Path):
    small = await measure(tmp_path, 50)
    large = await measure(tmp_path, 5000)
    for name in ("open", "all rows", "page", "sort", "filter"):
        print(
            f"{name:>6}: 50 items {small[name] * 1000:7.1f} ms   "
            f"5,000 items {large[name] * 1000:7.1f} ms"
        )
    print(f"pages to the end: 50 items {small['pages']:.0f}, 5,000 items {large['pages']:.0f}")
    assert large["open"] < 1.0
    assert large["page"] < 1.5 * small["page"]
    assert large["sort"] < 0.5 and large["filter"] < 0.5
