"""A file that can't be written (a 300-character name, a folder Reclaim may not write in)
or can't be read gets one plain sentence on the screen: the app goes on, and no traceback
(with what the account says in its local variables) ever shows."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input

from tests.support.pilot import SIZE, open_evidence, open_takedowns, said, settle, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.letter import LetterScreen
from tui.screens.timeline import TimelineScreen

LONG = "n" * 300


async def export_timeline(app: ReclaimApp, pilot, name: str) -> None:
    from tests.support.pilot import unlock

    await unlock(app, pilot)
    await pilot.press("6")
    await settle(app, pilot)
    assert isinstance(app.screen, TimelineScreen)
    await pilot.press("e")
    assert isinstance(app.screen, AskDialog)
    app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await settle(app, pilot)


async def test_a_timeline_export_with_a_300_character_name_says_so(vault: Vault, tmp_path: Path):
    add_event(vault, "2024-03-05", "The post", details="what she wrote")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await export_timeline(app, pilot, str(tmp_path / f"{LONG}.docx"))
        assert app.is_running and isinstance(app.screen, TimelineScreen)
        assert "too long" in said(app)
        assert LONG not in said(app)


async def test_a_timeline_export_reclaim_may_not_write_says_so(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def refused(*_args: object, **_options: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tui.core.timeline.written_account.atomic_write", refused)
    add_event(vault, "2024-03-05", "The post", details="what she wrote")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await export_timeline(app, pilot, str(tmp_path / "account.docx"))
        assert app.is_running and isinstance(app.screen, TimelineScreen)
        assert "not allowed to write" in said(app)


async def test_a_letter_saved_with_a_300_character_name_says_so(vault: Vault, tmp_path: Path):
    save_facts(
        vault, name="Zoë", contact="zoe@example.org", signature="Zoë", no_consent=True,
        recipient="Alex Doe", respond_by="2026-12-09", under_18="no",
    )  # fmt: skip
    add_event(vault, "12 March 2024", "Alex posted the pictures")
    add_request(vault, "meta", ["https://facebook.example/p/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_takedowns(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        letter = app.screen
        assert isinstance(letter, LetterScreen)
        if letter.letter is None:
            await pilot.press("ctrl+d")
            await pilot.pause()
        assert letter.letter is not None
        letter.query_one("#dest", Input).value = str(tmp_path / f"{LONG}.docx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.screen is letter
        assert "too long" in said(app)


async def test_a_300_character_name_typed_in_add_evidence_says_so(vault: Vault, tmp_path: Path):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AddEvidenceScreen)
        tree = screen.query_one(DirectoryTree)
        await wait_until(pilot, lambda: tree.root.children)
        screen.query_one("#paths", Input).value = str(tmp_path / f"{LONG}.png")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.chosen == []
        assert app.is_running and app.screen is screen
        assert "no file" in said(app).lower() or "too long" in said(app)
