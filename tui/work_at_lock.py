"""What happens to work under way (a binder, a package, an add, a check, a backup) when
the case locks or the app quits: the app's side of `tui.jobs`.

A lock never waits for work: each screen's job is asked to stop and taken over
(`WorkBar.let_go`), and the case is closed on a thread of its own once the jobs have
stopped (`tui.jobs.letting_go`; an unlock of the same case waits for that). What was
stopped is said after that case's next unlock, never on the locked screen, and home says
a binder stopped this way was not made rather than show the earlier one's date."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from tui.core.shared import clock
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.host import KeepsOverLock, KeepsTyping, StopsWork
from tui.jobs import app_work

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from tui.core.vault.vault import Vault
    from tui.jobs import Job


#: What home says of a step whose work a lock stopped, when none was made before.
STOPPED = N_("stopped by the lock, not made")


def running_jobs(screens: Iterable[Screen[Any]]) -> list[Job[Any]]:
    """The background work of these screens still under way, the newest screen's last."""
    from tui.widgets.work_bar import WorkBar

    return [
        bar.job
        for screen in screens
        for bar in screen.query(WorkBar)
        if bar.job is not None and not bar.job.finished
    ]


def let_go_of_work(screens: Iterable[Screen[Any]]) -> list[Job[Any]]:
    """Ask these screens' background work, and the app's own (`app_work`), to stop, and
    take it over without waiting."""
    from tui.widgets.work_bar import WorkBar

    jobs = []
    for screen in screens:
        for bar in screen.query(WorkBar):
            if (job := bar.let_go()) is not None:
                jobs.append(job)
    return jobs + app_work.let_go()


def save_typing(screens: Iterable[Screen[Any]]) -> list[str]:
    """At a lock, once the work was asked to stop: screens save what is typed but not
    yet saved; the names of the forms that could not be saved (it was not complete).
    Locking must never fail; the saved case is whole either way."""
    unsaved = []
    for screen in screens:
        if isinstance(screen, StopsWork):
            with suppress(ReclaimError, OSError):
                screen.stop_work()
        if isinstance(screen, KeepsTyping):
            try:
                saved = screen.save_now()
            except (ReclaimError, OSError):
                saved = False
            if saved is False:
                unsaved.append(screen.FORM_NAME)
        if isinstance(screen, KeepsOverLock):
            with suppress(ReclaimError, OSError):
                screen.keep_over_lock()
    return unsaved


def not_saved_at_lock(forms: list[str]) -> str:
    """What the next unlock says of forms whose typing a lock could not save."""
    return _(
        "When the case locked, what you were typing in {forms} could not be "
        "saved (it was not complete). Please type it again."
    ).format(forms=", ".join(sorted({_(form) for form in forms})))


def quit_question(job: Job[Any]) -> str:
    """ "The binder is still being made. Stop it and quit?" """
    return _("{still} Stop it and quit?").format(still=job.still)


def asked_before_quitting(app: App[Any]) -> bool:
    """With work under way, ask before quitting (Stop and quit / Keep working); True
    when asked. If confirmed, the app quits once the work has stopped: nothing is left
    half-made (a binder or package is written whole or not at all; an add keeps every
    file it took in)."""
    from tui.dialogs.confirm import ConfirmDialog

    if not (running := running_jobs(app.screen_stack)):
        return _quit_after_app_work(app, app_work.let_go())

    def answered(really: bool | None) -> None:
        if not really:
            return
        # Asked to stop but left with their screens: a lock meanwhile still takes them
        # over and closes the case only once they have stopped.
        jobs = running_jobs(app.screen_stack) + app_work.let_go()
        for job in jobs:
            job.cancel()
        app.notify(_("Stopping… Reclaim closes as soon as the work has stopped."), timeout=30)

        def wait_then_exit() -> None:
            for job in jobs:
                job.wait()
            app.call_from_thread(app.exit)

        app.run_worker(wait_then_exit, thread=True, group="quitting", exit_on_error=False)

    app.push_screen(
        ConfirmDialog(quit_question(running[-1]), yes=_("Stop and quit"), no=_("Keep working")),
        answered,
    )
    return True


def _quit_after_app_work(app: App[Any], jobs: list[Job[Any]]) -> bool:
    """The app's own work (reading pictures) is stopped without asking, and the app quits
    once it has: it loses nothing, and never leaves the case mid-save. True when there
    was some."""
    if not jobs:
        return False

    def wait_then_exit() -> None:
        for job in jobs:
            job.wait()
        app.call_from_thread(app.exit)

    app.run_worker(wait_then_exit, thread=True, group="quitting", exit_on_error=False)
    return True


class StoppedAtLock:
    """The jobs the last lock stopped, kept in memory only, for the case they belong to."""

    def __init__(self) -> None:
        self._stopped: tuple[str, list[Job[Any]]] = ("", [])
        """(case, jobs) said after that case's next unlock."""
        self._not_made: tuple[str, list[Job[Any]], str] = ("", [], "")
        """(case, jobs for a step, when) whose step home says was not made."""
        self._closing: list[threading.Thread] = []

    def close_after(self, vault: Vault, jobs: list[Job[Any]]) -> None:
        """Close the case now, or, with work still stopping, once it has stopped."""
        from tui.jobs import letting_go

        if not jobs:
            vault.close()
            return
        vault_id = vault.header.vault_id
        self._stopped = (vault_id, jobs)
        if steps := [job for job in jobs if job.step]:
            self._not_made = (vault_id, steps, clock.utc_stamp())
        self._closing = [thread for thread in self._closing if thread.is_alive()]
        self._closing.append(letting_go.close_after(vault, jobs))

    def notices(self, vault: Vault) -> list[str]:
        """What to say now that `vault` is open again: once, and only for its own case."""
        vault_id, stopped = self._stopped
        self._stopped = ("", [])
        if vault_id != vault.header.vault_id:
            return []
        for job in stopped:
            job.wait(5)  # let go of at the lock: over by now (the unlock waited for it)
        said = [job.if_locked() for job in stopped]
        for job in stopped:
            if job.resume is not None:  # picks up where it stopped (reading pictures)
                job.resume()
        return [words for words in said if words]

    def step_words(self, vault: Vault, words: dict[str, str]) -> dict[str, str]:
        """Home's words per step, with a step whose work a lock stopped said as not made
        (until it is made again)."""
        vault_id, jobs, locked_at = self._not_made
        if vault_id != vault.header.vault_id:
            return words
        for job in jobs:
            if job.finished and job.error is None:
                continue  # made after all, as the case locked
            if _made_since(vault, job.step, locked_at):
                continue
            before = words.get(job.step, "")  # "last made 2026-12-01": not this one
            # The words before the day, in the language spoken (core's `progress`).
            made = _("last made {day}").split("{day}")[0]
            earlier = bool(made) and before.startswith(made)
            words[job.step] = (
                _("stopped by the lock; {before}").format(before=before) if earlier else _(STOPPED)
            )
        return words

    def wait(self, seconds: float = 30.0) -> None:
        """Before the app ends: let the app's own work stop, and every case a lock
        closed finish closing."""
        for job in app_work.let_go():
            job.wait(seconds)
        for thread in self._closing:
            thread.join(seconds)


def _made_since(vault: Vault, action: str, stamp: str) -> bool:
    """Whether the custody log records `action` ("binder") after `stamp`."""
    from tui.core.vault import custody

    return any(
        entry["action"] == action and str(entry["at"]) > stamp
        for entry in custody.entries(vault.table(custody.TABLE))
    )
