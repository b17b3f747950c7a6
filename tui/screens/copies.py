"""Step 5, Copies: encrypted backups to a drive or folder (in the background, with
progress), checking them, and the register of every copy, with the stale ones marked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.core.shared.display import shown
from tui.core.shared.errors import Cancelled, ReclaimError, explain
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.unwritable import not_written
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case, save_folders
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:
    from tui.core.copies.backup import BackupResult
    from tui.core.copies.verify import BackupCheck

T = TypeVar("T")

KINDS = [("printed", N_("Printed")), ("drive", N_("A drive")), ("cloud", N_("Cloud")),
         ("other", N_("Something else"))]  # fmt: skip
"""Short labels, said in full by the question: four buttons in a row must fit the
dialog at 80 columns ("Something else" was cut to "Something")."""
KIND_QUESTION = N_(
    "What kind of copy is it: printed on paper, on a drive or disk, in a cloud folder, "
    "or something else?"
)


def held(exhibits: int) -> str:
    """What a copy made by hand holds: what the case holds at the moment it is noted."""
    if not exhibits:
        return _("Your case has no evidence yet, so it holds none.")
    return ngettext(
        "It holds the {count} item your case has today.",
        "It holds the {count} items your case has today.",
        exhibits,
    ).format(count=exhibits)


class CopiesScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    CopiesScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                            background: $boost; width: 100%; }
    CopiesScreen #lead { padding: 0 1; height: auto; }
    CopiesScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("b", "backup", N_("Back up")),
        Binding("v", "verify", N_("Check")),
        Binding("a", "add", N_("Add a copy")),
        Binding("x", "remove", N_("Remove")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.work = WorkBar()

    @property
    def job(self) -> Job[Any] | None:
        return self.work.job

    def compose(self) -> ComposeResult:
        yield Static(_("Step 5: Copies"), id="heading")
        yield Static("", id="lead", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        for label, width in ((_("ID"), 4), (_("Kind"), 8), (_("State"), 11), (_("Made"), 10),
                             (_("Checked"), 10), (_("Items"), 5), (_("Where"), 60)):  # fmt: skip
            table.add_column(label, width=width)  # said once (twice read "Type" as a word)
        yield table
        yield self.work
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        from tui.core.copies.register import is_stale, list_copies, state, summary
        from tui.core.evidence.model import list_exhibits

        if not case_is_open(self):
            return
        vault = open_case(self)
        copies = list_copies(vault)
        newest = max((e.added_at for e in list_exhibits(vault)), default="")
        table = self.query_one(DataTable)
        table.clear()
        for copy in copies:
            cells = (
                copy.id,
                _(copy.kind),
                _(state(copy, newest)),
                copy.made_at[:10],
                copy.last_verified_at[:10],
                str(copy.exhibits),
                copy.where,
            )
            table.add_row(*(Text(shown(cell)) for cell in cells), key=copy.id)
        stale = sum(1 for copy in copies if is_stale(copy, newest))
        lead = _(
            "Keep copies in more than one safe place: a drive kept somewhere else (with a "
            "friend), a cloud folder, a printed binder. Backups are encrypted; your "
            "passphrase or recovery code opens them. b backs up to a folder or drive."
        )
        if copies:
            lead = f"{summary(vault).capitalize()}. " + (
                ngettext(
                    "{count} is older than your newest evidence; when you can, bring them up "
                    "to date (b, or add a new copy with a).",
                    "{count} are older than your newest evidence; when you can, bring them up "
                    "to date (b, or add a new copy with a).",
                    stale,
                ).format(count=stale)
                if stale
                else _("Every copy holds your newest evidence.")
            )
        self.query_one("#lead", Static).update(lead)

    def _current(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        value: str | None = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return value

    # ---- background work ----------------------------------------------------------

    def _start(
        self,
        job: Job[T],
        work: Callable[[], T],
        finish: Callable[[Job[T]], None],
        *,
        writes: bool = False,
    ) -> None:
        """Run `work`; `writes`: it writes to a place the person named (a backup), whose
        problems (a name too long, a read-only drive) are said as such."""

        def ended(job: Job[T]) -> None:
            if isinstance(job.error, Cancelled):
                self.notify(
                    _("Stopped. That backup is marked unfinished; back up again to complete it.")
                )
            elif isinstance(job.error, OSError | ValueError | RuntimeError) and writes:
                message = not_written(job.error, _("backing up"))
                self.notify(message, severity="error", timeout=10)
            elif job.error is not None:
                message = shown(explain(job.error, job.title.lower()))
                self.notify(message, severity="error", timeout=10, markup=False)
            else:
                finish(job)
            self.reload()

        self.work.start(
            job, work, ended, describe=lambda job: _("{title}… Esc stops").format(title=job.title)
        )

    def action_backup(self) -> None:
        from tui.dialogs.ask import AskDialog

        if self.job is not None:
            return

        def answered(text: str | None) -> None:
            from tui.core.copies.backup import make_backup

            if not text or not text.strip():
                return
            vault = open_case(self)
            neutral = save_folders(self).neutral  # discreet mode: a "notes-…" folder
            try:
                destination = Path(text.strip()).expanduser()
            except RuntimeError as error:  # ~someone this computer doesn't know
                self.notify(not_written(error, _("backing up")), severity="error", timeout=10)
                return
            job: Job[BackupResult] = Job(
                _("Backing up"),
                still=_("A backup is still being made."),
                if_locked=backup_if_locked,
            )

            def done(finished: Job[BackupResult]) -> None:
                result = finished.result
                self.notify(
                    ngettext(
                        "Backed up {count} item to {folder} ({kib:,} KiB written this time).",
                        "Backed up {count} items to {folder} ({kib:,} KiB written this time).",
                        result.exhibits,
                    ).format(
                        count=result.exhibits,
                        folder=shown(str(result.folder)),
                        kib=result.copied_bytes // 1024,
                    ),
                    timeout=10,
                    markup=False,
                )

            self._start(
                job,
                lambda: make_backup(vault, destination, job.progress, neutral=neutral),
                done,
                writes=True,
            )

        self.app.push_screen(
            AskDialog(
                _(
                    "Back up to which folder? A thumb drive, an external disk, or a synced "
                    "cloud folder. The backup is encrypted."
                ),
                _("e.g. /media/usb or ~/Dropbox"),
            ),
            answered,
        )

    def action_verify(self) -> None:
        from tui.core.copies.register import list_copies, mark_check_failed, mark_verified

        if self.job is not None:
            return
        wanted = self._current()
        copy = next((c for c in list_copies(open_case(self)) if c.id == wanted), None)
        if copy is None or copy.kind != "backup":
            self.notify(_("Choose a backup made by Reclaim to check it."), severity="warning")
            return
        vault = open_case(self)
        folder = Path(copy.where)
        job: Job[BackupCheck] = Job(
            _("Checking"), still=_("A backup is still being checked."), if_locked=check_if_locked
        )

        def work() -> BackupCheck:
            from tui.core.copies.verify import verify_backup

            return verify_backup(folder, progress=job.progress, data_key=vault.data_key)

        def done(finished: Job[BackupCheck]) -> None:
            check = finished.result
            if check.whole:
                mark_verified(open_case(self), folder)
                self.notify(
                    _("{id} is whole: its item matches.").format(id=copy.id)
                    if check.exhibits == 1
                    else _("{id} is whole: all {exhibits} items match.").format(
                        id=copy.id, exhibits=check.exhibits
                    )
                )
            else:
                mark_check_failed(open_case(self), folder, check.problems[0])
                self.notify(
                    _("{id} is not whole: {shown}. Make a new backup.").format(
                        id=copy.id, shown=shown(check.problems[0])
                    ),
                    severity="error",
                    timeout=15,
                    markup=False,
                )

        self._start(job, work, done)

    def action_add(self) -> None:
        from tui.dialogs.ask import AskDialog
        from tui.dialogs.choice import ChoiceDialog

        def kind_chosen(kind: str | None) -> None:
            if kind is None:
                return

            def where_given(text: str | None) -> None:
                from tui.core.copies.register import add_copy

                if not text:
                    return
                try:
                    copy = add_copy(open_case(self), kind, text)
                except ReclaimError as error:
                    self.notify(shown(str(error)), severity="warning", markup=False)
                    return
                self.notify(
                    _("{id} is on the register. {held}").format(
                        id=copy.id, held=held(copy.exhibits)
                    )
                )
                self.reload()

            self.app.push_screen(
                AskDialog(_("Where is it?"), _("e.g. printed binder at Sam's flat")), where_given
            )

        self.app.push_screen(
            ChoiceDialog(
                _("A copy you made yourself"),
                _(KIND_QUESTION),
                [(key, _(label)) for key, label in KINDS],
            ),
            kind_chosen,
        )

    def action_remove(self) -> None:
        from tui.dialogs.confirm import ConfirmDialog

        wanted = self._current()
        if wanted is None:
            return

        def answered(really: bool | None) -> None:
            from tui.core.copies.register import remove_copy

            if really:
                remove_copy(open_case(self), wanted)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                _("Take {wanted} off the register? Nothing on the drive is deleted.").format(
                    wanted=wanted
                ),
                yes=_("Take it off"),
                no=_("Keep"),
            ),
            answered,
        )

    def stop_work(self) -> None:
        """Before a lock: the app has taken the work over (`WorkBar.let_go`)."""
        self.work.stop_and_wait()

    def action_back(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.work.stop_and_wait()


def backup_if_locked(job: Job[BackupResult]) -> str:
    """What is said after the next unlock when a lock stopped a backup."""
    if job.error is None:
        return _("The backup was finished as the case locked: {shown}.").format(
            shown=shown(str(job.result.folder))
        )
    return _(
        "A backup was being made when the case locked; it was not finished and is marked "
        "unfinished. Back up again from step 5 (b) to complete it."
    )


def check_if_locked(job: Job[BackupCheck]) -> str:
    """What is said after the next unlock when a lock stopped a check of a backup."""
    if job.error is None:
        return _("A backup was being checked when the case locked; check it again (v in step 5).")
    return _(
        "A backup was being checked when the case locked; the check was not finished and "
        "nothing was changed. Check it again from step 5 (v)."
    )
