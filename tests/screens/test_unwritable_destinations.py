"""The binder, the lawyer package and a backup sent where nothing can be written (a name
too long for the disk, `~someone` who is not on this computer) get one plain sentence,
as the timeline and letters do: no error's own words, no traceback, the app goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, settle, unlock, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.screens.binder import BinderScreen
from tui.screens.copies import CopiesScreen
from tui.screens.lawyer_package import LawyerPackageScreen

LONG = "n" * 300
TOO_LONG = "That file name is too long for the disk; nothing was written. Choose a shorter one."
NOBODY = "~nobody-on-this-computer-h3"
NO_HOME = "A name starting with ~ must be your own home folder"


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the post"})
    return vault


def plain(app: ReclaimApp) -> None:
    text = said(app)
    assert LONG not in text and "Something went wrong" not in text
    assert "Errno" not in text and "Traceback" not in text


@pytest.mark.parametrize(("name", "sentence"), [(f"{LONG}.pdf", TOO_LONG), (NOBODY, NO_HOME)])
async def test_a_binder_that_cannot_be_written_there_is_said_plainly(
    case: Vault, tmp_path: Path, name: str, sentence: str
):
    app = ReclaimApp(case.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("7")
        screen = app.screen
        assert isinstance(screen, BinderScreen)
        where = str(tmp_path / name) if name.endswith(".pdf") else f"{name}/binder.pdf"
        screen.query_one("#dest", Input).value = where
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.job is None and sentence in said(app))
        assert app.is_running and screen.is_current
        plain(app)


@pytest.mark.parametrize(("name", "sentence"), [(LONG, TOO_LONG), (NOBODY, NO_HOME)])
async def test_a_lawyer_package_that_cannot_be_made_there_is_said_plainly(
    case: Vault, tmp_path: Path, name: str, sentence: str
):
    app = ReclaimApp(case.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        screen = LawyerPackageScreen()
        await app.push_screen(screen)
        await pilot.pause()
        where = str(tmp_path / name) if name == LONG else f"{name}/for-lawyer"
        screen.query_one("#dest", Input).value = where
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.job is None and sentence in said(app))
        assert app.is_running and isinstance(app.screen, LawyerPackageScreen)
        plain(app)


@pytest.mark.parametrize(("name", "sentence"), [(LONG, TOO_LONG), (NOBODY, NO_HOME)])
async def test_a_backup_that_cannot_be_made_there_is_said_plainly(
    case: Vault, tmp_path: Path, name: str, sentence: str
):
    app = ReclaimApp(case.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("5")
        screen = app.screen
        assert isinstance(screen, CopiesScreen)
        await pilot.press("b")
        assert isinstance(app.screen, AskDialog)
        where = str(tmp_path / name) if name == LONG else f"{name}/usb"
        app.screen.query_one(Input).value = where
        await pilot.press("enter")
        await settle(app, pilot)
        await wait_until(pilot, lambda: screen.job is None and sentence in said(app))
        assert app.is_running and screen.is_current
        plain(app)
