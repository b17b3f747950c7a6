"""The name this process shows in the list of programs (`ps`, `top`): discreet mode's
neutral one. Without Textual, so that the app and plain mode both use it."""

from __future__ import annotations

#: The process's name in `ps`, `top` and the like, in discreet mode.
PROCESS_NAME = "notes"


def name_process(name: str = PROCESS_NAME) -> bool:
    """Name this process `name` in the list of programs: both its short name (`ps -o
    comm`) and its command line (`ps -o args`). False when setproctitle is missing; the
    command line then still shows how Reclaim was started (see the README)."""
    try:
        import setproctitle
    except ImportError:  # pragma: no cover - it is a dependency; a stripped install
        return False
    setproctitle.setproctitle(name)
    setproctitle.setthreadtitle(name)
    return True
