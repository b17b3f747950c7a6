"""`reclaim backup`, `backup verify`, `restore` and `copies` through the real entry point."""

import json
from pathlib import Path

from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png


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
    refused = run_reclaim(
        "restore", str(drive), "--vault", str(tmp_path / "r"), "--passphrase-file", "-",
        stdin=PASSPHRASE + "\n",
    )  # fmt: skip
    assert refused.returncode == 1 and "nothing was restored" in refused.stderr
    assert not (tmp_path / "r").exists()


def test_no_drive_is_said_plainly(cli, tmp_path: Path):
    result = cli("backup", str(tmp_path / "not-plugged-in"))
    assert result.returncode == 1
    assert "There is no folder" in result.stderr and "Traceback" not in result.stderr
