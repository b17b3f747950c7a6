"""Guards for folders that someone else may have had in their hands (a backup on a thumb
drive, a folder to restore into): a link found there is refused, never followed; a name is
checked to stay inside its folder just before it is used; a file is read only if it is a
plain one, without blocking on a pipe; a copy is made atomically into a new private file."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tui.core.shared.atomic import DIR_MODE, atomic_writer
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.shared.i18n import _

WRITE = "write through"  # i18n: not shown
READ = "read through"  # i18n: not shown
CHUNK = 1024 * 1024


class LinkRefused(InputError):
    """A link where Reclaim reads or writes: following it could read, overwrite or
    delete someone else's files, so the work stops before it starts."""

    def __init__(self, path: Path, doing: str) -> None:
        if doing == READ:
            sentence = _(
                "{path} is a link to somewhere else; Reclaim won't read through it. "
                "Remove it or choose another folder."
            )
        else:
            sentence = _(
                "{path} is a link to somewhere else; Reclaim won't write through it. "
                "Remove it or choose another folder."
            )
        super().__init__(sentence.format(path=path))


def refuse_links(root: Path, doing: str) -> None:
    """Refuse if `root` or anything under it is a link. Reclaim never makes one there,
    so a link was planted, and whatever it points to belongs to someone else."""
    if root.is_symlink():
        raise LinkRefused(root, doing)
    for top, folders, files in os.walk(root):  # lists links to folders, never enters them
        for name in sorted([*folders, *files]):
            if (Path(top) / name).is_symlink():
                raise LinkRefused(Path(top) / name, doing)


def inside(folder: Path, name: str, doing: str) -> Path:
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


def plain_size(path: Path) -> int | None:
    """The size of a plain file at `path` (not through a link), or None."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def open_plain(path: Path) -> BinaryIO:
    """Open a plain file to read: never through a link, never blocking on a pipe."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LinkRefused(path, READ) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise VaultDamaged(
            _("{path} is not a plain file, so Reclaim won't read it.").format(path=path)
        )
    return os.fdopen(fd, "rb")


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    """The SHA-256 of a plain file (see `open_plain`); `progress` gets each chunk's size."""
    digest = hashlib.sha256()
    with open_plain(path) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest()


def copy_plain(source: Path, target: Path, progress: Callable[[int], None]) -> str:
    """Copy one plain file atomically (temp, fsync, rename); return its SHA-256. The temp
    file is new (O_EXCL, O_NOFOLLOW, 0600) and the rename replaces a name, never follows
    it."""
    digest = hashlib.sha256()
    with open_plain(source) as reader, atomic_writer(target, sync_folder=False) as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            progress(len(chunk))
    return digest.hexdigest()


def new_private_dir(path: Path) -> None:
    """Make a folder that must not exist yet (so no planted one is used), 0700."""
    path.mkdir(mode=DIR_MODE)
    path.chmod(DIR_MODE)
