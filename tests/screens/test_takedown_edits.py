"""Two windows on one takedown request (issue 25, item 2): the form saves only the
fields it changed, and the same field changed elsewhere (here by the CLI) is asked about."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tests.support.cli import run_reclaim
from tests.support.pilot import SIZE, open_takedowns, said, screen_text, settle
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request, get_request
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.conflict import ConflictDialog
from tui.screens.takedown_request import RequestScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def open_request(app: ReclaimApp, pilot) -> RequestScreen:
    await open_takedowns(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, RequestScreen) and screen.request_id == "R-001"
    return screen


def update_by_cli(vault: Vault, passphrase_file: Path, *options: str) -> None:
    result = run_reclaim(
        "takedown", "update", "R-001", *options,
        "--vault", str(vault.path), "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


async def test_a_change_made_elsewhere_to_another_field_is_kept(
    vault: Vault, passphrase_file: Path
):
    save_facts(vault, under_18="no")
    add_request(vault, "reddit", ["https://r.example/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(app, pilot)
        update_by_cli(vault, passphrase_file, "--reference", "RD-7")
        screen.query_one("#notes", TextArea).text = "Asked again by email."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "R-001 saved." in said(app)
        assert screen.query_one("#reference", Input).value == "RD-7"
    request = get_request(vault, "R-001")
    assert (request.reference, request.notes) == ("RD-7", "Asked again by email.")
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["notes"]
    assert last["changes"] == {"notes": {"from": "", "to": "Asked again by email."}}


async def test_the_same_field_changed_elsewhere_is_asked_about(
    vault: Vault, passphrase_file: Path
):
    save_facts(vault, under_18="no")
    add_request(vault, "reddit", ["https://r.example/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_request(app, pilot)
        update_by_cli(vault, passphrase_file, "--reference", "theirs")
        screen.query_one("#reference", Input).value = "mine"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(showing(app), ConflictDialog)
        text = screen_text(app)
        assert "Changed elsewhere: theirs" in text and "Yours: mine" in text
        await pilot.press("up", "enter", "tab", "enter")  # keep theirs; Save my choices
        await settle(app, pilot)
        assert showing(app) is screen
        assert screen.query_one("#reference", Input).value == "theirs"
    assert get_request(vault, "R-001").reference == "theirs"
