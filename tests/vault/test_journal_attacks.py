"""The case record's journal attacked on real files and with real processes: writers
killed at random moments (appending, compacting), writers at once, every cut, flipped,
swapped, replayed or foreign entry, an older snapshot or record put back, a full disk, a
read-only folder. What a command said it saved is never lost, nothing is half-applied,
an entry cut short at the very end is dropped and said once, and anything else wrong is
refused as damage with the file left as it was."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE, vault_bytes
from tests.support.cli import RECLAIM, run_reclaim
from tui.core.shared.errors import RecordDamaged
from tui.core.vault import journal, snapshot, store
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault

SEED = int(os.environ.get("RECLAIM_TEST_SEED", "20261202"))


def note(vault: Vault, text: str) -> None:
    with vault.transaction():
        vault.table("notes").insert({"text": text})


def notes(vault: Vault) -> list[str]:
    return [doc["text"] for doc in vault.table("notes").all()]


def entries(raw: bytes) -> list[tuple[int, int]]:
    """(start, stop) of each whole entry after the snapshot."""
    _magic, _generation, length = snapshot.HEAD.unpack_from(raw)
    position = snapshot.HEAD.size + length
    found = []
    while position + journal.FRAME.size <= len(raw):
        size, _check = journal.FRAME.unpack_from(raw, position)
        stop = position + journal.FRAME.size + size
        if stop > len(raw):
            break
        found.append((position, stop))
        position = stop
    return found


def snapshot_end(raw: bytes) -> int:
    return snapshot.HEAD.size + int(snapshot.HEAD.unpack_from(raw)[2])


def rewrite(path: Path, data: bytes) -> None:
    """Make `data` the file's content, in place (the same file, as `write_bytes` keeps
    it), without truncating it to nothing first: the file system flushes a file written
    that way to disk, which in a loop of hundreds costs most of a test's time."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


def opens(path: Path) -> Vault:
    return Vault.open(path, passphrase=PASSPHRASE)


def refused(path: Path) -> None:
    """Opening refuses the record as damaged and changes nothing on disk."""
    before = vault_bytes(path)
    with pytest.raises(RecordDamaged, match="case record is damaged"):
        opens(path)
    assert vault_bytes(path) == before


@pytest.fixture
def three(vault: Vault) -> Vault:
    """A case with three notes, each one entry of the journal."""
    for text in ("one", "two", "three"):
        note(vault, text)
    return vault


# ---- cut, flipped, swapped, replayed, foreign ----------------------------------------


def test_a_cut_anywhere_inside_the_last_entry_is_dropped_and_said(three: Vault):
    record = three.path / RECORD
    raw = record.read_bytes()
    start, stop = entries(raw)[-1]
    others = {k: v for k, v in vault_bytes(three.path).items() if k != RECORD}
    for offset in range(start + 1, stop):
        rewrite(record, raw[:offset])
        with opens(three.path) as reopened:
            assert reopened.notices == [journal.TORN], offset
            assert notes(reopened) == ["one", "two"], offset
        assert record.read_bytes() == raw[:start], f"cut back to the last whole entry ({offset})"
        with opens(three.path) as again:
            assert again.notices == [], "said once, not at every opening"
        assert {k: v for k, v in vault_bytes(three.path).items() if k != RECORD} == others


def test_a_cut_inside_a_middle_entry_is_refused_never_skipped(three: Vault):
    record = three.path / RECORD
    raw = record.read_bytes()
    (start, stop) = entries(raw)[1]
    for offset in range(start, stop):  # at `start`, the whole entry is taken out
        rewrite(record, raw[:offset] + raw[stop:])
        refused(three.path)


def test_a_big_middle_entry_cut_short_before_a_small_last_one_is_refused(vault: Vault):
    """The claimed length then reaches past the end of the file, as a torn entry's would:
    the whole entry after it shows that this one was not the last thing written."""
    note(vault, "before")
    note(vault, "big " + os.urandom(3000).hex())
    note(vault, "small")
    record = vault.path / RECORD
    raw = record.read_bytes()
    (start, stop), last = entries(raw)[1], entries(raw)[2]
    for keep in (9, 100, 2000, stop - start - 1):
        rewrite(record, raw[: start + keep] + raw[last[0] :])
        refused(vault.path)


def test_a_flipped_byte_anywhere_is_refused(three: Vault):
    record = three.path / RECORD
    raw = record.read_bytes()
    spots = list(range(0, len(raw), 7))
    for spot in spots:
        damaged = bytearray(raw)
        damaged[spot] ^= 0x20
        rewrite(record, bytes(damaged))
        refused(three.path)
    record.write_bytes(raw)
    with opens(three.path) as reopened:
        assert notes(reopened) == ["one", "two", "three"] and reopened.notices == []


def test_a_last_entry_claiming_more_than_the_file_holds_is_refused_not_cut(three: Vault):
    """Its bytes are a whole entry with a forged length: cutting them off would throw an
    acknowledged change away."""
    record = three.path / RECORD
    raw = record.read_bytes()
    start, stop = entries(raw)[-1]
    for claimed in (stop - start, 1 << 20, journal.MAX_ENTRY, 0xFFFFFFF0):
        forged = journal.FRAME.pack(claimed, claimed ^ 0xFFFFFFFF)
        record.write_bytes(raw[:start] + forged + raw[start + journal.FRAME.size :])
        refused(three.path)
    # Its inverted copy not matching is damage too, whatever length it claims.
    size = stop - start - journal.FRAME.size
    for check in (size, size ^ 0xFFFFFFFE, 0):
        forged = journal.FRAME.pack(size, check)
        record.write_bytes(raw[:start] + forged + raw[start + journal.FRAME.size :])
        refused(three.path)


def test_swapped_replayed_and_removed_entries_are_refused(three: Vault):
    record = three.path / RECORD
    raw = record.read_bytes()
    (a0, a1), (b0, b1), (c0, c1) = entries(raw)
    first, second, third = raw[a0:a1], raw[b0:b1], raw[c0:c1]
    head = raw[:a0]
    for forged in (
        head + second + first + third,  # swapped
        head + first + third + second,
        head + first + second + third + third,  # the last one replayed
        head + first + first + second + third,  # a middle one replayed
        head + first + third,  # one taken out
        head + second + third,  # the first taken out
    ):
        record.write_bytes(forged)
        refused(three.path)


def test_an_entry_from_another_case_or_a_copy_of_this_one_is_refused(three: Vault, tmp_path: Path):
    record = three.path / RECORD
    raw = record.read_bytes()
    other, _code = Vault.create(tmp_path / "other", PASSPHRASE, FAST_KDF)
    with other:
        for text in ("one", "two", "three", "four"):
            note(other, text)
    foreign = (other.path / RECORD).read_bytes()
    f0, f1 = entries(foreign)[-1]
    record.write_bytes(raw + foreign[f0:f1])  # same passphrase, another key
    refused(three.path)
    # A copy of this very case (same key) that went its own way: its entry does not
    # follow this record's last one.
    record.write_bytes(raw)
    fork = tmp_path / "fork"
    shutil.copytree(three.path, fork)
    with opens(fork) as forked:
        note(forked, "in the copy")
        note(forked, "in the copy again")
    forked_raw = (fork / RECORD).read_bytes()
    g0, g1 = entries(forked_raw)[-1]
    record.write_bytes(raw + forked_raw[g0:g1])
    refused(three.path)


def test_garbage_after_the_journal_is_refused_and_zeros_are_a_cut_short_append(three: Vault):
    record = three.path / RECORD
    raw = record.read_bytes()
    rng = random.Random(SEED)
    for size in (8, 9, 100, 5000):
        record.write_bytes(raw + rng.randbytes(size))
        refused(three.path)
    # What a crash can leave after an append the disk never finished: the file longer,
    # the new part still zeros.
    for size in (3, 8, 300):
        record.write_bytes(raw + b"\0" * size)
        with opens(three.path) as reopened:
            assert reopened.notices == [journal.TORN]
            assert notes(reopened) == ["one", "two", "three"]
        assert record.read_bytes() == raw


def test_an_older_snapshot_under_newer_entries_is_refused(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 1500)
    record = vault.path / RECORD
    inode = record.stat().st_ino
    old_raw = record.read_bytes()
    number = 0
    while record.stat().st_ino == inode:
        old_raw = record.read_bytes()
        note(vault, f"note {number} " + "x" * 200)
        number += 1
    note(vault, "after the compaction")
    new_raw = record.read_bytes()
    assert entries(new_raw), "entries follow the new snapshot"
    old_snapshot = old_raw[: snapshot_end(old_raw)]
    record.write_bytes(old_snapshot + new_raw[snapshot_end(new_raw) :])
    refused(vault.path)
    # And the old snapshot with its old entries, then the new ones.
    record.write_bytes(old_raw + new_raw[snapshot_end(new_raw) :])
    refused(vault.path)
    record.write_bytes(new_raw)
    with opens(vault.path) as reopened:
        assert notes(reopened)[-1] == "after the compaction"
        assert len(notes(reopened)) == number + 1


def test_an_older_record_put_back_is_noticed(vault: Vault, cli, tmp_path: Path):
    from tests.vault.test_rollback import add

    add(vault, tmp_path, 0)
    record = vault.path / RECORD
    saved = record.read_bytes()
    generation = vault.generation
    add(vault, tmp_path, 1)
    add(vault, tmp_path, 2)
    newer = vault.generation
    record.write_bytes(saved)  # in place, as a copy put back would be
    assert vault.generation == generation < newer, "the open case sees it at once"
    listed = cli("evidence", "list")
    assert listed.returncode == 0
    assert "2 exhibits are in the case folder but missing from its record" in listed.stderr
    # Put back without its last entry (a cut at an entry's edge): the same.
    start, _stop = entries(saved)[-1]
    record.write_bytes(saved[:start])
    listed = cli("evidence", "list")
    assert "3 exhibits are in the case folder but missing from its record" in listed.stderr


# ---- a full disk, a read-only folder, a compaction cut off ----------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB disk (tmpfs), so that writes meet a true ENOSPC."""
    mount = tmp_path / "disk"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)]
    if os.geteuid() != 0 or subprocess.run(command, capture_output=True).returncode != 0:
        pytest.skip("mounting a small disk needs root (tests/vault/test_journal.py fakes one)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill `disk` up, then give back `leave` bytes."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\xaa" * 65536)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def test_a_full_disk_during_an_append_leaves_the_record_exactly_as_it_was(small_disk: Path):
    created, _code = Vault.create(small_disk / "case", PASSPHRASE, FAST_KDF)
    with created as vault:
        note(vault, "before")
        filler = fill(small_disk, leave=4096)
        before, generation = vault_bytes(vault.path), vault.generation
        for _attempt in range(3):
            with pytest.raises(OSError):
                note(vault, "too big for the disk " + os.urandom(20000).hex())
            assert vault_bytes(vault.path) == before
            assert notes(vault) == ["before"] and vault.generation == generation
        filler.unlink()
        note(vault, "after")
    with opens(small_disk / "case") as reopened:
        assert notes(reopened) == ["before", "after"] and reopened.notices == []
        assert reopened.generation == generation + 1


def test_a_full_disk_during_compaction_keeps_the_change_and_the_record(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 6000)
    created, _code = Vault.create(small_disk / "case", PASSPHRASE, FAST_KDF)
    with created as vault:
        record = vault.path / RECORD
        for number in range(40):  # a snapshot of about 40 KB
            note(vault, f"note {number} " + os.urandom(500).hex())
        with vault.transaction():
            vault._storage.compact()
        filler = fill(small_disk, leave=16384)  # room for entries, not for a snapshot
        inode = record.stat().st_ino
        said = notes(vault)
        while vault._storage.journal_bytes <= 12000:  # past the point of compacting
            previous = record.read_bytes()
            text = f"note {len(said)} " + os.urandom(500).hex()
            note(vault, text)  # saved, though its compaction had no room
            said.append(text)
            assert record.read_bytes().startswith(previous), "only ever appended to"
        assert record.stat().st_ino == inode, "not compacted: no room"
        assert [p.name for p in vault.path.iterdir() if p.name.endswith(".tmp")] == []
        with opens(vault.path) as reopened:
            assert notes(reopened) == said and reopened.notices == []
        filler.unlink()
        note(vault, "with room again")
        assert record.stat().st_ino != inode and vault._storage.journal_bytes == 0
    with opens(small_disk / "case") as reopened:
        assert notes(reopened) == [*said, "with room again"]


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(writable folder, the same folder seen read-only)."""
    source, seen = tmp_path / "drive", tmp_path / "read-only"
    source.mkdir()
    seen.mkdir()
    ok = os.geteuid() == 0 and (
        subprocess.run(["mount", "--bind", str(source), str(seen)]).returncode == 0
    )
    if not ok:
        pytest.skip("a read-only view of a folder needs root (a bind mount)")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(seen)], check=True)
        yield source, seen
    finally:
        subprocess.run(["umount", "-l", str(seen)], check=False)


def test_a_case_with_a_change_cut_short_opens_from_a_read_only_folder(
    read_only: tuple[Path, Path], passphrase_file: Path, monkeypatch: pytest.MonkeyPatch
):
    source, seen = read_only
    from tui.core.vault import vault as vault_module

    # Waiting for the lock would take a minute: a worker still waiting after the join's
    # half minute was kept waiting (no stopwatch, so a busy machine can't fail it).
    monkeypatch.setattr(vault_module, "LOCK_WAIT_SECONDS", 60.0)
    created, _code = Vault.create(source / "case", PASSPHRASE, FAST_KDF)
    with created as vault:
        note(vault, "kept")
        note(vault, "cut short")
    record = source / "case" / RECORD
    raw = record.read_bytes()
    start, _stop = entries(raw)[-1]
    record.write_bytes(raw[: start + 30])
    torn = record.read_bytes()
    with opens(seen / "case") as reopened:
        assert reopened.notices == [journal.TORN]
        assert notes(reopened) == ["kept"]
        with pytest.raises(OSError):
            note(reopened, "can't be saved here")
        # Another thread of the app (adding files) is told the same at once, not kept
        # waiting and then told the case is busy.
        failures: list[BaseException] = []

        def from_a_worker() -> None:
            try:
                note(reopened, "nor here")
            except BaseException as error:  # what it met, to check
                failures.append(error)

        worker = threading.Thread(target=from_a_worker, daemon=True)
        worker.start()
        worker.join(30)
        assert not worker.is_alive(), "told at once, not kept waiting for the lock"
        assert [type(e) for e in failures] == [OSError]
    case = ["--vault", str(seen / "case"), "--passphrase-file", str(passphrase_file)]
    listed = run_reclaim("timeline", "list", *case)
    assert listed.returncode == 0 and "cut short" in listed.stderr
    added = run_reclaim("timeline", "add", "--when", "2024", "--title", "no", *case)
    assert added.returncode == 1 and "read-only" in added.stderr
    assert record.read_bytes() == torn, "nothing on the drive was touched"
    # Back on a writable drive it is repaired, and said no more.
    with opens(source / "case") as repaired:
        assert repaired.notices == [journal.TORN] and notes(repaired) == ["kept"]
    assert record.read_bytes() == raw[:start]
    with opens(source / "case") as again:
        assert again.notices == []


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from tui.core.vault import store
    from tui.core.shared.errors import VaultBusy
    from tui.core.vault.vault import Vault

    path, tag, count, compact_at, kill_at_rename = sys.argv[1:6]
    store.COMPACT_MIN_BYTES = int(compact_at)
    if kill_at_rename == "yes":  # stop dead between the temp file and its rename
        Path.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
    with Vault.open(Path(path), passphrase=sys.stdin.readline().strip()) as vault:
        for number in range(int(count)):
            while True:
                try:
                    with vault.transaction():
                        made = vault._storage.generation + 1
                        text = f"{tag} {number}"
                        vault.table("notes").insert({"text": text, "pad": "z" * 400})
                    break
                except VaultBusy:
                    continue
            print(text, made, flush=True)
    """
)


def child(vault: Vault, tag: str, count: int, compact_at: int, kill_at_rename: bool = False):
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault.path), tag, str(count), str(compact_at),
         "yes" if kill_at_rename else "no"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip


def said_saved(stdout: str) -> dict[str, int]:
    """Note -> the generation it made, for every note the child said it saved."""
    lines = [line.rsplit(" ", 1) for line in stdout.split("\n")[:-1]]
    return {text: int(generation) for text, generation in lines}


def test_a_compaction_stopped_between_its_temp_file_and_the_rename_loses_nothing(
    vault: Vault, tmp_path: Path
):
    note(vault, "before")
    writer = child(vault, "killed", 1, compact_at=10, kill_at_rename=True)
    out, err = writer.communicate(PASSPHRASE + "\n", timeout=60)
    assert writer.returncode == -signal.SIGKILL, err
    assert out == "", "killed before it could say the change was saved"
    leftovers = [p for p in vault.path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1, "the new snapshot, written, never renamed"
    assert b"killed 0" not in leftovers[0].read_bytes(), "sealed, like the record"
    with opens(vault.path) as reopened:
        # The change was appended (and fsynced) before the compaction began.
        assert notes(reopened) == ["before", "killed 0"] and reopened.notices == []
        stale = time.time() - 7200
        os.utime(leftovers[0], (stale, stale))
        assert reopened.sweep_leftovers() == 1 and not leftovers[0].exists()
        note(reopened, "after")
    with opens(vault.path) as again:
        assert notes(again) == ["before", "killed 0", "after"]


def test_two_writers_at_once_lose_nothing_and_each_generation_is_made_once(vault: Vault):
    start = vault.generation
    writers = [child(vault, tag, 60, compact_at=4000) for tag in ("left", "right")]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write(PASSPHRASE + "\n")
        writer.stdin.flush()
    saved: dict[str, int] = {}
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        made = said_saved(out)
        assert list(made.values()) == sorted(set(made.values())), "each writer's grows"
        saved |= made
    assert len(saved) == 120
    assert sorted(saved.values()) == list(range(start + 1, start + 121)), "one each, none lost"
    with opens(vault.path) as reopened:
        assert sorted(notes(reopened)) == sorted(saved)
        assert reopened.generation == start + 120 and reopened.notices == []
    with opens(vault.path) as again:
        assert notes(vault) == notes(again), "the case open all along kept up"


# ---- said once: by the command line and by the app -----------------------------------


def cut_last_entry_short(vault: Vault) -> bytes:
    """Cut the last entry in half; returns the record as it should be once repaired."""
    record = vault.path / RECORD
    raw = record.read_bytes()
    start, stop = entries(raw)[-1]
    record.write_bytes(raw[: (start + stop) // 2])
    return raw[:start]


def test_the_command_line_says_a_cut_short_change_once_and_repairs_it(vault: Vault, cli):
    note(vault, "kept")
    note(vault, "cut short")
    repaired = cut_last_entry_short(vault)
    first = cli("timeline", "list")
    assert first.returncode == 0 and first.stderr.count("was cut short") == 1
    assert (vault.path / RECORD).read_bytes() == repaired
    for _again in range(2):
        later = cli("timeline", "list")
        assert later.returncode == 0 and "cut short" not in later.stderr


async def test_the_app_says_a_cut_short_change_once(vault: Vault, tmp_path: Path):
    from textual.widgets import Input

    from tui.app import ReclaimApp
    from tui.core.settings import Settings

    note(vault, "kept")
    note(vault, "cut short")
    repaired = cut_last_entry_short(vault)
    settings = Settings(kiosk_cases_dir=tmp_path / "kiosk-cases")
    for run in range(2):
        app = ReclaimApp(vault.path, settings)
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.query_one("#secret", Input).value = PASSPHRASE
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.vault is not None
            said = [n.message for n in app._notifications if "cut short" in n.message]
            assert said == ([journal.TORN] if run == 0 else []), run
            assert notes(app.vault) == ["kept"]
        assert (vault.path / RECORD).read_bytes() == repaired


# ---- real `reclaim` processes: killed at random moments, and two at once ----------------


def timeline_add(vault: Vault, passphrase_file: Path, title: str) -> list[str]:
    return [
        str(RECLAIM), "timeline", "add", "--when", "2024-03", "--title", title,
        "--details", details_for(title),
        "--vault", str(vault.path), "--passphrase-file", str(passphrase_file),
    ]  # fmt: skip


def details_for(title: str) -> str:
    """Long enough (30 KB) that the journal is folded in every few events."""
    return (title + " ") * (30000 // (len(title) + 1))


def acknowledged_events(stdout: str) -> list[str]:
    """Titles of the events a `timeline add` printed as saved (whole lines only)."""
    return [line.split()[-1] for line in stdout.split("\n")[:-1] if line.startswith("T-")]


def check_whole(vault_dir: Path, expected: set[str]) -> tuple[list[str], int]:
    """Open the case: every acknowledged event there, whole, each with its custody entry;
    returns (its titles, 1 if a change cut short was said)."""
    from tui.core.timeline.events import list_events
    from tui.core.vault import custody

    with opens(vault_dir) as reopened:
        assert reopened.notices in ([], [journal.TORN])
        events = list_events(reopened)
        titles = [event.title for event in events]
        assert expected <= set(titles), f"seed {SEED}: lost {expected - set(titles)}"
        for event in events:
            assert event.details == details_for(event.title).strip(), "never half-applied"
        log = custody.entries(reopened.table(custody.TABLE))
        assert sorted(entry["details"].get("event", "") for entry in log) == sorted(
            e.id for e in events
        )
        assert custody.verify(reopened.table(custody.TABLE)) == []
        return titles, len(reopened.notices)


def test_reclaim_killed_at_random_moments_never_loses_what_it_said_it_saved(
    vault: Vault, passphrase_file: Path
):
    rng = random.Random(SEED)
    record = vault.path / RECORD
    started = time.monotonic()
    first = subprocess.run(
        timeline_add(vault, passphrase_file, "first"), capture_output=True, text=True
    )
    normal_run = time.monotonic() - started
    expected = set(acknowledged_events(first.stdout))
    assert expected == {"first"}
    kills = compactions = cut_off = torn = 0
    while kills < 16 and time.monotonic() - started < 20:
        kills += 1
        inode, leftovers = record.stat().st_ino, set(vault.path.glob(".*.tmp"))
        title = f"event{kills}"
        writer = subprocess.Popen(
            timeline_add(vault, passphrase_file, title), stdout=subprocess.PIPE, text=True
        )
        if kills % 2:
            # Aimed: just after the record changes, when a compaction may be under way.
            size = record.stat().st_size
            while record.stat().st_size == size and writer.poll() is None:
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.004))
        else:
            time.sleep(rng.uniform(0.3 * normal_run, 1.3 * normal_run))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        expected |= set(acknowledged_events(out))
        compactions += record.stat().st_ino != inode
        cut_off += bool(set(vault.path.glob(".*.tmp")) - leftovers)
        _titles, said = check_whole(vault.path, expected)
        torn += said
    print(f"seed {SEED}: {kills} kills, {len(expected)} acknowledged, {compactions} "
          f"compactions done, {cut_off} cut off, {torn} changes cut short")  # fmt: skip
    assert kills >= 8 and len(expected) - 1 < kills, "some kills landed before the save"
    titles, _said = check_whole(vault.path, expected)
    assert len(titles) == len(set(titles)), "no event twice"


def test_two_reclaim_commands_at_once_many_times_lose_nothing(vault: Vault, passphrase_file: Path):
    saved: set[str] = set()
    for round_ in range(4):
        writers = [
            subprocess.Popen(
                timeline_add(vault, passphrase_file, f"{side}{round_}"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for side in ("left", "right")
        ]
        for writer in writers:
            out, err = writer.communicate(timeout=60)
            assert writer.returncode == 0, err
            saved |= set(acknowledged_events(out))
    assert len(saved) == 8
    titles, said = check_whole(vault.path, saved)
    assert sorted(titles) == sorted(saved) and said == 0
    with opens(vault.path) as reopened:
        assert reopened.generation == vault.generation


def test_another_copy_written_over_the_record_in_place_is_read_whole(vault: Vault, tmp_path: Path):
    """The same file (same inode) grown: the case open all along must not take it for
    its own record with entries added, or its next change lands inside the other one."""
    note(vault, "shared")
    fork = tmp_path / "fork"
    shutil.copytree(vault.path, fork)
    with opens(fork) as forked:
        for number in range(3):
            note(forked, f"in the copy {number} " + "c" * 500)
    note(vault, "here")
    end = (vault.path / RECORD).stat().st_size
    other = (fork / RECORD).read_bytes()[: end + 5]  # cut short inside the copy's entry
    with (vault.path / RECORD).open("r+b") as handle:  # in place, as `cp` does
        handle.write(other)
    assert notes(vault) == ["shared"], "what the file now holds, not what it held"
    note(vault, "after")
    with opens(vault.path) as reopened:
        assert notes(reopened) == ["shared", "after"]


def test_an_append_under_way_in_another_process_is_not_cut_for_a_torn_one(
    three: Vault, monkeypatch: pytest.MonkeyPatch
):
    """A change cut short is dropped under the lock only: while another writer holds it,
    what looks cut short may be its append, still being written."""
    import filelock

    from tui.core.vault import vault as vault_module

    monkeypatch.setattr(vault_module, "LOCK_WAIT_SECONDS", 0.3)
    record = three.path / RECORD
    raw = record.read_bytes()
    start, stop = entries(raw)[-1]
    with filelock.FileLock(three.path / ".lock", is_singleton=False):
        record.write_bytes(raw[: (start + stop) // 2])  # the other writer, half-way
        with opens(three.path) as reader:
            assert reader.notices == [] and notes(reader) == ["one", "two"]
            assert record.read_bytes() == raw[: (start + stop) // 2], "not cut"
            with record.open("r+b") as handle:  # the other writer finishes
                handle.seek((start + stop) // 2)
                handle.write(raw[(start + stop) // 2 :])
            assert notes(reader) == ["one", "two", "three"]
    with opens(three.path) as after:
        assert after.notices == [] and notes(after) == ["one", "two", "three"]
