"""The request form asks whether the person asked their place's helpline, only where the
place's letter can say so, and keeps the answer on the request: the letter then says it
only after yes."""

from __future__ import annotations

from textual.widgets import Select

from tests.support.pilot import SIZE, open_takedowns, said, screen_text, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import draft_takedown, helpline_sentence, save_facts
from tui.core.takedowns.requests import add_request, get_request
from tui.core.vault.vault import Vault
from tui.screens.takedown_request import RequestScreen


async def _answer(vault: Vault, code: str, answer: str) -> RequestScreen:
    save_facts(vault, under_18="no", name="Sam", contact="s@example.org", signature="Sam",
               no_consent=True)  # fmt: skip
    set_case_place(vault, code)
    add_request(vault, "reddit", ["https://r.example/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_takedowns(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RequestScreen)
        assert "Did you ask the helpline" in screen_text(app)
        screen.query_one("#helpline", Select).value = answer
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "R-001 saved." in said(app)
        return screen


async def test_yes_on_the_form_puts_the_helpline_in_the_letter(vault: Vault):
    await _answer(vault, "gb-sct", "yes")
    assert get_request(vault, "R-001").helpline == "yes"
    assert "Revenge Porn Helpline" in draft_takedown(vault, "R-001").text


def test_a_place_whose_letter_names_no_helpline_asks_nothing(vault: Vault):
    set_case_place(vault, "us")
    assert helpline_sentence(vault) == ""  # the form shows the question only when not ''
    set_case_place(vault, "gb")
    assert "Revenge Porn Helpline" in helpline_sentence(vault)
