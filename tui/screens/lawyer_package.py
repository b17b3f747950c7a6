"""The lawyer package: notes for the lawyer (kept in the case), a new folder to make, and
making it in the background: the binder for a lawyer, the originals, the timeline as
DOCX and the notes, checked by BagIt manifests.

The notes are saved per field like every form (only when changed here; if another window
changed them meanwhile, both are shown to choose from), with Ctrl+S before the package is
made, and just before a lock. Escape leaves at once when the notes are as saved; else it
asks Save / Keep editing / Discard. The form opens with the cursor after the notes."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from tui.core.shared.display import shown, shown_block
from tui.core.shared.errors import ReclaimError, explain
from tui.core.shared.i18n import N_, _
from tui.core.shared.unwritable import not_written
from tui.host import host
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case, save_as_field, save_folders
from tui.widgets.fields import StoredTextArea
from tui.widgets.work_bar import WorkBar, exhibit_count

if TYPE_CHECKING:
    from collections.abc import Callable

    from tui.core.binder.choices import BinderResult

WHAT = N_(
    "A folder to hand to a lawyer: the binder prepared for a lawyer, every original, "
    "your written account as a Word file they can edit, and notes: yours, and where each "
    "takedown request stands (PINs are left out). It is not encrypted: give it on a drive "
    "you trust."
)


class LawyerPackageScreen(Screen[None]):
    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("the notes for the lawyer")
    AUTO_FOCUS = "#notes"
    DEFAULT_CSS = """
    LawyerPackageScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                                   background: $boost; width: 100%; }
    LawyerPackageScreen #what { padding: 0 1; color: $text-muted; height: auto; }
    LawyerPackageScreen VerticalScroll { padding: 0 1; }
    LawyerPackageScreen Label { margin-top: 1; color: $text-muted; }
    LawyerPackageScreen Input { height: 1; border: none; background: $boost; padding: 0 1; }
    LawyerPackageScreen Input:focus { background: $primary 30%; border: none; }
    LawyerPackageScreen TextArea { height: 6; border: none; background: $boost; }
    """
    BINDINGS = [
        Binding(
            "escape",
            "back",
            N_("Back"),
            tooltip=N_("Go back (asks first if you changed the notes)"),
        ),
        Binding("ctrl+s", "make", N_("Make the package"), priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.work = WorkBar()
        #: The letters' facts as this window last read them (see `tui.core.vault.edits`):
        #: notes changed elsewhere since are not overwritten without asking.
        self._base: dict[str, Any] = {}
        #: The notes as last read or saved: only a change from them is saved.
        self._loaded = ""

    @property
    def job(self) -> Job[Any] | None:
        return self.work.job

    def compose(self) -> ComposeResult:
        from tui.core.takedowns.letters import get_facts

        facts = get_facts(open_case(self))
        self._base, self._loaded = asdict(facts), facts.lawyer_notes
        yield Static(_("Lawyer package"), id="heading")
        yield Static(_(WHAT), id="what", markup=False)
        with VerticalScroll():
            yield Label(_("Notes for the lawyer: questions, what you want, what worries you"))
            yield StoredTextArea(facts.lawyer_notes, id="notes", soft_wrap=True)
            yield Label(_("Prepared by (your name, or the helper's; may stay empty)"))
            yield Input(facts.name, id="by", select_on_focus=False)
            yield Label(_("Make it in this new folder"))
            value, placeholder = save_as_field(self, "for-lawyer")
            yield Input(value, placeholder=placeholder, id="dest", select_on_focus=False)
        yield self.work
        yield Footer()

    def on_mount(self) -> None:
        from tui.dialogs.unsaved import cursor_at_end

        notes = self.query_one("#notes", StoredTextArea)
        notes.focus()
        cursor_at_end(notes)

    def changed(self) -> bool:
        return self.query_one("#notes", StoredTextArea).kept != self._loaded

    def _write(self) -> None:
        """Save the notes if changed here; raises `EditConflict` (saving nothing) when
        they changed elsewhere too since this window read them."""
        from tui.core.takedowns.letters import change_facts

        if not self.changed():
            return
        notes = self.query_one("#notes", StoredTextArea).kept
        saved = change_facts(open_case(self), {"lawyer_notes": notes}, base=self._base)
        self._base, self._loaded = asdict(saved), notes

    def save_now(self) -> bool:
        """Save, asking nothing (before a lock): notes also changed elsewhere are left as
        the other window saved them, and False says they were not saved."""
        from tui.core.vault.edits import EditConflict

        if not case_is_open(self):
            return True
        try:
            self._write()
        except EditConflict:
            return False
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return False
        return True

    def _save_asking(self, done: Callable[[], object]) -> None:
        """Save; notes also changed elsewhere open the question that shows both, and once
        the person chooses they are saved; then `done`."""
        from tui.core.vault.edits import EditConflict, resolved
        from tui.screens.conflicts import ask_which

        if not case_is_open(self):
            return
        try:
            self._write()
        except EditConflict as conflict:
            found = conflict.conflicts

            def answered(keep_mine: set[str] | None) -> None:
                if keep_mine is None or not case_is_open(self):
                    self.notify(_("Nothing was saved; your notes are still in the form."))
                    return
                self._base, _unused = resolved(self._base, {}, found, keep_mine)
                for item in found:
                    if item.field not in keep_mine:  # the other window's notes, shown
                        notes = str(item.theirs or "")
                        self.query_one("#notes", StoredTextArea).show(notes)
                        self._loaded = self.query_one("#notes", StoredTextArea).kept
                self._save_asking(done)

            ask_which(self, _("the notes for the lawyer"), conflict, LABELS, answered)
            return
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        done()

    def action_make(self) -> None:
        """Save the notes (asking about a change made elsewhere), then make the package."""
        if self.job is None:
            self._save_asking(self._make)

    def _make(self) -> None:
        from tui.core.takedowns.lawyer_package import write_lawyer_package

        if self.job is not None:
            return
        try:
            destination = Path(self.query_one("#dest", Input).value.strip()).expanduser()
        except RuntimeError as error:  # ~someone this computer doesn't know
            self.notify(not_written(error, _("making the package")), severity="error", timeout=10)
            return
        prepared_by = self.query_one("#by", Input).value.strip()
        organization = host(self).settings.clinic_name
        job: Job[BinderResult] = Job(
            _("Making the lawyer package"),
            still=_("The lawyer package is still being made."),
            if_locked=package_if_locked,
        )
        vault = open_case(self)

        def progress(done: int, total: int) -> None:
            job.progress(done, total, done, total)

        self.work.start(
            job,
            lambda: write_lawyer_package(
                vault, destination, prepared_by, progress, organization=organization
            ),
            self._made,
            describe=exhibit_count,
        )

    def _made(self, job: Job[BinderResult]) -> None:
        if isinstance(job.error, OSError | ValueError | RuntimeError):  # where it goes
            self.notify(
                not_written(job.error, _("making the package")), severity="error", timeout=10
            )
        elif job.error is not None:
            self.notify(
                shown(explain(job.error, _("making the package"))),
                severity="error",
                timeout=10,
                markup=False,
            )
        else:
            save_folders(self).remember(job.result.path)
            self.notify(
                _(
                    "Made {shown}: binder, originals, timeline.docx and notes.txt. It is not "
                    "encrypted."
                ).format(shown=shown(str(job.result.path))),
                timeout=10,
                markup=False,
            )
            if lines := job.result.notice_lines():
                self.notify(
                    shown_block("\n".join(lines)), severity="warning", timeout=20, markup=False
                )

    def stop_work(self) -> None:
        """Before a lock: the app has taken the package's work over (`WorkBar.let_go`);
        anything still here is stopped and waited for."""
        self.work.stop_and_wait()

    def action_back(self) -> None:
        """Go back: at once when the notes are as saved; else ask Save / Keep editing /
        Discard (not while the package is being made)."""
        from tui.dialogs.unsaved import ask_to_leave

        if self.job is not None:
            return
        if not case_is_open(self) or not self.changed():
            self.dismiss()
            return
        ask_to_leave(
            self,
            _("the notes for the lawyer"),
            _("Discard leaves the notes as they were last saved."),
            save=self._save_asking,
            leave=self.dismiss,
        )

    def on_unmount(self) -> None:
        if case_is_open(self):
            self.work.stop_and_wait()


#: The notes' field as a conflict names it.
LABELS = {"lawyer_notes": N_("Notes for the lawyer")}


def package_if_locked(job: Job[BinderResult]) -> str:
    """What is said after the next unlock when a lock stopped the package."""
    if job.error is None:
        return _("The lawyer package was finished as the case locked: {shown}.").format(
            shown=shown(str(job.result.path))
        )
    return _(
        "The lawyer package was being made when the case locked; it was not made and "
        "nothing of it was left. Make it again from step 8 (p there)."
    )
