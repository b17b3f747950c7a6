"""Long work stops at its next safe point when the person, or a lock, asks.

The face that runs the work (a screen's background job) says how to tell that it should
stop (`stops_when`); the long loops deep in core (a PDF's pages, a recording's stills, a
table's rows) call `checkpoint()`, which raises `Cancelled` then. The check belongs to
the thread (a context variable), so a loop needs no extra parameter and the command line,
which sets none, is not slowed or changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_check: ContextVar[Callable[[], None] | None] = ContextVar("reclaim_stop_check", default=None)


def checkpoint() -> None:
    """A safe point to stop at: raises `Cancelled` once the work was asked to stop."""
    check = _check.get()
    if check is not None:
        check()


@contextmanager
def stops_when(check: Callable[[], None]) -> Iterator[None]:
    """Within this block (on this thread), `checkpoint()` calls `check`, which raises
    `Cancelled` when the work is to stop."""
    token = _check.set(check)
    try:
        yield
    finally:
        _check.reset(token)
