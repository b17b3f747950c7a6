"""Add evidence on a kiosk, driven as a client would: typing or pasting a path into
another client's case (directly, with `..`, or by `file://`) gets one sentence and adds
nothing; a file on the client's own drive is taken. Before: "Add 5 files (228.1 KB) from
…/cases/868782" and the other case's header, record and blobs were copied in."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import DirectoryTree, Input

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.drives import pretend_drives
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, wait_until
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.screens.add_evidence import AddEvidenceScreen

REFUSED = "On this computer Reclaim can only take files from"


async def test_typing_another_clients_case_into_add_evidence_adds_nothing(
    tmp_path: Path, monkeypatch
) -> None:
    media = tmp_path / "media"
    drive = media / "CLIENT-USB"
    pretend_drives(monkeypatch, drive)
    settings = replace(Settings(), kiosk_cases_dir=tmp_path / "cases", kiosk_import_dirs=(media,))
    theirs, _ = Vault.create(settings.kiosk_cases_dir / "868782", PASSPHRASE, FAST_KDF)
    add_file(theirs, make_png(tmp_path / "theirs.png", color="teal"))
    theirs.close()
    mine, _ = Vault.create(settings.kiosk_cases_dir / "111111", PASSPHRASE, FAST_KDF)
    own = make_png(drive / "shot.png", color="red")
    (media / "cases").symlink_to(settings.kiosk_cases_dir)  # a link planted on the media
    other = settings.kiosk_cases_dir / "868782"
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        app.vault = mine
        app.show_home()
        await pilot.pause()
        await pilot.press("4", "a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AddEvidenceScreen)
        tree = screen.query_one(DirectoryTree)
        await wait_until(pilot, lambda: tree.root.children)
        shown = [str(node.label) for node in tree.root.children]
        assert shown == ["CLIENT-USB"], "a link to the cases is not offered in the browser"
        field = screen.query_one("#paths", Input)
        for typed in (
            str(other),
            str(other / "header.json"),
            f"{drive}/../../cases/868782",
            f"file://{other}/header.json",
            "/etc/passwd",
        ):
            app.clear_notifications()
            field.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert f"{REFUSED} {media} or your own drive." in said(app), typed
            assert screen.chosen == [], typed
            assert "868782" not in said(app).replace(typed, ""), "nothing said of the case"
        field.value = str(own)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.chosen == [own], "the client's own drive is read"
    assert len(list_exhibits(mine)) == 0
    mine.close()
