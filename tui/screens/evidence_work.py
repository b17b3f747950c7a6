"""How the Evidence step says what is going on in its background work: the progress
line of an add or a check, and what a check of every item found (core gives the facts
in a `VerifyReport`; the words are the screen's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.shared.display import shown
from tui.core.shared.errors import Cancelled, explain
from tui.core.shared.i18n import _, ngettext
from tui.jobs import Job

if TYPE_CHECKING:
    from tui.core.evidence.intake import BatchResult
    from tui.core.evidence.verify import VerifyReport


def progress_text(job: Job[Any]) -> str:
    """ "Adding 3 of 12 · Esc stops", then "stopping…" once asked to."""
    label = job.title
    if job.files_total:
        label = _("{title} {number} of {total}").format(
            title=job.title, number=min(job.files_done + 1, job.files_total), total=job.files_total
        )
    return (
        _("{work} · Esc stops").format(work=label)
        if not job.cancelling
        else _("{work} · stopping…").format(work=label)
    )


def said_why_not_finished(screen: Screen[Any], job: Job[Any]) -> bool:
    """Says why the work did not finish, if it didn't; True then."""
    if isinstance(job.error, Cancelled):
        screen.notify(_("Stopped. The check was not finished; nothing was changed."))
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
            _("The item matches its hash (✓ under Hash).")
            if checked == 1
            else _("All {checked} items match their hashes (✓ under Hash).").format(
                checked=checked
            )
        )
    elif damaged:
        screen.notify(
            ngettext(
                "{count} item is damaged (✗ under Hash): {items}. Restore from a backup copy.",
                "{count} items are damaged (✗ under Hash): {items}. Restore from a backup copy.",
                len(damaged),
            ).format(count=len(damaged), items=", ".join(damaged[:5])),
            severity="error",
            timeout=15,
        )
    for _broken in report.log_problems:
        screen.notify(_("The custody log has been changed or damaged."), severity="error")
    if report.unlisted:
        screen.notify(
            ngettext(
                "{count} item is in the case folder but missing from its record. Nothing is "
                "lost: “Take back missing evidence” (Ctrl+P) takes them back.",
                "{count} items are in the case folder but missing from its record. Nothing is "
                "lost: “Take back missing evidence” (Ctrl+P) takes them back.",
                report.unlisted,
            ).format(count=report.unlisted),
            severity="error",
            timeout=15,
        )
    notes = []
    if removed := report.removed_pieces:
        notes.append(
            ngettext(
                "Removed {count} unfinished piece left by an add that was interrupted.",
                "Removed {count} unfinished pieces left by an add that was interrupted.",
                removed,
            ).format(count=removed)
        )
    if recent := report.recent_pieces:
        notes.append(
            ngettext(
                "{count} unfinished piece is from an add under way or stopped in the last "
                "hour (they go once an hour old).",
                "{count} unfinished pieces are from an add under way or stopped in the last "
                "hour (they go once an hour old).",
                recent,
            ).format(count=recent)
        )
    if notes:
        screen.notify(" ".join(notes), timeout=15)
    if report.not_logged:
        screen.notify(
            _("This check could not be written to the custody log: {why}").format(
                why=shown(report.not_logged)
            ),
            timeout=15,
            markup=False,
        )


def add_if_locked(job: Job[BatchResult]) -> str:
    """What is said after the next unlock when a lock stopped an add: every file taken
    in before the stop is kept; how many were not, and how to add them."""
    if job.error is not None:
        return _(
            "Adding files was stopped when the case locked: {why} Add them again from step 4 (a)."
        ).format(why=shown(explain(job.error, _("adding files"))))
    result = job.result
    if not result.cancelled:
        return _("Adding files finished as the case locked. {summary}").format(
            summary=shown(result.summary())
        )
    added = len(result.added) + len(result.already)
    total = max(job.files_total, added)
    left = total - added
    files = ngettext("{added} of {total} file", "{added} of {total} files", total).format(
        added=added, total=total
    )
    kept = ngettext("{files} was added and kept;", "{files} were added and kept;", added).format(
        files=files
    )
    not_kept = ngettext(
        "{left} was not. Add it again from step 4 (a);",
        "{left} were not. Add them again from step 4 (a);",
        left,
    ).format(left=left)
    return _(
        "Adding files was stopped when the case locked: {kept} {not_kept} files already in "
        "the case are recognised, not added twice."
    ).format(kept=kept, not_kept=not_kept)


def check_if_locked(job: Job[VerifyReport]) -> str:
    """What is said after the next unlock when a lock stopped a check of every item."""
    if job.error is None:
        return _(
            "The check of your evidence finished as the case locked; check again (V) to see it."
        )
    return _(
        "Your evidence was being checked when the case locked; the check was not finished "
        "and nothing was changed. Check again from step 4 (V)."
    )
