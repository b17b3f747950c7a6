"""Reading the words in the case's pictures in the background (issue 30): after files are
taken in, and after an unlock for what a lock stopped, every exhibit whose pictures were
never read is read, one at a time, on one thread of its own.

The work belongs to the app, not to a screen: it goes on while the person moves between
steps, its progress is on the status line under every screen (`AlwaysKeys`, through
`app_work.status`), and no key waits for it (the recogniser runs off the screen's thread, and
the case is held only to save each exhibit's words). A screen showing an exhibit hears
when its words were read (`WordsRead`). A lock lets go of it like any work
(`tui.work_at_lock`, through `tui.jobs.app_work`): it stops at the next picture and picks
up after that case's next unlock; quitting stops it without asking (nothing is lost)."""

from __future__ import annotations

import threading
from queue import SimpleQueue
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable
from weakref import WeakKeyDictionary

from tui.core.evidence.reading import read_exhibit, unread_exhibits
from tui.core.evidence.reading.engine import ReadingUnavailable
from tui.core.shared.errors import Cancelled, ReclaimError
from tui.core.shared.i18n import _, ngettext
from tui.core.shared.stopping import stops_when
from tui.host import host
from tui.jobs import Job, app_work

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from tui.core.vault.vault import Vault

#: How often the status line and the screens hear how far the reading is.
POLL_SECONDS = 0.25


@runtime_checkable
class WordsRead(Protocol):
    """A screen that shows what was read in exhibits' pictures, told when more was."""

    def words_read(self, exhibit_ids: list[str]) -> None:
        """The words of these exhibits' pictures were just read and kept."""


class Reading:
    """The background reading of one app's open case."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.job: Job[int] | None = None
        self.read: SimpleQueue[str] = SimpleQueue()
        """Exhibits read since the screens last heard (the worker puts, the screen takes)."""
        self.unavailable = ""
        """Why this computer can't read pictures, once found: not tried again."""
        self._timer: Timer | None = None

    def start(self) -> bool:
        """Read the open case's unread pictures, unless that is under way already or this
        computer can't; True when it started. Exhibits taken in while it runs are read
        too, before it ends."""
        vault = host(self.app).vault
        if vault is None or self.unavailable or (self.job and not self.job.finished):
            return False
        job: Job[int] = Job(
            _("Reading pictures"),
            still=_("Words in pictures are still being read."),
            if_locked=lambda job: "",
            resume=self.start,
        )
        self.job = job
        app_work.add(job)
        threading.Thread(
            target=self._run, args=(vault, job), name="reading pictures", daemon=True
        ).start()
        if self._timer is None:
            self._timer = self.app.set_interval(POLL_SECONDS, self._poll, name="reading")
        return True

    def _run(self, vault: Vault, job: Job[int]) -> None:
        try:
            with stops_when(job.check):
                job.succeed(self._read_all(vault, job))
        except BaseException as error:  # said on the screen's side, never raised here
            job.fail(error)

    def _read_all(self, vault: Vault, job: Job[int]) -> int:
        tried: set[str] = set()
        while True:
            waiting = [one for one in unread_exhibits(vault) if one not in tried]
            if not waiting:
                return len(tried)
            job.files_total = job.files_done + len(waiting)
            for exhibit_id in waiting:
                job.check()
                tried.add(exhibit_id)
                try:
                    read_exhibit(vault, exhibit_id, stop=lambda: job.cancelling)
                except (Cancelled, ReadingUnavailable):
                    raise
                except ReclaimError:  # that exhibit is left unread, tried again next time
                    pass
                else:
                    self.read.put(exhibit_id)
                job.files_done += 1

    def _poll(self) -> None:
        """On the screen's thread: the status line, the screens showing what was read,
        and once the work is over, a word about it."""
        from tui.widgets.always_keys import AlwaysKeys

        if not self.app.is_running:  # closing: its screens are being taken apart
            return
        screen = self.app.screen
        for keys in screen.query_children(AlwaysKeys):
            keys.refresh()
        if not all(shown.is_mounted for shown in self.app.screen_stack):
            return  # a screen just opened has nothing to show rows in yet: the next poll
        read = [self.read.get() for _unused in range(self.read.qsize())]
        if read:
            for shown in self.app.screen_stack:
                if isinstance(shown, WordsRead):
                    shown.words_read(read)
        job = self.job
        if job is not None and not job.finished:
            return
        self._stop_polling()
        self.job = None
        if job is None or job.cancelling:  # a lock or quitting stopped it: nothing to say
            return
        if isinstance(job.error, ReadingUnavailable):
            self.unavailable = str(job.error)
            self.app.notify(str(job.error), severity="warning", timeout=10, markup=False)
        elif job.error is None and job.result:
            count = job.result
            self.app.notify(
                ngettext(
                    "The words in {count} picture were read; what they show is marked "
                    "“read from the picture” until you confirm it.",
                    "The words in {count} pictures were read; what they show is marked "
                    "“read from the picture” until you confirm it.",
                    count,
                ).format(count=count),
                timeout=8,
            )

    def _stop_polling(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


_readings: WeakKeyDictionary[App[Any], Reading] = WeakKeyDictionary()


def reading(app: App[Any]) -> Reading:
    """The app's one background reading."""
    if app not in _readings:
        _readings[app] = Reading(app)
    return _readings[app]


def read_in_background(app: App[Any]) -> bool:
    """Start reading the open case's unread pictures (see `Reading.start`)."""
    return reading(app).start()
