"""Two windows on the notes for the lawyer (issue 25, item 2): the package screen saves
the notes only when changed there, and notes changed elsewhere meanwhile (another vault
object on the same case: a second window) are asked about, never written over."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.support.pilot import SIZE, open_takedowns, screen_text, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.lawyer_package import LawyerPackageScreen
from tui.screens.takedowns import TakedownsScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def open_package(app: ReclaimApp, pilot) -> LawyerPackageScreen:
    await open_takedowns(app, pilot)
    await pilot.press("p")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LawyerPackageScreen)
    return screen


async def test_notes_changed_elsewhere_are_asked_about(vault: Vault):
    save_facts(vault, under_18="no", lawyer_notes="Ask about costs.")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_package(app, pilot)
        save_facts(vault, lawyer_notes="Ask about an injunction.", name="Sam")  # elsewhere
        screen.query_one("#notes", TextArea).text = "Ask about costs and time."
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        text = " ".join(screen_text(app).split())
        assert "Changed elsewhere: Ask about an injunction." in text
        assert "Yours: Ask about costs and time." in text
        assert get_facts(vault).lawyer_notes == "Ask about an injunction.", "not yet"
        await pilot.press("tab", "enter")  # keep mine
        await settle(app, pilot)
        assert isinstance(showing(app), TakedownsScreen)
    facts = get_facts(vault)
    assert (facts.lawyer_notes, facts.name) == ("Ask about costs and time.", "Sam")
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["lawyer_notes"]
    assert last["changes"] == {
        "lawyer_notes": {"from": "Ask about an injunction.", "to": "Ask about costs and time."}
    }


async def test_keeping_the_other_windows_notes_shows_them(vault: Vault):
    save_facts(vault, under_18="no", lawyer_notes="Ask about costs.")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_package(app, pilot)
        save_facts(vault, lawyer_notes="Ask about an injunction.")
        notes = screen.query_one("#notes", TextArea)
        notes.text = "Mine."
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        await pilot.press("up", "enter", "tab", "enter")  # keep theirs; Save my choices
        await settle(app, pilot)
        assert isinstance(showing(app), TakedownsScreen), "theirs kept: nothing left to save"
    assert get_facts(vault).lawyer_notes == "Ask about an injunction."
