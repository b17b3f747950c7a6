"""An older case record put back is noticed, nothing it hides is lost, and numbers are
never given twice; a lost record is rebuilt from the cards the blobs carry. Each test
performs the attack on the real files of a case and uses the real `reclaim` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import delete_exhibit
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.stored import Damage
from tui.core.evidence.strays import strays
from tui.core.evidence.verify import ExhibitProblem, VerifyReport, verify_all
from tui.core.vault.cards import open_card
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault

COLOURS = ("red", "teal", "gold", "navy", "plum", "olive")


def add(vault: Vault, tmp_path: Path, index: int) -> str:
    path = make_png(tmp_path / f"shot{index}.png", color=COLOURS[index])
    return add_file(vault, path, {"description": f"shot {index}"}).exhibit.id


@pytest.fixture
def rolled_back(vault: Vault, tmp_path: Path) -> Vault:
    """Two exhibits, a copy of the record, three more, then the old record put back."""
    add(vault, tmp_path, 0)
    add(vault, tmp_path, 1)
    saved = tmp_path / "old-case.db"
    shutil.copy2(vault.path / RECORD, saved)
    for index in (2, 3, 4):
        add(vault, tmp_path, index)
    shutil.copy2(saved, vault.path / RECORD)
    return vault


def test_the_generation_only_grows(vault: Vault, tmp_path: Path):
    seen = [vault.generation]
    for index in range(3):
        add(vault, tmp_path, index)
        seen.append(vault.generation)
    assert seen == sorted(set(seen)) and len(seen) == 4


def test_a_rolled_back_record_is_reported_when_opened_and_verified(rolled_back: Vault, cli):
    assert [e.id for e in list_exhibits(rolled_back)] == ["E-0001", "E-0002"]
    listed = cli("evidence", "list")
    assert "3 exhibits are in the case folder but missing from its record" in listed.stderr
    verify = cli("evidence", "verify")
    assert verify.returncode == 1
    assert "3 exhibits are in the case folder but missing from its record" in verify.stdout
    assert [s.card.exhibit_id for s in strays(rolled_back) if s.card] == [
        "E-0003", "E-0004", "E-0005"
    ]  # fmt: skip


def test_numbers_are_never_given_twice_after_a_rollback(rolled_back: Vault, tmp_path: Path):
    assert add(rolled_back, tmp_path, 5) == "E-0006", "not E-0003 again"


def test_recover_takes_back_what_the_old_record_forgot(rolled_back: Vault, cli, tmp_path: Path):
    add(rolled_back, tmp_path, 5)  # E-0006, made while E-0003..5 were forgotten
    done = cli("evidence", "recover")
    assert done.returncode == 0 and "Took back 3 exhibit(s): E-0003, E-0004, E-0005" in done.stdout
    exhibits = list_exhibits(rolled_back)
    assert [e.id for e in exhibits] == [f"E-000{n}" for n in range(1, 7)]
    assert [e.description for e in exhibits] == [f"shot {n}" for n in (0, 1, 2, 3, 4, 5)]
    assert verify_all(rolled_back).clean
    assert cli("evidence", "verify").returncode == 0
    log = cli("log").stdout
    assert log.count("recover") == 3


def test_a_lost_record_is_rebuilt_from_the_blobs_alone(vault: Vault, cli, tmp_path: Path):
    for index in range(3):
        add(vault, tmp_path, index)
    hashes = {e.id: e.sha256 for e in list_exhibits(vault)}
    record = vault.path / RECORD
    record.write_bytes(record.read_bytes()[:40])  # damaged
    assert cli("evidence", "list").returncode != 0
    done = cli("evidence", "recover")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Took back 3 exhibit(s)" in done.stdout and "kept as case.db.damaged-" in done.stdout
    assert len(list(vault.path.glob("case.db.damaged-*"))) == 1, "the damaged record is kept"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as rebuilt:
        assert {e.id: e.sha256 for e in list_exhibits(rebuilt)} == hashes
        assert verify_all(rebuilt).clean


def test_a_changed_card_is_caught_by_verify(vault: Vault, tmp_path: Path):
    ident = add(vault, tmp_path, 0)
    blob = vault.blob_dir / f"{list_exhibits(vault)[0].blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[-10] ^= 0x01  # inside the sealed card
    blob.write_bytes(bytes(raw))
    report = verify_all(vault)
    assert report == VerifyReport(report.checked, (ExhibitProblem(ident, Damage.CARD_CHANGED),))


def test_an_interrupted_deletion_is_finished_not_undone(vault: Vault, cli, tmp_path: Path):
    add(vault, tmp_path, 0)
    exhibit = list_exhibits(vault)[0]
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    kept = tmp_path / "blob-copy"
    shutil.copy2(blob, kept)
    delete_exhibit(vault, exhibit.id, exhibit.id, reason="posted by mistake")
    shutil.copy2(kept, blob)  # as if the deletion stopped before removing the blob
    assert open_card(vault, exhibit.blob) is not None
    done = cli("evidence", "recover")
    assert "Finished deleting E-0001" in done.stdout
    assert list_exhibits(vault) == [] and not blob.exists()


def test_a_backup_never_goes_back_to_an_older_generation(vault: Vault, tmp_path: Path):
    from tui.core.copies.backup import make_backup
    from tui.core.shared.errors import InputError

    add(vault, tmp_path, 0)
    saved = tmp_path / "old-case.db"
    shutil.copy2(vault.path / RECORD, saved)
    add(vault, tmp_path, 1)
    drive = tmp_path / "drive"
    drive.mkdir()
    first = make_backup(vault, drive)
    manifest_before = (first.folder / "manifest.json").read_bytes()
    shutil.copy2(saved, vault.path / RECORD)  # the old record put back
    with pytest.raises(InputError, match="holds a newer state of this case"):
        make_backup(vault, drive)
    assert (first.folder / "manifest.json").read_bytes() == manifest_before, "left as it was"


def test_checking_an_old_format_backup_changes_nothing(vault: Vault, tmp_path: Path):
    from tests.support.legacy import downgrade_to_first_format, header_version
    from tui.core.copies.backup import make_backup
    from tui.core.copies.verify import verify_backup

    add(vault, tmp_path, 0)
    drive = tmp_path / "drive"
    drive.mkdir()
    downgrade_to_first_format(vault)
    with Vault.open(vault.path, passphrase=PASSPHRASE, upgrade=False) as old:
        folder = make_backup(old, drive).folder
    check = verify_backup(folder, passphrase=PASSPHRASE)
    assert check.whole, check.problems
    assert header_version(folder) == 1, "the backup itself was not rewritten"
