"""At a clinic's kiosk nothing one client makes or browses is visible to the next: two
clients, one after the other, on the real app."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.drives import pretend_drives
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text, settle
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.kiosk import save_folders
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.binder import BinderScreen


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    media = tmp_path / "media"
    (media / "CLIENT-USB").mkdir(parents=True)
    pretend_drives(monkeypatch, media / "CLIENT-USB")
    return replace(
        Settings(),
        kiosk_cases_dir=tmp_path / "cases",
        kiosk_import_dirs=(media,),
    )


def client_case(settings: Settings, number: str, tmp_path: Path) -> Vault:
    vault, _ = Vault.create(settings.kiosk_cases_dir / number, PASSPHRASE, FAST_KDF)
    add_file(vault, make_png(tmp_path / f"{number}.png", color="teal"))
    return vault


async def open_step(app: ReclaimApp, pilot, vault: Vault, key: str) -> None:
    """Open `vault` as the client's case and go to the step numbered `key`."""
    app.vault = vault
    app.show_home()
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def make_binder(app: ReclaimApp, pilot, destination: str) -> None:
    await pilot.press("7")
    await pilot.pause()
    assert isinstance(app.screen, BinderScreen)
    app.screen.query_one("#dest", Input).value = destination
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_next_client_sees_nothing_of_the_last(clinic: Settings, tmp_path: Path):
    first = client_case(clinic, "111111", tmp_path)
    second = client_case(clinic, "222222", tmp_path)
    home = Path.home()
    app = ReclaimApp(Path(), clinic, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, first, "7")
        field = app.screen.query_one("#dest", Input)
        assert field.value == "", "no shared default place on a kiosk"
        assert "your own drive" in field.placeholder
        await pilot.press("escape")
        await pilot.pause()
        staged = tmp_path / "kiosk-disk" / "binder.pdf"
        staged.parent.mkdir()
        kept = tmp_path / "media" / "CLIENT-USB" / "binder.pdf"
        await make_binder(app, pilot, str(staged))
        assert not staged.exists(), "the kiosk's own disk is not a place to save to"
        assert "can only save to your own drive" in screen_text(app) + said(app)
        await pilot.press("escape")
        await pilot.pause()
        await make_binder(app, pilot, str(kept))
        assert kept.exists()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert kept.exists(), "the client's own drive keeps what they saved to it"
        assert not any(home.rglob("*.pdf")), "nothing in the kiosk account's home"

        await open_step(app, pilot, second, "4")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddEvidenceScreen)
        tree = app.screen.query_one(DirectoryTree)
        assert Path(tree.path) == tmp_path / "media", "the browser starts on removable media"
    first.close()
    second.close()


async def test_a_kiosk_export_folder_gets_undated_names(clinic: Settings, tmp_path: Path):
    usb = tmp_path / "media" / "CLINIC-USB"
    usb.mkdir()
    settings = replace(clinic, kiosk_export_dir=usb)
    vault = client_case(settings, "333333", tmp_path)
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, vault, "7")
        value = app.screen.query_one("#dest", Input).value
        assert Path(value).parent == usb
        assert re.fullmatch(r"reclaim-binder-[0-9a-f]{6}\.pdf", Path(value).name), value
    vault.close()


def test_away_from_a_kiosk_the_defaults_are_home_and_dated():
    places = save_folders.SaveFolders()
    target = places.default_target("binder", ".pdf")
    assert target is not None and target.parent == Path.home()
    assert re.search(r"\d{4}-\d{2}-\d{2}", target.name)
    assert places.browse_root() == Path.home()
