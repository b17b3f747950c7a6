"""Two windows on the declaration's details (the person's name, address, occupation):
each keeps only what was changed in it, so a detail typed and kept in the other window
is never written back over, by Ctrl+S or by a lock."""

from __future__ import annotations

from textual.widgets import Input

from tests.support.pilot import SIZE, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.declarations.facts import get_facts_for, save_facts
from tui.core.settings import Settings
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault
from tui.screens.declaration import DeclarationScreen
from tui.screens.unlock import UnlockScreen


def details(vault: Vault) -> None:
    set_case_place(vault, "au")  # an Australian statutory declaration: address, occupation
    save_facts(vault, name="Ana Ruiz", address="1 Old Street, Perth", occupation="nurse")


async def open_declaration(app: ReclaimApp, pilot) -> DeclarationScreen:
    await unlock(app, pilot)
    await pilot.press("7", "ctrl+d")
    await wait_until(pilot, lambda: isinstance(app.screen, DeclarationScreen))
    screen = app.screen
    assert isinstance(screen, DeclarationScreen)
    return screen


async def test_each_window_keeps_only_the_detail_it_changed(vault: Vault) -> None:
    details(vault)
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        form_b = await open_declaration(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            form_a = await open_declaration(window_a, pilot_a)
            form_a.query_one("#decl-address", Input).value = "2 New Road, Perth"
            await pilot_a.press("ctrl+s")
            await settle(window_a, pilot_a)
        form_b.query_one("#decl-occupation", Input).value = "teacher"
        await pilot_b.press("ctrl+s")
        await settle(window_b, pilot_b)
    facts = get_facts_for(vault)
    assert (facts.address, facts.occupation) == ("2 New Road, Perth", "teacher")


async def test_a_lock_keeps_only_the_detail_changed_in_this_window(vault: Vault) -> None:
    details(vault)
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        form_b = await open_declaration(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            form_a = await open_declaration(window_a, pilot_a)
            form_a.query_one("#decl-address", Input).value = "2 New Road, Perth"
            await pilot_a.press("ctrl+s")
            await settle(window_a, pilot_a)
        form_b.query_one("#decl-occupation", Input).value = "teacher"
        await pilot_b.press("ctrl+l")
        await wait_until(pilot_b, lambda: isinstance(window_b.screen, UnlockScreen))
    facts = get_facts_for(vault)
    assert (facts.address, facts.occupation) == ("2 New Road, Perth", "teacher")
