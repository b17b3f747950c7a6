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
from tui.core.shared.text import counted, plural_of
from tui.core.shared.unwritable import not_written
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:
    from tui.core.copies.backup import BackupResult
    from tui.core.copies.verify import BackupCheck

T = TypeVar("T")

KINDS = [("printed", "Printed"), ("drive", "A drive"), ("cloud", "Cloud"),
         ("other", "Something else")]  # fmt: skip
"""Short labels, said in full by the question: four buttons in a row must fit the
dialog at 80 columns ("Something else" was cut to "Something")."""
KIND_QUESTION = (
    "What kind of copy is it: printed on paper, on a drive or disk, in a cloud folder, "
    "or something else?"
)


def held(exhibits: int) -> str:
    """What a copy made by hand holds: what the case holds at the moment it is noted."""
    if not exhibits:
        return "Your case has no evidence yet, so it holds none."
    return f"It holds the {counted(exhibits, 'item')} your case has today."


class CopiesScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    CopiesScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                            background: $boost; width: 100%; }
    CopiesScreen #lead { padding: 0 1; height: auto; }
    CopiesScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("b", "backup", "Back up"),
        Binding("v", "verify", "Check"),
        Binding("a", "add", "Add a copy"),
        Binding("x", "remove", "Remove"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.work = WorkBar()

    @property
    def job(self) -> Job[Any] | None:
        return self.work.job

    def compose(self) -> ComposeResult:
        yield Static("Step 5: Copies", id="heading")
        yield Static("", id="lead", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        for label, width in (("ID", 4), ("Kind", 8), ("State", 11), ("Made", 10),
                             ("Checked", 10), ("Items", 5), ("Where", 60)):  # fmt: skip
            table.add_column(label, width=width)
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
                copy.kind,
                state(copy, newest),
                copy.made_at[:10],
                copy.last_verified_at[:10],
                str(copy.exhibits),
                copy.where,
            )
            table.add_row(*(Text(shown(cell)) for cell in cells), key=copy.id)
        stale = sum(1 for copy in copies if is_stale(copy, newest))
        lead = (
            "Keep copies in more than one safe place: a drive kept somewhere else (with a "
            "friend), a cloud folder, a printed binder. Backups are encrypted; your "
            "passphrase or recovery code opens them. b backs up to a folder or drive."
        )
        if copies:
            lead = f"{summary(vault).capitalize()}. " + (
                f"{stale} {plural_of(stale, 'is', 'are')} older than your newest evidence; "
                "when you can, bring them up to date (b, or add a new copy with a)."
                if stale
                else "Every copy holds your newest evidence."
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
                    "Stopped. That backup is marked unfinished; back up again to complete it."
                )
            elif isinstance(job.error, OSError | ValueError | RuntimeError) and writes:
                message = not_written(job.error, "backing up")
                self.notify(message, severity="error", timeout=10)
            elif job.error is not None:
                message = shown(explain(job.error, job.title.lower()))
                self.notify(message, severity="error", timeout=10, markup=False)
            else:
                finish(job)
            self.reload()

        self.work.start(job, work, ended, describe=lambda job: f"{job.title}… Esc stops")

    def action_backup(self) -> None:
        from tui.dialogs.ask import AskDialog

        if self.job is not None:
            return

        def answered(text: str | None) -> None:
            from tui.core.copies.backup import make_backup

            if not text or not text.strip():
                return
            vault = open_case(self)
            try:
                destination = Path(text.strip()).expanduser()
            except RuntimeError as error:  # ~someone this computer doesn't know
                self.notify(not_written(error, "backing up"), severity="error", timeout=10)
                return
            job: Job[BackupResult] = Job(
                "Backing up", still="A backup is still being made.", if_locked=backup_if_locked
            )

            def done(finished: Job[BackupResult]) -> None:
                result = finished.result
                self.notify(
                    f"Backed up {counted(result.exhibits, 'item')} to {shown(str(result.folder))} "
                    f"({result.copied_bytes // 1024:,} KiB written this time).",
                    timeout=10,
                    markup=False,
                )

            self._start(
                job, lambda: make_backup(vault, destination, job.progress), done, writes=True
            )

        self.app.push_screen(
            AskDialog(
                "Back up to which folder? A thumb drive, an external disk, or a synced "
                "cloud folder. The backup is encrypted.",
                "e.g. /media/usb or ~/Dropbox",
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
            self.notify("Choose a backup made by Reclaim to check it.", severity="warning")
            return
        vault = open_case(self)
        folder = Path(copy.where)
        job: Job[BackupCheck] = Job(
            "Checking", still="A backup is still being checked.", if_locked=check_if_locked
        )

        def work() -> BackupCheck:
            from tui.core.copies.verify import verify_backup

            return verify_backup(folder, progress=job.progress, data_key=vault.data_key)

        def done(finished: Job[BackupCheck]) -> None:
            check = finished.result
            if check.whole:
                mark_verified(open_case(self), folder)
                self.notify(
                    f"{copy.id} is whole: its item matches."
                    if check.exhibits == 1
                    else f"{copy.id} is whole: all {check.exhibits} items match."
                )
            else:
                mark_check_failed(open_case(self), folder, check.problems[0])
                self.notify(
                    f"{copy.id} is not whole: {shown(check.problems[0])}. Make a new backup.",
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
                self.notify(f"{copy.id} is on the register. {held(copy.exhibits)}")
                self.reload()

            self.app.push_screen(
                AskDialog("Where is it?", "e.g. printed binder at Sam's flat"), where_given
            )

        self.app.push_screen(
            ChoiceDialog("A copy you made yourself", KIND_QUESTION, KINDS),
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
                f"Take {wanted} off the register? Nothing on the drive is deleted.",
                yes="Take it off",
                no="Keep",
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
        return f"The backup was finished as the case locked: {shown(str(job.result.folder))}."
    return (
        "A backup was being made when the case locked; it was not finished and is marked "
        "unfinished. Back up again from step 5 (b) to complete it."
    )


def check_if_locked(job: Job[BackupCheck]) -> str:
    """What is said after the next unlock when a lock stopped a check of a backup."""
    if job.error is None:
        return "A backup was being checked when the case locked; check it again (v in step 5)."
    return (
        "A backup was being checked when the case locked; the check was not finished and "
        "nothing was changed. Check it again from step 5 (v)."
    )
