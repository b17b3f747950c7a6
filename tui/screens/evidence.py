"""Step 4, Evidence: the exhibits in the vault. Adding and describing items from the
screen arrives with the evidence step; for now they are added with
`reclaim evidence add`, and listed here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import ColumnKey

from tui.core.evidence import Exhibit

#: ID, platform and date columns, two cells of padding per column, and a scrollbar.
FIXED_COLUMNS = 6 + 10 + 10 + 4 * 2 + 2


def _date(exhibit: Exhibit) -> str:
    return (exhibit.posted_at or exhibit.captured_at or exhibit.added_at)[:10]


class EvidenceScreen(Screen[None]):
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    EvidenceScreen #heading { padding: 0 1; text-style: bold; color: $primary;
                              background: $boost; width: 100%; }
    EvidenceScreen #lead { padding: 0 1; color: $text-muted; }
    EvidenceScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the steps", id="back")
    ]

    def __init__(self, exhibits: list[Exhibit]) -> None:
        super().__init__()
        self.exhibits = exhibits

    def compose(self) -> ComposeResult:
        yield Static("Step 4: Evidence", id="heading")
        if self.exhibits:
            lead = (
                f"{len(self.exhibits)} item{'s' if len(self.exhibits) != 1 else ''} saved, "
                "each encrypted and hashed when it was added."
            )
        else:
            lead = (
                "Nothing saved yet. Save evidence before you change settings or report: "
                "add files with  reclaim evidence add FILE"
            )
        yield Static(lead, id="lead", markup=False)
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_column("ID", width=6)
        table.add_column("Description", width=self._description_width(), key="description")
        table.add_column("Platform", width=10)
        table.add_column("Date", width=10)
        for exhibit in self.exhibits:
            description = exhibit.description or exhibit.original_name
            table.add_row(
                exhibit.id, description, exhibit.platform, _date(exhibit), key=exhibit.id
            )
        yield table
        yield Footer()

    def _description_width(self) -> int:
        """What is left of the screen once the fixed columns and their padding are in."""
        return max(16, self.app.size.width - FIXED_COLUMNS)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        column = table.columns[ColumnKey("description")]
        column.width = self._description_width()
        table.refresh()
