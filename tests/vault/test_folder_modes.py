"""Making or restoring a case sets modes only on what Reclaim creates: the folder above
it (a sticky shared folder, a group folder) keeps its own, and missing parents are
private, not the umask's 0755."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.pictures import make_png
from tui.core.copies.backup import make_backup
from tui.core.copies.manifest import backup_folder
from tui.core.copies.restore import restore
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("shared_mode", [0o1777, 0o2775, 0o755])
def test_making_a_case_leaves_the_folder_above_as_it_was(tmp_path: Path, shared_mode: int):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(shared_mode)
    Vault.create(shared / "case", PASSPHRASE, FAST_KDF)[0].close()
    assert mode(shared) == shared_mode
    assert mode(shared / "case") == 0o700


def test_missing_parents_are_made_private(tmp_path: Path):
    Vault.create(tmp_path / "new" / "deeper" / "case", PASSPHRASE, FAST_KDF)[0].close()
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "deeper") == 0o700


def test_restoring_leaves_the_folder_above_as_it_was(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    drive = tmp_path / "drive"
    drive.mkdir()
    make_backup(vault, drive)
    shared = tmp_path / "group"
    shared.mkdir()
    shared.chmod(0o2775)
    restore(backup_folder(drive, vault), shared / "restored", passphrase=PASSPHRASE)
    assert mode(shared) == 0o2775
    assert mode(shared / "restored") == 0o700
