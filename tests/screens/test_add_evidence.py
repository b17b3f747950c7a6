"""Adding evidence (Step 4, a): files from pasted paths and the browser; a wrong path gets
a sentence; a stray letter typed into the path box never acts (the `f` of a path once
chose the whole home folder); a whole folder is counted and asked about first, with No
as the answer Enter gives."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, DirectoryTree, Input

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import (
    SIZE,
    cut_placeholders,
    open_evidence,
    said,
    screen_text,
    wait_until,
)
from tui.app import ReclaimApp
from tui.core.evidence.intake import count_folder
from tui.core.evidence.model import list_exhibits
from tui.core.settings import Settings
from tui.core.shared import text
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.add_evidence import AddEvidenceScreen, folder_question
from tui.screens.evidence import EvidenceScreen
from tui.screens.provenance_form import BatchProvenanceDialog

AppPilot = Pilot[None]


def showing(app: ReclaimApp) -> object:
    """The screen now showing (a call, so that type narrowing doesn't carry over)."""
    return app.screen


async def settle(pilot: AppPilot) -> None:
    """Let messages arrive and the screen update (no waiting on workers: the folder
    question is a worker that waits for the person's answer)."""
    await pilot.pause()
    await pilot.pause()


async def asked(app: ReclaimApp, pilot: AppPilot) -> ChoiceDialog:
    """Wait for a question (a folder is counted first, in the background) to be up: built,
    an answer focused. The dialog is on the stack a moment before that, and a key pressed
    then finds nothing focused to press."""

    def up() -> bool:
        dialog = app.screen
        return isinstance(dialog, ChoiceDialog) and dialog.is_mounted and app.focused is not None

    await wait_until(pilot, up)
    assert isinstance(app.screen, ChoiceDialog)
    return app.screen


async def answered(app: ReclaimApp, pilot: AppPilot, screen: AddEvidenceScreen) -> None:
    """Wait until the question is gone and its worker has taken the answer (until then
    the screen is still `asking` and lets no other key choose or add)."""
    await wait_until(pilot, lambda: showing(app) is screen and not screen.asking)


async def open_add_evidence(app: ReclaimApp, pilot: AppPilot) -> AddEvidenceScreen:
    await open_evidence(app, pilot)
    await pilot.press("a")
    screen = app.screen
    assert isinstance(screen, AddEvidenceScreen)
    tree = screen.query_one(DirectoryTree)
    await wait_until(pilot, lambda: tree.root.children)  # the folder browser reads home
    return screen


async def wait_for_work(app: ReclaimApp, pilot: AppPilot) -> None:
    screen = app.screen
    assert isinstance(screen, EvidenceScreen)
    await wait_until(pilot, lambda: screen.job is None)


def ids(app: ReclaimApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def home_with_pictures(home: Path, count: int = 3) -> Path:
    pictures = home / "Pictures"
    (pictures / "2024").mkdir(parents=True)
    for index, color in zip(range(count), ("red", "green", "blue", "teal"), strict=False):
        make_png(pictures / "2024" / f"shot-{index}.png", color=color)
    (pictures / ".hidden-thumbnail.png").write_bytes(b"not counted")
    return pictures


async def test_typing_a_path_never_chooses_a_folder(vault: Vault, isolated_home: Path) -> None:
    home_with_pictures(isolated_home)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_add_evidence(app, pilot)
        field = screen.query_one("#paths", Input)
        assert app.focused is field, "the screen opens in the path box"
        await pilot.press(*"/tmp/files/f", "backspace", "f")
        await settle(pilot)
        assert field.value == "/tmp/files/f"
        assert showing(app) is screen and screen.chosen == []
        assert "Nothing chosen yet." in screen_text(app)
        assert "f" not in screen.active_bindings, "no whole-folder key while typing"
        screen.query_one(DirectoryTree).focus()
        await pilot.pause()
        assert "f" in screen.active_bindings, "in the browser, f chooses a whole folder"


async def test_a_whole_folder_is_counted_and_asked_about_no_by_default(
    vault: Vault, isolated_home: Path
) -> None:
    home_with_pictures(isolated_home, count=3)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_add_evidence(app, pilot)
        tree = screen.query_one(DirectoryTree)
        tree.focus()
        await pilot.pause()
        assert tree.cursor_node is tree.root  # the home folder itself
        await pilot.press("f")
        dialog = await asked(app, pilot)
        text = screen_text(app)
        assert "Add 3 files (" in text and f"from {isolated_home}, and its subfolders?" in text
        assert app.focused is dialog.query_one("#answer-no"), "No is the answer Enter gives"
        await pilot.press("enter")
        await answered(app, pilot, screen)
        assert screen.chosen == []

        await pilot.press("f")
        await asked(app, pilot)
        await pilot.press("escape")  # Escape is No too
        await answered(app, pilot, screen)
        assert screen.chosen == []

        await pilot.press("f")
        await asked(app, pilot)
        await pilot.press("tab", "enter")  # "Yes, add them"
        await answered(app, pilot, screen)
        assert screen.chosen == [isolated_home]
        assert "1 chosen (1 whole folder)" in screen_text(app)
        await pilot.press("backspace")  # in the browser, Backspace drops the last choice
        assert screen.chosen == []


async def test_a_typed_folder_is_asked_about_before_ctrl_s_adds_it(
    vault: Vault, isolated_home: Path
) -> None:
    pictures = home_with_pictures(isolated_home, count=2)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_add_evidence(app, pilot)
        screen.query_one("#paths", Input).value = "~/Pictures"
        await pilot.press("ctrl+s")
        await asked(app, pilot)
        assert "Add 2 files (" in screen_text(app) and str(pictures) in screen_text(app)
        await pilot.press("enter")  # No: back, the path still typed
        await answered(app, pilot, screen)
        assert screen.query_one("#paths", Input).value and screen.chosen == []
        await pilot.press("ctrl+s")
        await asked(app, pilot)
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: isinstance(showing(app), BatchProvenanceDialog))
        await pilot.press("ctrl+n")  # where they came from: skip for now
        await wait_until(pilot, lambda: "Added 2 items." in said(app))
        assert isinstance(showing(app), EvidenceScreen)
        assert "Added 2 items." in said(app), "the hidden file is left out, as counted"


async def test_an_empty_folder_is_said_and_not_chosen(vault: Vault, isolated_home: Path) -> None:
    (isolated_home / "Empty").mkdir()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_add_evidence(app, pilot)
        screen.query_one("#paths", Input).value = str(isolated_home / "Empty")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "has no files in it" in said(app))
        assert not isinstance(showing(app), ChoiceDialog) and screen.chosen == []


def test_counting_a_folder_is_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    (folder / "sub").mkdir(parents=True)
    for index in range(5):
        (folder / "sub" / f"{index}.txt").write_bytes(b"x" * 100)
    (folder / ".secret").write_bytes(b"hidden")
    counted = count_folder(folder)
    assert (counted.files, counted.bytes, counted.more) == (5, 500, False)
    stopped = count_folder(folder, limit=3)
    assert (stopped.files, stopped.more) == (3, True)
    assert folder_question([folder], stopped) == (
        f"Add more than 3 files (over 300 bytes) from {folder}, and its subfolders?"
    )
    assert text.size(3_100_000_000) == "2.9 GiB" and text.size(1) == "1 byte"
    for index in range(300):
        (folder / f"{index}.log").write_bytes(b"")
    slow = count_folder(folder, seconds=0)  # a slow disk: stopped by the clock
    assert (slow.files, slow.more) == (256, True)


async def test_files_are_added_from_pasted_paths_and_the_browser(vault: Vault, tmp_path: Path):
    shots = tmp_path / "shots"
    shots.mkdir()
    make_png(shots / "Screenshot 2024-03-05 at 21.14.00.png", color="red")
    make_png(shots / "second.png", color="blue")
    make_png(tmp_path / "browsed.png", color="green")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
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
        adding = app.screen_stack[-2]
        assert isinstance(adding, AddEvidenceScreen)
        await pilot.press("tab", "enter")  # "Yes, add them"
        await answered(app, pilot, adding)
        assert field.value == ""
        app.screen.query_one(DirectoryTree).path = tmp_path
        tree = app.screen.query_one(DirectoryTree)
        await wait_until(
            pilot, lambda: "browsed.png" in [str(n.label) for n in tree.root.children]
        )
        tree.focus()
        await pilot.pause()
        names = [str(node.label) for node in tree.root.children]
        tree.move_cursor(tree.root.children[names.index("browsed.png")])
        await pilot.press("enter")
        await wait_until(pilot, lambda: "2 chosen (1 whole folder)" in screen_text(app))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(showing(app), BatchProvenanceDialog))
        await pilot.press("ctrl+n")  # where they came from: skip for now
        await wait_until(pilot, lambda: isinstance(showing(app), EvidenceScreen))
        await wait_for_work(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert ids(app) == ["E-0001", "E-0002", "E-0003"]
        assert "Added 3 items." in said(app)

    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        names = [e.original_name for e in list_exhibits(case)]
        assert names == ["Screenshot 2024-03-05 at 21.14.00.png", "second.png", "browsed.png"]
        assert list_exhibits(case)[0].guesses == {"captured_at": "name"}


async def test_a_wrong_path_gets_a_sentence_and_nothing_is_chosen(vault: Vault, tmp_path: Path):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_evidence(app, pilot)
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


async def test_no_placeholder_is_cut_at_80_columns(demo: Vault):
    """Every text field's hint fits the field it is in."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, AddEvidenceScreen))
        assert cut_placeholders(app) == []
