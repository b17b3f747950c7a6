"""The command palette (Ctrl+P): every step and every key of the screen on show, in
Reclaim's own words; none of Textual's own commands (its "Screenshot" would write the
case, unencrypted, to disk)."""

from __future__ import annotations

from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from tests.support.pilot import SIZE, settle, type_text, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.steps import STEPS
from tui.core.vault.vault import Vault
from tui.palette import ReclaimCommands, palette_commands
from tui.screens.evidence import EvidenceScreen
from tui.screens.lawyer_package import LawyerPackageScreen


def commands(app: ReclaimApp) -> dict[str, SystemCommand]:
    return {command.title: command for command in palette_commands(app, app.screen)}


def offered(app: ReclaimApp) -> list[str]:
    """What the open palette lists for what has been typed."""
    assert isinstance(app.screen, CommandPalette)
    found = app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


async def answer_the_age_question(pilot) -> None:
    """Step 8 asks first; "No, 18 or over" (the answer changes only the routes)."""
    await pilot.press("8")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()


async def test_the_command_palette_reaches_the_steps(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Step 4")
        await wait_until(pilot, lambda: any("Step 4" in each for each in offered(app)))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)


async def test_every_key_of_a_screen_is_in_the_palette_and_runs_there(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        found = commands(app)
        for name in (
            "Lawyer package (p)",
            "Copyright (c)",  # not in the footer at all
            "Under 18? (u)",
            "Next steps (n)",
            "Options (o)",
            "Back (Esc)",
        ):
            assert name in found, sorted(found)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"lawyer package")
        await wait_until(pilot, lambda: any("Lawyer package" in each for each in offered(app)))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, LawyerPackageScreen)
        assert "Make the package (Ctrl+S)" in commands(app)


async def test_the_palette_keeps_reclaims_own_commands_in_its_own_words(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        found = commands(app)
        for name in ("Safety", "Theme", "Keys", "Quit", "Lock", "Change passphrase", "Home"):
            assert name in found
        assert all(f"Step {step.number}: {step.title}" in found for step in STEPS)
        assert {"Verify (V)", "Mark (Space)", "Delete (D)", "Stitch (t)"} <= set(found)
        assert not {"Screenshot", "Maximize", "Minimize"} & set(found), "Textual's own"
        assert not any(name.startswith("Copy selected text") for name in found)
        assert found["Verify (V)"].help == "Check every item against its hash"
        await pilot.press("ctrl+p")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        assert prompt.placeholder.startswith("What would you like to do?")
        await pilot.press(*"Verify")
        await wait_until(pilot, lambda: any("Verify" in each for each in offered(app)))
        providers = [p if isinstance(p, type) else p() for p in ReclaimApp.COMMANDS]
        assert providers == [ReclaimCommands], "only Reclaim's: Textual's own are left out"
        assert not app.screen_stack[-2].COMMANDS
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)


async def test_the_palette_lists_no_step_numbers_twice_on_home(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE):
        names = list(commands(app))
        assert "Step 4: Evidence" in names
        assert not any(name.startswith("Evidence (") for name in names)
