"""Two windows on one timeline event (issue 25, item 2): a save writes only the fields
this window changed; the same field changed elsewhere meanwhile is asked about."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.pilot import SIZE, said, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.timeline.events import add_event, get_event, update_event
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.event import EventScreen


async def open_event(app: ReclaimApp, pilot) -> EventScreen:
    await unlock(app, pilot)
    await pilot.press("6")
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, EventScreen) and screen.event_id == "T-0001"
    return screen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def test_two_windows_each_keep_the_field_they_changed(vault: Vault):
    add_event(vault, "5 March 2024", "The messages started", place="Instagram")
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        screen_b = await open_event(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            screen_a = await open_event(window_a, pilot_a)
            screen_a.query_one("#title", Input).value = "The threats started"
            await pilot_a.press("ctrl+s")
            await settle(window_a, pilot_a)
            assert "Saved." in said(window_a)
        screen_b.query_one("#place", Input).value = "Instagram, by direct message"
        await pilot_b.press("ctrl+s")
        await settle(window_b, pilot_b)
        assert "Saved." in said(window_b)
        assert screen_b.query_one("#title", Input).value == "The threats started"
    event = get_event(vault, "T-0001")
    assert (event.title, event.place) == ("The threats started", "Instagram, by direct message")
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["place"]
    assert last["changes"] == {
        "place": {"from": "Instagram", "to": "Instagram, by direct message"}
    }


async def test_the_same_field_changed_elsewhere_meanwhile_is_asked_about(vault: Vault):
    add_event(vault, "5 March 2024", "The messages started")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_event(app, pilot)
        update_event(vault, "T-0001", title="theirs")  # another window's save
        screen.query_one("#title", Input).value = "mine"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        text = screen_text(app)
        assert "Changed elsewhere: theirs" in text and "Yours: mine" in text
        assert get_event(vault, "T-0001").title == "theirs"
        await pilot.press("tab", "enter")  # keep mine
        await settle(app, pilot)
        assert showing(app) is screen
    assert get_event(vault, "T-0001").title == "mine"
