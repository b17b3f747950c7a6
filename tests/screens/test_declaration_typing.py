"""Typing in the declaration's details goes on after what they hold, never over it (the
person's name, kept in the case, was replaced by the first key), and Escape then "Keep
editing" leaves the words and the cursor where they were."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.pilot import SIZE, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.declarations.facts import get_facts_for, save_facts
from tui.core.settings import Settings
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.declaration import DeclarationScreen


async def test_typing_goes_on_after_the_details_and_keep_editing_keeps_it(vault: Vault) -> None:
    set_case_place(vault, "au")
    save_facts(vault, name="Ana Ruiz", address="1 Old Street, Perth", occupation="nurse")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7", "ctrl+d")
        await wait_until(pilot, lambda: isinstance(app.screen, DeclarationScreen))
        form = app.screen
        field = form.query_one("#decl-name", Input)
        assert app.focused is field
        await pilot.press("space", *"Lopez")
        assert field.value == "Ana Ruiz Lopez"
        await pilot.press("tab", *" RN")  # the next detail too
        assert form.query_one("#decl-address", Input).value == "1 Old Street, Perth RN"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#answer-keep")
        await settle(app, pilot)
        assert app.screen is form and app.focused is form.query_one("#decl-address")
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    facts = get_facts_for(vault)
    assert (facts.name, facts.address) == ("Ana Ruiz Lopez", "1 Old Street, Perth")
