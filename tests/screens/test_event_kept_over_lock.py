"""An event not yet complete when the case locks (Ctrl+L or the idle lock) is kept in
memory for that case and given back when the person opens it again: what was typed in
it is never lost, nor named lost after the unlock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.widgets import Input, TextArea

from tests.support.pilot import SIZE, said, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.timeline.events import add_event, get_event, list_events, update_event
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.event import EventScreen
from tui.screens.unlock import UnlockScreen

MOMENT = datetime(2026, 12, 7, 23, 0, tzinfo=UTC)
LOCKS = [pytest.param("ctrl+l", id="ctrl-l"), pytest.param("idle", id="idle-lock")]
BACK = "What you were typing here before the case locked is back"


async def lock(app: ReclaimApp, pilot, how: str) -> None:
    if how == "ctrl+l":
        await pilot.press("ctrl+l")
    else:
        with clock.fixed(MOMENT) as moved:
            app._last_activity = clock.monotonic()
            moved.advance(app.idle_seconds + 1)
            app.lock_when_idle()
    await wait_until(pilot, lambda: isinstance(app.screen, UnlockScreen))
    assert app.vault is None


async def open_event(app: ReclaimApp, pilot, key: str) -> EventScreen:
    """From home: the timeline, then a new event ("a") or the first one ("enter")."""
    await pilot.press("6")
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, EventScreen)
    return screen


@pytest.mark.parametrize("how", LOCKS)
async def test_a_new_event_not_complete_at_a_lock_comes_back(vault: Vault, how: str) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        form = await open_event(app, pilot, "a")
        await pilot.press(*"the 32nd")  # no day Reclaim can read: it can't be saved
        form.query_one("#details", TextArea).focus()
        await pilot.press(*"He sent it to my sister")
        await lock(app, pilot, how)
        assert "sister" not in said(app)
        await unlock(app, pilot)
        await settle(app, pilot)
        assert "could not be saved" not in said(app)
        assert list_events(vault) == []
        again = await open_event(app, pilot, "a")
        assert again is not form
        assert again.query_one("#when", Input).value == "the 32nd"
        assert again.query_one("#details", TextArea).text == "He sent it to my sister"
        assert BACK in said(app)
        assert app.focused is again.query_one("#details")
        await pilot.press("escape")  # still not saved: asked about, never dropped silently
        await settle(app, pilot)
        assert app.screen is not again
        await pilot.press("escape")  # keep editing
        await settle(app, pilot)
        assert app.screen is again
        field = again.query_one("#when", Input)
        field.value = "5 March 2024"
        again.query_one("#title", Input).value = "He sent it on"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (event,) = list_events(vault)
        assert event.details == "He sent it to my sister"


async def test_given_back_once_and_only_to_the_same_event(vault: Vault) -> None:
    add_event(vault, "5 March 2024", "The messages started")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        form = await open_event(app, pilot, "enter")
        form.query_one("#when", Input).value = "Smarch"
        form.query_one("#place", Input).value = "his car"
        await lock(app, pilot, "ctrl+l")
        await unlock(app, pilot)
        await settle(app, pilot)
        fresh = await open_event(app, pilot, "a")  # a new event: not this one's words
        assert fresh.query_one("#place", Input).value == ""
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        again = await open_event(app, pilot, "enter")
        assert again.event_id == "T-0001"
        assert again.query_one("#when", Input).value == "Smarch"
        assert again.query_one("#place", Input).value == "his car"
        assert get_event(vault, "T-0001").place == ""
        again.query_one("#when", Input).value = "5 March 2024"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert get_event(vault, "T-0001").place == "his car"


async def test_a_field_changed_elsewhere_while_locked_is_still_asked_about(vault: Vault) -> None:
    add_event(vault, "5 March 2024", "The messages started")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        form = await open_event(app, pilot, "enter")
        form.query_one("#when", Input).value = "Smarch"
        form.query_one("#title", Input).value = "mine"
        await lock(app, pilot, "ctrl+l")
        update_event(vault, "T-0001", title="theirs")  # another window, meanwhile
        await unlock(app, pilot)
        await settle(app, pilot)
        again = await open_event(app, pilot, "enter")
        assert again.query_one("#title", Input).value == "mine"
        again.query_one("#when", Input).value = "5 March 2024"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert get_event(vault, "T-0001").title == "theirs"
