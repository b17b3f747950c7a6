"""Step 6 in the app: adding and editing events with the forgiving date field, picking
witnesses and evidence, removing (asks), the reading view and exporting."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList, TextArea

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.timeline.events import add_event, list_events, list_people
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.dialogs.choice import ChoiceDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.event import EventScreen
from tui.screens.timeline import TimelineScreen


def titles(app: ReclaimApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def open_timeline(app: ReclaimApp, pilot) -> None:
    await unlock(app, pilot)
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, TimelineScreen)


async def test_an_event_is_added_with_a_forgiving_date_witnesses_and_evidence(
    vault: Vault, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the post"})
    add_event(vault, "2024-03-05", "Later event", witnesses=["Sam Okafor"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, EventScreen)
        await pilot.press(*"03/04/2024")
        assert "3 April or 4 March" in screen_text(app)
        app.screen.query_one("#when", Input).value = "about March 2024"
        await pilot.pause()
        assert "Reads as: about March 2024" in screen_text(app)
        app.screen.query_one("#title", Input).value = "Threats began"
        app.screen.query_one("#details", TextArea).text = "Messages every night."
        witnesses = app.screen.query_one("#witnesses", SelectionList)
        witnesses.select("P-001")
        new_person = app.screen.query_one("#new-person", Input)
        new_person.focus()
        new_person.value = "Dana Reyes, dana@example.org, colleague"
        await pilot.press("enter")
        await pilot.pause()
        assert "Dana Reyes is in the list of people" in said(app)
        app.screen.query_one("#evidence", SelectionList).select("E-0001")
        await pilot.press("escape")  # a changed form asks: Save
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, TimelineScreen)
        assert titles(app) == ["Threats began", "Later event"]
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        event = list_events(case)[0]
        assert (event.when, event.details, event.evidence) == (
            "~2024-03",
            "Messages every night.",
            ["E-0001"],
        )
        assert event.witnesses == ["P-001", "P-002"]
        assert list_people(case)[1].contact == "dana@example.org"


async def test_a_bad_date_keeps_the_form_open_and_saves_nothing(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        assert "No events yet" in screen_text(app)
        await pilot.press("a", *"31 April 2024")
        app.screen.query_one("#title", Input).value = "Something"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog), "Escape asks, it never just refuses"
        assert "not a real date" in screen_text(app)
        await pilot.press("escape")  # Keep editing
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert app.focused is app.screen.query_one("#when", Input), "back at the date"
        app.screen.query_one("#when", Input).value = ""
        app.screen.query_one("#title", Input).value = ""
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, TimelineScreen), "an empty new form just closes"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert list_events(case) == []


async def test_editing_moves_an_event_to_its_new_place(vault: Vault):
    add_event(vault, "2024-01", "January")
    add_event(vault, "2024-02", "February")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one("#when", Input).value = "2024-03-01"
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await settle(app, pilot)
        assert titles(app) == ["February", "January"]
        assert str(app.screen.query_one(DataTable).get_row_at(1)[0]) == "1 March 2024"


async def test_remove_asks_first(vault: Vault):
    add_event(vault, "2024", "Keep me")
    add_event(vault, "2025", "Remove me")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("down", "x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert titles(app) == ["Keep me", "Remove me"]
        await pilot.press("x", "y")
        await settle(app, pilot)
        assert titles(app) == ["Keep me"]


async def test_the_reading_view_and_export(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    add_event(vault, "2024-03-05 21:14", "The post", evidence=["E-0001"], witnesses=["Sam"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("r")
        text = screen_text(app)
        assert "5 March 2024, 21:14: The post" in text
        assert "Who can confirm it: Sam" in text and "(see Exhibit E-0001)" in text
        await pilot.press("escape")
        assert app.screen.query_one(DataTable).display
        await pilot.press("e")
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one(Input).value = str(tmp_path / "account.docx")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "not encrypted there" in said(app)
    assert (tmp_path / "account.docx").stat().st_size > 0


def test_step_6_with_its_footer(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["6"], terminal_size=SIZE)
