"""The kiosk's doors: on a clinic's computer, Reclaim reads only from the clinic's import
folders or a client's own removable drive, and writes only to the clinic's export folder
or a client's own drive, whatever is typed, pasted or linked. Another client's case,
staff files and the system's files are refused with one sentence.

Every path is resolved (links and `..` followed) before it is checked, and a file is
checked again once open (its device and inode must be those of the path checked, and
the open file's own path must pass too), so a link swapped in between does not pass.

Away from a kiosk (a person's own computer) no rules are installed and every door is
open. The app installs the rules when it starts as a kiosk (`SaveFolders.guard`)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tui.core.kiosk import mounts
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _


class DoorClosed(InputError):
    """A kiosk refused a path outside the places a client may use."""


@dataclass(frozen=True)
class Rules:
    import_dirs: tuple[Path, ...]
    export_dir: Path | None
    cases_dir: Path | None


_rules: Rules | None = None

#: Called just after a path is checked, before it is opened or written; tests swap a
#: link there.
after_check: Callable[[Path], None] | None = None


def install(rules: Rules | None) -> None:
    """Close the doors to these rules (a kiosk), or open them all (None)."""
    global _rules
    _rules = rules


def guarded() -> bool:
    return _rules is not None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _listed(folders: tuple[Path, ...]) -> str:
    names = [str(folder) for folder in folders]
    if len(names) == 1:
        return names[0]
    return _("{some} or {last}").format(some=", ".join(names[:-1]), last=names[-1])


def read_refusal(rules: Rules) -> str:
    where = _listed(rules.import_dirs) if rules.import_dirs else _("the clinic's folders")
    return _(
        "On this computer Reclaim can only take files from {where} or your own drive."
    ).format(where=where)


def write_refusal(rules: Rules) -> str:
    if rules.export_dir is None:
        return _("On this computer Reclaim can only save to your own drive.")
    return _("On this computer Reclaim can only save to {folder} or your own drive.").format(
        folder=rules.export_dir
    )


def _in_a_case(resolved: Path, rules: Rules) -> bool:
    return rules.cases_dir is not None and resolved.is_relative_to(_real(rules.cases_dir))


def may_read(resolved: Path, rules: Rules) -> bool:
    """Whether a resolved path is in an import folder or on a removable drive, and
    neither in a case nor in the export folder (which holds what other clients made,
    even when it is a clinic's USB drive under /media)."""
    if _in_a_case(resolved, rules):
        return False
    if rules.export_dir is not None and resolved.is_relative_to(_real(rules.export_dir)):
        return False
    if any(resolved.is_relative_to(_real(folder)) for folder in rules.import_dirs):
        return True
    return mounts.is_removable(resolved)


def may_write(resolved: Path, rules: Rules) -> bool:
    """Whether a resolved path is in the export folder or on a removable drive."""
    if _in_a_case(resolved, rules):
        return False
    if rules.export_dir is not None and resolved.is_relative_to(_real(rules.export_dir)):
        return True
    return mounts.is_removable(resolved)


def check_readable(path: Path) -> Path:
    """The resolved path to read `path` (a file or a folder) from, or DoorClosed. Away
    from a kiosk, `path` as it was given."""
    if _rules is None:
        return path
    resolved = _real(path)
    if not may_read(resolved, _rules):
        raise DoorClosed(read_refusal(_rules))
    return resolved


def passes(path: Path) -> bool:
    """Whether `path` may be read (always, away from a kiosk): for a file browser to
    leave out a link to a place the doors refuse."""
    return _rules is None or may_read(_real(path), _rules)


def writable(path: Path) -> Path:
    """The resolved path to write `path` at (a new file or folder), or DoorClosed. Away
    from a kiosk, `path` as it was given."""
    if _rules is None:
        return path
    resolved = _real(path)
    if not may_write(resolved, _rules):
        raise DoorClosed(write_refusal(_rules))
    if after_check is not None:
        after_check(resolved)
    return resolved


def confirm_written(path: Path) -> None:
    """Check a file just written at a path `writable` gave: where it really is must
    pass too (a folder above it swapped for a link meanwhile would have put it
    elsewhere). If not, the file (Reclaim's own, just made) is taken away again and
    DoorClosed raised."""
    rules = _rules
    if rules is None or may_write(_real(path), rules):
        return
    with contextlib.suppress(OSError):
        path.unlink()
    raise DoorClosed(write_refusal(rules))


def _open_path(fd: int) -> Path | None:
    """Where the kernel says an open file is (Linux), or None where it can't say."""
    try:
        return Path(f"/proc/self/fd/{fd}").readlink()
    except OSError:
        return None


def confirm_open(handle: BinaryIO, checked: Path) -> None:
    """Check an opened file again: it must be the very file `checked` names (same device
    and inode), and where the kernel says it is must pass the rules too. Closes the
    file and raises DoorClosed otherwise."""
    rules = _rules
    if rules is None:
        return
    fd = handle.fileno()
    opened = os.fstat(fd)
    try:
        named = checked.lstat()
        same = (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)
    except OSError:
        same = False
    where = _open_path(fd)
    if not same or (where is not None and not may_read(where, rules)):
        handle.close()
        raise DoorClosed(read_refusal(rules))


def opened(path: Path, flags: int = os.O_RDONLY) -> BinaryIO:
    """Open `path` for reading through the kiosk's doors: resolved, checked, opened
    without following a link, and checked again on the open file. Away from a kiosk,
    simply opened with `flags`. Raises DoorClosed, or OSError as os.open does."""
    checked = check_readable(path)
    if after_check is not None:
        after_check(checked)
    if _rules is None:
        return os.fdopen(os.open(checked, flags), "rb")
    try:
        fd = os.open(checked, flags | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link put there since the check
            raise DoorClosed(read_refusal(_rules)) from None
        raise
    handle = os.fdopen(fd, "rb")
    confirm_open(handle, checked)
    return handle


def readable(path: Path) -> BinaryIO:
    """A regular file opened through the doors (see `opened`)."""
    handle = opened(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise InputError(_("{path} is not a regular file, so it can't be read.").format(path=path))
    os.set_blocking(handle.fileno(), True)
    return handle
