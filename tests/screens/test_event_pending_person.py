"""A name typed in the event form's line for someone new, Enter not yet pressed, is never
dropped (issue 25, found walking it): Ctrl+S adds it as a witness as Enter would, and
Escape counts it as a change and asks."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.pilot import SIZE, said, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.timeline.events import add_event, get_event, list_events, list_people
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.event import EventScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


def witnesses(vault: Vault, event_id: str) -> list[str]:
    names = {p.id: p.name for p in list_people(vault)}
    return [names.get(w, w) for w in get_event(vault, event_id).witnesses]


async def test_ctrl_s_adds_the_name_typed_but_not_entered(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        await pilot.press("a", *"7 March 2024")
        app.screen.query_one("#title", Input).value = "Saw repost"
        await pilot.press("tab", "tab", "tab", "tab", "tab", *"Sam")  # to the line below
        assert app.focused is app.screen.query_one("#new-person")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "Saved." in said(app)
        assert app.screen.query_one("#new-person", Input).value == ""
    (event,) = list_events(vault)
    assert witnesses(vault, event.id) == ["Sam"]


async def test_escape_asks_about_a_name_typed_but_not_entered(vault: Vault) -> None:
    add_event(vault, "7 March 2024", "Saw repost")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("6")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        screen.query_one("#new-person", Input).focus()
        await pilot.press(*"Kim", "escape")
        await settle(app, pilot)
        dialog = showing(app)
        assert isinstance(dialog, ChoiceDialog)
        await pilot.press("enter")  # Save, the first answer
        await settle(app, pilot)
        assert not isinstance(showing(app), EventScreen | ChoiceDialog)
    assert witnesses(vault, "T-0001") == ["Kim"]
