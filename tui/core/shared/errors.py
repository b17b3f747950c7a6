"""Errors meant for people: each message is one plain sentence saying what happened and
what to do. Nothing secret ever goes into a message."""

from tui.core.shared.i18n import N_, _

#: The system's commonest refusals, said in the language (the system's own words are
#: English, and would be put in brackets inside a Spanish sentence); each has {doing}.
OS_ERROR_SENTENCES: dict[str, str] = {
    "ENOENT": N_("A file or folder that was needed is not there, so {doing} was not possible; "
                 "nothing was changed."),
    "ENAMETOOLONG": N_("A file name or folder path is too long for this computer, so {doing} "
                       "was not possible; nothing was changed."),
    "EEXIST": N_("Something with that name is already there, so {doing} was not possible; "
                 "nothing was changed."),
    "EISDIR": N_("There is a folder where a file was expected, so {doing} was not possible; "
                 "nothing was changed."),
    "ENOTDIR": N_("There is a file where a folder was expected, so {doing} was not possible; "
                  "nothing was changed."),
}  # fmt: skip


class ReclaimError(Exception):
    """Base of every error whose message may be shown to the person as it is."""


class VaultNotFound(ReclaimError):
    pass


class VaultExists(ReclaimError):
    pass


class WrongPassphrase(ReclaimError):
    pass


class VaultDamaged(ReclaimError):
    pass


class RecordDamaged(VaultDamaged):
    """The case record itself is missing or damaged: `evidence recover` can rebuild it."""


class VaultBusy(ReclaimError):
    pass


class InputError(ReclaimError):
    """The person gave something that can't be used (a missing file, a bad date...)."""


class NotFound(ReclaimError):
    """An exhibit or other item named by the person does not exist."""


class Cancelled(ReclaimError):
    """Long work stopped because the person asked; nothing was changed."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or _("Stopped; nothing was changed."))


def describe_os_error(error: OSError, what: str) -> str:
    """One plain sentence for an OSError met while doing `what` (e.g. 'saving the case')."""
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return _(
            "There is not enough space on the disk for {doing}; nothing was changed. "
            "Free some space and try again."
        ).format(doing=what)
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("Reclaim was not allowed to write while {doing}; nothing was changed.").format(
            doing=what
        )
    if error.errno == errno.EROFS:
        return _(
            "The disk is read-only, so {doing} was not possible; nothing was changed."
        ).format(doing=what)
    for name, sentence in OS_ERROR_SENTENCES.items():
        if error.errno == getattr(errno, name, None):
            return _(sentence).format(doing=what)
    reason = error.strerror or _("an unexpected error from the system")
    return _("Something went wrong while {doing} ({reason}); nothing was changed.").format(
        doing=what, reason=reason
    )


def explain(error: BaseException, doing: str) -> str:
    """The sentence to show a person for any failure while `doing` something."""
    if isinstance(error, ReclaimError):
        return str(error)
    if isinstance(error, OSError):
        return describe_os_error(error, doing)
    return _(
        "Something unexpected went wrong while {doing} ({error}). The case was left as it was."
    ).format(doing=doing, error=type(error).__name__)
