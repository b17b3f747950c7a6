"""Step 5 in the app: backing up in the background, checking a backup, noting a copy
made by hand, and the stale copies marked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, Static

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, notices, said, screen_text, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.copies.verify import find_backup
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.dialogs.choice import ChoiceDialog
from tui.screens.copies import CopiesScreen


async def wait_for_copies(app: ReclaimApp, pilot) -> None:
    screen = app.screen
    assert isinstance(screen, CopiesScreen)
    await wait_until(pilot, lambda: screen.job is None)


def rows(app: ReclaimApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_back_up_check_and_note_a_copy(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    drive = tmp_path / "usb"
    drive.mkdir()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("5")
        assert isinstance(app.screen, CopiesScreen)
        assert "more than one safe place" in screen_text(app)
        await pilot.press("b")
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one(Input).value = str(drive)
        await pilot.press("enter")
        await wait_for_copies(app, pilot)
        assert "Backed up 1 item to" in said(app)
        assert rows(app)[0][1:3] == ["backup", "up to date"]
        assert find_backup(drive).is_dir()

        await pilot.press("v")
        await wait_for_copies(app, pilot)
        assert "C-01 is whole" in said(app)

        await pilot.press("a")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#answer-printed")
        await pilot.pause()
        app.screen.query_one(Input).value = "printed binder at Sam's"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [row[1] for row in rows(app)] == ["backup", "printed"]
        assert "2 copies · all up to date" in screen_text(app)


async def test_a_damaged_backup_is_reported_on_check(vault: Vault, tmp_path: Path):
    from tui.core.copies.backup import make_backup

    add_file(vault, make_png(tmp_path / "a.png"))
    drive = tmp_path / "usb"
    drive.mkdir()
    folder = make_backup(vault, drive).folder
    blob = next((folder / "blobs").glob("*.blob"))
    blob.write_bytes(b"broken")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("5", "v")
        await wait_for_copies(app, pilot)
        assert "C-01 is not whole" in said(app)


async def test_a_copy_made_by_hand_is_noted_in_plain_words(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("5", "a")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        buttons = list(app.screen.query(Button))
        assert [str(b.label) for b in buttons][-1] == "Something else"
        for button in buttons:  # none cut: each is drawn whole, inside the dialog
            assert button.content_size.width >= len(str(button.label))
            assert button.region.right <= SIZE[0]
        await pilot.press("enter")  # "Printed"
        await settle(app, pilot)
        app.screen.query_one(Input).value = "printed binder at Sam's"
        await pilot.press("enter")
        await settle(app, pilot)
        noted = "C-01 is on the register. It holds the 1 item your case has today."
        assert notices(app)[-1] == noted
        lead = str(app.screen.query_one("#lead", Static).render())
        assert lead.startswith("1 copy · all up to date.")
