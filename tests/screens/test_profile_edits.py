"""Two windows on the profile (issue 25, item 2): Save keeps only the fields changed
here, and a field changed elsewhere meanwhile is asked about."""

from __future__ import annotations

from textual.widgets import Button, Input, TabbedContent

from tests.support.pilot import SIZE, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.passwords import profile
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.passwords import PasswordsScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def open_profile(app: ReclaimApp, pilot) -> PasswordsScreen:
    await unlock(app, pilot)
    await pilot.press("3")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, PasswordsScreen)
    screen.query_one(TabbedContent).active = "about"
    await pilot.pause()
    return screen


async def test_a_field_changed_elsewhere_is_kept_and_shown(vault: Vault):
    profile.change(vault, {"pets": ["Biscuit"]})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot)
        profile.change(vault, {"pets": ["Biscuit", "Rex"]})  # another window
        screen.query_one("#profile-places", Input).value = "Leeds"
        screen.query_one("#profile-save", Button).press()
        await settle(app, pilot)
        assert screen.query_one("#profile-pets", Input).value == "Biscuit, Rex"
    found = profile.load(vault)
    assert (found.pets, found.places) == (["Biscuit", "Rex"], ["Leeds"])
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last == {"fields": ["places"], "changes": {"places": {"from": [], "to": ["Leeds"]}}}


async def test_the_same_field_changed_elsewhere_is_asked_about(vault: Vault):
    profile.change(vault, {"pets": ["Biscuit"]})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(app, pilot)
        profile.change(vault, {"pets": ["Rex"]})
        screen.query_one("#profile-pets", Input).value = "Biscuit, Pip"
        screen.query_one("#profile-save", Button).press()
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        text = screen_text(app)
        assert "Changed elsewhere: Rex" in text and "Yours: Biscuit, Pip" in text
        await pilot.press("up", "enter", "tab", "enter")  # keep theirs
        await settle(app, pilot)
        assert showing(app) is screen
        assert screen.query_one("#profile-pets", Input).value == "Rex"
    assert profile.load(vault).pets == ["Rex"]
