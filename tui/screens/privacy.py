"""Step 2, Privacy settings: every checklist with the person's progress. They say
which accounts they have (a), mark a list not relevant (x), and open one (Enter)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from tui.core.evidence.model import list_exhibits
from tui.core.privacy.checklists import shipped
from tui.core.privacy.lockdown import Progress, all_progress, set_mine, set_not_relevant, summary
from tui.core.shared.i18n import N_, _
from tui.screens.case import case_is_open, open_case

#: Yours, done and evidence columns, two cells of padding per column, and a scrollbar.
FIXED_COLUMNS = 12 + 7 + 9 + 4 * 2 + 2


def _yours(progress: Progress) -> str:
    if progress.not_relevant:
        return _("not relevant")
    if progress.checklist.kind == "security":
        return _("everyone")
    return _("yes") if progress.mine else ""


class PrivacyScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    CSS_PATH = "privacy.tcss"
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", N_("Back"), tooltip=N_("Back to the steps"), id="back"
        ),
        Binding("a", "toggle_mine", N_("Mine"), tooltip=N_("I have this account (or not)")),
        Binding("x", "toggle_not_relevant", N_("Not relevant"), tooltip=N_("Leave this list out")),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("Step 2: Privacy settings"), id="heading")
        yield Static(
            _(
                "Make each account more private, one step at a time. Nothing here deletes "
                "anything. Press a on the accounts you have, then Enter to open one."
            ),
            id="lead",
        )
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_column(_("Checklist"), width=self._title_width(), key="title")
        table.add_column(_("Yours"), width=12, key="yours")
        table.add_column(_("Done"), width=7, key="done")
        table.add_column(_("Evidence"), width=9, key="evidence")
        yield table
        yield Static(id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_rows()

    def on_screen_resume(self) -> None:
        if case_is_open(self):  # not while the lock pops every screen
            self.refresh_rows()

    def refresh_rows(self) -> None:
        """Read the progress again (a checklist screen may have ticked steps)."""
        vault = open_case(self)
        self.progresses = {p.checklist.id: p for p in all_progress(vault)}
        platforms = [e.platform.strip().casefold() for e in list_exhibits(vault)]
        table = self.query_one(DataTable)
        for progress in self.progresses.values():
            checklist = progress.checklist
            names = {name.casefold() for name in checklist.names()}
            saved = sum(1 for platform in platforms if platform in names)
            cells = (
                checklist.title,
                _yours(progress),
                f"{progress.done}/{progress.total}",
                "" if checklist.kind == "security" else (str(saved) if saved else _("none")),
            )
            if checklist.id in table.rows:
                for key, value in zip(("title", "yours", "done", "evidence"), cells, strict=True):
                    table.update_cell(checklist.id, key, value)
            else:
                table.add_row(*cells, key=checklist.id)
        self.query_one("#summary", Static).update(
            _("Your checklists: {summary}.").format(summary=summary(self.progresses.values()))
        )

    def _current(self) -> Progress | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self.progresses.get(str(key.value))

    def action_toggle_mine(self) -> None:
        if (progress := self._current()) is None or progress.checklist.kind == "security":
            return
        set_mine(open_case(self), progress.checklist, not progress.mine)
        self.refresh_rows()

    def action_toggle_not_relevant(self) -> None:
        if (progress := self._current()) is None:
            return
        set_not_relevant(open_case(self), progress.checklist, not progress.not_relevant)
        self.refresh_rows()

    @on(DataTable.RowSelected)
    def open_checklist(self) -> None:
        from tui.screens.checklist import ChecklistScreen

        if (progress := self._current()) is not None:
            self.app.push_screen(ChecklistScreen(progress.checklist))

    def _title_width(self) -> int:
        longest = max(len(c.title) for c in shipped())
        return max(16, min(longest, self.app.size.width - FIXED_COLUMNS))

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        table.columns[ColumnKey("title")].width = self._title_width()
        table.refresh()
