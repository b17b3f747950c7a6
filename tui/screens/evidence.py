"""Step 4, Evidence: every exhibit in a table that sorts and filters, adding files in the
background with progress, describing each item, stitching, removing and checking.

Long work runs in a thread and is watched by a timer (see `tui.jobs`), so the screen
never waits and a lock can stop the work cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import ColumnKey, RowKey

from tui.core.evidence.changes import delete_exhibit, set_excluded
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.stitch import stitch
from tui.core.evidence.stored import Damage
from tui.core.evidence.verify import verify_all
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.dialogs.ask import AskDialog
from tui.dialogs.delete import DeleteDialog
from tui.jobs import Job
from tui.reading_work import read_in_background
from tui.screens.add_evidence import AddEvidenceScreen, Chosen
from tui.screens.capture_guide import CaptureGuideScreen
from tui.screens.case import case_is_open, open_case
from tui.screens.evidence_filter import give_back_filter, keep_filter
from tui.screens.evidence_rows import (
    COLUMN_KEYS,
    SORTS,
    add_columns,
    cells,
    description_width,
    filtered,
    lead_text,
    refreshed,
)
from tui.screens.evidence_work import (
    add_if_locked,
    check_if_locked,
    progress_text,
    said_why_not_finished,
    say_added,
    say_check,
)
from tui.screens.exhibit import ExhibitScreen
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:
    from tui.core.evidence.intake import BatchResult
    from tui.core.evidence.verify import VerifyReport

FILTER_DELAY = 0.2
#: Rows shown at once, then added per frame: enough to fill a tall terminal at once.
FIRST_ROWS = 120
BATCH_ROWS = 200
KEEP_PLACE_ROWS = 600
KEYS = N_("Enter details · Space marks · t stitches marked · x removes · D deletes")


class EvidenceScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    CSS_PATH = "evidence.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the steps (or stop the work)")),
        Binding("a", "add", N_("Add"), tooltip=N_("Add files or folders")),
        Binding(
            "slash", "filter", N_("Filter"), tooltip=N_("Show only items that match some words")
        ),
        Binding(
            "s", "sort", N_("Sort"), show=False, tooltip=N_("Sort by number, time, platform...")
        ),
        Binding("space", "select", N_("Mark"), show=False),
        Binding("t", "stitch", N_("Stitch"), show=False),
        Binding("x", "remove", N_("Remove"), show=False),
        Binding("D", "delete", N_("Delete"), show=False),
        Binding("V", "verify", N_("Verify"), tooltip=N_("Check every item against its hash")),
        Binding("g", "guide", N_("Guide"), tooltip=N_("How to capture evidence well")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.exhibits: list[Exhibit] = []
        self.shown: list[Exhibit] = []
        self.selected: list[str] = []
        self.checks: dict[str, str] = {}
        self.found: dict[str, str] = {}  # the line read in a picture the filter found
        self.sort_key = "id"
        self.work = WorkBar()
        self._filter_timer: Timer | None = None
        self._generation = 0

    @property
    def job(self) -> Job[Any] | None:
        return self.work.job

    # ---- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(_("Step 4: Evidence"), id="heading")
        yield Static("", id="lead", markup=False)
        yield Input(placeholder=_("Filter: type words to show only matching items"), id="filter")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        add_columns(table, self.app.size.width)
        yield table
        yield Static(_(KEYS), id="keys")
        yield self.work
        yield Footer(compact=True)

    def on_mount(self) -> None:
        give_back_filter(self)  # the filter's words as the case last locked
        self.reload()

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        table.columns[ColumnKey("description")].width = description_width(self.app.size.width)
        table.refresh()
        self._update_lead()  # its parts broken between, never inside, at the new width

    # ---- the table --------------------------------------------------------------

    def reload(self, focus_id: str | None = None) -> None:
        """Read the exhibits from the case and show them."""
        if not case_is_open(self):
            return
        self.exhibits = list_exhibits(open_case(self))
        known = {exhibit.id for exhibit in self.exhibits}
        self.selected = [exhibit_id for exhibit_id in self.selected if exhibit_id in known]
        self.refresh_rows(focus_id)

    def refresh_rows(self, focus_id: str | None = None) -> None:
        """Filter, sort and show the rows: the first screenfuls at once, the rest in
        batches between frames, so that thousands of items never hold up the screen."""
        table = self.query_one(DataTable)
        if focus_id is None and table.row_count:
            focus_id = self.current_id()
        words = self.query_one("#filter", Input).value.casefold().split()
        shown, self.found = filtered(self.exhibits, words)
        self.shown = sorted(shown, key=SORTS[self.sort_key][1])
        table.clear()
        self._generation += 1
        focus_at = next((i for i, e in enumerate(self.shown) if e.id == focus_id), None)
        if focus_at is not None and focus_at > KEEP_PLACE_ROWS:
            focus_at = None  # far down a long list: start from the top, without a wait
        first = max(FIRST_ROWS, (focus_at or 0) + FIRST_ROWS)
        self._add_rows(self._generation, 0, first)
        if focus_at is not None:
            table.move_cursor(row=focus_at)
        self._update_lead()

    def _add_rows(self, generation: int, start: int, stop: int) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a newer filter or sort has replaced these rows
        table = self.query_one(DataTable)
        for exhibit in self.shown[start:stop]:
            table.add_row(*self._cells(exhibit), key=exhibit.id)
        if stop < len(self.shown):
            self.call_after_refresh(self._add_rows, generation, stop, stop + BATCH_ROWS)

    def _cells(self, exhibit: Exhibit) -> list[Text]:
        selected, found = exhibit.id in self.selected, self.found.get(exhibit.id, "")
        return cells(exhibit, selected, self.checks.get(exhibit.id), found)

    def _update_row(self, exhibit: Exhibit) -> None:
        table = self.query_one(DataTable)
        if RowKey(exhibit.id) not in table.rows:
            return
        for key, value in zip(COLUMN_KEYS, self._cells(exhibit), strict=True):
            table.update_cell(exhibit.id, key, value)

    def _update_lead(self) -> None:
        line = self.query_one("#lead", Static)
        width = line.content_size.width or self.app.size.width - 2
        line.update(lead_text(self.exhibits, len(self.shown), self.sort_key, self.selected, width))

    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key: RowKey = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return key.value

    def current(self) -> Exhibit | None:
        wanted = self.current_id()
        return next((e for e in self.exhibits if e.id == wanted), None)

    # ---- filter and sort --------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self.refresh_rows)

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.refresh_rows()
        self.query_one(DataTable).focus()

    def action_sort(self) -> None:
        order = list(SORTS)
        self.sort_key = order[(order.index(self.sort_key) + 1) % len(order)]
        self.refresh_rows()

    @on(DataTable.HeaderSelected)
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in SORTS:
            self.sort_key = key
            self.refresh_rows()

    # ---- items ------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def row_chosen(self) -> None:
        self.action_details()

    def action_details(self) -> None:
        exhibit = self.current()
        if exhibit is not None:
            self.app.push_screen(
                ExhibitScreen(exhibit.id), lambda _unused: self.reload(exhibit.id)
            )

    def action_select(self) -> None:
        exhibit = self.current()
        if exhibit is None:
            return
        if exhibit.id in self.selected:
            self.selected.remove(exhibit.id)
        else:
            self.selected.append(exhibit.id)
        self._update_row(exhibit)
        self._update_lead()
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + 1)

    def action_remove(self) -> None:
        exhibit = self.current()
        if exhibit is None:
            return
        try:
            changed = set_excluded(open_case(self), exhibit.id, not exhibit.excluded)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        self.notify(
            _("{id} is left out of the binder; it stays in the case (x puts it back).").format(
                id=changed.id
            )
            if changed.excluded
            else _("{id} is back in the binder.").format(id=changed.id)
        )
        self.reload(changed.id)

    def action_delete(self) -> None:
        exhibit = self.current()
        if exhibit is None:
            return

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            try:
                delete_exhibit(open_case(self), exhibit.id, answer[0], answer[1])
            except ReclaimError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            self.notify(_("{id} is deleted. The custody log records it.").format(id=exhibit.id))
            self.reload()

        self.app.push_screen(DeleteDialog(exhibit), answered)

    def action_stitch(self) -> None:
        if len(self.selected) < 2:
            self.notify(
                _("Mark two or more screenshots with Space first, top of the chat first."),
                severity="warning",
            )
            return
        ids = list(self.selected)

        def answered(description: str | None) -> None:
            if description is None:
                return
            try:
                result = stitch(open_case(self), ids, description)
            except ReclaimError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            self.selected.clear()
            new = result.exhibit
            self.notify(
                _("{id} is the stitched image; {join} are kept as they are.").format(
                    id=new.id, join=", ".join(ids)
                )
                if not result.duplicate
                else _("That stitched image is already in the case as {id}.").format(id=new.id)
            )
            self.reload(new.id)

        self.app.push_screen(
            AskDialog(
                _("Stitch {join} into one tall image, in that order.").format(join=", ".join(ids)),
                _("Description of the stitched image (optional)"),
            ),
            answered,
        )

    def action_guide(self) -> None:
        self.app.push_screen(CaptureGuideScreen())

    # ---- background work --------------------------------------------------------

    def action_add(self) -> None:
        if self.job is not None:
            self.notify(_("Wait for the work under way to finish, or press Esc to stop it."))
            return

        def chosen(choice: Chosen | None) -> None:
            if choice and choice.paths:
                self.start_add(choice.paths, choice.provenance)

        self.app.push_screen(AddEvidenceScreen(), chosen)

    def start_add(self, paths: list[Path], provenance: dict[str, str] | None = None) -> None:
        from tui.screens.provenance_form import taken_in_by

        job: Job[BatchResult] = Job(
            _("Adding"),
            still=_("Files are still being added to the case."),
            if_locked=add_if_locked,
        )
        vault = open_case(self)
        self.work.start(
            job,
            lambda: add_many(vault, paths, job.progress, provenance, taken_in_by(vault)),
            self._added,
            progress_text,
        )

    def action_verify(self) -> None:
        if self.job is not None:
            return
        job: Job[VerifyReport] = Job(
            _("Checking"),
            still=_("Your evidence is still being checked."),
            if_locked=check_if_locked,
        )
        vault = open_case(self)
        self.checks.clear()
        total = len(self.exhibits)

        def checked(exhibit: Exhibit, damage: Damage | None) -> None:
            self.checks[exhibit.id] = damage or ""
            job.files_done, job.files_total = len(self.checks), total

        def progress(done: int, all_bytes: int) -> None:
            job.progress(done, all_bytes, len(self.checks), total)

        self.work.start(
            job,
            lambda: verify_all(vault, progress, checked),
            self._checked,
            progress_text,
            tick=self._show_checks,
        )

    def _show_checks(self, job: Job[VerifyReport]) -> None:
        """While checking, each row's ✓ or ✗ appears as soon as it is known."""
        for exhibit in self.exhibits:
            if exhibit.id in self.checks:
                self._update_row(exhibit)

    def _added(self, job: Job[BatchResult]) -> None:
        if said_why_not_finished(self, job):
            self.reload()
            return
        say_added(self, job.result)
        self.reload(job.result.added[0].id if job.result.added else None)
        read_in_background(self.app)  # the words in the new pictures (tui/reading_work.py)

    def words_read(self, exhibit_ids: list[str]) -> None:
        """These exhibits' pictures were read: their rows and the filter show it."""
        if case_is_open(self):
            self.exhibits, fresh = refreshed(open_case(self), self.exhibits, exhibit_ids)
            if self.query_one("#filter", Input).value.strip():
                self.refresh_rows()
            for exhibit in fresh:
                self._update_row(exhibit)

    def _checked(self, job: Job[VerifyReport]) -> None:
        if not said_why_not_finished(self, job):
            say_check(self, job.result, len(self.checks))
        self.reload()

    def keep_over_lock(self) -> None:
        keep_filter(self)  # the filter's words, in memory for this case

    def stop_work(self) -> None:
        """Before a lock: stop the background work and wait until it has let go."""
        self.work.stop_and_wait()

    def action_back(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return
        if self.query_one("#filter", Input).has_focus:
            self.query_one("#filter", Input).value = ""
            self.refresh_rows()
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.work.stop_and_wait()
