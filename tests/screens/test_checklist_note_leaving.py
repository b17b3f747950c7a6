"""A checklist step's note (issue 25): Escape out of a changed note asks Save / Keep
editing / Discard, never keeping it unasked; Keep editing keeps the words and the focus;
Discard puts back the note as saved; an unchanged note is left at once. A saved note
opens with the cursor after its words, nothing selected."""

from __future__ import annotations

from textual.widgets import Button, Input, OptionList

from tests.screens.test_privacy import open_checklist
from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.privacy.checklists import find
from tui.core.privacy.lockdown import progress_of, set_note
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.checklist import ChecklistScreen


def notes(vault: Vault) -> dict[str, str]:
    return dict(progress_of(vault, find("accounts-security")).notes)


async def test_escape_out_of_a_changed_note_asks(vault: Vault):
    first = find("accounts-security").steps[0].id
    set_note(vault, find("accounts-security"), first, "at the library")
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await open_checklist(app, pilot, "accounts-security")
        screen = app.screen
        await pilot.press("e")
        await settle(app, pilot)
        note = screen.query_one("#note", Input)
        assert app.focused is note and note.value == "at the library"
        assert note.selection.is_empty and note.cursor_position == len(note.value)
        await pilot.press("escape")  # unchanged: out of the note at once
        await settle(app, pilot)
        assert app.screen is screen and app.focused is screen.query_one("#step-list")

        await pilot.press("e", *" on Monday")
        assert note.value == "at the library on Monday"
        await pilot.press("escape")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert [str(b.label) for b in dialog.query(Button)] == [
            "Save", "Keep editing", "Discard changes",
        ]  # fmt: skip
        assert notes(vault) == {first: "at the library"}, "nothing kept by asking"
        await pilot.click("#answer-keep")
        await settle(app, pilot)
        assert app.screen is screen and app.focused is note
        assert note.value == "at the library on Monday"

        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#answer-discard")
        await settle(app, pilot)
        assert app.screen is screen and note.value == "at the library"
        assert isinstance(app.focused, OptionList)
        assert notes(vault) == {first: "at the library"}

        await pilot.press("e", *" again", "escape")
        await settle(app, pilot)
        await pilot.click("#answer-save")
        await settle(app, pilot)
        assert app.screen is screen and isinstance(app.focused, OptionList)
        await pilot.press("escape")  # out of the checklist, the list focused
        await settle(app, pilot)
        assert not isinstance(app.screen, ChecklistScreen | ChoiceDialog)
    assert notes(vault) == {first: "at the library again"}
