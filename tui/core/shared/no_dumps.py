"""No core file ever holds a secret: called first thing, before any passphrase, recovery
code or key is read. A crash (or a SIGSEGV or SIGABRT sent by anything running as the
same user) would otherwise write the process's memory to disk, the data key and the
passphrase with it.

Two locks, because one is not enough: the core size limit is set to nothing, for good
(the hard limit too, so nothing in the process can raise it again); and on Linux the
process says it is not dumpable, which the kernel obeys even where cores go to a crash
collector through a pipe (that ignores the size limit). Not dumpable also keeps other
processes of the same user from attaching a debugger or reading its memory (or
/proc/<pid>/environ); the process itself still reads all of /proc/self, and its parent
still gets its exit status, resource use and /proc/<pid>/status (memory in use).
Programs it starts are dumpable again (the kernel resets that when a new program
starts) but keep the size limit of nothing.

Nowhere here may this fail: where a step is not supported, it is skipped."""

from __future__ import annotations

import sys

#: prctl(2) option numbers (linux/prctl.h).
PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """Set the core size limit to 0 (soft and hard) and, on Linux, mark the process
    as not dumpable. Never fails."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # no such limit here (Windows), or not allowed: the prctl below still holds
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_DUMPABLE, 0)


def is_dumpable() -> bool | None:
    """Whether the kernel would write a core of this process; None where it can't be
    asked (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    answer = _prctl(PR_GET_DUMPABLE, 0)
    return None if answer is None or answer < 0 else answer != 0


def _prctl(option: int, value: int) -> int | None:
    """prctl(2) through the C library already loaded; None when it can't be called."""
    try:
        import ctypes  # here: only Linux pays for it, and only when asked

        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(option, value, 0, 0, 0))
    except (ImportError, OSError, AttributeError, TypeError):
        return None
