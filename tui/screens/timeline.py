"""Step 6, Timeline: the events in order, a form for each, and a reading view that shows
the account as continuous text. Every change is saved as it is made."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from tui.core.shared.display import shown, shown_block
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language, ngettext
from tui.core.shared.local_formats import short_date, short_date_width, short_month
from tui.core.timeline.events import PROMPTS, Entry
from tui.screens.case import case_is_open, open_case, save_folders

FIXED_WIDTH = 14 + 12 + 4 * 2 + 2


def when_width() -> int:
    """Room for "5 March 2024, 21:14" in English; for the short forms of other languages,
    "28 sept. 2024, 21:14" or "hacia 28 sept 2024"."""
    if language() == SOURCE_LANGUAGE:
        return 20
    day = short_date_width()
    return max(day + len(", 21:14"), len(_("about {date}").format(date="x" * day)))


def when_cell(entry: Entry) -> str:
    """An event's date in the table: as the account writes it in English, the short way
    in other languages ("5 mar 2024, 21:14", "vers mars 2024"), whose words for a month
    would not fit ("28 de septiembre de 2024, 21:14")."""
    if language() == SOURCE_LANGUAGE:
        return entry.when
    moment = entry.event.moment
    if moment.month is None:
        words = str(moment.year)
    elif moment.day is None:
        words = short_month(moment.year, moment.month)
    else:
        words = short_date(moment.on())
        if moment.hour is not None:
            words += f", {moment.hour:02d}:{moment.minute:02d}"
    return _("about {date}").format(date=words) if moment.about else words


START_HERE = N_(
    "No events yet. Press a to add the first one. Not sure where to start? Begin with the "
    "day you found out, then go back to the first sign of trouble. For each event: {prompts}"
)


def reading_text(parts: list[object]) -> Text:
    from tui.core.timeline.written_account import Part, intro

    text = Text()
    text.append(intro() + "\n\n", style="italic")
    for part in parts:
        assert isinstance(part, Part)
        text.append(shown(part.heading) + "\n", style="bold")
        for label, line in part.lines:
            if label:  # French puts a space before the colon: "Où : Instagram"
                text.append(_("{label}:").format(label=label) + " ", style="bold")
            text.append(shown_block(line) + "\n")
        text.append("\n")
    return text


class TimelineScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    TimelineScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                              background: $boost; width: 100%; }
    TimelineScreen #lead { padding: 0 1; color: $text-muted; height: auto; }
    TimelineScreen DataTable { height: 1fr; }
    TimelineScreen #reading { height: 1fr; padding: 0 2; display: none; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("a", "add", N_("Add")),
        Binding("enter", "edit", N_("Edit"), show=False),
        Binding("x", "remove", N_("Remove")),
        Binding("r", "reading", N_("Read it")),
        Binding("e", "export", N_("Export")),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("Step 6: Timeline"), id="heading")
        yield Static("", id="lead", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_column(_("When"), width=when_width(), key="when")
        table.add_column(_("What happened"), width=self._title_width(), key="title")
        table.add_column(_("Witnesses"), width=14, key="who")
        table.add_column(_("Evidence"), width=12, key="evidence")
        yield table
        with VerticalScroll(id="reading"):
            yield Static("", id="reading-text")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def _title_width(self) -> int:
        return max(12, self.app.size.width - FIXED_WIDTH - when_width())

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        table.columns[ColumnKey("title")].width = self._title_width()
        table.refresh()

    def reload(self, focus_id: str | None = None) -> None:
        from tui.core.timeline.events import entries

        if not case_is_open(self):
            return
        table = self.query_one(DataTable)
        if focus_id is None and table.row_count:
            focus_id = self.current_id()
        found = entries(open_case(self))
        table.clear()
        for entry in found:
            cells = (
                when_cell(entry),
                entry.event.title,
                ", ".join(person.name for person in entry.witnesses),
                ", ".join(entry.event.evidence),
            )
            table.add_row(*(Text(shown(cell)) for cell in cells), key=entry.event.id)
        if focus_id and any(entry.event.id == focus_id for entry in found):
            table.move_cursor(row=table.get_row_index(focus_id))
        if not found:
            lead = _(START_HERE).format(
                prompts=" ".join(
                    _(PROMPTS[key]) for key in ("details", "response", "witnesses", "evidence")
                )
            )
        else:
            lead = ngettext(
                "{count} event, in time order. Enter edits, r shows it as one account, "
                "e saves it as a file.",
                "{count} events, in time order. Enter edits, r shows it as one account, "
                "e saves it as a file.",
                len(found),
            ).format(count=len(found))
        self.query_one("#lead", Static).update(lead)
        if self.query_one("#reading").display:
            self._fill_reading()

    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        value: str | None = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return value

    # ---- actions ----------------------------------------------------------------

    def action_add(self) -> None:
        from tui.screens.event import EventScreen

        self.app.push_screen(EventScreen(None), self.reload)

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        from tui.screens.event import EventScreen

        event_id = self.current_id()
        if event_id is not None:
            self.app.push_screen(EventScreen(event_id), lambda _unused: self.reload(event_id))

    def action_remove(self) -> None:
        from tui.dialogs.confirm import ConfirmDialog

        event_id = self.current_id()
        if event_id is None:
            return

        def answered(really: bool | None) -> None:
            from tui.core.timeline.events import remove_event

            if not really:
                return
            try:
                event = remove_event(open_case(self), event_id)
            except ReclaimError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            self.notify(
                _("{id} ({shown}) is taken out of the timeline.").format(
                    id=event.id, shown=shown(event.title)
                ),
                markup=False,
            )
            self.reload()

        title = self.query_one(DataTable).get_row(event_id)[1].plain  # shown already
        self.app.push_screen(
            ConfirmDialog(
                _('Take "{title}" out of the timeline?').format(title=title),
                yes=_("Remove"),
                no=_("Keep"),
            ),
            answered,
        )

    def _fill_reading(self) -> None:
        from tui.core.timeline.written_account import parts

        self.query_one("#reading-text", Static).update(reading_text(list(parts(open_case(self)))))

    def action_reading(self) -> None:
        reading = self.query_one("#reading")
        table = self.query_one(DataTable)
        reading.display = not reading.display
        table.display = not reading.display
        if reading.display:
            self._fill_reading()
            reading.focus()
        else:
            table.focus()

    def action_export(self) -> None:
        from tui.dialogs.ask import AskDialog

        def answered(name: str | None) -> None:
            from tui.core.timeline.written_account import export

            if not name:
                return
            from tui.core.shared.unwritable import not_written

            try:
                target = export(open_case(self), Path(name.strip()).expanduser())
            except ReclaimError as error:
                self.notify(shown(str(error)), severity="error", markup=False)
                return
            except (OSError, ValueError, RuntimeError) as error:  # a name too long, ~nobody…
                self.notify(not_written(error, _("saving the account")), severity="error")
                return
            save_folders(self).remember(target)
            self.notify(
                _(
                    "Your account is saved to {shown}. It is not encrypted there: keep it safe."
                ).format(shown=shown(str(target))),
                markup=False,
            )

        self.app.push_screen(
            AskDialog(
                _(
                    "Save the account as a file (.docx for a lawyer to edit, .md or .txt). "
                    "The file is not encrypted."
                ),
                _("e.g. ~/Documents/account.docx"),
            ),
            answered,
        )

    def action_back(self) -> None:
        if self.query_one("#reading").display:
            self.action_reading()
            return
        self.app.pop_screen()
