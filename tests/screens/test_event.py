"""The timeline event form (Step 6, a or Enter): it can always be left (Escape asks Keep
editing / Discard instead of refusing, and a changed form asks before it saves), Tab from
"When" goes straight to the next field, and its long labels wrap at 80 columns instead of
ending mid-word."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Label, SelectionList

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, cut_placeholders, lines_of, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.timeline.events import add_event, get_event, list_events
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.event import EventScreen
from tui.screens.timeline import TimelineScreen

AppPilot = Pilot[None]


def showing(app: ReclaimApp) -> object:
    """The screen now showing (a call, so that type narrowing doesn't carry over)."""
    return app.screen


def focused(app: ReclaimApp) -> Widget | None:
    """What has the focus now (a call, for the same reason)."""
    return app.focused


async def open_timeline(app: ReclaimApp, pilot: AppPilot) -> None:
    await unlock(app, pilot)
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, TimelineScreen)


async def test_escape_always_leaves_the_event_form(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("a", *"32 March")
        screen = app.screen
        assert isinstance(screen, EventScreen)
        screen.query_one("#title", Input).value = "The messages started"
        await pilot.press("escape")
        await settle(app, pilot)
        dialog = showing(app)
        assert isinstance(dialog, ChoiceDialog)
        labels = [str(button.label) for button in dialog.query(Button)]
        assert labels == ["Keep editing", "Discard this event"]
        assert focused(app) is dialog.query_one("#answer-keep")
        await pilot.press("enter")  # Keep editing: back in the form, at the date
        await settle(app, pilot)
        assert showing(app) is screen and focused(app) is screen.query_one("#when")
        await pilot.press(*" 2024")  # goes on after what was typed, never over it
        assert screen.query_one("#when", Input).value == "32 March 2024"
        screen.query_one("#when", Input).value = "32 March"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # Discard this event
        await settle(app, pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert list_events(case) == []


async def test_discarding_changes_leaves_a_saved_event_as_it_was(vault: Vault) -> None:
    add_event(vault, "5 March 2024", "The post", details="Seen at 9pm.")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        screen.query_one("#when", Input).value = "last tuesday-ish"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert "T-0001 as it was last saved" in screen_text(app)
        await pilot.press("tab", "enter")  # Discard changes
        await settle(app, pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        event = get_event(case, "T-0001")
        assert (event.when, event.title) == ("2024-03-05", "The post")


async def test_tab_from_when_lands_in_the_title(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("a", *"2024", "tab")
        screen = app.screen
        assert isinstance(screen, EventScreen)
        assert focused(app) is screen.query_one("#title"), "no invisible stop after When"
        await pilot.press(*"Found")
        assert screen.query_one("#title", Input).value == "Found"
        await pilot.press("escape")  # a changed form asks before saving
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert [event.title for event in list_events(case)] == ["Found"]


async def test_tab_from_what_i_did_in_a_new_case_lands_where_typing_shows(vault: Vault):
    """Issue 25, item 4: a new case has nobody to choose as a witness (nor any evidence).
    Tab from "What I did" must not stop on an empty picker with no height, off screen,
    where what is typed next goes nowhere: the form says there is nobody yet, the next
    stop is the line for someone new, and once someone is added the list shows them."""
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(app, pilot)
        await pilot.press("a", *"5 March 2024", "tab", *"Found", "tab", "tab", "tab")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        assert focused(app) is screen.query_one("#response")
        await pilot.press(*"Reported", "tab")
        await settle(app, pilot)
        here = focused(app)
        assert here is not None and here.region.height > 0
        assert screen.region.contains_region(here.region), "the focus is on screen"
        await pilot.press(*"Sam")
        await settle(app, pilot)
        assert here is screen.query_one("#new-person", Input)
        assert screen.query_one("#new-person", Input).value == "Sam", "nothing typed is lost"
        assert "Nobody in the list yet" in screen_text(app)
        await pilot.press("enter")  # Sam is added, ticked for this event
        await settle(app, pilot)
        witnesses = screen.query_one("#witnesses", SelectionList)
        assert witnesses.display and witnesses.selected == ["P-001"]
        assert not screen.query_one("#no-witnesses").display
        await pilot.press("shift+tab")
        await settle(app, pilot)
        assert focused(app) is witnesses
        assert witnesses.region.height > 0 and screen.region.contains_region(witnesses.region)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        [event] = list_events(case)
        assert (event.title, event.response, event.witnesses) == ("Found", "Reported", ["P-001"])


async def test_long_labels_of_the_event_form_wrap_instead_of_ending_mid_word(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "down", "down", "enter")
        await settle(app, pilot)
        witnesses = next(
            label
            for label in app.screen.query(Label)
            if "Who can confirm it" in str(label.render())
        )
        drawn = " ".join(lines_of(witnesses))
        assert "A friend, a colleague, a moderator..." in drawn


async def test_no_placeholder_is_cut_at_80_columns(demo: Vault):
    """Every text field's hint fits the field it is in."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "a")
        await pilot.pause()
        assert isinstance(app.screen, EventScreen)
        assert cut_placeholders(app) == []
