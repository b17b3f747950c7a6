"""The plain page F12 puts over everything (`tui/discreet.py`): a few harmless notes,
with nothing on it that says what is underneath, not even a way in. F12 again shows
the unlock screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.core.shared.i18n import N_, _

#: Harmless lines, like anyone's notes.
NOTES = (
    N_("Shopping: milk, bread, apples, rice, washing-up liquid"),
    N_("Dentist on Thursday at 10:30"),
    N_("Return library books by the 14th"),
    N_("Call about the boiler service"),
    N_("Birthday card for Sam"),
)


class NotesCover(Screen[None]):
    DEFAULT_CSS = """
    NotesCover { padding: 1 2; }
    NotesCover #notes-title { text-style: bold; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_("Notes"), id="notes-title", markup=False)  # NEUTRAL_NAME, said
        yield Static("\n".join(f"- {_(line)}" for line in NOTES), id="notes", markup=False)
