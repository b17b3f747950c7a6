"""Restoring a backup: a working vault made at a new place from a backup (verify.py),
copying exactly the files the check passed. What is whole is always restored: a stored
copy that is damaged or missing costs its own exhibit alone, which is named and whose
file is kept aside in the case, as it was (never deleted); only damage to the case
itself (its header, its record, its list of files) stops a restore. It is built beside
its place and renamed in one step, so an interrupted restore leaves nothing that looks
like a case; nothing in the backup or at the target is ever a link followed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.copies.manifest import Progress
from tui.core.copies.verify import find_backup, verify_with_files
from tui.core.shared.atomic import fsync_dir, make_private_dir
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.shared.files import (
    READ,
    WRITE,
    LinkRefused,
    copy_plain,
    inside,
    new_private_dir,
    plain_size,
)
from tui.core.shared.i18n import _
from tui.core.vault import custody
from tui.core.vault.layout import BLOBS
from tui.core.vault.vault import Vault

#: The folder of a restored case where the stored copies that were not whole in the
#: backup are kept, as they were.
SET_ASIDE = "set-aside"


@dataclass(frozen=True)
class Restored:
    path: Path
    damaged: dict[str, str] = field(default_factory=dict)
    """Exhibit id -> what was wrong with its stored copy in the backup."""
    set_aside: Path | None = None
    """Where the stored copies that were not whole were kept, when there were any."""


def _ignore(_size: int) -> None:
    """Restore's copying is quick next to its check, which reports progress."""


def restore(
    path: Path, destination: Path, passphrase: str | None = None,
    recovery_code: str | None = None, progress: Progress | None = None,
) -> Restored:  # fmt: skip
    """Make a working vault at `destination` from a backup, keeping everything whole:
    each exhibit whose stored copy is damaged or missing is named in the result, and its
    file, when there is one, kept aside as it was."""
    destination = destination.expanduser().absolute()
    staging = destination.with_name(f".{destination.name}.restoring")
    for place in (destination, staging):
        if place.is_symlink():
            raise LinkRefused(place, WRITE)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise InputError(
            _("{folder} already exists and is not empty; choose a new folder.").format(
                folder=destination
            )
        )
    folder = find_backup(path)
    check, files = verify_with_files(folder, passphrase, recovery_code, progress, None)
    if blocking := check.blocking:
        raise VaultDamaged(
            _(
                "This backup is not whole ({problem}); nothing was restored. Try another copy."
            ).format(problem=blocking[0])
        )
    kept_aside: list[str] = []
    make_private_dir(destination.parent)
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted restore; never a link
    try:
        new_private_dir(staging)
        new_private_dir(staging / BLOBS)
        for name in sorted(check.set_aside):
            source = inside(folder, name, READ)
            if plain_size(source) is None:
                continue  # missing in the backup: nothing to keep
            if not kept_aside:
                new_private_dir(staging / SET_ASIDE)
            copy_plain(source, inside(staging / SET_ASIDE, Path(name).name, WRITE), _ignore)
            kept_aside.append(name)
        for name, entry in sorted(files.items()):
            if name in check.set_aside:
                continue
            digest = copy_plain(inside(folder, name, READ), inside(staging, name, WRITE), _ignore)
            if digest != entry["sha256"]:
                raise VaultDamaged(
                    _(
                        "{file} in the backup changed while it was being restored; nothing "
                        "was restored. Try again, or try another copy."
                    ).format(file=name)
                )
        fsync_dir(staging / BLOBS)
        if kept_aside:
            fsync_dir(staging / SET_ASIDE)
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
            **({"damaged": sorted(check.damaged)} if check.damaged else {}),
            **({"set_aside": [Path(name).name for name in kept_aside]} if kept_aside else {}),
        )
    aside = destination / SET_ASIDE if kept_aside else None
    return Restored(destination, dict(sorted(check.damaged.items())), aside)
