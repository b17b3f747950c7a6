"""Crash-safe, private file writing: a temp file in the same folder, fsync, rename, fsync
of the folder. A reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _

FILE_MODE = 0o600
DIR_MODE = 0o700


def fsync_dir(path: Path) -> None:
    """Make a rename or creation inside `path` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents, each 0700. A folder that already exists is
    left exactly as it is: the folder above a case may be a shared one (a sticky 1777
    folder, a 2775 group folder, a mount root), and its mode is not Reclaim's to change.
    (`Path.mkdir(parents=True)` would give missing parents the umask's mode, 0755.)"""
    missing = []
    folder = path
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=DIR_MODE)
        except FileExistsError:  # made meanwhile by someone else: theirs, left alone
            continue
        created.chmod(DIR_MODE)  # mkdir's mode is masked by the umask


def temp_path_for(target: Path, suffix: str = ".tmp") -> Path:
    """A fresh, unguessable name next to `target` (same folder, so rename is atomic)."""
    return target.with_name(f".{secrets.token_hex(8)}{suffix}")


def open_private(path: Path) -> BinaryIO:
    """Create a new file readable only by its owner; fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    return os.fdopen(fd, "wb")


@contextlib.contextmanager
def atomic_writer(
    target: Path, suffix: str = ".tmp", sync_folder: bool = True
) -> Iterator[BinaryIO]:
    """Write `target` all at once: the new content appears only if the block succeeds.
    The temp file's name ends in `suffix`; `sync_folder=False` leaves the fsync of the
    folder to a caller that writes many files into it."""
    tmp = temp_path_for(target, suffix)
    try:
        with open_private(tmp) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_folder:
        fsync_dir(target.parent)


def atomic_write(target: Path, data: bytes) -> None:
    with atomic_writer(target) as handle:
        handle.write(data)


def check_new_file(target: Path, into: str = "save into") -> None:  # i18n: not shown
    """Refuse, in one sentence, to write over a file or into a folder that isn't there
    (`into` is "save into" or "export into")."""
    if target.exists():
        raise InputError(
            _("{path} already exists; nothing was written. Choose another name.").format(
                path=target
            )
        )
    if not target.parent.is_dir():
        if into == "export into":
            sentence = _("There is no folder {folder} to export into.")
        else:
            sentence = _("There is no folder {folder} to save into.")
        raise InputError(sentence.format(folder=target.parent))
