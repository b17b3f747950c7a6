"""Scale benchmark: a case of any size costs what a change changes, not what the case
holds. Cases of 50, 5,000 and 20,000 exhibits are built quickly through the core API (one
transaction of records, as intake writes them; the blobs are not needed to list them),
then measured side by side in one run:

- adding one 200 KB file to each (the case already open, as the app holds it);
- `reclaim evidence add` of 2,000 small files in one command against 200;
- `reclaim evidence list --json` (open and list) at 20,000, a process by itself;
- the Evidence step's first rows at 20,000;
- the record's compaction at 20,000: its time and the memory it takes;
- what walks every exhibit at 20,000: completeness (as the Evidence step counts it),
  `reclaim evidence similar --json` and `reclaim evidence verify` (each exhibit with a
  small real blob, so every one is decrypted and re-hashed).

    python -m pytest tests/bench/test_scale_bench.py -s -o addopts=""

Targets: one add at 20,000 within 1.5x of at 50; the 2,000 files within 15x of the 200
(linear is 10); open and list under 2 s; the first rows under 1 s.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from tests.bench.spawn import timed
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import RECLAIM
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import TABLE, Exhibit
from tui.core.shared.clock import utc_stamp
from tui.core.vault import custody
from tui.core.vault.vault import Vault

SIZES = (50, 5_000, 20_000)
ADDS = 7
PLATFORMS = ("Instagram", "Reddit", "X", "WhatsApp", "TikTok")


def exhibit_record(number: int) -> dict[str, Any]:
    """An exhibit as intake records a phone screenshot (guesses, facts and all)."""
    return Exhibit(
        id=f"E-{number:04d}",
        blob=f"{number:032x}",
        sha256=f"{number:064x}",
        size=250_000 + number,
        original_name=f"Screenshot_2024030{number % 9 + 1}-2114{number % 60:02d}.png",
        media_type="image/png",
        added_at="2026-11-25T10:00:00Z",
        added_offset="+00:00",
        file_modified_at="2024-03-05T21:14:00Z",
        width=1170,
        height=2532,
        phash=f"{number * 2654435761 % 2**64:016x}",
        platform=PLATFORMS[number % len(PLATFORMS)],
        poster=f"user_{number % 97}",
        captured_at=f"2024-03-0{number % 9 + 1}T21:14",
        description=f"Screenshot {number} of the thread, with comments",
        guesses={"captured_at": "name"} if number % 3 else {},
        facts={"kind": "PNG image", "width": 1170, "height": 2532},
    ).to_record()


def fill(vault: Vault, count: int) -> None:
    """`count` exhibits and their intake entries in the custody log, in one transaction."""
    records = [exhibit_record(number) for number in range(1, count + 1)]
    entries = []
    previous = custody.GENESIS
    for seq, record in enumerate(records, start=1):
        entry: dict[str, Any] = {
            "seq": seq,
            "at": utc_stamp(),
            "action": "intake",
            "details": {
                "exhibit": record["id"],
                "sha256": record["sha256"],
                "size": record["size"],
                "original_name": record["original_name"],
            },
            "prev": previous,
        }
        entry["hash"] = previous = custody._digest(entry)
        entries.append(entry)
    with vault.transaction():
        vault.table(TABLE).insert_multiple(records)
        vault.table(custody.TABLE).insert_multiple(entries)
        vault.table("meta").insert({"exhibit": count})


def add_blobs(vault: Vault) -> None:
    """Give every exhibit a small real blob (and its record the hash of it), as intake
    would, so `verify` has every one to decrypt and check."""
    import hashlib
    import io

    from tui.core.vault import cards
    from tui.core.vault.blobs import append_card, encrypt_stream

    table = vault.table(TABLE)
    with vault.transaction():
        for doc in table.all():
            content = os.urandom(2048)
            record = {**doc, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
            path = vault.blob_dir / f"{record['blob']}.blob"
            with path.open("wb") as handle:
                encrypt_stream(
                    io.BytesIO(content), handle, vault.blob_key, vault.blob_aad(record["blob"]),
                    lambda _chunk: None,
                )  # fmt: skip
            append_card(path, cards.seal_card(vault, record["blob"], record, vault.generation + 1))
            table.update(
                {"sha256": record["sha256"], "size": record["size"]}, doc_ids=[doc.doc_id]
            )


def completeness(vault: Vault) -> float:
    """Listing every exhibit and counting those that need details, as the Evidence step
    and the step list do."""
    from tui.core.evidence.completeness import assess
    from tui.core.evidence.model import list_exhibits

    started = time.perf_counter()
    needing = sum(1 for exhibit in list_exhibits(vault) if not assess(exhibit).complete)
    elapsed = time.perf_counter() - started
    assert needing
    return elapsed


def add_one_file(tmp_path: Path, vault: Vault, count: int) -> float:
    """The median time of adding one 200 KB file to the open case."""
    times = []
    for index in range(ADDS):
        source = tmp_path / f"new-{count}-{index}.bin"
        source.write_bytes(os.urandom(200_000))
        started = time.perf_counter()
        add_file(vault, source)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def first_rows(vault: Vault) -> float:
    from textual.widgets import DataTable

    from tui.app import ReclaimApp
    from tui.core.settings import Settings
    from tui.screens.evidence import EvidenceScreen

    app = ReclaimApp(vault.path, Settings(), demo_vault=vault)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.action_open_step("evidence")
        while not (
            isinstance(app.screen, EvidenceScreen)
            and app.screen.is_mounted
            and app.screen.query_one(DataTable).row_count
        ):
            await asyncio.sleep(0.002)
        return time.perf_counter() - started


def compaction(vault: Vault) -> tuple[float, float] | None:
    """(seconds, peak MiB traced) of rewriting the record whole, where the store can."""
    compact = getattr(vault._storage, "compact", None)
    if compact is None:
        return None
    tracemalloc.start()
    started = time.perf_counter()
    with vault.transaction():
        compact()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return elapsed, peak


def intake_command(tmp_path: Path, count: int, passphrase: Path) -> float:
    """`reclaim evidence add` of `count` small files named on its command line."""
    folder = tmp_path / f"files-{count}"
    folder.mkdir()
    names = []
    for index in range(count):
        path = folder / f"Screenshot_{index:05d}.png"
        path.write_bytes(os.urandom(4096))
        names.append(str(path))
    case = tmp_path / f"intake-{count}"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    args = ["--vault", str(case), "--passphrase-file", str(passphrase)]
    return timed([str(RECLAIM), "evidence", "add", *names, *args])[0]


@pytest.mark.timeout(3600)
def test_a_case_of_any_size_costs_what_changes(tmp_path: Path) -> None:
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)
    adds: dict[int, float] = {}
    for count in SIZES:
        case = tmp_path / f"case-{count}"
        vault, _ = Vault.create(case, PASSPHRASE, FAST_KDF)
        fill(vault, count)
        vault.close()
        with Vault.open(case, passphrase=PASSPHRASE) as opened:
            adds[count] = add_one_file(tmp_path, opened, count)
        print(f"\nadd one 200 KB file to a case of {count:>6,}: {adds[count] * 1000:7.1f} ms")
    ratio = adds[SIZES[-1]] / adds[SIZES[0]]
    print(f"  {SIZES[-1]:,} against {SIZES[0]}: {ratio:.2f}x (target <= 1.5)")

    largest = tmp_path / f"case-{SIZES[-1]}"
    args = ["--vault", str(largest), "--passphrase-file", str(passphrase)]
    timed([str(RECLAIM), "evidence", "list", "--json", *args])  # warm the page cache
    listing, listing_rss = timed([str(RECLAIM), "evidence", "list", "--json", *args])
    print(
        f"open and evidence list --json at {SIZES[-1]:,}: {listing:.2f} s, peak RSS "
        f"{listing_rss / 1024:.0f} MiB (target < 2 s)"
    )
    with Vault.open(largest, passphrase=PASSPHRASE) as opened:
        rows = asyncio.run(first_rows(opened))
        print(f"Evidence step's first rows at {SIZES[-1]:,}: {rows:.2f} s (target < 1 s)")
        compacted = compaction(opened)
    if compacted is not None:
        print(
            f"compaction at {SIZES[-1]:,}: {compacted[0]:.2f} s, "
            f"peak {compacted[1]:.0f} MiB traced"
        )
    with Vault.open(largest, passphrase=PASSPHRASE) as opened:
        print(f"completeness of {SIZES[-1]:,}: {completeness(opened):.2f} s", flush=True)
    similar, similar_rss = timed([str(RECLAIM), "evidence", "similar", "--json", *args])
    print(
        f"evidence similar --json at {SIZES[-1]:,}: {similar:.2f} s, "
        f"peak RSS {similar_rss / 1024:.0f} MiB",
        flush=True,
    )
    with Vault.open(largest, passphrase=PASSPHRASE) as opened:
        add_blobs(opened)
    verify, verify_rss = timed([str(RECLAIM), "evidence", "verify", *args])
    print(
        f"evidence verify at {SIZES[-1]:,} (2 KB each): {verify:.2f} s, "
        f"peak RSS {verify_rss / 1024:.0f} MiB",
        flush=True,
    )

    small = intake_command(tmp_path, 200, passphrase)
    print(f"evidence add of 200 files: {small:.2f} s", flush=True)
    many = intake_command(tmp_path, 2000, passphrase)
    print(f"evidence add of 2,000 files: {many:.2f} s: {many / small:.1f}x the 200 (target <= 15)")
    assert ratio <= 1.5
    assert many / small <= 15
    assert listing < 2.0
    assert rows < 1.0
