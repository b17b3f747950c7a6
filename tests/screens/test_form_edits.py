"""What a person typed in the exhibit and event forms is never lost to a keystroke (issue 25,
items 1 and 3): a form opens with the cursor after the first field's words and nothing
selected; Escape on a changed form asks Save / Keep editing / Discard and never saves
silently; an unchanged form just closes; and a form can be left whatever it holds."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Button, Input

from tests.support.cases import vault_bytes
from tests.support.pilot import SIZE, settle, type_text
from tui.app import ReclaimApp
from tui.core.demo import DEMO_PASSPHRASE
from tui.core.evidence.model import get_exhibit
from tui.core.settings import Settings
from tui.core.timeline.events import get_event
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.event import EventScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit import ExhibitScreen
from tui.screens.timeline import TimelineScreen

OLD = "Direct messages threatening to share photos"


def showing(app: ReclaimApp) -> object:
    """The screen now showing (a call, so that type narrowing doesn't carry over)."""
    return app.screen


def focused(app: ReclaimApp) -> Widget | None:
    return app.focused


def answers(app: ReclaimApp) -> list[str]:
    return [str(button.label) for button in app.screen.query(Button)]


async def open_e0001(app: ReclaimApp, pilot) -> ExhibitScreen:
    await pilot.press("4")
    await settle(app, pilot)
    assert isinstance(app.screen, EvidenceScreen)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ExhibitScreen) and screen.exhibit_id == "E-0001"
    return screen


def description_of(demo: Vault) -> str:
    with Vault.open(demo.path, passphrase=DEMO_PASSPHRASE) as case:
        return get_exhibit(case, "E-0001").description


async def test_typing_in_an_opened_exhibit_goes_on_after_its_words(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_e0001(app, pilot)
        field = screen.query_one("#description", Input)
        assert focused(app) is field
        assert field.selected_text == "" and field.cursor_position == len(OLD)
        await type_text(pilot, "also")
        assert field.value == f"{OLD}also"
        await type_text(pilot, " more")
        # Escape asks; Discard leaves the exhibit as it was.
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert answers(app) == ["Save", "Keep editing", "Discard changes"]
        await pilot.press("tab", "tab", "enter")
        await settle(app, pilot)
        assert isinstance(showing(app), EvidenceScreen)
    assert description_of(demo) == OLD


async def test_escape_on_a_changed_exhibit_asks_and_saves_only_when_told(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_e0001(app, pilot)
        before = vault_bytes(demo.path)
        await type_text(pilot, " on Instagram")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert vault_bytes(demo.path) == before, "nothing is saved until the person says so"
        await pilot.press("escape")  # Escape on the question: keep editing
        await settle(app, pilot)
        assert showing(app) is screen
        assert focused(app) is screen.query_one("#description")
        await type_text(pilot, ".")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        assert isinstance(showing(app), EvidenceScreen)
    assert description_of(demo) == f"{OLD} on Instagram."


async def test_an_unchanged_exhibit_just_closes(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await open_e0001(app, pilot)
        before = vault_bytes(demo.path)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), EvidenceScreen)
        assert vault_bytes(demo.path) == before


async def test_an_exhibit_with_an_ambiguous_date_can_be_left(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_e0001(app, pilot)
        posted = screen.query_one("#posted_at", Input)
        old_posted = posted.value
        posted.value = "03/05/2024"
        before = vault_bytes(demo.path)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert answers(app) == ["Keep editing", "Discard changes"]
        await pilot.press("enter")  # Keep editing: back at the date, cursor after it
        await settle(app, pilot)
        assert showing(app) is screen and focused(app) is posted
        assert posted.selected_text == "" and posted.cursor_position == len("03/05/2024")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # Discard changes
        await settle(app, pilot)
        assert isinstance(showing(app), EvidenceScreen)
        assert vault_bytes(demo.path) == before
    with Vault.open(demo.path, passphrase=DEMO_PASSPHRASE) as case:
        assert get_exhibit(case, "E-0001").posted_at.replace("T", " ") == old_posted


async def open_t0001(app: ReclaimApp, pilot) -> EventScreen:
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, TimelineScreen)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, EventScreen) and screen.event_id is not None
    return screen


async def test_an_opened_event_goes_on_after_its_date_and_escape_asks(demo: Vault) -> None:
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_t0001(app, pilot)
        event_id = screen.event_id
        assert event_id is not None
        when = screen.query_one("#when", Input)
        old_when = when.value
        assert focused(app) is when
        assert when.selected_text == "" and when.cursor_position == len(old_when)
        await type_text(pilot, "x")
        assert when.value == f"{old_when}x"
        before = vault_bytes(demo.path)
        await pilot.press("backspace", "escape")  # back as it was: nothing to ask
        await settle(app, pilot)
        assert isinstance(showing(app), TimelineScreen)
        assert vault_bytes(demo.path) == before
        screen = await open_t0001(app, pilot)
        screen.query_one("#title", Input).value = "Renamed"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert answers(app) == ["Save", "Keep editing", "Discard changes"]
        assert vault_bytes(demo.path) == before, "nothing is saved until the person says so"
        await pilot.press("tab", "tab", "enter")  # Discard changes
        await settle(app, pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(demo.path, passphrase=DEMO_PASSPHRASE) as case:
        assert get_event(case, event_id).title != "Renamed"
