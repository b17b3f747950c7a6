"""Walking every step at 80x24 by keyboard: the keys that must always show, every key
reachable from the palette, counts that agree with their nouns, lists that keep their
indent, text that is not cut, and notices that stay with the screen they were about."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.app import SystemCommand
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from tests.support.pictures import make_png
from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.shared.text import counted
from tui.core.steps import STEPS
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.dialogs.delete import DeleteDialog
from tui.palette import palette_commands
from tui.screens.binder import BinderScreen
from tui.screens.create import CreateScreen
from tui.screens.evidence import EvidenceScreen
from tui.screens.home import HomeScreen
from tui.screens.lawyer_package import LawyerPackageScreen
from tui.screens.safety import SafetyScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.always_keys import AlwaysKeys, key_name
from tui.widgets.hanging import bullets, hanging


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make a snapshot depend on the moment it is taken."""
    from textual.widgets import TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


def lines_of(widget: Widget) -> list[str]:
    """What a widget shows, line by line, as drawn at its size."""
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


def always_line(app: ReclaimApp) -> AlwaysKeys:
    return app.screen.query_one(AlwaysKeys)


def footer_keys(app: ReclaimApp) -> str:
    """The keys the footer shows, as "key description" pairs, and a group's label."""
    from textual.widgets._footer import FooterKey, FooterLabel

    footer = app.screen.query_one(Footer)
    shown = [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]
    return " · ".join(shown + [str(label.render()) for label in footer.query(FooterLabel)])


def last_footer_key_fits(app: ReclaimApp) -> bool:
    from textual.widgets._footer import FooterKey

    keys = list(app.screen.query_one(Footer).query(FooterKey))
    return keys[-1].region.right <= SIZE[0] and keys[-1].region.width > 0


def commands(app: ReclaimApp) -> dict[str, SystemCommand]:
    return {command.title: command for command in palette_commands(app, app.screen)}


def said(app: ReclaimApp) -> list[str]:
    return [notice.message for notice in app._notifications]


async def answer_the_age_question(pilot) -> None:
    """Step 8 asks first; "No, 18 or over" (the answer changes only the routes)."""
    await pilot.press("8")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()


# ---- 5. footers at 80 columns ------------------------------------------------------


async def test_safety_and_lock_are_on_the_last_line_of_home_and_every_step(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        for step in [None, *STEPS[1:]]:
            if step is not None:
                await pilot.press(str(step.number))
                await pilot.pause()
                await pilot.pause()
            line = always_line(app)
            assert line.region.y == SIZE[1] - 1, "the last line of the terminal"
            assert line.text().startswith("F1 Safety · Ctrl+L Lock")
            assert "Ctrl+P Every key" in line.text()
            footer = app.screen.query_one(Footer)
            assert footer.region.y == SIZE[1] - 2, "the step's own keys just above"
            assert "Safety" not in footer_keys(app), "said once, on the line below"
            if step is not None:
                await pilot.press("escape")
                await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Open a step" in footer_keys(app)


async def test_the_safety_line_shows_on_the_safety_screen_and_step_8(demo: Vault):
    """Step 8 used to end at "o Option▏": its footer now fits, F1 below it."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        assert footer_keys(app).endswith("o Options · p Lawyer package")
        assert last_footer_key_fits(app), "the last key is drawn whole"
        assert always_line(app).text().startswith("F1 Safety · Ctrl+L Lock")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert always_line(app).region.y == SIZE[1] - 1


async def test_every_key_of_a_screen_is_in_the_palette_and_runs_there(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        found = commands(app)
        for name in (
            "Lawyer package (p)",
            "Copyright (c)",  # not in the footer at all
            "Under 18? (u)",
            "Next steps (n)",
            "Options (o)",
            "Back (Esc)",
        ):
            assert name in found, sorted(found)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"lawyer package")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, LawyerPackageScreen)
        assert "Make the package (Ctrl+S)" in commands(app)


async def test_the_palette_keeps_reclaims_own_commands_in_its_own_words(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        found = commands(app)
        for name in ("Safety", "Theme", "Keys", "Quit", "Lock", "Change passphrase", "Home"):
            assert name in found
        assert all(f"Step {step.number}: {step.title}" in found for step in STEPS)
        assert {"Verify (V)", "Mark (Space)", "Delete (D)", "Stitch (t)"} <= set(found)
        assert not {"Screenshot", "Maximize", "Minimize"} & set(found), "Textual's own"
        assert not any(name.startswith("Copy selected text") for name in found)
        assert found["Verify (V)"].help == "Check every item against its hash"
        await pilot.press("ctrl+p")
        await pilot.pause()
        prompt = app.screen.query_one(Input)
        assert prompt.placeholder.startswith("What would you like to do?")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)


async def test_the_palette_lists_no_step_numbers_twice_on_home(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE):
        names = list(commands(app))
        assert "Step 4: Evidence" in names
        assert not any(name.startswith("Evidence (") for name in names)


async def test_lock_is_not_offered_on_the_unlock_and_create_screens(vault: Vault, tmp_path: Path):
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.check_action("lock", ()) is False
        assert "Lock" not in always_line(app).text()
        assert "Lock" not in footer_keys(app)
        assert "Lock" not in commands(app)
        await unlock(app, pilot)
        assert app.check_action("lock", ()) is True
        assert "Ctrl+L Lock" in always_line(app).text()
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert "Lock" not in always_line(app).text()

    app = ReclaimApp(tmp_path / "new-case", Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CreateScreen)
        assert app.check_action("lock", ()) is False
        assert always_line(app).text() == "F1 Safety · Ctrl+Q Quit · Ctrl+P Every key"


def test_keys_are_named_as_a_person_reads_them():
    assert [key_name(k) for k in ("ctrl+s", "escape", "f1", "D", "p", "space", "slash")] == [
        "Ctrl+S",
        "Esc",
        "F1",
        "D",
        "p",
        "Space",
        "/",
    ]


# ---- 12. words ---------------------------------------------------------------------


def test_a_count_agrees_with_its_noun():
    assert counted(1, "exhibit") == "1 exhibit"
    assert counted(2, "exhibit") == "2 exhibits"
    assert counted(1, "copy", "copies") == "1 copy"
    assert counted(0, "copy", "copies") == "0 copies"


async def test_one_item_needs_details_and_one_exhibit_is_one(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        lead = str(app.screen.query_one("#lead", Static).render())
        assert lead.startswith("1 item, encrypted and hashed · 1 needs details")
        await pilot.press("escape", "7")
        await settle(app, pilot)
        assert isinstance(app.screen, BinderScreen)
        contents = str(app.screen.query_one("#contents", Static).render())
        assert "evidence index (1 exhibit)" in contents and "(0 events)" in contents


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
        assert said(app)[-1] == "C-01 is on the register. It holds the 1 item your case has today."
        lead = str(app.screen.query_one("#lead", Static).render())
        assert lead.startswith("1 copy · all up to date.")


def test_wrapped_list_lines_hang_under_their_words():
    console = Console(width=30, color_system=None)
    with console.capture() as captured:
        console.print(bullets(["Save everything before you report, block or delete."]))
        console.print(hanging([("1.", "Press the power button and volume down together.")]))
    lines = captured.get().splitlines()
    assert lines[0].startswith("  • Save") and lines[1].startswith("    ")
    assert lines[1].strip() and not lines[1].lstrip().startswith("•")
    numbered = [line for line in lines if line.startswith("  1.")]
    following = lines[lines.index(numbered[0]) + 1]
    assert following.startswith("     ") and following.strip()


async def test_safety_and_capture_guide_bullets_keep_a_hanging_indent(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        lines = lines_of(app.screen.query_one(".steps", Static))
        assert lines[0].startswith("• ")
        continued = [line for line in lines if not line.startswith("• ")]
        assert continued and all(line.startswith("  ") for line in continued)
        await pilot.press("escape", "4", "g")
        await pilot.pause()
        shown = [line for s in app.screen.query(Static) for line in lines_of(s)]
        start = shown.index("Every capture should show")
        listed = shown[start + 1 : start + 8]
        assert any(line.startswith("  • ") for line in listed)
        assert all(line.startswith(("  • ", "    ")) for line in listed if line)
        assert any(line.startswith("    ") for line in listed), "some wrap at 80 columns"


async def test_long_form_labels_wrap_instead_of_ending_mid_word(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "down", "down", "enter")
        await settle(app, pilot)
        witnesses = next(
            label
            for label in app.screen.query(Label)
            if "Who can confirm it" in str(label.render())
        )
        drawn = " ".join(lines_of(witnesses))
        assert "A friend, a colleague, a moderator..." in drawn
        await pilot.press("escape", "escape")
        await answer_the_age_question(pilot)
        await pilot.press("l")
        await settle(app, pilot)
        save_as = next(
            label for label in app.screen.query(Label) if "Save as" in str(label.render())
        )
        assert " ".join(lines_of(save_as)).endswith("the file is not encrypted)")


async def test_no_placeholder_is_cut_at_80_columns(demo: Vault):
    """Every text field's hint fits the field it is in, on Add evidence, the event form
    and the Passwords step."""
    from textual.widgets import Input

    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        for keys in (("4", "a"), ("6", "a"), ("3",)):
            for key in keys:  # (a folder tree keeps loading: wait for the screen only)
                await pilot.press(key)
                await pilot.pause(0.2)
            for field in app.screen.query(Input):
                if field.placeholder and field.content_region.width:
                    room = field.content_region.width
                    assert len(field.placeholder) <= room, (keys, field.placeholder, room)
            while len(app.screen_stack) > 2:
                app.pop_screen()
                await pilot.pause(0.1)


async def test_step_8s_next_steps_hang_under_their_words_at_80_columns(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        await settle(app, pilot)
        drawn = [line for line in lines_of(app.screen.query_one("#today")) if line.strip()]
        first = next(i for i, line in enumerate(drawn) if "Next (n explains): •" in line)
        steps = drawn[first:]
        assert len(steps) > len([line for line in steps if "• " in line]), "some step wraps"
        column = steps[0].index("• ")
        for line in steps[1:]:
            assert line[:column].strip() == "", line  # nothing runs back under the label
            if "• " not in line:
                assert line[column + 2 :] and line[column + 1] == " ", "wrapped under its words"


async def test_a_helplines_note_wraps_under_its_own_words(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await settle(app, pilot)
        notes = list(app.screen.query(".contact-note"))
        assert notes, "the place's helplines have notes"
        wrapped = [lines_of(note) for note in notes if len(lines_of(note)) > 1]
        assert wrapped, "at 80 columns some note wraps"
        for lines in wrapped:
            assert all(line.startswith("  ") for line in lines if line.strip()), lines


# ---- 13. screens -------------------------------------------------------------------


async def test_the_check_column_is_named_after_verify_all(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "V")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, EvidenceScreen) and app.screen.job is None:
                break
        table = app.screen.query_one(DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels[-2:] == ["Done", "Hash"]
        assert str(table.get_row_at(0)[-1]) == "✓"
        assert "All 4 items match their hashes (✓ under Hash)." in said(app)


async def test_notices_stay_with_the_screen_they_were_about(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8", "enter")  # nothing highlighted yet: a notice says so
        await pilot.pause()
        assert any("Move to an answer" in notice for notice in said(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert said(app) == [], "the notice went with the step it was about"
        await pilot.press("7")
        await pilot.pause()
        assert said(app) == []


async def test_the_delete_button_is_clear_of_notices(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4", "x")
        await pilot.pause()
        assert any("left out of the binder" in notice for notice in said(app))
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DeleteDialog)
        assert said(app) == [], "the notices of the list go as the dialog opens"
        app.notify("A notice that comes while the dialog is open, long enough to wrap.")
        app.notify("And a second one, to stack them up in the bottom right corner.")
        await pilot.pause(0.2)
        button = app.screen.query_one("#delete", Button).region
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert len(toasts) == 2
        assert not any(button.overlaps(toast) for toast in toasts)
        app.screen.query_one("#typed", Input).value = "E-0001"
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceScreen)
        assert said(app)[-1] == "E-0001 is deleted. The custody log records it.", (
            "news sent as a dialog closes is shown on the screen it returns to"
        )


async def test_notices_come_up_above_the_keys(demo: Vault):
    """A notice at the bottom right once hid the end of a footer and could hide Ctrl+P."""
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4", "x")
        await pilot.pause(0.2)
        toasts = [toast.region for toast in app.screen.query("Toast")]
        assert toasts, "the notice is on show"
        footer = app.screen.query_one(Footer).region
        assert all(toast.bottom <= footer.y for toast in toasts)


# ---- snapshots of steps 4, 6 and 8 with their footers -------------------------------


def test_step_4_after_verify_all_with_its_footer(snap_compare, demo: Vault):
    async def verify(pilot) -> None:
        await pilot.press("4", "V")
        for _ in range(100):
            await pilot.pause(0.05)
            await pilot.app.workers.wait_for_complete()
            if getattr(pilot.app.screen, "job", None) is None:
                break
        pilot.app.clear_notifications()
        await pilot.pause()

    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, run_before=verify, terminal_size=SIZE)


def test_step_6_with_its_footer(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, press=["6"], terminal_size=SIZE)


def test_step_8_with_its_footer(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, run_before=answer_the_age_question, terminal_size=SIZE)
