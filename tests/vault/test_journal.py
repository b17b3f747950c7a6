"""The case record as a sealed snapshot and a sealed journal, on real files: each change
appends one entry, an entry cut short at the end is dropped and said, damage anywhere else
is refused, the journal is folded into the snapshot as it grows, and batches of files
take few entries."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.support.cases import NEW_PASSPHRASE, PASSPHRASE, vault_bytes
from tests.support.pictures import make_png
from tui.core.copies.backup import make_backup
from tui.core.copies.restore import restore
from tui.core.copies.verify import verify_backup
from tui.core.evidence.adding import add_file
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.shared.errors import RecordDamaged
from tui.core.vault import custody, journal, store
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault


def note(vault: Vault, text: str) -> None:
    with vault.transaction():
        vault.table("notes").insert({"text": text})


def notes(vault: Vault) -> list[str]:
    return [doc["text"] for doc in vault.table("notes").all()]


def test_each_change_appends_one_entry_and_opens_again(vault: Vault):
    record = vault.path / RECORD
    sizes = [record.stat().st_size]
    for number in range(3):
        note(vault, f"note {number}")
        sizes.append(record.stat().st_size)
    assert sizes == sorted(set(sizes)), "each change made the file longer"
    assert vault._storage.journal_bytes == sizes[-1] - sizes[0]
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert notes(reopened) == ["note 0", "note 1", "note 2"]
        assert reopened.generation == vault.generation


def test_an_entry_cut_short_at_the_end_is_dropped_and_said(vault: Vault, cli):
    note(vault, "kept")
    whole = (vault.path / RECORD).read_bytes()
    note(vault, "cut short")
    longer = (vault.path / RECORD).read_bytes()
    (vault.path / RECORD).write_bytes(longer[: len(whole) + (len(longer) - len(whole)) // 2])
    listed = cli("evidence", "list")
    assert listed.returncode == 0
    assert "The last change saved to this case was cut short" in listed.stderr
    assert (vault.path / RECORD).read_bytes() == whole, "the torn entry was cut off"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert notes(reopened) == ["kept"] and reopened.notices == []
        note(reopened, "after")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as again:
        assert notes(again) == ["kept", "after"]


def test_a_damaged_entry_in_the_middle_is_refused_never_skipped(vault: Vault):
    note(vault, "one")
    middle = (vault.path / RECORD).stat().st_size - 20  # inside the first entry
    note(vault, "two")
    raw = bytearray((vault.path / RECORD).read_bytes())
    raw[middle] ^= 0x01
    (vault.path / RECORD).write_bytes(bytes(raw))
    with pytest.raises(RecordDamaged, match="case record is damaged"):
        Vault.open(vault.path, passphrase=PASSPHRASE)


def test_entries_swapped_or_removed_break_the_chain(vault: Vault):
    record = vault.path / RECORD
    start = record.stat().st_size
    note(vault, "one")
    middle = record.stat().st_size
    note(vault, "two")
    raw = record.read_bytes()
    first, second = raw[start:middle], raw[middle:]
    record.write_bytes(raw[:start] + second + first)
    with pytest.raises(RecordDamaged):
        Vault.open(vault.path, passphrase=PASSPHRASE)
    record.write_bytes(raw[:start] + second)
    with pytest.raises(RecordDamaged):
        Vault.open(vault.path, passphrase=PASSPHRASE)


def test_the_journal_is_folded_into_the_snapshot_as_it_grows(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 2000)
    inode = (vault.path / RECORD).stat().st_ino
    for number in range(40):
        note(vault, f"note {number} " + "x" * 100)
        assert vault._storage.journal_bytes <= max(2000, vault._storage._snapshot_end // 4) + 400
    assert (vault.path / RECORD).stat().st_ino != inode, "the snapshot was rewritten"
    generation = vault.generation
    with vault.transaction():
        vault._storage.compact()
    assert vault._storage.journal_bytes == 0 and vault.generation == generation
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert notes(reopened) == [f"note {n} " + "x" * 100 for n in range(40)]
        assert reopened.generation == generation


def test_two_openers_see_each_others_changes_and_compactions(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(store, "COMPACT_MIN_BYTES", 1000)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as other:
        for number in range(12):
            note(vault if number % 2 else other, f"note {number} " + "y" * 80)
            assert notes(vault) == notes(other)
        assert len(notes(vault)) == 12
        assert vault.generation == other.generation


def test_a_full_disk_in_the_middle_of_an_append_leaves_the_record_as_it_was(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    note(vault, "before")
    before = vault_bytes(vault.path)
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        if len(data) > 100:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", half_then_full)
        with pytest.raises(OSError):
            note(vault, "a long note that does not fit " * 10)
    assert vault_bytes(vault.path) == before
    assert notes(vault) == ["before"]
    note(vault, "after")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert notes(reopened) == ["before", "after"]


def test_many_files_are_recorded_in_few_transactions(vault: Vault, tmp_path: Path):
    folder = tmp_path / "phone"
    folder.mkdir()
    for number in range(30):
        (folder / f"shot{number:02d}.txt").write_bytes(f"screenshot {number}".encode())
    (folder / "again.txt").write_bytes(b"screenshot 3")
    generation = vault.generation
    done = add_many(vault, [folder])
    assert len(done.added) == 30 and len(done.already) == 1 and not done.problems
    assert vault.generation - generation <= 2, "one entry per batch, not per file"
    assert [e.id for e in list_exhibits(vault)] == [f"E-{n:04d}" for n in range(1, 31)]
    assert len(custody.entries(vault.table(custody.TABLE))) == 30
    assert custody.verify(vault.table(custody.TABLE)) == []
    assert verify_all(vault).clean


def test_a_batch_that_cannot_be_saved_leaves_no_blob_behind(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "phone"
    folder.mkdir()
    for number in range(5):
        (folder / f"shot{number}.txt").write_bytes(f"screenshot {number}".encode())

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(journal, "append_durably", full)
        done = add_many(vault, [folder])
    assert done.added == [] and len(done.problems) == 5
    assert "not enough space" in done.problems[0]
    assert list(vault.blob_dir.iterdir()) == [], "no blob, finished or not, is left"
    assert list_exhibits(vault) == []


def test_a_new_key_reseals_snapshot_and_journal(vault: Vault, tmp_path: Path):
    from tui.core.vault import rekey

    add_file(vault, make_png(tmp_path / "a.png"))
    note(vault, "in the journal")
    assert vault._storage.journal_bytes > 0
    generation = vault.generation
    renewed, _code = rekey.start(vault, NEW_PASSPHRASE)
    with renewed:
        assert notes(renewed) == ["in the journal"] and len(list_exhibits(renewed)) == 1
        assert renewed.generation > generation
    with Vault.open(vault.path, passphrase=NEW_PASSPHRASE) as reopened:
        assert notes(reopened) == ["in the journal"]
        assert verify_all(reopened).clean


def test_a_backup_holds_snapshot_and_journal_and_restores(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    note(vault, "in the journal")
    drive = tmp_path / "drive"
    drive.mkdir()
    folder = make_backup(vault, drive).folder
    assert verify_backup(folder, passphrase=PASSPHRASE).whole
    restored = restore(folder, tmp_path / "restored", passphrase=PASSPHRASE).path
    with Vault.open(restored, passphrase=PASSPHRASE) as opened:
        assert notes(opened) == ["in the journal"]
        assert len(list_exhibits(opened)) == 1 and verify_all(opened).clean
