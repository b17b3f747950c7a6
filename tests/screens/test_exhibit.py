"""An exhibit's details (Step 4, Enter): the form saves, confirms guesses and refuses bad
dates; previews start blurred and are shown only on request; the panel shows the whole
SHA-256 and a file's problem once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.pictures import make_png, picture
from tests.support.pilot import (
    SIZE,
    caption,
    open_first_exhibit,
    said,
    screen_text,
    settle,
    wait_until,
)
from tests.support.pilot import open_evidence as open_step
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit import ExhibitScreen
from tui.widgets.preview import Preview


def rows(app: ReclaimApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def reopened(vault: Vault) -> Vault:
    return Vault.open(vault.path, passphrase=PASSPHRASE)


async def test_the_details_form_saves_confirms_guesses_and_refuses_bad_dates(
    vault: Vault, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "Screenshot_20240305-211400.png"))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        assert rows(app)[0][6] == "0/5 ?"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExhibitScreen)
        text = screen_text(app)
        assert "a guess from the file's name" in text
        assert app.screen.query_one("#captured_at", Input).value == "2024-03-05 21:14:00"
        assert "Still missing: who posted it" in text

        app.screen.query_one("#poster", Input).value = "alex_r"
        app.screen.query_one("#posted_at", Input).value = "2024-03-05 20:00"
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "Confirmed: when you captured it." in said(app)
        with reopened(vault) as case:
            saved = get_exhibit(case, "E-0001")
            assert (saved.poster, saved.posted_at, saved.guesses) == (
                "alex_r",
                "2024-03-05T20:00",
                {},
            )

        before = vault_bytes(vault.path)
        app.screen.query_one("#posted_at", Input).value = "2024-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExhibitScreen), "a bad date keeps the form open"
        assert "is not a real date" in said(app)
        assert vault_bytes(vault.path) == before
        await pilot.press("escape")  # asks, with the reason: Keep editing / Discard
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "is not a real date" in screen_text(app)
        await pilot.press("enter")  # Keep editing
        await settle(app, pilot)
        assert isinstance(app.screen, ExhibitScreen)
        assert vault_bytes(vault.path) == before
        app.screen.query_one("#posted_at", Input).value = "2024-03-05"
        app.screen.query_one("#url", Input).value = "https://example.org/p/1"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog), "a changed form asks before saving"
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert rows(app)[0][6] == "4/5"


async def test_previews_start_blurred_reveal_on_request_and_blur_again(
    vault: Vault, tmp_path: Path
):
    add_file(vault, picture(tmp_path / "p.png", seed=4))
    (tmp_path / "chat.txt").write_text("a chat")
    add_file(vault, tmp_path / "chat.txt")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        preview = app.screen.query_one(Preview)
        assert preview.image is not None
        assert preview.revealed is False
        blurred = app.export_screenshot()
        assert caption(preview) == "Blurred: Ctrl+R shows"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert caption(preview) == "Shown: Ctrl+R blurs"
        assert app.export_screenshot() != blurred
        await pilot.press("f1")
        await pilot.press("f1")
        assert isinstance(app.screen, ExhibitScreen)
        assert not preview.revealed, "covering the screen blurs the picture again"
        await pilot.press("ctrl+r", "escape")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not app.screen.query_one(Preview).revealed, "a new visit starts blurred"
        await pilot.press("escape", "down", "enter")
        await settle(app, pilot)
        shown = caption(app.screen.query_one(Preview))
        assert shown == "There is no picture to show for a text file."


async def test_the_panel_shows_the_whole_sha256_and_a_problem_once(vault: Vault, tmp_path: Path):
    broken = tmp_path / "holiday.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)  # a JPEG cut short
    exhibit = add_file(vault, broken).exhibit
    problem = str(exhibit.facts["problem"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first_exhibit(app, pilot)
        preview = app.screen.query_one(Preview)
        await wait_until(pilot, lambda: caption(preview).startswith("There is no picture"))
        text = " ".join(screen_text(app).split())
        assert exhibit.sha256 in text.replace(" ", "")
        assert "…" not in text.split("SHA-256", 1)[1][:80]
        assert text.count(problem[:30]) == 1, "the problem is said once, in the details"
        assert caption(app.screen.query_one(Preview)).startswith("There is no picture")


async def test_a_guess_from_the_files_time_is_confirmed_only_on_its_own(
    vault: Vault, tmp_path: Path
):
    """Ctrl+K confirms the other guesses; the capture time read from when the file was last
    changed stays a guess (the binder says "(estimated)") until confirmed by itself."""
    import os

    from tui.core.binder.document import written_time
    from tui.core.evidence.model import TABLE, doc_ids

    notes = tmp_path / "notes.txt"
    notes.write_text("a chat")
    os.utime(notes, (1709300000, 1709300000))  # 1 March 2024
    assert add_file(vault, notes).exhibit.guesses == {"captured_at": "file time"}
    with vault.transaction():  # and a guess from the file's own data
        vault.table(TABLE).update(
            {
                "posted_at": "2024-02-01",
                "guesses": {"captured_at": "file time", "posted_at": "exif"},
            },
            doc_ids=doc_ids(vault, "E-0001"),
        )
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_first_exhibit(app, pilot)
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert "Confirmed: when it was posted." in said(app)
        with reopened(vault) as case:
            saved = get_exhibit(case, "E-0001")
            assert saved.guesses == {"captured_at": "file time"}
            assert written_time(saved, "captured_at").endswith("(estimated)")
        await pilot.press("ctrl+k")  # now it alone, with a question that shows it
        await settle(app, pilot)
        assert isinstance(app.screen, ChoiceDialog)
        assert "the time the file was last changed" in screen_text(app)
        await pilot.press("enter")  # Leave it as a guess
        await settle(app, pilot)
        assert isinstance(app.screen, ExhibitScreen)  # back in the form
        with reopened(vault) as case:
            assert get_exhibit(case, "E-0001").guesses == {"captured_at": "file time"}
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # Confirm this time
        await settle(app, pilot)
        assert "Confirmed: when you captured it." in said(app)
        with reopened(vault) as case:
            saved = get_exhibit(case, "E-0001")
            assert saved.guesses == {}
            assert not written_time(saved, "captured_at").endswith("(estimated)")
