"""Long work on the case (adding files, checking them) in a background thread.

A `WorkBar` (`tui/widgets/work_bar.py`) watches a `Job` with a timer instead of being
called from the thread, so that locking can stop a job and wait for it without the two
waiting on each other."""

from __future__ import annotations

import threading
from typing import Any

from tui.core.shared.errors import Cancelled


class Job:
    def __init__(self, title: str) -> None:
        self.title = title
        self.bytes_done = 0
        self.bytes_total = 0
        self.files_done = 0
        self.files_total = 0
        self.result: Any = None
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

    def finish(self, result: Any = None, error: BaseException | None = None) -> None:
        self.result, self.error = result, error
        self._finished.set()

    # ---- called from the screen -------------------------------------------------

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
