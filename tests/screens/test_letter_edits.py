"""Two windows on the letters' facts (issue 25, item 2): the letter form keeps only the
facts it changed, and the same fact changed elsewhere meanwhile is asked about."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.pilot import SIZE, open_takedowns, screen_text, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.letter import LetterScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def open_letter(app: ReclaimApp, pilot) -> LetterScreen:
    await open_takedowns(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LetterScreen)
    return screen


def a_case(vault: Vault) -> None:
    save_facts(vault, under_18="no", name="Sam Doe")
    add_request(vault, "meta", ["https://facebook.example/p/1"])


async def test_a_fact_changed_elsewhere_is_kept_and_shown(vault: Vault):
    a_case(vault)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_letter(app, pilot)
        save_facts(vault, name="Samantha Doe")  # another window
        screen.query_one("#contact", Input).value = "sam@example.org"
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        assert screen.query_one("#name", Input).value == "Samantha Doe"
    facts = get_facts(vault)
    assert (facts.name, facts.contact) == ("Samantha Doe", "sam@example.org")
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["contact"]
    assert last["changes"] == {"contact": {"from": "", "to": "sam@example.org"}}


async def test_the_same_fact_changed_elsewhere_is_asked_about(vault: Vault):
    a_case(vault)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_letter(app, pilot)
        save_facts(vault, name="Samantha Doe")
        screen.query_one("#name", Input).value = "Sam J. Doe"
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        text = screen_text(app)
        assert "Changed elsewhere: Samantha Doe" in text and "Yours: Sam J. Doe" in text
        assert get_facts(vault).name == "Samantha Doe"
        await pilot.press("tab", "enter")  # keep mine
        await settle(app, pilot)
        assert showing(app) is screen
    assert get_facts(vault).name == "Sam J. Doe"
