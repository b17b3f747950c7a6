"""Opening a person's file to add as evidence, with a plain sentence for every way that
can fail: a planted link, a folder, a pipe or device, a missing or unreadable file, or
one that stops reading half-way."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

from tui.core.kiosk import doors
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _

NOT_REGULAR = N_("{path} is not a regular file, so it can't be added as evidence.")


def open_source(path: Path, follow_links: bool = False) -> BinaryIO:
    """Open a file to add, with a plain sentence for every way that can fail.

    A link is not followed unless the person says so: a planted link could make them
    add a file that isn't theirs (another user's, the system's) without noticing."""
    doors.check_readable(path)  # a kiosk says nothing of a path it refuses, not even "a folder"
    if not follow_links and path.is_symlink():
        try:
            target = str(path.readlink())
        except OSError:
            target = _("somewhere else")
        raise InputError(
            _(
                "{path} is a link to {target}, so it was not added. If that file is yours "
                "and is the evidence, add it by its own name."
            ).format(path=path, target=target)
        )
    if path.is_dir():
        raise InputError(
            _("{path} is a folder. Give the files inside it (for example {path}/*).").format(
                path=path
            )
        )
    # A pipe or device would make open() wait forever (or read without end): refuse it
    # before opening. The check after opening catches a file swapped in between.
    with contextlib.suppress(OSError):
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            raise InputError(_(NOT_REGULAR).format(path=path))
    try:
        flags = os.O_RDONLY | (0 if follow_links else os.O_NOFOLLOW)
        handle = doors.opened(path, flags)  # on a kiosk: only its import folders or a drive
    except FileNotFoundError:
        raise InputError(
            _("There is no file at {path}. Check the name and try again.").format(path=path)
        ) from None
    except PermissionError:
        raise InputError(
            _("{path} can't be read: this user is not allowed to open it.").format(path=path)
        ) from None
    except OSError as error:
        raise InputError(
            _("{path} can't be read ({reason}).").format(path=path, reason=error.strerror)
        ) from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise InputError(_(NOT_REGULAR).format(path=path))
    return handle


class SourceReader:
    """Turns a read failure of the person's file into a plain InputError."""

    def __init__(self, handle: BinaryIO, path: Path) -> None:
        self._handle = handle
        self._path = path

    def read(self, size: int) -> bytes:
        try:
            return self._handle.read(size)
        except OSError as error:
            raise InputError(
                _("{path} could not be read to the end ({reason}); nothing was added.").format(
                    path=self._path, reason=error.strerror
                )
            ) from None
