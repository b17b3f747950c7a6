"""Two Save as fields found walking issue 25: the binder's, left empty, says what to type
(not a sentence starting with a bare colon); the letter's, reached by Tab, keeps the
suggested path with the cursor after it, so the first key typed adds to it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_takedowns, said, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request
from tui.core.vault.vault import Vault
from tui.screens.binder import BinderScreen
from tui.screens.letter import LetterScreen


async def test_an_empty_binder_name_says_what_to_type(vault: Vault, tmp_path: Path) -> None:
    add_file(vault, make_png(tmp_path / "a.png"))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        screen = app.screen
        assert isinstance(screen, BinderScreen)
        screen.query_one("#dest", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.job is None)
        assert "Type a name for the binder's file, ending in .pdf." in said(app)
        assert not said(app).lstrip().startswith(":")


async def test_the_letter_save_as_field_keeps_its_path_on_focus(vault: Vault) -> None:
    save_facts(vault, under_18="no", name="Sam Doe")
    add_request(vault, "meta", ["https://facebook.example/p/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_takedowns(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LetterScreen)
        field = screen.query_one("#dest", Input)
        suggested = field.value
        assert suggested
        field.focus()
        await settle(app, pilot)
        await pilot.press("x")
        assert field.value == suggested + "x"
