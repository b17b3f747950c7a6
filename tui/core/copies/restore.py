"""Restoring a backup: a working vault made at a new place from a backup that checks
out whole (verify.py), copying exactly the files the check passed. It is built beside its
place and renamed in one step, so an interrupted restore leaves nothing that looks like a
case; nothing in the backup or at the target is ever a link followed."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui.core.copies.manifest import Progress
from tui.core.copies.verify import find_backup, verify_with_files
from tui.core.shared.atomic import fsync_dir, make_private_dir
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.shared.files import READ, WRITE, LinkRefused, copy_plain, inside, new_private_dir
from tui.core.vault import custody
from tui.core.vault.layout import BLOBS
from tui.core.vault.vault import Vault


def _ignore(_size: int) -> None:
    """Restore's copying is quick next to its check, which reports progress."""


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
    check, files = verify_with_files(folder, passphrase, recovery_code, progress, None)
    if not check.whole:
        raise VaultDamaged(
            f"This backup is not whole ({check.problems[0]}); nothing was restored. "
            "Try another copy."
        )
    make_private_dir(destination.parent)
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted restore; never a link
    try:
        new_private_dir(staging)
        new_private_dir(staging / BLOBS)
        for name, entry in sorted(files.items()):
            digest = copy_plain(inside(folder, name, READ), inside(staging, name, WRITE), _ignore)
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
