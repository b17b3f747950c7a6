"""How the Evidence step says what is going on in its background work: the progress
line of an add or a check, and what a check of every item found (core gives the facts
in a `VerifyReport`; the words are the screen's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.shared.display import shown
from tui.core.shared.errors import Cancelled, explain
from tui.core.shared.text import counted, plural_of
from tui.jobs import Job

if TYPE_CHECKING:
    from tui.core.evidence.intake import BatchResult
    from tui.core.evidence.verify import VerifyReport


def progress_text(job: Job[Any]) -> str:
    """ "Adding 3 of 12 · Esc stops", then "stopping…" once asked to."""
    label = f"{job.title} "
    if job.files_total:
        label += f"{min(job.files_done + 1, job.files_total)} of {job.files_total}"
    return label + (" · Esc stops" if not job.cancelling else " · stopping…")


def said_why_not_finished(screen: Screen[Any], job: Job[Any]) -> bool:
    """Says why the work did not finish, if it didn't; True then."""
    if isinstance(job.error, Cancelled):
        screen.notify("Stopped. The check was not finished; nothing was changed.")
    elif job.error is not None:  # the sentences below may quote a file's name
        screen.notify(shown(explain(job.error, job.title.lower())), severity="error", markup=False)
    return job.error is not None


def say_added(screen: Screen[Any], result: BatchResult) -> None:
    """What an add took in, and the first few files it could not."""
    for problem in result.problems[:3]:
        screen.notify(shown(problem), severity="warning", markup=False)
    screen.notify(shown(result.summary()), timeout=8, markup=False)


def say_check(screen: Screen[Any], report: VerifyReport, checked: int) -> None:
    """Notices for what a check of every item found, most serious first."""
    damaged = report.damaged_ids
    if report.intact:
        screen.notify(
            "The item matches its hash (✓ under Hash)."
            if checked == 1
            else f"All {checked} items match their hashes (✓ under Hash)."
        )
    elif damaged:
        screen.notify(
            f"{counted(len(damaged), 'item')} {plural_of(len(damaged), 'is', 'are')} damaged "
            f"(✗ under Hash): {', '.join(damaged[:5])}. Restore from a backup copy.",
            severity="error",
            timeout=15,
        )
    for _broken in report.log_problems:
        screen.notify("The custody log has been changed or damaged.", severity="error")
    if report.unlisted:
        screen.notify(
            f"{counted(report.unlisted, 'item')} {plural_of(report.unlisted, 'is', 'are')} "
            "in the case folder but missing from its record. Nothing is lost: “Take back "
            "missing evidence” (Ctrl+P) takes them back.",
            severity="error",
            timeout=15,
        )
    notes = []
    if removed := report.removed_pieces:
        left = counted(removed, "unfinished piece")
        notes.append(f"Removed {left} left by an add that was interrupted.")
    if recent := report.recent_pieces:
        notes.append(
            f"{counted(recent, 'unfinished piece')} {plural_of(recent, 'is', 'are')} from an "
            "add under way or stopped in the last hour (they go once an hour old)."
        )
    if notes:
        screen.notify(" ".join(notes), timeout=15)
    if report.not_logged:
        screen.notify(
            "This check could not be written to the custody log: " + shown(report.not_logged),
            timeout=15,
            markup=False,
        )


def add_if_locked(job: Job[BatchResult]) -> str:
    """What is said after the next unlock when a lock stopped an add: every file taken
    in before the stop is kept; how many were not, and how to add them."""
    if job.error is not None:
        return (
            "Adding files was stopped when the case locked: "
            + shown(explain(job.error, "adding files"))
            + " Add them again from step 4 (a)."
        )
    result = job.result
    if not result.cancelled:
        return "Adding files finished as the case locked. " + shown(result.summary())
    added = len(result.added) + len(result.already)
    total = max(job.files_total, added)
    left = total - added
    return (
        f"Adding files was stopped when the case locked: {added} of "
        f"{counted(total, 'file')} {plural_of(added, 'was', 'were')} added and kept; "
        f"{left} {plural_of(left, 'was', 'were')} not. Add {plural_of(left, 'it', 'them')} "
        "again from step 4 (a); files already in the case are recognised, not added twice."
    )


def check_if_locked(job: Job[VerifyReport]) -> str:
    """What is said after the next unlock when a lock stopped a check of every item."""
    if job.error is None:
        return "The check of your evidence finished as the case locked; check again (V) to see it."
    return (
        "Your evidence was being checked when the case locked; the check was not finished "
        "and nothing was changed. Check again from step 4 (V)."
    )
