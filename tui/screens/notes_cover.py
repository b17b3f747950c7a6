"""The plain page F12 puts over everything (`tui/discreet.py`): a few harmless notes,
with nothing on it that says what is underneath, not even a way in. F12 again shows
the unlock screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.core.settings import NEUTRAL_NAME

#: Harmless lines, like anyone's notes.
NOTES = (
    "Shopping: milk, bread, apples, rice, washing-up liquid",
    "Dentist on Thursday at 10:30",
    "Return library books by the 14th",
    "Call about the boiler service",
    "Birthday card for Sam",
)


class NotesCover(Screen[None]):
    DEFAULT_CSS = """
    NotesCover { padding: 1 2; }
    NotesCover #notes-title { text-style: bold; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(NEUTRAL_NAME, id="notes-title", markup=False)
        yield Static("\n".join(f"- {line}" for line in NOTES), id="notes", markup=False)
