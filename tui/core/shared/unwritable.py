"""One plain sentence for a file the person named that could not be written: the name
is too long, its folder is not there, Reclaim may not write there, the disk is full or
read-only. Never the path (it may be hundreds of characters) and never the error's own
words in Python's terms."""

from __future__ import annotations

import errno

from tui.core.shared.errors import describe_os_error
from tui.core.shared.i18n import N_, _


def not_written(error: Exception, what: str = "") -> str:
    """What to say when `what` failed on `error`: an OSError, or a ValueError (a name no
    disk takes) or RuntimeError (`~someone` with no such user) from the path itself."""
    if isinstance(error, RuntimeError):
        return _("{no_home} Nothing was written.").format(no_home=_(NO_HOME))
    if not isinstance(error, OSError):
        return _(
            "That file name holds a character no disk accepts; nothing was written. "
            "Choose another name."
        )
    if error.errno == errno.ENAMETOOLONG:
        return _(
            "That file name is too long for the disk; nothing was written. Choose a shorter one."
        )
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return _(
            "The folder to save into is not there; nothing was written. Choose another place."
        )
    if error.errno == errno.EISDIR:
        return _("That name is a folder's; nothing was written. Name a file inside it.")
    return describe_os_error(error, what or _("saving the file"))


#: `~name/...` for a user this computer doesn't know (Path.expanduser's RuntimeError).
NO_HOME = N_("A name starting with ~ must be your own home folder (~/...).")


def not_found(error: Exception) -> str:
    """What to say when a path the person typed can't even be looked at (ENAMETOOLONG,
    EACCES, a NUL character, `~nobody`), in place of "no file there"."""
    if isinstance(error, RuntimeError):
        return _("{no_home} Check the path and try again.").format(no_home=_(NO_HOME))
    if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:
        return _(
            "That name is too long for a file or folder on this disk. "
            "Check the path and try again."
        )
    if isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM):
        return _("Reclaim is not allowed to look in that folder. Check the path and try again.")
    return _(
        "There is no file or folder there that Reclaim can read. Check the path and try again."
    )
