"""Step 4, Evidence: every exhibit in a table that sorts and filters, adding files in the
background with progress, describing each item, stitching, removing and checking.

Long work runs in a thread and is watched by a timer (see `tui.jobs`), so the screen
never waits and a lock can stop the work cleanly."""

from __future__ import annotations

from collections.abc import Callable
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

from tui.core.evidence.completeness import assess, is_complete
from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError, explain
from tui.core.shared.fuzzy_dates import short_date
from tui.core.shared.text import counted, plural_of
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:  # imported when a check starts, to keep start-up fast
    from tui.core.evidence.verify import VerifyReport

#: Columns with a fixed width; the description takes what is left.
COLUMNS = (
    ("mark", "", 1),
    ("id", "ID", 6),
    ("captured", "Captured", 11),  # "~2024-03-05": about that day
    ("platform", "Platform", 10),
    ("poster", "Poster", 10),
    ("complete", "Done", 5),
    # Named, so that after V its ✓ is not read as a second "Done" mark.
    ("check", "Hash", 4),
)
FIXED_WIDTH = sum(width for _, _, width in COLUMNS) + (len(COLUMNS) + 1) * 2 + 2
FILTER_DELAY = 0.2
#: Rows shown at once, then added per frame: enough to fill a tall terminal at once.
FIRST_ROWS = 120
BATCH_ROWS = 200
KEEP_PLACE_ROWS = 600
KEYS = "Enter details · Space marks · t stitches marked · x removes · D deletes"

SORTS: dict[str, tuple[str, Callable[[Exhibit], Any]]] = {
    "id": ("number", lambda e: e.number),
    "captured": ("capture time", lambda e: (e.captured_at or "~", e.number)),
    "platform": ("platform", lambda e: (e.platform.casefold() or "~", e.number)),
    "poster": ("poster", lambda e: (e.poster.casefold() or "~", e.number)),
    "complete": ("details missing", lambda e: (assess(e).done, e.number)),
}


def matches(exhibit: Exhibit, words: list[str]) -> bool:
    """Every word of the filter appears somewhere in the exhibit's details."""
    haystack = " ".join(
        (
            exhibit.id,
            exhibit.platform,
            exhibit.poster,
            exhibit.description,
            exhibit.caption,
            exhibit.url,
            exhibit.original_name,
            exhibit.notes,
            exhibit.captured_at,
            exhibit.posted_at,
            "removed" if exhibit.excluded else "",
        )
    ).casefold()
    return all(word in haystack for word in words)


def _progress_text(job: Job) -> str:
    """ "Adding 3 of 12 · Esc stops", then "stopping…" once asked to."""
    label = f"{job.title} "
    if job.files_total:
        label += f"{min(job.files_done + 1, job.files_total)} of {job.files_total}"
    return label + (" · Esc stops" if not job.cancelling else " · stopping…")


class EvidenceScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    CSS_PATH = "evidence.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the steps (or stop the work)"),
        Binding("a", "add", "Add", tooltip="Add files or folders"),
        Binding("slash", "filter", "Filter", tooltip="Show only items that match some words"),
        Binding("s", "sort", "Sort", show=False, tooltip="Sort by number, time, platform..."),
        Binding("space", "select", "Mark", show=False),
        Binding("t", "stitch", "Stitch", show=False),
        Binding("x", "remove", "Remove", show=False),
        Binding("D", "delete", "Delete", show=False),
        Binding("V", "verify", "Verify", tooltip="Check every item against its hash"),
        Binding("g", "guide", "Guide", tooltip="How to capture evidence well"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.exhibits: list[Exhibit] = []
        self.shown: list[Exhibit] = []
        self.selected: list[str] = []
        self.checks: dict[str, str] = {}
        self.sort_key = "id"
        self.work = WorkBar()
        self._filter_timer: Timer | None = None
        self._generation = 0

    @property
    def job(self) -> Job | None:
        return self.work.job

    # ---- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("Step 4: Evidence", id="heading")
        yield Static("", id="lead", markup=False)
        yield Input(placeholder="Filter: type words to show only matching items", id="filter")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        for key, label, width in COLUMNS[:5]:
            table.add_column(label, width=width, key=key)
        table.add_column("Description", width=self._description_width(), key="description")
        for key, label, width in COLUMNS[5:]:
            table.add_column(label, width=width, key=key)
        yield table
        yield Static(KEYS, id="keys")
        yield self.work
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()

    def _description_width(self) -> int:
        return max(12, self.app.size.width - FIXED_WIDTH)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        table.columns[ColumnKey("description")].width = self._description_width()
        table.refresh()

    # ---- the table --------------------------------------------------------------

    def reload(self, focus_id: str | None = None) -> None:
        """Read the exhibits from the case and show them."""
        from tui.core.evidence.model import list_exhibits

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
        shown = [e for e in self.exhibits if matches(e, words)] if words else self.exhibits
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
        found = assess(exhibit)
        check = self.checks.get(exhibit.id)
        description = shown(exhibit.description or exhibit.original_name)
        if exhibit.excluded:
            description = f"(removed) {description}"
        return [
            Text("●" if exhibit.id in self.selected else "", style="bold"),
            Text(exhibit.id),
            Text(shown(short_date(exhibit.captured_at))),
            Text(shown(exhibit.platform)),
            Text(shown(exhibit.poster)),
            Text(description, style="dim" if exhibit.excluded else ""),
            Text(found.short, style="green" if found.complete else "yellow"),
            Text("") if check is None else Text("✗", "bold red") if check else Text("✓", "green"),
        ]

    def _update_row(self, exhibit: Exhibit) -> None:
        table = self.query_one(DataTable)
        if RowKey(exhibit.id) not in table.rows:
            return
        keys = [key for key, _, _ in COLUMNS[:5]] + ["description"]
        keys += [key for key, _, _ in COLUMNS[5:]]
        for key, value in zip(keys, self._cells(exhibit), strict=True):
            table.update_cell(exhibit.id, key, value)

    def _update_lead(self) -> None:
        count = len(self.exhibits)
        if not count:
            lead = (
                "Nothing saved yet. Save evidence before you change settings or report: "
                "press a to add screenshots, recordings or saved pages (g: how to capture)."
            )
        else:
            incomplete = sum(1 for e in self.exhibits if not is_complete(e))
            lead = f"{counted(count, 'item')}, encrypted and hashed"
            if len(self.shown) != count:
                lead += f" · {len(self.shown)} shown"
            if incomplete:
                lead += f" · {incomplete} {'needs' if incomplete == 1 else 'need'} details"
            lead += f" · by {SORTS[self.sort_key][0]} (s sorts)"
            if self.selected:
                lead += f" · marked: {', '.join(self.selected)}"
        self.query_one("#lead", Static).update(lead)

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
        from tui.screens.exhibit import ExhibitScreen

        exhibit = self.current()
        if exhibit is not None:
            self.app.push_screen(ExhibitScreen(exhibit.id), lambda _: self.reload(exhibit.id))

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
        from tui.core.evidence.changes import set_excluded

        exhibit = self.current()
        if exhibit is None:
            return
        try:
            changed = set_excluded(open_case(self), exhibit.id, not exhibit.excluded)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        self.notify(
            f"{changed.id} is left out of the binder; it stays in the case (x puts it back)."
            if changed.excluded
            else f"{changed.id} is back in the binder."
        )
        self.reload(changed.id)

    def action_delete(self) -> None:
        from tui.dialogs.delete import DeleteDialog

        exhibit = self.current()
        if exhibit is None:
            return

        def answered(answer: tuple[str, str] | None) -> None:
            from tui.core.evidence.changes import delete_exhibit

            if answer is None:
                return
            try:
                delete_exhibit(open_case(self), exhibit.id, answer[0], answer[1])
            except ReclaimError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            self.notify(f"{exhibit.id} is deleted. The custody log records it.")
            self.reload()

        self.app.push_screen(DeleteDialog(exhibit), answered)

    def action_stitch(self) -> None:
        from tui.dialogs.ask import AskDialog

        if len(self.selected) < 2:
            self.notify(
                "Mark two or more screenshots with Space first, top of the chat first.",
                severity="warning",
            )
            return
        ids = list(self.selected)

        def answered(description: str | None) -> None:
            from tui.core.evidence.stitch import stitch

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
                f"{new.id} is the stitched image; {', '.join(ids)} are kept as they are."
                if not result.duplicate
                else f"That stitched image is already in the case as {new.id}."
            )
            self.reload(new.id)

        self.app.push_screen(
            AskDialog(
                f"Stitch {', '.join(ids)} into one tall image, in that order.",
                "Description of the stitched image (optional)",
            ),
            answered,
        )

    def action_guide(self) -> None:
        from tui.screens.capture_guide import CaptureGuideScreen

        self.app.push_screen(CaptureGuideScreen())

    # ---- background work --------------------------------------------------------

    def action_add(self) -> None:
        from tui.screens.add_evidence import AddEvidenceScreen

        if self.job is not None:
            self.notify("Wait for the work under way to finish, or press Esc to stop it.")
            return

        def chosen(paths: list[Path] | None) -> None:
            if paths:
                self.start_add(paths)

        self.app.push_screen(AddEvidenceScreen(), chosen)

    def start_add(self, paths: list[Path]) -> None:
        from tui.core.evidence.intake import add_many

        job = Job("Adding")
        vault = open_case(self)
        self._start(job, lambda: add_many(vault, paths, job.progress))

    def action_verify(self) -> None:
        from tui.core.evidence.stored import Damage
        from tui.core.evidence.verify import verify_all

        if self.job is not None:
            return
        job = Job("Checking")
        vault = open_case(self)
        self.checks.clear()
        total = len(self.exhibits)

        def checked(exhibit: Exhibit, damage: Damage | None) -> None:
            self.checks[exhibit.id] = damage or ""
            job.files_done, job.files_total = len(self.checks), total

        def progress(done: int, all_bytes: int) -> None:
            job.progress(done, all_bytes, len(self.checks), total)

        self._start(job, lambda: verify_all(vault, progress, checked))

    def _start(self, job: Job, work: Callable[[], object]) -> None:
        self.work.start(job, work, self._job_done, describe=_progress_text, tick=self._ticked)

    def _ticked(self, job: Job) -> None:
        """While checking, each row's ✓ or ✗ appears as soon as it is known."""
        if job.title == "Checking":
            for exhibit in self.exhibits:
                if exhibit.id in self.checks:
                    self._update_row(exhibit)

    def _job_done(self, job: Job) -> None:
        from tui.core.evidence.intake import BatchResult
        from tui.core.shared.errors import Cancelled

        if isinstance(job.error, Cancelled):
            self.notify("Stopped. The check was not finished; nothing was changed.")
        elif job.error is not None:  # the sentences below may quote a file's name
            self.notify(
                shown(explain(job.error, job.title.lower())), severity="error", markup=False
            )
        elif isinstance(job.result, BatchResult):
            result = job.result
            for problem in result.problems[:3]:
                self.notify(shown(problem), severity="warning", markup=False)
            self.notify(shown(result.summary()), timeout=8, markup=False)
            self.reload(result.added[0].id if result.added else None)
            return
        elif job.title == "Checking":
            self._report_check(job.result)
        self.reload()

    def _report_check(self, report: VerifyReport) -> None:
        damaged = report.damaged_ids
        if report.intact:
            checked = len(self.checks)
            self.notify(
                "The item matches its hash (✓ under Hash)."
                if checked == 1
                else f"All {checked} items match their hashes (✓ under Hash)."
            )
        elif damaged:
            self.notify(
                f"{len(damaged)} item{'s are' if len(damaged) != 1 else ' is'} damaged "
                f"(✗ under Hash): {', '.join(damaged[:5])}. Restore from a backup copy.",
                severity="error",
                timeout=15,
            )
        for _broken in report.log_problems:
            self.notify("The custody log has been changed or damaged.", severity="error")
        if report.unlisted:
            self.notify(
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
            self.notify(" ".join(notes), timeout=15)
        if report.not_logged:
            self.notify(
                "This check could not be written to the custody log: " + shown(report.not_logged),
                timeout=15,
                markup=False,
            )

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
