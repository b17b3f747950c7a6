"""Backups on real folders: round trip, incremental copies, damage anywhere caught, an
interrupted backup recognised, restore byte-exact, and the copies register."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tui.core.copies.backup import make_backup
from tui.core.copies.manifest import MANIFEST, UNFINISHED
from tui.core.copies.register import add_copy, is_stale, list_copies, summary
from tui.core.copies.restore import restore
from tui.core.copies.verify import find_backup, verify_backup
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import delete_exhibit
from tui.core.evidence.export import export_original
from tui.core.evidence.model import list_exhibits
from tui.core.privacy.checklists import find
from tui.core.privacy.lockdown import progress_of, tick
from tui.core.shared import clock
from tui.core.shared.errors import Cancelled, InputError, VaultDamaged, WrongPassphrase
from tui.core.timeline.events import add_event, list_events
from tui.core.vault import custody
from tui.core.vault.vault import Vault


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    (tmp_path / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    add_file(vault, tmp_path / "big.bin", {"description": "a recording"})
    add_file(vault, make_png(tmp_path / "shot.png"), {"platform": "Instagram"})
    add_event(vault, "2024-03-05", "The post", evidence=["E-0002"], witnesses=["Sam"])
    tick(vault, find("instagram"), find("instagram").steps[0].id, anyway=True)
    return vault


def test_a_restored_case_has_every_exhibit_byte_exact_and_everything_else(
    case: Vault, drive: Path, tmp_path: Path
):
    result = make_backup(case, drive)
    assert result.exhibits == 2 and result.folder.parent == drive
    assert verify_backup(drive, PASSPHRASE).whole
    restored = restore(drive, tmp_path / "restored", passphrase=PASSPHRASE).path
    with Vault.open(restored, passphrase=PASSPHRASE) as copy:
        assert [e.title for e in list_events(copy)] == ["The post"]
        assert progress_of(copy, find("instagram")).done == 1
        actions = [e["action"] for e in custody.entries(copy.table(custody.TABLE))]
        assert actions[-1] == "restore" and "intake" in actions
        assert custody.verify(copy.table(custody.TABLE)) == []
        for exhibit in list_exhibits(copy):
            out = export_original(copy, exhibit.id, tmp_path / f"out-{exhibit.id}")
            assert out.read_bytes() == (tmp_path / exhibit.original_name).read_bytes()


def test_the_recovery_code_opens_a_backup_and_a_wrong_passphrase_does_not(
    vault_dir: Path, drive: Path, tmp_path: Path
):
    from tests.support.cases import FAST_KDF

    vault, code = Vault.create(vault_dir, PASSPHRASE, FAST_KDF)
    with vault:
        add_file(vault, make_png(tmp_path / "a.png"))
        make_backup(vault, drive)
    assert verify_backup(drive, recovery_code=code).whole
    with pytest.raises(WrongPassphrase):
        verify_backup(drive, "not the passphrase")


def test_a_second_backup_copies_only_what_changed(case: Vault, drive: Path, tmp_path: Path):
    first = make_backup(case, drive)
    assert first.copied_bytes == first.total_bytes > 3 * 1024 * 1024
    add_file(case, make_png(tmp_path / "new.png", color="red"))
    second = make_backup(case, drive)
    assert second.copied_bytes < 200 * 1024, "header, record and one new blob"
    assert second.total_bytes > first.total_bytes
    delete_exhibit(case, "E-0001", "E-0001")
    third = make_backup(case, drive)
    assert len(list((third.folder / "blobs").glob("*.blob"))) == 2, "the deleted blob is gone"
    check = verify_backup(drive, PASSPHRASE)
    assert check.whole and check.exhibits == 2


@pytest.mark.parametrize("victim", ["header.json", "case.db", "blob", MANIFEST])
def test_damage_in_any_file_of_a_backup_is_caught(case: Vault, drive: Path, victim: str):
    folder = make_backup(case, drive).folder
    target = next((folder / "blobs").glob("*.blob")) if victim == "blob" else folder / victim
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    try:
        check = verify_backup(drive, PASSPHRASE)
    except VaultDamaged:
        return  # the header or record itself can't be opened: said plainly, also fine
    assert not check.whole
    assert check.problems, victim


def test_a_missing_or_extra_file_is_named(case: Vault, drive: Path):
    folder = make_backup(case, drive).folder
    blob = next((folder / "blobs").glob("*.blob"))
    blob.unlink()
    (folder / "blobs" / "ffff.blob").write_bytes(b"stray")
    problems = verify_backup(drive, PASSPHRASE).problems
    assert f"blobs/{blob.name} is missing" in problems
    assert "blobs/ffff.blob is not in the backup's list" in problems


def test_an_interrupted_backup_is_recognised_and_never_restored(
    case: Vault, drive: Path, tmp_path: Path
):
    def pull_the_drive(done: int, total: int) -> None:
        if done > 1024 * 1024:
            raise Cancelled()

    with pytest.raises(Cancelled):
        make_backup(case, drive, pull_the_drive)
    folder = find_backup(drive)
    assert (folder / UNFINISHED).exists()
    check = verify_backup(drive, PASSPHRASE)
    assert check.problems == [
        "this backup was interrupted before it finished; run the backup again"
    ]
    with pytest.raises(VaultDamaged, match="not whole"):
        restore(drive, tmp_path / "restored", passphrase=PASSPHRASE)
    assert not (tmp_path / "restored").exists()
    assert make_backup(case, drive).exhibits == 2
    assert verify_backup(drive, PASSPHRASE).whole, "the next backup completes it"


def test_a_changed_manifest_is_caught_even_with_matching_files(case: Vault, drive: Path):
    folder = make_backup(case, drive).folder
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["exhibits"] = 99
    (folder / MANIFEST).write_text(json.dumps(manifest))
    assert (
        "its list of files (manifest.json) has been changed"
        in verify_backup(drive, PASSPHRASE).problems
    )


def test_restore_refuses_a_used_folder_and_a_missing_drive(
    case: Vault, drive: Path, tmp_path: Path
):
    make_backup(case, drive)
    used = tmp_path / "used"
    used.mkdir()
    (used / "mine.txt").write_text("x")
    with pytest.raises(InputError, match="not empty"):
        restore(drive, used, passphrase=PASSPHRASE)
    with pytest.raises(InputError, match="no Reclaim backup"):
        restore(tmp_path / "elsewhere", tmp_path / "new", passphrase=PASSPHRASE)
    with pytest.raises(InputError, match="Plug the drive in"):
        make_backup(case, tmp_path / "not-mounted")


def test_the_register_records_backups_and_hand_made_copies_and_spots_stale_ones(
    case: Vault, drive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from datetime import timedelta

    assert summary(case) == "no copies yet"
    make_backup(case, drive)
    add_copy(case, "printed", "printed binder at Sam's")
    copies = list_copies(case)
    assert [(c.id, c.kind, c.exhibits) for c in copies] == [
        ("C-01", "backup", 2),
        ("C-02", "printed", 2),
    ]
    assert summary(case) == "2 copies · all up to date"
    with clock.fixed(clock.utc_now() + timedelta(minutes=5)):
        newest = add_file(case, make_png(tmp_path / "later.png", color="blue")).exhibit.added_at
    assert all(is_stale(c, newest) for c in list_copies(case))
    assert summary(case) == "2 copies · 2 out of date"
    make_backup(case, drive)
    backup_entry = list_copies(case)[0]
    assert backup_entry.exhibits == 3 and len(list_copies(case)) == 2, "updated, not added"
    with pytest.raises(InputError, match="kind of copy"):
        add_copy(case, "pigeon", "somewhere")
