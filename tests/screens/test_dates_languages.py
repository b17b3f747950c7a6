"""Dates on the screens in the language spoken (issue 29): a Spanish or French reader
sees "3 mar 2024" / "3 mars 2024", never "2024-03-03", and a column of dates is wide
enough for the longest month of the language ("28 sept. 2024")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import DataTable, Input, OptionList

from tests.support.pilot import SIZE, screen_text, settle
from tui.app import ReclaimApp
from tui.core.evidence.model import get_exhibit
from tui.core.passwords.changed_accounts import record_account
from tui.core.settings import Settings
from tui.core.shared import i18n
from tui.core.timeline.events import add_event
from tui.core.timeline.written_account import intro
from tui.core.vault.vault import Vault
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit_facts import facts_text
from tui.screens.takedown_request_fields import visible_value


@pytest.fixture
def speaking() -> Iterator[None]:
    yield
    i18n.set_language("en")


def column(table: DataTable[Any], key: str) -> tuple[list[str], int]:
    """The cells of a column as plain text, and the column's width."""
    cells = [str(table.get_cell(row, key)) for row in table.rows]
    return cells, table.columns[key].width  # type: ignore[index]


#: What each step shows, by language: (capture day, the evidence table's longest date,
#: an event's date, one in September, a password's change day, the request's sent and
#: due times, the capture guide's "checked" words, the first line of an exhibit's history,
#: when it was posted as its field shows it).
SHOWN = {
    "es": (
        "3 mar 2024",
        "~28 sept 2024",
        "2 mar 2024, 22:41",
        "28 sept 2024, 21:14",
        "5 mar 2024",
        ["1 jun 2026", "3 jun 2026 10:00"],
        "Revisado el ",
        "7 mar 2024 09:30 UTC",
        "2 de marzo de 2024, 22:41",
    ),
    "fr": (
        "3 mars 2024",
        "~28 sept. 2024",
        "2 mars 2024, 22:41",
        "28 sept. 2024, 21:14",
        "5 mars 2024",
        ["1 juin 2026", "3 juin 2026 10:00"],
        "Vérifié le ",
        "7 mars 2024 09:30 UTC",
        "2 mars 2024, 22:41",
    ),
}


@pytest.mark.parametrize("code", ["es", "fr"])
async def test_each_step_writes_its_dates_in_the_language(
    demo: Vault, speaking, code: str
) -> None:
    """'2024-03-03' was the capture day in every language; '28 de septiembre de 2024,
    21:14' was cut at 25 columns in the Spanish timeline."""
    captured, longest, event, late, changed, request, checked, added, posted = SHOWN[code]
    add_event(demo, "2024-09-28 21:14", "Another post")
    record_account(demo, "Gmail", "email", "2024-03-05")
    i18n.set_language(code)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        cells, width = column(app.screen.query_one(DataTable), "captured")
        assert cells[0] == captured
        assert width >= len(longest)  # "about" and the longest month fit, uncut

        await pilot.press("enter")  # the exhibit's form: its dates as the language says them
        await settle(app, pilot)
        assert app.screen.query_one("#posted_at", Input).value == posted
        await pilot.press("ctrl+o")  # the exhibit's history
        await settle(app, pilot)
        steps = app.screen.query_one(OptionList)
        assert str(steps.get_option_at_index(0).prompt).startswith(added)
        await pilot.press("escape", "escape")
        await settle(app, pilot)

        await pilot.press("g")
        await settle(app, pilot)
        line = next(line for line in screen_text(app).splitlines() if checked in line)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", line), line  # "5 de marzo de 2024"
        await pilot.press("escape", "escape", "6")
        await settle(app, pilot)

        cells, width = column(app.screen.query_one(DataTable), "when")
        assert event in cells and late in cells
        assert max(map(len, cells)) <= width
        await pilot.press("escape", "3")
        await settle(app, pilot)

        table = app.screen.query_one("#account-table", DataTable)
        assert changed in [str(cell) for cell in table.get_row("Gmail")]
        await pilot.press("escape", "8")
        await settle(app, pilot)

        table = app.screen.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][3:] == request
        assert column(table, "due")[1] >= len(longest) + len(" 10:00") - 1  # no "~"
        total = sum(column.get_render_width(table) for column in table.columns.values())
        assert total <= SIZE[0]  # the whole row on the screen, no sideways scroll


@pytest.mark.parametrize(
    ("code", "added"),
    [
        ("es", "Añadida: 7 mar 2024 09:30:00 UTC"),
        ("fr", "Ajoutée : 7 mars 2024 09:30:00 UTC"),
        ("en", "Added: 2024-03-07 09:30:00 UTC"),
    ],
)
def test_the_side_panel_says_when_it_was_added_in_the_language(
    demo: Vault, code: str, added: str
) -> None:
    exhibit = get_exhibit(demo, "E-0001")
    with i18n.speaking(code):
        assert added in facts_text(demo, exhibit).splitlines()


@pytest.mark.parametrize(
    ("code", "opening"),
    [
        ("es", "Preparado con Reclaim el 24 de noviembre de 2026."),
        ("fr", "Préparé avec Reclaim le 24 novembre 2026."),
        ("en", "Prepared with Reclaim on 24 November 2026."),
    ],
)
def test_the_written_account_opens_with_the_day_in_words(
    demo: Vault, code: str, opening: str
) -> None:
    with i18n.speaking(code):
        assert intro().startswith(opening)


@pytest.mark.parametrize(
    ("code", "sent"), [("es", "1 dic 2026"), ("fr", "1 déc. 2026"), ("en", "2026-12-01")]
)
def test_a_conflict_names_a_sent_time_in_the_language(code: str, sent: str) -> None:
    with i18n.speaking(code):
        assert visible_value("sent_at", "2026-12-01T12:00:00Z").startswith(sent)


@pytest.mark.parametrize("code", ["es", "fr", "en"])
@pytest.mark.parametrize(
    "stored", ["2024-03-02T22:41", "2024-03-06T09:30:12", "2024-03-05", "2024-03~", "2023~"]
)
def test_an_exhibits_date_field_reads_back_as_what_is_stored(code: str, stored: str) -> None:
    """The form shows "2 mars 2024, 22:41" (it showed "2024-03-02 22:41" in every
    language), and what it shows is read back as the same date."""
    from tui.core.shared.fuzzy_dates import When
    from tui.screens.exhibit_form import visible_value

    with i18n.speaking(code):
        shown = visible_value("posted_at", stored)
        assert When.parse(shown).edtf() == stored
        assert (code == "en") == shown.startswith("20")
