"""Notices: they stay with the screen they were about, never cover a dialog's button or
the keys, and what opening a case found (evidence missing from its record) is said once,
in Reclaim's words, with the palette command that takes it back."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Footer, Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, notices, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault
from tui.dialogs.delete import DeleteDialog
from tui.palette import palette_commands
from tui.screens.evidence import EvidenceScreen
from tui.screens.home import HomeScreen

said = notices


async def test_evidence_missing_from_the_record_is_said_with_the_command_that_takes_it_back(
    vault: Vault, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "0.png", color="red"))
    saved = tmp_path / "old-record"
    shutil.copy2(vault.path / RECORD, saved)
    for index, color in ((1, "teal"), (2, "gold")):
        add_file(vault, make_png(tmp_path / f"{index}.png", color=color))
    shutil.copy2(saved, vault.path / RECORD)  # an older record put back
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        told = [each for each in said(app) if "missing from its record" in each]
        assert told == [
            "2 exhibits are in the case folder but missing from its record (an older copy "
            "of the record may have been put back, or a save was interrupted). Nothing is "
            "lost: “Take back missing evidence” (Ctrl+P) takes them back."
        ]
        assert "reclaim" not in told[0], "no command to type on a screen"
        offered = {c.title: c for c in palette_commands(app, app.screen)}
        await pilot.app.run_action("recover")
        await settle(app, pilot)
        assert "Take back missing evidence" in offered
        assert "Took back 2 exhibit(s): E-0002, E-0003." in said(app)
        offered = {c.title: c for c in palette_commands(app, app.screen)}
        assert "Take back missing evidence" not in offered, "nothing left to take back"


async def test_notices_stay_with_the_screen_they_were_about(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "enter")  # nothing highlighted yet: a notice says so
        await pilot.pause()
        assert any("Move to an answer" in notice for notice in said(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert said(app) == [], "the notice went with the step it was about"
        await pilot.press("7")
        await pilot.pause()
        assert said(app) == []


async def test_the_delete_button_is_clear_of_notices(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4", "x")
        await pilot.pause()
        assert any("left out of the binder" in notice for notice in said(app))
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DeleteDialog)
        assert said(app) == [], "the notices of the list go as the dialog opens"
        app.notify("A notice that comes while the dialog is open, long enough to wrap.")
        app.notify("And a second one, to stack them up in the bottom right corner.")
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 2)
        button = app.screen.query_one("#delete", Button).region
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert len(toasts) == 2
        assert not any(button.overlaps(toast) for toast in toasts)
        app.screen.query_one("#typed", Input).value = "E-0001"
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert said(app)[-1] == "E-0001 is deleted. The custody log records it.", (
            "news sent as a dialog closes is shown on the screen it returns to"
        )


async def test_notices_come_up_above_the_keys(demo: Vault):
    """A notice at the bottom right once hid the end of a footer and could hide Ctrl+P."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4", "x")
        await wait_until(pilot, lambda: app.screen.query("Toast"))
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert toasts, "the notice is on show"
        footer = app.screen.query_one(Footer).region
        assert all(toast.bottom <= footer.y for toast in toasts)
