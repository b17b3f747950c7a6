"""Two windows on one case (issue 25, item 2), and an exhibit's history on its screen
(item 1): a save writes only the fields this window changed, asks when the same field
changed elsewhere, and an old value can be put back from the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets import Input, OptionList

from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, open_evidence, said, screen_text, settle
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.history import history
from tui.core.evidence.model import get_exhibit
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.dialogs.conflict import ConflictDialog
from tui.screens.exhibit import ExhibitScreen
from tui.screens.exhibit_history import ExhibitHistoryScreen


def two_exhibits(vault: Vault, tmp_path: Path) -> None:
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    add_file(vault, make_png(tmp_path / "b.png", size=(30, 20)), {"description": "old words"})


async def open_second(app: ReclaimApp, pilot) -> ExhibitScreen:
    await open_evidence(app, pilot)
    await pilot.press("down", "enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ExhibitScreen) and screen.exhibit_id == "E-0002"
    return screen


def is_showing(app: ReclaimApp, screen: Screen[Any]) -> bool:
    return app.screen is screen


def last_details(vault: Vault) -> dict[str, object]:
    entry = custody.entries(vault.table(custody.TABLE))[-1]
    assert entry["action"] == "details"
    details: dict[str, object] = entry["details"]
    return details


async def test_two_windows_each_keep_the_field_they_changed(vault: Vault, tmp_path: Path):
    """A saves a new description; B, opened before, changes only the web address: both
    survive, the log says B changed only the web address, and B's form shows A's words."""
    two_exhibits(vault, tmp_path)
    window_a, window_b = ReclaimApp(vault.path, Settings()), ReclaimApp(vault.path, Settings())
    async with window_b.run_test(size=SIZE) as pilot_b:
        screen_b = await open_second(window_b, pilot_b)
        async with window_a.run_test(size=SIZE) as pilot_a:
            screen_a = await open_second(window_a, pilot_a)
            screen_a.query_one("#description", Input).value = "new words from A"
            await pilot_a.press("ctrl+s")
            await settle(window_a, pilot_a)
            assert "Saved." in said(window_a)
        screen_b.query_one("#url", Input).value = "https://site.example/p/1"
        await pilot_b.press("ctrl+s")
        await settle(window_b, pilot_b)
        assert "Saved." in said(window_b)
        assert screen_b.query_one("#description", Input).value == "new words from A"
    exhibit = get_exhibit(vault, "E-0002")
    assert (exhibit.description, exhibit.url) == ("new words from A", "https://site.example/p/1")
    assert last_details(vault)["changes"] == {
        "url": {"from": "", "to": "https://site.example/p/1"}
    }


async def test_the_same_field_changed_by_the_cli_meanwhile_is_asked_about(
    vault: Vault, tmp_path: Path, passphrase_file: Path
):
    """The CLI saves a description while the form is open; the form's own description
    is then not saved silently over it: both are shown, and the person's choice is kept."""
    two_exhibits(vault, tmp_path)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_second(app, pilot)
        edited = run_reclaim(
            "evidence", "edit", "E-0002", "--description", "theirs", "--vault", str(vault.path),
            "--passphrase-file", str(passphrase_file),
        )  # fmt: skip
        assert edited.returncode == 0, edited.stderr
        screen.query_one("#description", Input).value = "mine"
        screen.query_one("#poster", Input).value = "alex_r"
        logged = len(vault.table(custody.TABLE))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        text = screen_text(app)
        assert "What it shows" in text
        assert "Changed elsewhere: theirs" in text and "Yours: mine" in text
        assert len(vault.table(custody.TABLE)) == logged, "nothing is saved before choosing"
        await pilot.press("up", "enter")  # keep the one changed elsewhere
        await pilot.press("tab", "enter")  # Save my choices
        await settle(app, pilot)
        assert is_showing(app, screen)
        assert screen.query_one("#description", Input).value == "theirs"
        assert "Saved." in said(app)
    exhibit = get_exhibit(vault, "E-0002")
    assert (exhibit.description, exhibit.poster) == ("theirs", "alex_r")
    assert last_details(vault)["fields"] == ["poster"]


async def test_keeping_my_value_in_a_conflict_saves_it_over_the_other(
    vault: Vault, tmp_path: Path
):
    from tui.core.evidence.changes import update_details

    two_exhibits(vault, tmp_path)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_second(app, pilot)
        update_details(vault, "E-0002", {"description": "theirs"})
        screen.query_one("#description", Input).value = "mine"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("tab", "enter")  # Yours is chosen already: Save my choices
        await settle(app, pilot)
        assert is_showing(app, screen)
    assert get_exhibit(vault, "E-0002").description == "mine"
    assert last_details(vault)["changes"] == {"description": {"from": "theirs", "to": "mine"}}


async def test_the_history_shows_a_change_and_puts_the_old_words_back(
    vault: Vault, tmp_path: Path
):
    """Ctrl+O opens the history; Enter on a change offers to put the old words back, a
    normal logged edit, and the form shows them on return."""
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "Direct messages"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ExhibitScreen)
        await pilot.press("end", *"also", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert isinstance(app.screen, ExhibitHistoryScreen)
        steps = app.screen.query_one("#steps", OptionList)
        listed = [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]
        assert listed[0].endswith('What it shows: "Direct messages" to "Direct messagesalso".')
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Put it back
        await settle(app, pilot)
        assert isinstance(app.screen, ExhibitHistoryScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert is_showing(app, screen)
        assert screen.query_one("#description", Input).value == "Direct messages"
        assert not screen.changed()
    assert get_exhibit(vault, "E-0001").description == "Direct messages"
    newest = history(vault, "E-0001")[0]
    assert (newest.old, newest.new) == ("Direct messagesalso", "Direct messages")
