"""Long work on the case (adding files, checking them) in a background thread.

A `WorkBar` (`tui/widgets/work_bar.py`) watches a `Job` with a timer instead of being
called from the thread, so that locking can stop a job and wait for it without the two
waiting on each other.

A job is typed by what its work returns (`Job[BatchResult]`), and each kind of work is
started with its own `done` handler: a screen never tells two jobs apart by their title,
which is only what the bar shows.

A lock never waits for a job: it asks the job to stop and lets it go (`WorkBar.let_go`);
the app closes the case once the job has stopped, off the screen's thread, and says after
the next unlock what was stopped (`Job.if_locked`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from tui.core.shared.errors import Cancelled
from tui.core.shared.i18n import _

T = TypeVar("T")


class Job(Generic[T]):
    def __init__(
        self,
        title: str,
        *,
        still: str = "",
        if_locked: Callable[[Job[T]], str] | None = None,
        step: str = "",
        resume: Callable[[], object] | None = None,
    ) -> None:
        self.title = title
        """What the work is, in the bar's words ("Adding", "Checking")."""
        self.still = still or _("{title} is still under way.").format(title=title)
        """What the quit question says of it ("The binder is still being made.")."""
        self._if_locked = if_locked
        self.step = step
        """The step whose work this makes ("binder"): if a lock stops it, home says it
        was not made rather than show the earlier one's date."""
        self.resume = resume
        """Work that picks up where a lock stopped it, after that case's next unlock
        (reading the words in pictures): called then, on the screen's thread."""
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

    def check(self) -> None:
        """A safe point to stop at (see `tui.core.shared.stopping`): raises Cancelled
        once the person, or a lock, asked the work to stop."""
        if self._cancel.is_set():
            raise Cancelled()

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
        assert self.finished and self.error is None, "the job has no result"  # i18n: not shown
        return cast("T", self._result)  # set by succeed()

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, seconds: float | None = None) -> bool:
        """Wait until the work is over (asked to stop or not); True once it is."""
        return self._finished.wait(seconds)

    def if_locked(self) -> str:
        """What to say after the next unlock of the case, once the work is over, when a
        lock stopped it: whether it was made, and how to run it again."""
        if self._if_locked is not None:
            return self._if_locked(self)
        if self.error is None:
            return _("{title} finished as the case locked.").format(title=self.title)
        return _("{title} was stopped when the case locked. Please start it again.").format(
            title=self.title
        )

    def stop_and_wait(self, seconds: float = 30.0) -> bool:
        """Ask the work to stop and wait until it has; True once it is over."""
        self._cancel.set()
        return self._finished.wait(seconds)


class LettingGo:
    """Cases a lock closed while their work was still stopping: the vault is closed on a
    thread of its own once the work has let go, and an unlock of the same case waits for
    that first (`wait`), so the old work and the new opening never overlap."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._cases: dict[Path, threading.Event] = {}

    def close_after(self, vault: Any, jobs: list[Job[Any]]) -> threading.Thread:
        """Close `vault` (a `Vault`) once every job in `jobs` is over, off this thread."""
        path = Path(vault.path).absolute()
        closed = threading.Event()
        with self._guard:
            self._cases[path] = closed

        def close() -> None:
            try:
                for job in jobs:
                    job.wait()
                vault.close()
            finally:
                closed.set()
                with self._guard:
                    if self._cases.get(path) is closed:
                        del self._cases[path]

        thread = threading.Thread(
            target=close,
            name="closing a locked case",  # i18n: not shown
            daemon=True,
        )
        thread.start()
        return thread

    def wait(self, path: Path, seconds: float = 60.0) -> bool:
        """Wait until work stopped by a lock has let go of the case at `path`; True then
        (at once when there is none)."""
        with self._guard:
            closed = self._cases.get(Path(path).absolute())
        return closed is None or closed.wait(seconds)


letting_go = LettingGo()
"""The one record of cases still being let go of, for the app and its unlock screen."""


class AppWork:
    """Work of the app as a whole rather than of one screen (reading the words in
    pictures): it goes on as the person moves between screens. A lock lets go of it as of
    a screen's work, and quitting stops it without asking: it loses nothing, and picks up
    where it stopped (`Job.resume`)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._jobs: list[Job[Any]] = []

    def add(self, job: Job[Any]) -> None:
        with self._guard:
            self._jobs = [known for known in self._jobs if not known.finished] + [job]

    def running(self) -> list[Job[Any]]:
        with self._guard:
            return [job for job in self._jobs if not job.finished]

    def status(self) -> str:
        """What the status line under every screen says of it: "Reading pictures 3/12"."""
        said = []
        for job in self.running():
            if not job.cancelling:
                done = min(job.files_done + 1, job.files_total)
                said.append(f"{job.title} {done}/{job.files_total or '…'}")
        return " · ".join(said)

    def let_go(self) -> list[Job[Any]]:
        """Ask the work under way to stop, and hand it over without waiting."""
        with self._guard:
            jobs, self._jobs = [job for job in self._jobs if not job.finished], []
        for job in jobs:
            job.cancel()
        return jobs


app_work = AppWork()
"""The app's own work under way (one app runs in a process)."""
