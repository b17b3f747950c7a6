"""Step 4 in the app, driven with Pilot: adding files (browser and pasted paths) in the
background, the details form, blurred previews, stitching, removing, deleting,
filtering and sorting, and checking every item."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, DirectoryTree, Input

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.pictures import make_png, picture
from tests.support.pilot import SIZE, caption, said, screen_text, settle
from tests.support.pilot import open_evidence as open_step
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import get_exhibit, list_exhibits
from tui.core.settings import Settings
from tui.core.vault import custody
from tui.core.vault.vault import Vault
from tui.dialogs.ask import AskDialog
from tui.dialogs.choice import ChoiceDialog
from tui.dialogs.delete import DeleteDialog
from tui.screens.add_evidence import AddEvidenceScreen
from tui.screens.capture_guide import CaptureGuideScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit import ExhibitScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.preview import Preview


def rows(app: ReclaimApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def ids(app: ReclaimApp) -> list[str]:
    return [row[1] for row in rows(app)]


def reopened(vault: Vault) -> Vault:
    return Vault.open(vault.path, passphrase=PASSPHRASE)


async def asked(app: ReclaimApp, pilot) -> None:
    """Wait for a question (the folder counted first, in the background)."""
    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(app.screen, ChoiceDialog):
            return
    raise AssertionError("no question came")


async def wait_for_work(app: ReclaimApp, pilot) -> None:
    screen = app.screen
    assert isinstance(screen, EvidenceScreen)
    for _ in range(200):
        await pilot.pause(0.05)
        if screen.job is None:
            return
    raise AssertionError("the background work did not finish")


async def test_files_are_added_from_pasted_paths_and_the_browser(vault: Vault, tmp_path: Path):
    shots = tmp_path / "shots"
    shots.mkdir()
    make_png(shots / "Screenshot 2024-03-05 at 21.14.00.png", color="red")
    make_png(shots / "second.png", color="blue")
    make_png(tmp_path / "browsed.png", color="green")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        assert "Nothing saved yet" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, AddEvidenceScreen)
        tree = app.screen.query_one(DirectoryTree)
        assert Path(tree.path) == Path.home()

        # a folder pasted as a file address (said what it holds, and asked), and a
        # browsed file chosen with Enter
        field = app.screen.query_one("#paths", Input)
        assert app.focused is field, "the screen opens in the path field"
        field.value = f"file://{shots}"
        await pilot.press("enter")
        await asked(app, pilot)
        assert "Add 2 files (" in screen_text(app) and f"from {shots}, and its" in screen_text(app)
        await pilot.press("tab", "enter")  # "Yes, add them"
        await pilot.pause()
        assert isinstance(app.screen, AddEvidenceScreen)
        assert field.value == ""
        app.screen.query_one(DirectoryTree).path = tmp_path
        await pilot.pause(0.3)
        tree = app.screen.query_one(DirectoryTree)
        tree.focus()
        await pilot.pause()
        names = [str(node.label) for node in tree.root.children]
        tree.move_cursor(tree.root.children[names.index("browsed.png")])
        await pilot.press("enter")
        await pilot.pause()
        assert "2 chosen (1 whole folder)" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await wait_for_work(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert ids(app) == ["E-0001", "E-0002", "E-0003"]
        assert "Added 3 items." in said(app)

    with reopened(vault) as case:
        names = [e.original_name for e in list_exhibits(case)]
        assert names == ["Screenshot 2024-03-05 at 21.14.00.png", "second.png", "browsed.png"]
        assert list_exhibits(case)[0].guesses == {"captured_at": "name"}


async def test_a_wrong_path_gets_a_sentence_and_nothing_is_chosen(vault: Vault, tmp_path: Path):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("a")
        field = app.screen.query_one("#paths", Input)
        field.focus()
        field.value = str(tmp_path / "not-there.png")
        await pilot.press("enter")
        await pilot.pause()
        assert "There is no file or folder at" in said(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AddEvidenceScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, EvidenceScreen)
        assert app.screen.job is None


async def test_adding_shows_progress_and_esc_stops_cleanly(vault: Vault, tmp_path: Path):
    big = tmp_path / "big"
    big.mkdir()
    for index in range(4):
        (big / f"recording-{index}.mp4").write_bytes(os.urandom(48 * 1024 * 1024))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.start_add([big])
        for _ in range(100):
            await pilot.pause(0.05)
            if "of 4" in screen_text(app):
                break
        assert screen.query_one("#work").display
        assert "Adding" in screen_text(app) and "of 4" in screen_text(app)
        await pilot.press("escape")
        await wait_for_work(app, pilot)
        assert isinstance(app.screen, EvidenceScreen), "Esc stopped the work, not the screen"
        assert "Stopped." in said(app)
        assert not screen.query_one("#work").display
    with reopened(vault) as case:
        kept = list_exhibits(case)
        assert len(kept) < 4
        assert len(list(case.blob_dir.glob("*.blob"))) == len(kept)
        assert list(case.blob_dir.glob("*.part")) == []


async def test_a_lock_during_adding_stops_the_work_first(vault: Vault, tmp_path: Path):
    big = tmp_path / "big"
    big.mkdir()
    for index in range(3):
        (big / f"{index}.bin").write_bytes(os.urandom(48 * 1024 * 1024))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        screen.start_add([big])
        await pilot.pause(0.1)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen) and app.vault is None
        assert screen.job is None or screen.job.finished
    with reopened(vault) as case:
        assert list(case.blob_dir.glob("*.part")) == []
        assert len(list(case.blob_dir.glob("*.blob"))) == len(list_exhibits(case))


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
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExhibitScreen), "a bad date keeps the form open"
        assert "is not a real date" in said(app)
        assert vault_bytes(vault.path) == before
        app.screen.query_one("#posted_at", Input).value = "2024-03-05"
        app.screen.query_one("#url", Input).value = "https://example.org/p/1"
        await pilot.press("escape")
        await pilot.pause()
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
        await open_step(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
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


async def test_marked_screenshots_are_stitched_into_a_new_linked_exhibit(
    vault: Vault, tmp_path: Path
):
    for index, color in enumerate(("red", "green", "blue")):
        add_file(vault, make_png(tmp_path / f"{index}.png", size=(60, 90), color=color))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("t")
        assert "Mark two or more" in said(app)
        await pilot.press("down", "space", "up", "up", "space")
        assert [row[0] for row in rows(app)] == ["●", "●", ""]
        assert "marked: E-0002, E-0001" in screen_text(app)
        await pilot.press("t")
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one(Input).value = "The chat, top to bottom"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert ids(app) == ["E-0001", "E-0002", "E-0003", "E-0004"]
        assert app.screen.current_id() == "E-0004"
        assert "E-0004 is the stitched image" in said(app)
    with reopened(vault) as case:
        tall = get_exhibit(case, "E-0004")
        assert tall.derived_from == ["E-0002", "E-0001"] and tall.height == 180


async def test_remove_keeps_and_delete_needs_the_number_typed(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    add_file(vault, make_png(tmp_path / "b.png", color="red"), {"description": "second"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("x")
        assert rows(app)[0][5] == "(removed) first"
        assert "stays in the case" in said(app)

        await pilot.press("down", "D")
        assert isinstance(app.screen, DeleteDialog)
        assert "Remove (x) instead" in screen_text(app)
        await pilot.press(*"E-0001")
        assert app.screen.query_one("#delete").disabled, "the wrong number does not delete"
        app.screen.query_one("#typed", Input).value = "e-0002"
        await pilot.pause()
        assert not app.screen.query_one("#delete").disabled
        await pilot.press("enter")
        await settle(app, pilot)
        assert ids(app) == ["E-0001"]
    with reopened(vault) as case:
        (kept,) = list_exhibits(case)
        assert kept.excluded
        actions = [e["action"] for e in custody.entries(case.table(custody.TABLE))]
        assert actions[-2:] == ["exclude", "delete"]


async def test_filter_and_sort_narrow_and_order_the_table(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"platform": "Reddit", "poster": "zed"})
    add_file(vault, make_png(tmp_path / "b.png", color="red"), {"platform": "Instagram"})
    add_file(vault, make_png(tmp_path / "c.png", color="blue"), {"platform": "instagram"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("slash", *"INSTA")
        await pilot.press("enter")
        assert ids(app) == ["E-0002", "E-0003"]
        assert "2 shown" in screen_text(app)
        assert app.screen.query_one(DataTable).has_focus
        await pilot.press("slash", "escape")
        assert ids(app) == ["E-0001", "E-0002", "E-0003"]
        await pilot.press("s", "s")
        assert "by platform" in screen_text(app)
        assert ids(app) == ["E-0002", "E-0003", "E-0001"]


async def test_verify_all_marks_each_item_and_names_the_damaged_one(vault: Vault, tmp_path: Path):
    for index in range(3):
        add_file(vault, make_png(tmp_path / f"{index}.png", color=("red", "green", "blue")[index]))
    damaged = list_exhibits(vault)[1]
    blob = vault.blob_dir / f"{damaged.blob}.blob"
    data = bytearray(blob.read_bytes())
    data[-5] ^= 0xFF
    blob.write_bytes(bytes(data))
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("V")
        await wait_for_work(app, pilot)
        assert [row[7] for row in rows(app)] == ["✓", "✗", "✓"]
        assert "1 item is damaged (✗ under Hash): E-0002" in said(app)


async def test_the_capture_guide_is_one_key_away(vault: Vault):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("g")
        assert isinstance(app.screen, CaptureGuideScreen)
        assert "Every capture should show" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, EvidenceScreen)


async def test_the_panel_shows_the_whole_sha256_and_a_problem_once(vault: Vault, tmp_path: Path):
    broken = tmp_path / "holiday.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)  # a JPEG cut short
    exhibit = add_file(vault, broken).exhibit
    problem = str(exhibit.facts["problem"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=(100, 40)) as pilot:
        await open_step(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.3)
        text = " ".join(screen_text(app).split())
        assert exhibit.sha256 in text.replace(" ", "")
        assert "…" not in text.split("SHA-256", 1)[1][:80]
        assert text.count(problem[:30]) == 1, "the problem is said once, in the details"
        assert caption(app.screen.query_one(Preview)).startswith("There is no picture")
