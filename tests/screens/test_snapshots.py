"""What the screens look like at 80x24 (cursors held still by `conftest.py`). Update
after a deliberate change with `python -m pytest tests/screens/test_snapshots.py
--snapshot-update`, and look at the SVGs."""

from pathlib import Path

import pytest

from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault

SIZE = (80, 24)


async def wait_for_evidence_work(pilot) -> None:
    """Let the preview or the check in the background finish, then draw."""
    for _ in range(100):
        await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        if getattr(pilot.app.screen, "job", None) is None:
            break
    await pilot.pause()


async def wait_for_question(pilot) -> None:
    """A whole folder is counted in the background before its question comes."""
    from tui.dialogs.choice import ChoiceDialog

    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(pilot.app.screen, ChoiceDialog):
            break
    await pilot.pause()


async def browser_read(pilot) -> None:
    """The folder browser has read its folder (in the background) and drawn it."""
    from textual.widgets import DirectoryTree

    from tests.support.pilot import wait_until

    tree = pilot.app.screen.query_one(DirectoryTree)
    await wait_until(pilot, lambda: tree.root.children)


def test_unlock_screen(snap_compare, vault: Vault):
    assert snap_compare(ReclaimApp(vault.path, Settings()), terminal_size=SIZE)


def test_home_screen(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, terminal_size=SIZE)


def test_evidence_list(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["4"], terminal_size=SIZE)


def test_create_screen(snap_compare, tmp_path: Path):
    app = ReclaimApp(tmp_path / "new-case", Settings())
    assert snap_compare(app, terminal_size=SIZE)


def test_safety_screen(snap_compare, vault: Vault):
    assert snap_compare(ReclaimApp(vault.path, Settings()), press=["f1"], terminal_size=SIZE)


def test_safety_screen_in_australia(snap_compare, vault: Vault):
    """Before the case is unlocked its place can't be read: the clinic's default is shown."""
    app = ReclaimApp(vault.path, Settings(kiosk_jurisdiction="au"))
    assert snap_compare(app, press=["f1"], terminal_size=SIZE)


def test_safety_screen_in_the_uk(snap_compare, vault: Vault):
    """Before the case is unlocked its place can't be read: the clinic's default is shown."""
    app = ReclaimApp(vault.path, Settings(kiosk_jurisdiction="uk"))
    assert snap_compare(app, press=["f1"], terminal_size=SIZE)


def test_privacy_checklists(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["2"], terminal_size=SIZE)


def test_one_checklist_step(snap_compare, demo: Vault):
    """Instagram in the sample case: the first step not yet done is shown."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["2", "down", "down", "down", "enter"], terminal_size=SIZE)


def test_passwords_step(snap_compare, demo: Vault):
    """The sample case's profile (a pet's name) counts against a password."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def type_password(pilot) -> None:
        from tests.support.pilot import wait_until

        await pilot.press("3")  # typed before the step is up, a letter would be lost
        await wait_until(pilot, lambda: getattr(pilot.app.focused, "id", None) == "password")
        await pilot.press(*"biscuit94")
        for _ in range(100):  # the meter fills in once the judging worker is done
            await pilot.pause(0.05)
            await pilot.app.workers.wait_for_complete()
            if "profile" in str(pilot.app.screen.query_one("#meter").render()):
                break
        await pilot.pause()

    assert snap_compare(app, run_before=type_password, terminal_size=SIZE)


def test_exhibit_details_with_a_blurred_preview(snap_compare, demo: Vault):
    """E-0003 of the sample case: its capture time is a guess from the file name."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def open_details(pilot) -> None:
        await pilot.press("4", "down", "down", "enter")
        await wait_for_evidence_work(pilot)

    assert snap_compare(app, run_before=open_details, terminal_size=SIZE)


def test_exhibit_details_revealed(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def reveal(pilot) -> None:
        await pilot.press("4", "enter")
        await wait_for_evidence_work(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()

    assert snap_compare(app, run_before=reveal, terminal_size=SIZE)


def test_add_evidence_screen(
    snap_compare, demo: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tests.support.pictures import make_png
    from tui.screens.add_evidence import AddEvidenceScreen

    shots = tmp_path / "Screenshots"
    (shots / "March").mkdir(parents=True)
    for name in ("Screenshot_20240305-211400.png", "Screenshot_20240305-211412.png"):
        make_png(shots / name)
    monkeypatch.chdir(tmp_path)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def choose(pilot) -> None:
        await pilot.press("4")
        await pilot.app.push_screen(AddEvidenceScreen(Path("Screenshots")))
        await browser_read(pilot)
        # Tab: from the path box to the browser, where f chooses a whole folder
        await pilot.press("tab", "down", "down", "enter", "f")
        await wait_for_question(pilot)
        await pilot.press("tab", "enter")  # "Yes, add them"
        await pilot.pause()

    assert snap_compare(app, run_before=choose, terminal_size=SIZE)


def test_add_evidence_asks_about_a_whole_folder(
    snap_compare, demo: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tests.support.pictures import make_png
    from tui.screens.add_evidence import AddEvidenceScreen

    shots = tmp_path / "Screenshots"
    shots.mkdir()
    for name in ("Screenshot_20240305-211400.png", "Screenshot_20240305-211412.png"):
        make_png(shots / name)
    monkeypatch.chdir(tmp_path)
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def ask(pilot) -> None:
        await pilot.press("4")
        await pilot.app.push_screen(AddEvidenceScreen(Path("Screenshots")))
        await browser_read(pilot)
        await pilot.press("tab", "f")
        await wait_for_question(pilot)

    assert snap_compare(app, run_before=ask, terminal_size=SIZE)


def test_stitched_screenshots(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def stitch(pilot) -> None:
        await pilot.press("4", "space", "space", "t")
        await pilot.pause()
        await pilot.press(*"chat", "enter")
        await pilot.pause()

    assert snap_compare(app, run_before=stitch, terminal_size=SIZE)


def test_verify_all(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)

    async def verify(pilot) -> None:
        await pilot.press("4", "V")
        await wait_for_evidence_work(pilot)

    assert snap_compare(app, run_before=verify, terminal_size=SIZE)


def test_capture_guide(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["4", "g"], terminal_size=SIZE)


def test_timeline_step(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["6"], terminal_size=SIZE)


def test_timeline_reading_view(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["6", "r"], terminal_size=SIZE)


def test_timeline_event_form(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["6", "down", "down", "enter"], terminal_size=SIZE)


def test_binder_step(snap_compare, demo: Vault, monkeypatch: pytest.MonkeyPatch):
    from tui.core.kiosk.save_folders import SaveFolders

    monkeypatch.setattr(
        SaveFolders, "default_target", lambda self, stem, suffix="": Path("/media/usb/binder.pdf")
    )
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["7"], terminal_size=SIZE)


def test_copies_step(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["5"], terminal_size=SIZE)


def test_takedowns_step_asks_about_age_first(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["8"], terminal_size=SIZE)


def test_takedowns_step_with_an_overdue_request(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["8", "down", "enter"], terminal_size=SIZE)


def test_takedown_request_form(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["8", "down", "enter", "enter"], terminal_size=SIZE)


def test_letter_asks_for_its_facts(snap_compare, demo: Vault, monkeypatch: pytest.MonkeyPatch):
    import tui.screens.letter

    monkeypatch.setattr(
        tui.screens.letter.LetterScreen,
        "_default_destination",
        lambda self: Path("/media/usb/letter.docx"),
    )
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["8", "down", "enter", "l"], terminal_size=SIZE)
