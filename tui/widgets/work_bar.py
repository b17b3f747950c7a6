"""A one-line bar for long work in a background thread: what it is doing and how far.

The bar polls its `Job` with a timer instead of being called from the thread (see
`tui.jobs`), so a lock can stop the work and wait for it without the two waiting on
each other. The screen says what the work is, how to describe it as it goes, and what
to do when it is over."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Label, ProgressBar

from tui.core.shared.i18n import _
from tui.core.shared.stopping import stops_when
from tui.jobs import Job

T = TypeVar("T")


def _title(job: Job[Any]) -> str:
    return f"{job.title}…"


def exhibit_count(job: Job[Any]) -> str:
    """ "Making the binder: exhibit 3 of 12", for work that goes exhibit by exhibit."""
    return _("{title}: exhibit {done} of {total}").format(
        title=job.title, done=job.files_done, total=job.files_total or "…"
    )


class WorkBar(Horizontal):
    DEFAULT_CSS = """
    WorkBar { height: 1; display: none; padding: 0 1; background: $boost; }
    WorkBar > Label { width: auto; margin-right: 2; }
    WorkBar > ProgressBar { width: 1fr; }
    """

    def __init__(self, id: str = "work") -> None:
        super().__init__(id=id)
        self.job: Job[Any] | None = None
        self._timer: Timer | None = None
        self._describe: Callable[[Job[Any]], str] = _title
        self._tick: Callable[[Job[Any]], None] | None = None
        self._done: Callable[[Job[Any]], None] = lambda job: None

    def compose(self) -> ComposeResult:
        yield Label("")
        yield ProgressBar(show_eta=False)

    def start(
        self,
        job: Job[T],
        work: Callable[[], T],
        done: Callable[[Job[T]], None],
        describe: Callable[[Job[T]], str] = _title,
        tick: Callable[[Job[T]], None] | None = None,
    ) -> None:
        """Run `work` in a thread; its result or error goes into `job`, then `done(job)`
        is called on the screen's side. `tick(job)` runs on every poll while it works."""

        def run() -> None:
            try:
                with stops_when(job.check):  # the long loops in core stop at once
                    job.succeed(work())
            except BaseException as error:  # shown on the screen, never raised
                job.fail(error)

        self.job, self._done, self._describe, self._tick = job, done, describe, tick
        self.display = True
        self.query_one(Label).update(describe(job))
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.run_worker(run, thread=True, group="work")
        self._timer = self.set_interval(0.1, self._poll)

    def _poll(self) -> None:
        job = self.job
        if job is None:
            return
        self.query_one(Label).update(self._describe(job))
        if job.bytes_total:
            self.query_one(ProgressBar).update(total=job.bytes_total, progress=job.bytes_done)
        if self._tick is not None:
            self._tick(job)
        if not job.finished:
            return
        if self._timer is not None:
            self._timer.stop()
        self.job = None
        self.display = False
        self._done(job)

    def let_go(self) -> Job[Any] | None:
        """At a lock: ask the work to stop and hand it over without waiting (the app
        closes the case once it has stopped); nothing more is shown of it here."""
        job, self.job = self.job, None
        if self._timer is not None:
            self._timer.stop()
        if job is not None:
            job.cancel()
        return job

    def stop_and_wait(self) -> None:
        """Before a lock or on leaving: ask the work to stop and wait until it has."""
        if self.job is not None:
            self.job.stop_and_wait()
