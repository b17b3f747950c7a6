"""`reclaim backup`, `backup verify`, `restore` and `copies` through the real entry point."""

import json
import shutil
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.copies.backup import BackupIsNewer, make_backup
from tui.core.shared.errors import VaultNotFound
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault, read_header


def test_backup_verify_restore_and_the_register(cli, tmp_path: Path, passphrase_file: Path):
    source = make_png(tmp_path / "post.png")
    assert cli("evidence", "add", str(source)).returncode == 0
    drive = tmp_path / "usb"
    drive.mkdir()
    made = cli("backup", str(drive))
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Backed up 1 exhibit to ")
    checked = cli("backup", "verify", str(drive))
    assert checked.returncode == 0 and "is whole" in checked.stdout
    noted = cli("copies", "add", "--kind", "printed", "--where", "binder at Sam's")
    assert noted.stdout.startswith("C-02  printed  binder at Sam's")
    copies = json.loads(cli("copies", "list", "--json").stdout)
    assert [(c["id"], c["kind"], c["stale"]) for c in copies] == [
        ("C-01", "backup", False),
        ("C-02", "printed", False),
    ]
    target = tmp_path / "restored"
    restored = run_reclaim(
        "restore", str(drive), "--vault", str(target), "--passphrase-file", str(passphrase_file)
    )
    assert restored.returncode == 0, restored.stderr
    out = tmp_path / "out.png"
    exported = run_reclaim(
        "evidence", "export", "E-0001", str(out),
        "--vault", str(target), "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert exported.returncode == 0 and out.read_bytes() == source.read_bytes()


def test_a_damaged_backup_fails_verify_with_the_file_named(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "post.png")))
    drive = tmp_path / "usb"
    drive.mkdir()
    cli("backup", str(drive))
    blob = next(drive.glob("reclaim-backup-*/blobs/*.blob"))
    blob.write_bytes(blob.read_bytes()[:-1])
    checked = cli("backup", "verify", str(drive))
    assert checked.returncode == 1
    assert f"blobs/{blob.name} is damaged" in checked.stdout
    assert "This backup is not whole." in checked.stdout
    # Restore keeps what is whole (issue 25, item 10): the case is made, the damaged
    # exhibit is named, and its stored copy is kept aside as it was.
    restored = run_reclaim(
        "restore", str(drive), "--vault", str(tmp_path / "r"), "--passphrase-file", "-",
        stdin=PASSPHRASE + "\n",
    )  # fmt: skip
    assert restored.returncode == 1 and "Traceback" not in restored.stderr
    assert "1 exhibit could not be restored" in restored.stdout
    assert "E-0001: its stored copy is damaged in the backup." in restored.stdout
    assert "reclaim copies list" in restored.stdout
    kept = tmp_path / "r" / "set-aside" / blob.name
    assert kept.read_bytes() == blob.read_bytes()
    listed = run_reclaim(
        "evidence", "list", "--vault", str(tmp_path / "r"), "--passphrase-file", "-",
        stdin=PASSPHRASE + "\n",
    )  # fmt: skip
    assert listed.returncode == 0 and "E-0001" in listed.stdout


def test_no_drive_is_said_plainly(cli, tmp_path: Path):
    result = cli("backup", str(tmp_path / "not-plugged-in"))
    assert result.returncode == 1
    assert "There is no folder" in result.stderr and "Traceback" not in result.stderr


def test_a_backup_newer_than_the_case_is_kept_and_the_check_named(
    cli, vault: Vault, tmp_path: Path
):
    cli("evidence", "add", str(make_png(tmp_path / "a.png", color="red")))
    saved = tmp_path / "old-case.db"
    shutil.copy2(vault.path / RECORD, saved)
    cli("evidence", "add", str(make_png(tmp_path / "b.png", color="blue")))
    drive = tmp_path / "drive"
    drive.mkdir()
    assert cli("backup", str(drive)).returncode == 0
    shutil.copy2(saved, vault.path / RECORD)  # the old record put back
    refused = cli("backup", str(drive))
    assert refused.returncode == 1
    assert "holds a newer state of this case" in refused.stderr
    assert "Check the case with `reclaim evidence verify`" in refused.stderr
    with pytest.raises(BackupIsNewer) as core:
        make_backup(vault, drive)
    assert "`reclaim" not in str(core.value), "core names no command"


def test_a_folder_with_no_case_is_named_and_reclaim_init_offered(tmp_path: Path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result = run_reclaim("evidence", "list", "--vault", str(empty), "--passphrase-file", "-")
    assert result.returncode == 1
    assert result.stderr == (
        f"reclaim: There is no Reclaim case in {empty}. Create one first (reclaim init).\n"
    )
    with pytest.raises(VaultNotFound) as core:
        read_header(empty)
    assert "reclaim init" not in str(core.value), "core names no command"
