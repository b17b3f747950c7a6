"""Traps a person in distress trips over, found by walking every step at 80x24, each
driven with Pilot the way a person would meet it:

- Add evidence: a stray letter typed into the path box never acts (the `f` of a path
  once chose the whole home folder), and a whole folder is counted and asked about
  first, with No as the answer Enter gives.
- The timeline event form can always be left: Escape asks Keep editing / Discard
  instead of refusing, and Tab from "When" goes straight to the next field.
- The under-18 question is never answered by a stray Enter, and the answer given is
  shown with the key that changes it."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable, DirectoryTree, Input, OptionList

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import SIZE, said, screen_text
from tui.app import ReclaimApp
from tui.core.evidence.intake import count_folder
from tui.core.settings import Settings
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.timeline.events import add_event, get_event, list_events
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.add_evidence import AddEvidenceScreen, folder_question, size_text
from tui.screens.event import EventScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.takedowns import TakedownsScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.unlock import UnlockScreen

AppPilot = Pilot[None]


def showing(app: ReclaimApp) -> object:
    """The screen now showing (a call, so that type narrowing doesn't carry over)."""
    return app.screen


def focused(app: ReclaimApp) -> Widget | None:
    """What has the focus now (a call, for the same reason)."""
    return app.focused


async def settle(pilot: AppPilot) -> None:
    """Let messages arrive and the screen update (no waiting on workers: the folder
    question is a worker that waits for the person's answer)."""
    await pilot.pause()
    await pilot.pause()


async def open_step(app: ReclaimApp, pilot: AppPilot, key: str) -> None:
    assert isinstance(app.screen, UnlockScreen)
    app.screen.query_one("#secret", Input).value = PASSPHRASE
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(key)
    await settle(pilot)


async def asked(app: ReclaimApp, pilot: AppPilot) -> ChoiceDialog:
    """Wait for a question (a folder is counted first, in the background)."""
    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(app.screen, ChoiceDialog):
            return app.screen
    raise AssertionError("no question came")


async def open_add_evidence(app: ReclaimApp, pilot: AppPilot) -> AddEvidenceScreen:
    await open_step(app, pilot, "4")
    assert isinstance(app.screen, EvidenceScreen)
    await pilot.press("a")
    await pilot.pause(0.3)  # the folder browser reads home
    screen = app.screen
    assert isinstance(screen, AddEvidenceScreen)
    return screen


def home_with_pictures(home: Path, count: int = 3) -> Path:
    pictures = home / "Pictures"
    (pictures / "2024").mkdir(parents=True)
    for index, color in zip(range(count), ("red", "green", "blue", "teal"), strict=False):
        make_png(pictures / "2024" / f"shot-{index}.png", color=color)
    (pictures / ".hidden-thumbnail.png").write_bytes(b"not counted")
    return pictures


# ---- 1. Add evidence ----------------------------------------------------------------


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
        await settle(pilot)
        assert showing(app) is screen and screen.chosen == []

        await pilot.press("f")
        await asked(app, pilot)
        await pilot.press("escape")  # Escape is No too
        await settle(pilot)
        assert showing(app) is screen and screen.chosen == []

        await pilot.press("f")
        await asked(app, pilot)
        await pilot.press("tab", "enter")  # "Yes, add them"
        await settle(pilot)
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
        await settle(pilot)
        assert showing(app) is screen and screen.query_one("#paths", Input).value
        await pilot.press("ctrl+s")
        await asked(app, pilot)
        await pilot.press("tab", "enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if "Added 2 items." in said(app):
                break
        assert isinstance(showing(app), EvidenceScreen)
        assert "Added 2 items." in said(app), "the hidden file is left out, as counted"


async def test_an_empty_folder_is_said_and_not_chosen(vault: Vault, isolated_home: Path) -> None:
    (isolated_home / "Empty").mkdir()
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_add_evidence(app, pilot)
        screen.query_one("#paths", Input).value = str(isolated_home / "Empty")
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if "has no files in it" in said(app):
                break
        assert "has no files in it" in said(app)
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
    assert size_text(3_100_000_000) == "3.1 GB" and size_text(1) == "1 byte"
    for index in range(300):
        (folder / f"{index}.log").write_bytes(b"")
    slow = count_folder(folder, seconds=0)  # a slow disk: stopped by the clock
    assert (slow.files, slow.more) == (256, True)


# ---- 2. The timeline event form -------------------------------------------------------


async def test_escape_always_leaves_the_event_form(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "6")
        await pilot.press("a", *"32 March")
        screen = app.screen
        assert isinstance(screen, EventScreen)
        screen.query_one("#title", Input).value = "The messages started"
        await pilot.press("escape")
        await settle(pilot)
        dialog = showing(app)
        assert isinstance(dialog, ChoiceDialog)
        labels = [str(button.label) for button in dialog.query(Button)]
        assert labels == ["Keep editing", "Discard this event"]
        assert app.focused is dialog.query_one("#answer-keep")
        await pilot.press("enter")  # Keep editing: back in the form, at the date
        await settle(pilot)
        assert showing(app) is screen and app.focused is screen.query_one("#when")
        await pilot.press(*" 2024")  # goes on after what was typed, never over it
        assert screen.query_one("#when", Input).value == "32 March 2024"
        screen.query_one("#when", Input).value = "32 March"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("tab", "enter")  # Discard this event
        await settle(pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert list_events(case) == []


async def test_discarding_changes_leaves_a_saved_event_as_it_was(vault: Vault) -> None:
    add_event(vault, "5 March 2024", "The post", details="Seen at 9pm.")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "6")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EventScreen)
        screen.query_one("#when", Input).value = "last tuesday-ish"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert "T-0001 as it was last saved" in screen_text(app)
        await pilot.press("tab", "enter")  # Discard changes
        await settle(pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        event = get_event(case, "T-0001")
        assert (event.when, event.title) == ("2024-03-05", "The post")


async def test_tab_from_when_lands_in_the_title(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "6")
        await pilot.press("a", *"2024", "tab")
        screen = app.screen
        assert isinstance(screen, EventScreen)
        assert app.focused is screen.query_one("#title"), "no invisible stop after When"
        await pilot.press(*"Found")
        assert screen.query_one("#title", Input).value == "Found"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(showing(app), TimelineScreen)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert [event.title for event in list_events(case)] == ["Found"]


# ---- 3. The under-18 question ---------------------------------------------------------


async def test_a_stray_enter_never_answers_the_age_question(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "8")
        screen = app.screen
        assert isinstance(screen, TakedownsScreen)
        question = screen.query_one("#age OptionList", OptionList)
        assert app.focused is question and question.highlighted is None
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#age").display and "Move to an answer" in said(app)
        await pilot.press("down", "enter")  # "No, 18 or over", chosen on purpose
        await settle(pilot)
        assert not screen.query_one("#age").display
        assert "You answered: No, 18 or over. u changes it." in screen_text(app)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert get_facts(case).under_18 == "no"


async def test_the_age_answer_can_be_changed_and_asking_again_takes_nothing(
    vault: Vault,
) -> None:
    save_facts(vault, under_18="no")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot, "8")
        screen = app.screen
        assert isinstance(screen, TakedownsScreen)
        assert "You answered: No, 18 or over" in screen_text(app)
        await pilot.press("u")
        question = screen.query_one("#age OptionList", OptionList)
        assert app.focused is question and question.highlighted is None
        assert "Your answer now: No, 18 or over" in screen_text(app)
        await pilot.press("enter")  # stray: nothing changes
        await pilot.press("escape")  # leaves the question, not the step
        await settle(pilot)
        assert showing(app) is screen and not screen.query_one("#age").display
        assert focused(app) is screen.query_one(DataTable)
        await pilot.press("u", "down", "down", "enter")  # "Yes, under 18"
        await settle(pilot)
        assert "You answered: Yes, under 18" in screen_text(app)
        assert screen.query_one("#minor").display
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert get_facts(case).under_18 == "yes"
