"""A question with a few named answers; returns the chosen answer's key, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.core.shared.i18n import N_


class ChoiceDialog(ModalScreen[str | None]):
    """Escape (or the last answer, the safe one by convention) chooses nothing."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > Vertical {
        width: 72; max-width: 100%; height: auto; padding: 1 2;
        border: round $warning; background: $surface;
    }
    ChoiceDialog #question { text-style: bold; }
    ChoiceDialog #explain { margin-top: 1; }
    ChoiceDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ChoiceDialog Button { margin-left: 1; min-width: 10; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="choice.cancel")]

    def __init__(self, question: str, explain: str, answers: list[tuple[str, str]]) -> None:
        """`answers`: (key, label) pairs, shown left to right; the first is focused."""
        super().__init__()
        self.question = question
        self.explain = explain
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            yield Static(self.explain, id="explain", markup=False)
            with Horizontal():
                for key, label in self.answers:
                    yield Button(label, id=f"answer-{key}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("answer-"))
