"""Long work on the case (adding files, checking them) in a background thread.

A `WorkBar` (`tui/widgets/work_bar.py`) watches a `Job` with a timer instead of being
called from the thread, so that locking can stop a job and wait for it without the two
waiting on each other.

A job is typed by what its work returns (`Job[BatchResult]`), and each kind of work is
started with its own `done` handler: a screen never tells two jobs apart by their title,
which is only what the bar shows."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar, cast

from tui.core.shared.errors import Cancelled

T = TypeVar("T")


class Job(Generic[T]):
    def __init__(self, title: str) -> None:
        self.title = title
        """What the work is, in the bar's words ("Adding", "Checking")."""
        self.bytes_done = 0
        self.bytes_total = 0
        self.files_done = 0
        self.files_total = 0
        self._result: T | None = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()
        self._finished = threading.Event()

    # ---- called from the worker thread ------------------------------------------

    def progress(self, done: int, total: int, files_done: int = 0, files_total: int = 0) -> None:
        """Record how far the work is; raise Cancelled once the person asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        self.bytes_done, self.bytes_total = done, total
        self.files_done, self.files_total = files_done, files_total

    def succeed(self, result: T) -> None:
        self._result = result
        self._finished.set()

    def fail(self, error: BaseException) -> None:
        self.error = error
        self._finished.set()

    # ---- called from the screen -------------------------------------------------

    @property
    def result(self) -> T:
        """What the work returned; only once it finished without an error."""
        assert self.finished and self.error is None, "the job has no result"
        return cast("T", self._result)  # set by succeed()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def stop_and_wait(self, seconds: float = 30.0) -> bool:
        """Ask the work to stop and wait until it has; True once it is over."""
        self._cancel.set()
        return self._finished.wait(seconds)
