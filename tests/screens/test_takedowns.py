"""Step 8 in the app: the under-18 question first (never answered by a stray Enter, and
the answer given shown with the key that changes it), requests added and followed,
letters drafted only once their facts are in, the lawyer package made in the background,
and the step's words and keys at 80 columns."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Footer, Input, Label, OptionList, Select, TextArea

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tests.support.pilot import (
    SIZE,
    footer_keys,
    lines_of,
    said,
    screen_text,
    settle,
    wait_until,
)
from tests.support.pilot import open_takedowns as open_step
from tui.app import ReclaimApp
from tui.core.evidence.adding import add_file
from tui.core.settings import Settings
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.takedowns.requests import add_request, list_requests
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.lawyer_package import LawyerPackageScreen
from tui.screens.letter import LetterScreen
from tui.screens.reading import ReadingScreen
from tui.screens.takedown_request import RequestScreen
from tui.screens.takedowns import TakedownsScreen


def focused_id(app: ReclaimApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def on_screen(app: ReclaimApp) -> object:
    """The screen now showing (a call, so that type narrowing doesn't carry over)."""
    return app.screen


def masked(field: Input) -> bool:
    return field.password


def reading(app: ReclaimApp) -> str:
    screen = on_screen(app)
    assert isinstance(screen, ReadingScreen)
    return str(screen.text)


async def test_the_age_question_comes_first_and_a_minor_gets_no_copyright_route(vault: Vault):
    add_request(vault, "reddit", ["https://r.example/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(app, pilot)
        assert screen.query_one("#age").display
        assert "under 18 when they were taken?" in screen_text(app)
        await pilot.press("down", "down", "enter")  # nothing highlighted; then "Yes, under 18"
        await settle(app, pilot)
        assert not screen.query_one("#age").display and screen.query_one("#minor").display
        assert "Take It Down" in screen_text(app)
        await pilot.press("c")
        await settle(app, pilot)
        assert on_screen(app) is screen and "no copyright letter" in said(app)
        await pilot.press("d")
        text = reading(app)
        assert text.startswith("If the person in the images was under 18")
        assert "Copyright notice (DMCA)" not in text and "Reddit" in text
        await pilot.press("escape", "n")
        assert "Stop new uploads with Take It Down (NCMEC)" in reading(app)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert get_facts(case).under_18 == "yes"


async def test_a_request_is_added_then_followed_up_with_reference_and_pin(
    vault: Vault, tmp_path: Path
):
    save_facts(vault, under_18="no")
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "the post"})
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(app, pilot)
        assert "No requests yet" in screen_text(app)
        await pilot.press("a")
        assert isinstance(on_screen(app), RequestScreen)
        app.screen.query_one("#site", Select).value = "tiktok"
        await pilot.pause()
        assert "It asks for: the link to each video" in screen_text(app)
        app.screen.query_one("#urls", TextArea).text = "not-a-link"
        await pilot.press("escape")  # a changed form asks first (issue 25): Save
        await pilot.pause()
        assert isinstance(on_screen(app), ChoiceDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(on_screen(app), RequestScreen) and "is not a web address" in said(app)
        app.screen.query_one("#urls", TextArea).text = "https://t.example/v/1\n"
        app.screen.query_one("#evidence").select("E-0001")  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        assert isinstance(on_screen(app), TakedownsScreen)
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)][:3] == ["R-001", "TikTok", "drafted"]
        await pilot.press("enter")
        assert isinstance(on_screen(app), RequestScreen)
        app.screen.query_one("#status", Select).value = "submitted"
        app.screen.query_one("#reference", Input).value = "TT-42"
        pin = app.screen.query_one("#pin", Input)
        assert masked(pin)
        pin.value = "9911"
        await pilot.press("ctrl+r")
        assert not masked(pin)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(on_screen(app), ChoiceDialog)
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        row = [str(c) for c in screen.query_one(DataTable).get_row_at(0)]
        assert row[2] == "submitted" and row[3] and row[4], "sent, and due 48 hours later"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        (request,) = list_requests(case)
        assert (request.reference, request.pin, request.evidence) == ("TT-42", "9911", ["E-0001"])


async def test_a_letter_asks_for_its_facts_then_drafts_and_saves(vault: Vault, tmp_path: Path):
    save_facts(vault, under_18="no")
    add_request(vault, "meta", ["https://facebook.example/p/1"])
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        letter = app.screen
        assert isinstance(letter, LetterScreen)
        assert "To draft it, fill in: your full name" in screen_text(app)
        assert focused_id(app) == "name"
        assert letter.query_one("#letter", TextArea).text == ""
        letter.query_one("#name", Input).value = "Zoë Ångström"
        letter.query_one("#contact", Input).value = "zoe@example.org"
        letter.query_one("#signature", Input).value = "Zoë Ångström"
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "the images were shared without your consent" in screen_text(app)
        assert focused_id(app) == "no_consent"
        letter.query_one("#no_consent", Checkbox).value = True
        await pilot.press("ctrl+d")
        await pilot.pause()
        text = letter.query_one("#letter", TextArea).text
        assert "https://facebook.example/p/1" in text and "/s/ Zoë Ångström" in text
        letter.query_one("#letter", TextArea).text = text.replace(
            "To whom it may concern,", "Dear Meta safety team,"
        )
        letter.query_one("#dest", Input).value = str(tmp_path / "meta.txt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved to" in said(app) and "not encrypted" in said(app)
        assert "Dear Meta safety team," in (tmp_path / "meta.txt").read_text()
        await pilot.press("escape", "w")
        await settle(app, pilot)
        assert isinstance(on_screen(app), LetterScreen)
        assert app.screen.query_one("#name", Input).value == "Zoë Ångström", "kept"
        assert "the name of the person the letter is to" in screen_text(app)
        assert "at least one event in your written account" in screen_text(app)


async def test_the_lawyer_package_keeps_the_notes_and_is_made_in_the_background(
    vault: Vault, tmp_path: Path
):
    add_file(vault, make_png(tmp_path / "a.png"))
    add_event(vault, "2024-03-05", "It was posted")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(app, pilot)
        await pilot.press("p")
        package = app.screen
        assert isinstance(package, LawyerPackageScreen)
        package.query_one("#notes", TextArea).text = "Ask about an injunction."
        package.query_one("#dest", Input).value = str(tmp_path / "for-lawyer")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: package.job is None)
        assert "Made " in said(app), said(app)
        notes = (tmp_path / "for-lawyer" / "data" / "notes.txt").read_text()
        assert "Ask about an injunction." in notes
        assert (tmp_path / "for-lawyer" / "data" / "timeline.docx").exists()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: package.job is None)
        assert "not empty" in said(app), "a second package never goes over the first"


def focused(app: ReclaimApp) -> Widget | None:
    """What has the focus now (a call, so that type narrowing doesn't carry over)."""
    return app.focused


async def answer_the_age_question(pilot) -> None:
    """Step 8 asks first; "No, 18 or over" (the answer changes only the routes)."""
    await pilot.press("8")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()


async def test_a_stray_enter_never_answers_the_age_question(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(app, pilot)
        question = screen.query_one("#age OptionList", OptionList)
        assert focused(app) is question and question.highlighted is None
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.query_one("#age").display and "Move to an answer" in said(app)
        await pilot.press("down", "enter")  # "No, 18 or over", chosen on purpose
        await settle(app, pilot)
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
        screen = await open_step(app, pilot)
        assert "You answered: No, 18 or over" in screen_text(app)
        await pilot.press("u")
        question = screen.query_one("#age OptionList", OptionList)
        assert focused(app) is question and question.highlighted is None
        assert "Your answer now: No, 18 or over" in screen_text(app)
        await pilot.press("enter")  # stray: nothing changes
        await pilot.press("escape")  # leaves the question, not the step
        await settle(app, pilot)
        assert on_screen(app) is screen and not screen.query_one("#age").display
        assert focused(app) is screen.query_one(DataTable)
        await pilot.press("u", "down", "down", "enter")  # "Yes, under 18"
        await settle(app, pilot)
        assert "You answered: Yes, under 18" in screen_text(app)
        assert screen.query_one("#minor").display
    with Vault.open(vault.path, passphrase=PASSPHRASE) as case:
        assert get_facts(case).under_18 == "yes"


async def test_step_8s_footer_fits_80_columns(demo: Vault):
    """Step 8 used to end at "o Option▏": its footer now fits, F1 below it."""
    from textual.widgets._footer import FooterKey

    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        assert footer_keys(app).endswith("o Options · p Lawyer package")
        keys = list(app.screen.query_one(Footer).query(FooterKey))
        assert keys[-1].region.right <= SIZE[0] and keys[-1].region.width > 0, "drawn whole"


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


async def test_a_letters_long_labels_wrap_instead_of_ending_mid_word(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await answer_the_age_question(pilot)
        await pilot.press("l")
        await settle(app, pilot)
        save_as = next(
            label for label in app.screen.query(Label) if "Save as" in str(label.render())
        )
        assert " ".join(lines_of(save_as)).endswith("the file is not encrypted)")


def test_step_8_with_its_footer(snap_compare, demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    assert snap_compare(app, run_before=answer_the_age_question, terminal_size=SIZE)
