"""Errors meant for people: each message is one plain sentence saying what happened and
what to do. Nothing secret ever goes into a message."""


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

    def __init__(self, message: str = "Stopped; nothing was changed.") -> None:
        super().__init__(message)


def describe_os_error(error: OSError, what: str) -> str:
    """One plain sentence for an OSError met while doing `what` (e.g. 'saving the case')."""
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            f"There is not enough space on the disk for {what}; nothing was changed. "
            "Free some space and try again."
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Reclaim was not allowed to write while {what}; nothing was changed."
    if error.errno == errno.EROFS:
        return f"The disk is read-only, so {what} was not possible; nothing was changed."
    reason = error.strerror or "an unexpected error from the system"
    return f"Something went wrong while {what} ({reason}); nothing was changed."


def explain(error: BaseException, doing: str) -> str:
    """The sentence to show a person for any failure while `doing` something."""
    if isinstance(error, ReclaimError):
        return str(error)
    if isinstance(error, OSError):
        return describe_os_error(error, doing)
    return (
        f"Something unexpected went wrong while {doing} ({type(error).__name__}). "
        "The case was left as it was."
    )
