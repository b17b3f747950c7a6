"""Every form asks before it is left with unsaved changes (issue 25, "a field's old value
is never lost to a keystroke"): the takedown request, the letter's facts, the profile and
the notes for the lawyer open with the cursor after the first field's words, nothing
selected; Escape on a changed form asks Save / Keep editing / Discard (the exhibit and
event forms' words); Keep editing keeps the words and the focus; Discard leaves the case
as it was; Save saves; an unchanged form is left at once, nothing asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, TabbedContent, TextArea

from tests.support.pilot import SIZE, open_takedowns, screen_text, settle, unlock
from tui.app import ReclaimApp
from tui.core.passwords import profile
from tui.core.settings import Settings
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.takedowns.requests import add_request, get_request, list_requests
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.lawyer_package import LawyerPackageScreen
from tui.screens.letter import LetterScreen
from tui.screens.passwords import PasswordsScreen
from tui.screens.takedown_request import RequestScreen


def showing(app: ReclaimApp) -> Screen[Any]:
    return app.screen


def focused(app: ReclaimApp) -> Widget | None:
    return app.focused


def value_of(field: Widget) -> str:
    return field.value if isinstance(field, Input) else field.text  # type: ignore[attr-defined]


def at_end_nothing_selected(field: Widget) -> bool:
    if isinstance(field, Input):
        return field.selection.is_empty and field.cursor_position == len(field.value)
    assert isinstance(field, TextArea)
    return field.selection.is_empty and field.cursor_location == field.document.end


@dataclass
class Form:
    name: str
    setup: Callable[[Vault], None]
    open: Callable[[ReclaimApp, object], Awaitable[Screen[Any]]]
    first: str  # the field focused when the form opens
    stored: Callable[[Vault], str]  # what the case holds for that field
    kind: type[Screen[Any]]
    discard: str = "Discard changes"


def a_request(vault: Vault) -> None:
    save_facts(vault, under_18="no")
    add_request(vault, "reddit", ["https://r.example/1"])


async def request_form(app: ReclaimApp, pilot) -> Screen[Any]:
    await open_takedowns(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    return showing(app)


def facts_for_a_letter(vault: Vault) -> None:
    save_facts(
        vault, under_18="no", name="Sam Doe", contact="sam@example.org", signature="Sam",
        no_consent=True,
    )  # fmt: skip
    add_request(vault, "meta", ["https://facebook.example/p/1"])


async def letter_form(app: ReclaimApp, pilot) -> Screen[Any]:
    await open_takedowns(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    return showing(app)


def a_profile(vault: Vault) -> None:
    profile.change(vault, {"names": ["Sam", "Sammy"]})


async def profile_form(app: ReclaimApp, pilot) -> Screen[Any]:
    await unlock(app, pilot)
    await pilot.press("3")
    await settle(app, pilot)
    screen = showing(app)
    screen.query_one(TabbedContent).active = "about"
    await pilot.pause()
    screen.query_one("#profile-names").focus()  # its first field, as a click would
    await settle(app, pilot)
    return screen


def lawyer_notes(vault: Vault) -> None:
    save_facts(vault, under_18="no", lawyer_notes="Ask about costs.")


async def lawyer_form(app: ReclaimApp, pilot) -> Screen[Any]:
    await open_takedowns(app, pilot)
    await pilot.press("p")
    await settle(app, pilot)
    return showing(app)


FORMS = [
    Form(
        "request", a_request, request_form, "#urls",
        lambda v: "\n".join(get_request(v, "R-001").urls), RequestScreen,
    ),
    Form(
        "letter", facts_for_a_letter, letter_form, "#name", lambda v: get_facts(v).name,
        LetterScreen,
    ),
    Form(
        "profile", a_profile, profile_form, "#profile-names",
        lambda v: ", ".join(profile.load(v).to_record()["names"]), PasswordsScreen,
    ),
    Form(
        "lawyer", lawyer_notes, lawyer_form, "#notes", lambda v: get_facts(v).lawyer_notes,
        LawyerPackageScreen,
    ),
]  # fmt: skip


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
async def test_a_changed_form_asks_and_an_unchanged_one_leaves(vault: Vault, form: Form):
    form.setup(vault)
    before = form.stored(vault)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await form.open(app, pilot)
        assert isinstance(screen, form.kind)
        field = screen.query_one(form.first)
        assert focused(app) is field and value_of(field) == before
        assert at_end_nothing_selected(field), "the cursor after the words, none selected"
        await pilot.press(*"zq")  # goes on after the words, never over them
        assert value_of(field) == before + "zq"

        await pilot.press("escape")  # asks: Save / Keep editing / Discard
        await settle(app, pilot)
        dialog = showing(app)
        assert isinstance(dialog, ChoiceDialog)
        assert [str(b.label) for b in dialog.query(Button)] == [
            "Save", "Keep editing", form.discard,
        ]  # fmt: skip
        await pilot.click("#answer-keep")
        await settle(app, pilot)
        assert showing(app) is screen and focused(app) is field
        assert value_of(field) == before + "zq"
        assert form.stored(vault) == before, "nothing saved by asking"

        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#answer-discard")
        await settle(app, pilot)
        assert not isinstance(showing(app), form.kind | ChoiceDialog)
        assert form.stored(vault) == before, "Discard leaves the case as it was"

        screen = await reopen(app, pilot, form)
        await pilot.press("escape")  # unchanged: left at once, nothing asked
        await settle(app, pilot)
        assert not isinstance(showing(app), form.kind | ChoiceDialog)

        screen = await reopen(app, pilot, form)
        await pilot.press(*"zq", "escape")
        await settle(app, pilot)
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert not isinstance(showing(app), form.kind | ChoiceDialog), screen_text(app)
    assert form.stored(vault) == before + "zq"


async def reopen(app: ReclaimApp, pilot, form: Form) -> Screen[Any]:
    """The same form again, from where leaving it went."""
    if form.name == "profile":
        await pilot.press("escape")  # the steps: home
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        screen = showing(app)
        screen.query_one(TabbedContent).active = "about"
        await pilot.pause()
        screen.query_one("#profile-names").focus()
        await settle(app, pilot)
        return screen
    await pilot.press({"request": "enter", "letter": "l", "lawyer": "p"}[form.name])
    await settle(app, pilot)
    return showing(app)


async def test_a_changed_letter_not_saved_as_a_file_is_asked_about(vault: Vault, tmp_path):
    facts_for_a_letter(vault)
    target = tmp_path / "letter.txt"
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await letter_form(app, pilot)
        assert isinstance(screen, LetterScreen)
        screen.query_one("#dest", Input).value = str(target)
        editor = screen.query_one("#letter", TextArea)
        assert "/s/ Sam" in editor.text, "drafted at once: every fact is there"
        editor.text = editor.text.replace("To whom it may concern,", "Dear Meta,")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        assert "Save the changes to the letter?" in " ".join(screen_text(app).split())
        await pilot.click("#answer-discard")
        await settle(app, pilot)
        assert not isinstance(showing(app), LetterScreen | ChoiceDialog)
        assert not target.exists()

        screen = await reopen(app, pilot, FORMS[1])
        assert isinstance(screen, LetterScreen)
        screen.query_one("#dest", Input).value = str(target)
        editor = screen.query_one("#letter", TextArea)
        editor.text = editor.text.replace("To whom it may concern,", "Dear Meta,")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert not isinstance(showing(app), LetterScreen | ChoiceDialog)
    assert "Dear Meta," in target.read_text()


async def test_a_new_request_is_asked_about_and_can_always_be_left(vault: Vault):
    save_facts(vault, under_18="no")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_takedowns(app, pilot)
        await pilot.press("a", "escape")  # nothing chosen or typed: left at once
        await settle(app, pilot)
        assert not isinstance(showing(app), RequestScreen | ChoiceDialog)
        await pilot.press("a")
        await settle(app, pilot)
        screen = showing(app)
        assert isinstance(screen, RequestScreen)
        screen.query_one("#urls", TextArea).text = "https://r.example/1"
        await pilot.press("escape")  # no site yet: it can't be kept, but can be left
        await settle(app, pilot)
        dialog = showing(app)
        assert isinstance(dialog, ChoiceDialog)
        assert [str(b.label) for b in dialog.query(Button)] == [
            "Keep editing", "Discard this request",
        ]  # fmt: skip
        assert "Choose the site first" in " ".join(screen_text(app).split())
        await pilot.click("#answer-discard")
        await settle(app, pilot)
        assert not isinstance(showing(app), RequestScreen | ChoiceDialog)
        assert list_requests(vault) == []

        await pilot.press("a")
        await settle(app, pilot)
        screen = showing(app)
        screen.query_one("#site", Select).value = "reddit"
        screen.query_one("#urls", TextArea).text = "https://r.example/1"
        await pilot.press("escape")
        await settle(app, pilot)
        assert [str(b.label) for b in showing(app).query(Button)] == [
            "Save", "Keep editing", "Discard this request",
        ]  # fmt: skip
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert not isinstance(showing(app), RequestScreen | ChoiceDialog)
    assert [(r.site, r.urls) for r in list_requests(vault)] == [
        ("reddit", ["https://r.example/1"])
    ]


async def test_drafting_again_never_replaces_changed_words_unasked(vault: Vault):
    facts_for_a_letter(vault)
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await letter_form(app, pilot)
        editor = screen.query_one("#letter", TextArea)
        mine = editor.text.replace("To whom it may concern,", "Dear Meta,")
        editor.text = mine
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        await pilot.press("enter")  # Keep my changes (first, and what Enter gives)
        await settle(app, pilot)
        assert showing(app) is screen and editor.text == mine
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        await pilot.click("#answer-draft")
        await settle(app, pilot)
        assert "Dear Meta," not in editor.text and "To whom it may concern," in editor.text
