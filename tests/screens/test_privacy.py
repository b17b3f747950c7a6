"""Step 2 in the app: the list of checklists, one checklist step by step, and the
question asked before a step that blocks, reports or deletes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, OptionList

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.privacy.checklists import find, shipped
from tui.core.privacy.lockdown import progress_of
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.checklist import ChecklistScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.home import HomeScreen
from tui.screens.privacy import PrivacyScreen


def row_of(table: DataTable[str], checklist_id: str) -> list[str]:
    return list(table.get_row(checklist_id))


async def open_checklist(app: ReclaimApp, pilot, checklist_id: str) -> None:
    await pilot.press("2")
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(checklist_id))
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ChecklistScreen)


def saved(vault: Vault, checklist_id: str):
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        return progress_of(reopened, find(checklist_id))


async def test_the_list_shows_every_checklist_and_a_marks_the_persons_accounts(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("2")
        assert isinstance(app.screen, PrivacyScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(shipped())
        assert row_of(table, "accounts-security")[1] == "everyone"
        assert "choose your accounts" in screen_text(app)

        table.move_cursor(row=table.get_row_index("instagram"))
        await pilot.press("a")
        assert row_of(table, "instagram")[1:3] == ["yes", f"0/{len(find('instagram').steps)}"]
        table.move_cursor(row=table.get_row_index("tumblr"))
        await pilot.press("x")
        assert row_of(table, "tumblr")[1] == "not relevant"
        assert "1 account" in screen_text(app)
        assert saved(vault, "instagram").mine and saved(vault, "tumblr").not_relevant

        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        steps = app.screen.query_one("#steps", OptionList)
        assert "1 account" in str(steps.get_option_at_index(1).prompt)


async def test_space_ticks_n_and_p_move_and_each_tick_is_saved_at_once(vault: Vault):
    security = find("accounts-security")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "accounts-security")
        assert security.steps[0].title in screen_text(app)
        assert "Step 1 of" in screen_text(app)

        await pilot.press("space")
        assert list(saved(vault, "accounts-security").ticks) == [security.steps[0].id]
        await pilot.press("n", "n", "space")
        assert "Step 3 of" in screen_text(app) and security.steps[2].title in screen_text(app)
        assert set(saved(vault, "accounts-security").ticks) == {
            security.steps[0].id,
            security.steps[2].id,
        }
        await pilot.press("p", "p", "space")  # unticks the first step again
        assert list(saved(vault, "accounts-security").ticks) == [security.steps[2].id]
        step_list = app.screen.query_one("#step-list", OptionList)
        assert str(step_list.get_option_at_index(2).prompt).startswith("✓")

        await pilot.press("escape")
        assert row_of(app.screen.query_one(DataTable), "accounts-security")[2].startswith("1/")


async def test_a_note_per_step_is_saved_and_escape_leaves_the_note_first(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "accounts-security")
        await pilot.press("e")
        note = app.screen.query_one("#note", Input)
        assert app.focused is note
        note.value = "did this at the library"
        await pilot.press("escape")  # a changed note asks first (issue 25): Save
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistScreen)
        assert app.focused is app.screen.query_one("#step-list")
        first = find("accounts-security").steps[0].id
        assert saved(vault, "accounts-security").notes == {first: "did this at the library"}
        await pilot.press("n")
        assert note.value == ""
        await pilot.press("p")
        assert note.value == "did this at the library"


async def go_to_block_step(app: ReclaimApp, pilot) -> str:
    block = next(i for i, s in enumerate(find("instagram").steps) if s.action == "block")
    for _ in range(block):
        await pilot.press("n")
    await pilot.press("space")
    await settle(app, pilot)
    return find("instagram").steps[block].id


async def test_blocking_with_no_evidence_offers_the_evidence_step_first(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "instagram")
        await go_to_block_step(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "No evidence from Instagram is saved yet" in screen_text(app)
        await pilot.click("#answer-evidence")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert saved(vault, "instagram").ticks == {}


async def test_ticking_anyway_is_possible_and_noted(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "instagram")
        step_id = await go_to_block_step(app, pilot)
        await pilot.press("escape")  # not now: nothing ticked
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistScreen) and saved(vault, "instagram").ticks == {}
        await pilot.press("space")
        await settle(app, pilot)
        await pilot.click("#answer-anyway")
        await settle(app, pilot)
        tick = saved(vault, "instagram").ticks[step_id]
        assert tick.before_evidence


@pytest.mark.parametrize("platform", ["Instagram", "IG"])
async def test_with_evidence_saved_it_asks_and_shows_how_many(
    vault: Vault, tmp_path: Path, platform: str
):
    for number in range(2):
        shot = tmp_path / f"shot{number}.txt"
        shot.write_text(f"profile {number}")
        add_file(vault, shot, {"platform": platform})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("2")
        table = app.screen.query_one(DataTable)
        assert row_of(table, "instagram")[3] == "2"
        await pilot.press("escape")
        await open_checklist(app, pilot, "instagram")
        step_id = await go_to_block_step(app, pilot)
        assert "Your case holds 2 items from Instagram" in screen_text(app)
        assert [b.id for b in app.screen.query(Button)] == ["answer-yes", "answer-cancel"]
        await pilot.click("#answer-yes")
        await settle(app, pilot)
        assert not saved(vault, "instagram").ticks[step_id].before_evidence


async def test_the_demo_case_has_half_done_checklists(tmp_path: Path):
    from tui.core.demo import create_demo_case, remove_demo_case

    demo = create_demo_case(tmp_path / "demo")
    try:
        app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            steps = app.screen.query_one("#steps", OptionList)
            privacy = str(steps.get_option_at_index(1).prompt)
            assert "steps done" in privacy and "3 accounts" in privacy
            assert not privacy.startswith(" 2  Privacy settings  0 of")
    finally:
        remove_demo_case(demo)


async def test_a_note_being_written_is_kept_when_the_case_locks(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "accounts-security")
        await pilot.press("e")
        app.screen.query_one("#note", Input).value = "half a thought"
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert app.vault is None
        first = find("accounts-security").steps[0].id
        assert saved(vault, "accounts-security").notes == {first: "half a thought"}


@pytest.mark.parametrize("keys", [["2"], ["2", "enter"], ["2", "enter", "e"], ["4"], ["6"]])
async def test_ctrl_l_locks_from_every_depth_of_the_steps(vault: Vault, keys: list[str]):
    from tui.screens.unlock import UnlockScreen

    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press(*keys)
        await settle(app, pilot)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen) and app.vault is None
        assert len(app.screen_stack) == 2  # the default screen and the unlock prompt
