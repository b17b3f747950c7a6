"""Backups: a self-contained, encrypted copy of the whole case in a folder (a thumb
drive, an external disk, a synced cloud folder), checked byte for byte, and restored.

A backup folder is laid out like a vault (header, sealed record, encrypted blobs), so
the same passphrase or recovery code opens it, plus `manifest.json`: the SHA-256 and
size of every file, authenticated with a key derived from the case key. While a backup
is being written an `UNFINISHED` marker lies in the folder; it goes only after the new
manifest is in place, so a pulled drive never leaves something that looks complete.

Blobs never change once written, so a second backup copies only new blobs (and the
small header and record) and removes the blobs of deleted exhibits. Every blob already
in the backup is hashed and compared with the case's, so a damaged copy is rewritten
rather than carried forward; a whole copy is never copied again.

A backup is a folder someone else may have had in their hands. Nothing under a backup
or a restore target is ever a link (one found is refused, never followed), nothing is
deleted outside the backup folder, and a manifest may name only the files a vault has:
a manifest is signed with the case key, and whoever holds the backup holds that too."""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import re
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tui.core.evidence.exhibits import Exhibit, list_exhibits
from tui.core.shared.atomic import (
    DIR_MODE,
    atomic_write,
    fsync_dir,
    make_private_dir,
    open_private,
    temp_path_for,
)
from tui.core.shared.clock import utc_stamp
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.vault import custody, keys
from tui.core.vault.blobs import BlobDamaged, decrypt_stream, read_card
from tui.core.vault.layout import BLOBS, HEADER, RECORD
from tui.core.vault.vault import Vault

MANIFEST = "manifest.json"
UNFINISHED = "UNFINISHED"
FOLDER_PREFIX = "reclaim-backup-"
CHUNK = 1024 * 1024
#: A manifest lists a few hundred bytes per file; anything bigger was not made here.
MANIFEST_LIMIT = 64 * 1024 * 1024
#: Blob names are `secrets.token_hex(16)` (see exhibits._intake).
BLOB_NAME = re.compile(r"[0-9a-f]{32}")
SHA256 = re.compile(r"[0-9a-f]{64}")
WRITE = "write through"
READ = "read through"
#: (bytes done, bytes in all); may raise Cancelled.
Progress = Callable[[int, int], None]
#: A manifest's entry for one file: {"sha256": ..., "size": ...}.
Files = dict[str, dict[str, Any]]


class LinkRefused(InputError):
    """A link where a backup or restore reads or writes: following it could read,
    overwrite or delete someone else's files, so the work stops before it starts."""

    def __init__(self, path: Path, doing: str) -> None:
        super().__init__(
            f"{path} is a link to somewhere else; Reclaim won't {doing} it. "
            "Remove it or choose another folder."
        )


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    files: int
    copied_bytes: int
    """What this run wrote: small for a second backup to the same place."""
    total_bytes: int
    exhibits: int
    kept: tuple[str, ...] = ()
    """Exhibits whose stored copy in the case is damaged: the backup kept its whole one."""


def backup_folder(destination: Path, vault: Vault) -> Path:
    """Where a case's backup lives inside the chosen folder (one per case)."""
    return destination / f"{FOLDER_PREFIX}{vault.header.vault_id[:12]}"


def is_case_file(name: str) -> bool:
    """Whether a manifest may list `name`: only what a vault holds (layout.py), so no
    entry can lead a restore out of its folder."""
    if name in (HEADER, RECORD):
        return True
    folder, _, leaf = name.partition("/")
    stem, dot, ext = leaf.partition(".")
    return folder == BLOBS and dot == "." and ext == "blob" and bool(BLOB_NAME.fullmatch(stem))


def _printable(name: str) -> str:
    """A name from a manifest, safe to put in a sentence (it may hold anything)."""
    return "".join(c if c.isprintable() else "?" for c in name)[:200]


# ---- links and plain files ----------------------------------------------------------


def _refuse_links(root: Path, doing: str) -> None:
    """Refuse if `root` or anything under it is a link. Reclaim never makes one there,
    so a link was planted, and whatever it points to belongs to someone else."""
    if root.is_symlink():
        raise LinkRefused(root, doing)
    for top, folders, files in os.walk(root):  # lists links to folders, never enters them
        for name in sorted([*folders, *files]):
            if (Path(top) / name).is_symlink():
                raise LinkRefused(Path(top) / name, doing)


def _inside(folder: Path, name: str, doing: str) -> Path:
    """`folder / name`, checked again just before use: no part of it from `folder` down
    is a link, and it resolves to a place inside `folder`."""
    parts = [part for part in name.split("/") if part]
    path = folder
    for part in ["", *parts]:
        path = path / part if part else path
        if path.is_symlink():
            raise LinkRefused(path, doing)
    if Path(os.path.realpath(path)) != Path(os.path.realpath(folder)).joinpath(*parts):
        raise LinkRefused(path, doing)
    return path


def _plain_size(path: Path) -> int | None:
    """The size of a plain file at `path` (not through a link), or None."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _open_read(path: Path) -> BinaryIO:
    """Open a plain file to read: never through a link, never blocking on a pipe."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LinkRefused(path, READ) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise VaultDamaged(f"{path} is not a plain file, so Reclaim won't read it.")
    return os.fdopen(fd, "rb")


def _sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with _open_read(path) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest()


def _manifest_key(vault: Vault) -> bytes:
    return keys.subkey(vault.data_key, "reclaim backup manifest v1")


def _sign(body: dict[str, Any], key: bytes) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def _copy(source: Path, target: Path, progress: Callable[[int], None]) -> str:
    """Copy one file atomically (temp, fsync, rename); return its SHA-256. The temp file
    is new (O_EXCL, O_NOFOLLOW, 0600) and the rename replaces a name, never follows it."""
    digest = hashlib.sha256()
    temp = temp_path_for(target)
    try:
        with _open_read(source) as reader, open_private(temp) as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                progress(len(chunk))
            writer.flush()
            os.fsync(writer.fileno())
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        with _open_read(folder / MANIFEST) as handle:
            raw = handle.read(MANIFEST_LIMIT + 1)
        data = json.loads(raw) if len(raw) <= MANIFEST_LIMIT else None
    except (OSError, ValueError, VaultDamaged):
        return None
    return data if isinstance(data, dict) else None


def _list_problems(files: dict[str, Any]) -> list[str]:
    """What is wrong with a manifest's list itself, found before any file is touched."""
    problems = [
        f"its list of files names {_printable(name)}, which is not a file a Reclaim case has"
        for name in sorted(files)
        if not is_case_file(name)
    ]
    if problems:
        return problems
    for name, entry in sorted(files.items()):
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not (isinstance(sha, str) and SHA256.fullmatch(sha)) or not (
            type(size) is int and size >= 0
        ):
            problems.append(f"its list of files has an unreadable entry for {name}")
    return problems + [
        f"its list of files leaves out {name}" for name in (HEADER, RECORD) if name not in files
    ]


def _decrypts_whole(vault: Vault, exhibit: Exhibit, path: Path) -> bool:
    """Whether the blob at `path` decrypts to the exhibit's intake hash and its card (if
    it has one) opens: every byte of a blob is covered by one or the other."""
    from cryptography.exceptions import InvalidTag

    from tui.core.evidence.cards import CARD_MAGIC
    from tui.core.evidence.cards import _aad as card_aad

    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in decrypt_stream(path, vault.blob_key, vault.blob_aad(exhibit.blob)):
            digest.update(chunk)
            size += len(chunk)
        sealed = read_card(path)
        if sealed is not None:
            if not sealed.startswith(CARD_MAGIC):
                return False
            keys.open_sealed(
                vault.card_key, sealed[len(CARD_MAGIC) :], card_aad(vault, exhibit.blob)
            )
    except (BlobDamaged, InvalidTag, OSError):
        return False
    return size == exhibit.size and digest.hexdigest() == exhibit.sha256


def _refuse_going_back(vault: Vault, folder: Path) -> None:
    """A backup that holds a newer state of the case than the case itself (its record's
    generation is higher) is never replaced by the older one: the case may have been put
    back to an old copy, and the backup may be where the newer evidence still is."""
    manifest = _read_manifest(folder)
    if manifest is None or manifest.get("vault_id") != vault.header.vault_id:
        return
    body = {k: v for k, v in manifest.items() if k != "mac"}
    if not hmac.compare_digest(str(manifest.get("mac")), _sign(body, _manifest_key(vault))):
        return  # not one this case's key wrote: verify says so; the copy replaces it
    generation = manifest.get("generation")
    if isinstance(generation, int) and generation > vault.generation:
        raise InputError(
            f"The backup in {folder} holds a newer state of this case (made "
            f"{manifest.get('made_at', 'earlier')}) than the case itself, which may have "
            "been put back to an older copy. Nothing was written. Check the case with "
            "`reclaim evidence verify`, or restore this backup to a new folder."
        )


def make_backup(vault: Vault, destination: Path, progress: Progress | None = None) -> BackupResult:
    """Write (or bring up to date) this case's backup inside `destination`."""
    if not destination.is_dir():
        raise InputError(f"There is no folder {destination} to back up into. Plug the drive in?")
    folder = backup_folder(destination.absolute(), vault)
    with vault.transaction():  # nobody adds or deletes while the copy is made
        _refuse_links(folder, WRITE)  # before anything, even a chmod, goes through one
        _refuse_going_back(vault, folder)
        make_private_dir(_inside(folder, "", WRITE))
        make_private_dir(_inside(folder, BLOBS, WRITE))
        atomic_write(
            _inside(folder, UNFINISHED, WRITE),
            b"A backup was being written here and did not finish.\n",
        )
        exhibits = list_exhibits(vault)
        owners = {f"{BLOBS}/{exhibit.blob}.blob": exhibit for exhibit in exhibits}
        blobs = sorted(
            name
            for path in vault.blob_dir.glob("*.blob")
            if is_case_file(name := f"{BLOBS}/{path.name}")
        )
        wanted = [HEADER, RECORD, *blobs]
        sizes = {name: (vault.path / name).lstat().st_size for name in wanted}
        present = {
            name: size for name in blobs if (size := _plain_size(folder / name)) is not None
        }
        # Each blob already there is hashed on both sides; the rest is copied.
        total = sum(sizes.values()) + sum(
            size for name, size in present.items() if size == sizes[name]
        )
        done = copied = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        def copy(name: str) -> None:
            nonlocal copied
            digest = _copy(vault.path / name, _inside(folder, name, WRITE), count)
            files[name] = {"sha256": digest, "size": sizes[name]}
            copied += sizes[name]

        files: Files = {}
        kept: list[str] = []
        for name in wanted:
            if name not in present:
                copy(name)
                continue
            target = _inside(folder, name, WRITE)
            if present[name] == sizes[name]:
                digest = _sha256_file(vault.path / name, count)
                if _sha256_file(target, count) == digest:
                    files[name] = {"sha256": digest, "size": sizes[name]}
                    continue
                total += sizes[name]
            owner = owners.get(name)
            if (
                owner is not None
                and not _decrypts_whole(vault, owner, vault.path / name)
                and _decrypts_whole(vault, owner, target)
            ):  # the case's copy went bad since: never overwrite the whole one with it
                files[name] = {"sha256": _sha256_file(target), "size": present[name]}
                kept.append(owner.id)
                continue
            copy(name)
        for entry in sorted((folder / BLOBS).iterdir()):
            name = f"{BLOBS}/{entry.name}"
            if entry.name.endswith(".blob") and name not in files:
                stale = _inside(folder, name, WRITE)
                if _plain_size(stale) is not None:
                    stale.unlink()
        fsync_dir(_inside(folder, BLOBS, WRITE))
        body = {
            "format": "reclaim-backup-1",
            "vault_id": vault.header.vault_id,
            "made_at": utc_stamp(),
            "exhibits": len(exhibits),
            "newest_exhibit": max((e.added_at for e in exhibits), default=""),
            "generation": vault.generation,
            "files": files,
        }
        atomic_write(
            _inside(folder, MANIFEST, WRITE),
            json.dumps({**body, "mac": _sign(body, _manifest_key(vault))}, indent=1).encode(),
        )
        _inside(folder, UNFINISHED, WRITE).unlink()
        fsync_dir(folder)
        custody.append(
            vault.table(custody.TABLE),
            "backup",
            destination=str(folder),
            files=len(files),
            exhibits=len(exhibits),
        )
        from tui.core.copies.register import record_backup

        record_backup(vault, folder, body)
    return BackupResult(
        folder=folder,
        files=len(files),
        copied_bytes=copied,
        total_bytes=sum(sizes.values()),
        exhibits=len(exhibits),
        kept=tuple(kept),
    )


# ---- checking and restoring ---------------------------------------------------------


@dataclass(frozen=True)
class BackupCheck:
    problems: list[str]
    exhibits: int
    made_at: str

    @property
    def whole(self) -> bool:
        return not self.problems


def find_backup(path: Path) -> Path:
    """`path` may be the backup folder itself or the folder (drive) that holds one."""
    if any(os.path.lexists(path / name) for name in (HEADER, UNFINISHED, MANIFEST)):
        return path
    found = sorted(path.glob(f"{FOLDER_PREFIX}*")) if path.is_dir() else []
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise InputError(
            f"{path} holds backups of {len(found)} cases; give the one you mean, like {found[0]}."
        )
    raise InputError(f"There is no Reclaim backup at {path}.")


def verify_backup(
    path: Path, passphrase: str | None = None, recovery_code: str | None = None,
    progress: Progress | None = None, data_key: bytes | None = None,
) -> BackupCheck:  # fmt: skip
    """Check every file against the manifest and every exhibit against its hash, without
    restoring or changing anything. Needs the passphrase (or recovery code)."""
    return _verify(find_backup(path), passphrase, recovery_code, progress, data_key)[0]


def _verify(
    folder: Path, passphrase: str | None, recovery_code: str | None,
    progress: Progress | None, data_key: bytes | None,
) -> tuple[BackupCheck, Files]:  # fmt: skip
    """The check, and the manifest's files it passed, for restore to copy exactly those."""
    _refuse_links(folder, READ)
    if os.path.lexists(folder / UNFINISHED):
        return BackupCheck(
            ["this backup was interrupted before it finished; run the backup again"], 0, ""
        ), {}
    manifest = _read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        return BackupCheck(["its list of files (manifest.json) is missing or damaged"], 0, ""), {}
    made_at = str(manifest.get("made_at", ""))
    files: Files = manifest["files"]
    if listed := _list_problems(files):  # before a single file is opened
        return BackupCheck(listed, 0, made_at), {}
    try:
        vault = Vault.open(
            folder,
            passphrase=passphrase,
            recovery_code=recovery_code,
            data_key=data_key,
            upgrade=False,  # checking a backup never changes it
        )
    except VaultDamaged as damage:
        return BackupCheck([f"it can't be opened: {damage}"], 0, made_at), {}
    problems: list[str] = []
    with vault:
        body = {k: v for k, v in manifest.items() if k != "mac"}
        if not hmac.compare_digest(str(manifest.get("mac")), _sign(body, _manifest_key(vault))):
            problems.append("its list of files (manifest.json) has been changed")
        total = sum(int(entry["size"]) for entry in files.values())
        done = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        for name, entry in sorted(files.items()):
            target = _inside(folder, name, READ)
            if _plain_size(target) is None:
                problems.append(f"{name} is missing")
            elif _sha256_file(target, count) != entry["sha256"]:
                problems.append(f"{name} is damaged (its bytes have changed)")
        blobs = folder / BLOBS
        found = {f"{BLOBS}/{p.name}" for p in blobs.glob("*.blob")} if blobs.is_dir() else set()
        problems += [
            f"{_printable(name)} is not in the backup's list"
            for name in sorted(found - set(files))
        ]
        exhibits = list_exhibits(vault)
        problems += _check_exhibits(vault, exhibits)
        problems += [f"custody log: {what}" for what in custody.verify(vault.table(custody.TABLE))]
    return BackupCheck(problems, len(exhibits), made_at), files


def _check_exhibits(vault: Vault, exhibits: list[Exhibit]) -> list[str]:
    from tui.core.evidence.exhibits import _hash_blob

    return [
        f"{exhibit.id}: {what}"
        for exhibit in exhibits
        if (
            what := "its stored copy has a name Reclaim never gives"
            if not BLOB_NAME.fullmatch(str(exhibit.blob))
            else _hash_blob(vault, exhibit, len)
        )
    ]


def _ignore(_size: int) -> None:
    """Restore's copying is quick next to its check, which reports progress."""


def _new_private_dir(path: Path) -> None:
    """Make a folder that must not exist yet (so no planted one is used), 0700."""
    path.mkdir(mode=DIR_MODE)
    path.chmod(DIR_MODE)


def restore(
    path: Path, destination: Path, passphrase: str | None = None,
    recovery_code: str | None = None, progress: Progress | None = None,
) -> Path:  # fmt: skip
    """Make a working vault at `destination` from a backup that checks out whole."""
    destination = destination.expanduser().absolute()
    staging = destination.with_name(f".{destination.name}.restoring")
    for place in (destination, staging):
        if place.is_symlink():
            raise LinkRefused(place, WRITE)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise InputError(f"{destination} already exists and is not empty; choose a new folder.")
    folder = find_backup(path)
    check, files = _verify(folder, passphrase, recovery_code, progress, None)
    if not check.whole:
        raise VaultDamaged(
            f"This backup is not whole ({check.problems[0]}); nothing was restored. "
            "Try another copy."
        )
    make_private_dir(destination.parent)
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted restore; never a link
    try:
        _new_private_dir(staging)
        _new_private_dir(staging / BLOBS)
        for name, entry in sorted(files.items()):
            digest = _copy(_inside(folder, name, READ), _inside(staging, name, WRITE), _ignore)
            if digest != entry["sha256"]:
                raise VaultDamaged(
                    f"{name} in the backup changed while it was being restored; nothing "
                    "was restored. Try again, or try another copy."
                )
        fsync_dir(staging / BLOBS)
        fsync_dir(staging)
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
        fsync_dir(destination.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # rmtree never follows a link
        raise
    opened = Vault.open(destination, passphrase=passphrase, recovery_code=recovery_code)
    with opened, opened.transaction():
        custody.append(
            opened.table(custody.TABLE),
            "restore",
            source=str(folder),
            backup_made_at=check.made_at,
        )
    return destination
