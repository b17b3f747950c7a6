"""Backups: a self-contained, encrypted copy of the whole case in a folder (a thumb
drive, an external disk, a synced cloud folder), checked byte for byte, and restored.

A backup folder is laid out like a vault (header, sealed record, encrypted blobs), so
the same passphrase or recovery code opens it, plus `manifest.json`: the SHA-256 and
size of every file, authenticated with a key derived from the case key. While a backup
is being written an `UNFINISHED` marker lies in the folder; it goes only after the new
manifest is in place, so a pulled drive never leaves something that looks complete.

Blobs never change once written, so a second backup copies only new blobs (and the
small header and record) and removes the blobs of deleted exhibits."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import custody, keys
from tui.core.atomic import atomic_write, fsync_dir, make_private_dir, open_private, temp_path_for
from tui.core.clock import utc_stamp
from tui.core.errors import InputError, VaultDamaged
from tui.core.evidence.exhibits import Exhibit, list_exhibits
from tui.core.layout import BLOBS, HEADER, RECORD
from tui.core.vault import Vault

MANIFEST = "manifest.json"
UNFINISHED = "UNFINISHED"
FOLDER_PREFIX = "reclaim-backup-"
CHUNK = 1024 * 1024
#: (bytes done, bytes in all); may raise Cancelled.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    files: int
    copied_bytes: int
    """What this run wrote: small for a second backup to the same place."""
    total_bytes: int
    exhibits: int


def backup_folder(destination: Path, vault: Vault) -> Path:
    """Where a case's backup lives inside the chosen folder (one per case)."""
    return destination / f"{FOLDER_PREFIX}{vault.header.vault_id[:12]}"


def _sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
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
    """Copy one file atomically (temp, fsync, rename); return its SHA-256."""
    digest = hashlib.sha256()
    temp = temp_path_for(target)
    try:
        with source.open("rb") as reader, open_private(temp) as writer:
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
        data = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def make_backup(vault: Vault, destination: Path, progress: Progress | None = None) -> BackupResult:
    """Write (or bring up to date) this case's backup inside `destination`."""
    if not destination.is_dir():
        raise InputError(f"There is no folder {destination} to back up into. Plug the drive in?")
    folder = backup_folder(destination, vault)
    make_private_dir(folder)
    make_private_dir(folder / BLOBS)
    with vault.transaction():  # nobody adds or deletes while the copy is made
        old = _read_manifest(folder) or {}
        old_files: dict[str, Any] = old.get("files", {}) if isinstance(old, dict) else {}
        (folder / UNFINISHED).write_text("A backup was being written here and did not finish.\n")
        fsync_dir(folder)
        blobs = sorted(f"{BLOBS}/{p.name}" for p in vault.blob_dir.glob("*.blob"))
        wanted = [HEADER, RECORD, *blobs]
        sizes = {name: (vault.path / name).stat().st_size for name in wanted}
        to_copy = [
            name
            for name in wanted
            if name in (HEADER, RECORD)
            or old_files.get(name, {}).get("size") != sizes[name]
            or not (folder / name).is_file()
        ]
        total = sum(sizes[name] for name in to_copy)
        done = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        files: dict[str, dict[str, Any]] = {
            name: old_files[name] for name in wanted if name not in to_copy
        }
        for name in to_copy:
            digest = _copy(vault.path / name, folder / name, count)
            files[name] = {"sha256": digest, "size": sizes[name]}
        for stale in (folder / BLOBS).glob("*.blob"):
            if f"{BLOBS}/{stale.name}" not in files:
                stale.unlink()
        fsync_dir(folder / BLOBS)
        exhibits = list_exhibits(vault)
        body = {
            "format": "reclaim-backup-1",
            "vault_id": vault.header.vault_id,
            "made_at": utc_stamp(),
            "exhibits": len(exhibits),
            "newest_exhibit": max((e.added_at for e in exhibits), default=""),
            "files": files,
        }
        atomic_write(
            folder / MANIFEST,
            json.dumps({**body, "mac": _sign(body, _manifest_key(vault))}, indent=1).encode(),
        )
        (folder / UNFINISHED).unlink()
        fsync_dir(folder)
        custody.append(
            vault.table(custody.TABLE),
            "backup",
            destination=str(folder),
            files=len(files),
            exhibits=len(exhibits),
        )
        from tui.core.copies import record_backup

        record_backup(vault, folder, body)
    return BackupResult(
        folder=folder,
        files=len(files),
        copied_bytes=total,
        total_bytes=sum(sizes.values()),
        exhibits=len(exhibits),
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
    if (path / HEADER).is_file() or (path / UNFINISHED).exists() or (path / MANIFEST).exists():
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
    folder = find_backup(path)
    if (folder / UNFINISHED).exists():
        return BackupCheck(
            ["this backup was interrupted before it finished; run the backup again"], 0, ""
        )
    manifest = _read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        return BackupCheck(["its list of files (manifest.json) is missing or damaged"], 0, "")
    try:
        vault = Vault.open(
            folder, passphrase=passphrase, recovery_code=recovery_code, data_key=data_key
        )
    except VaultDamaged as damage:
        return BackupCheck([f"it can't be opened: {damage}"], 0, str(manifest.get("made_at")))
    problems: list[str] = []
    with vault:
        body = {k: v for k, v in manifest.items() if k != "mac"}
        if not hmac.compare_digest(str(manifest.get("mac")), _sign(body, _manifest_key(vault))):
            problems.append("its list of files (manifest.json) has been changed")
        files: dict[str, Any] = manifest["files"]
        total = sum(int(entry.get("size", 0)) for entry in files.values())
        done = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        for name, entry in sorted(files.items()):
            target = folder / name
            if not target.is_file():
                problems.append(f"{name} is missing")
            elif _sha256_file(target, count) != entry.get("sha256"):
                problems.append(f"{name} is damaged (its bytes have changed)")
        extra = {f"{BLOBS}/{p.name}" for p in (folder / BLOBS).glob("*.blob")} - set(files)
        problems += [f"{name} is not in the backup's list" for name in sorted(extra)]
        exhibits = list_exhibits(vault)
        problems += _check_exhibits(vault, exhibits)
        problems += [f"custody log: {what}" for what in custody.verify(vault.table(custody.TABLE))]
    return BackupCheck(problems, len(exhibits), str(manifest.get("made_at", "")))


def _check_exhibits(vault: Vault, exhibits: list[Exhibit]) -> list[str]:
    from tui.core.evidence.exhibits import _hash_blob

    return [
        f"{exhibit.id}: {what}"
        for exhibit in exhibits
        if (what := _hash_blob(vault, exhibit, len))
    ]


def restore(
    path: Path, destination: Path, passphrase: str | None = None,
    recovery_code: str | None = None, progress: Progress | None = None,
) -> Path:  # fmt: skip
    """Make a working vault at `destination` from a backup that checks out whole."""
    destination = destination.expanduser().absolute()
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise InputError(f"{destination} already exists and is not empty; choose a new folder.")
    folder = find_backup(path)
    check = verify_backup(folder, passphrase, recovery_code, progress)
    if not check.whole:
        raise VaultDamaged(
            f"This backup is not whole ({check.problems[0]}); nothing was restored. "
            "Try another copy."
        )
    make_private_dir(destination.parent)
    staging = destination.with_name(f".{destination.name}.restoring")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        make_private_dir(staging)
        make_private_dir(staging / BLOBS)
        manifest = _read_manifest(folder) or {}
        for name in manifest.get("files", {}):
            _copy(folder / name, staging / name, lambda _size: None)
        fsync_dir(staging / BLOBS)
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
        fsync_dir(destination.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
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
