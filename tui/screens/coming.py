"""The honest placeholder for a step that a later version fills in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.steps import Step


class ComingScreen(Screen[None]):
    DEFAULT_CSS = """
    ComingScreen { align: center middle; }
    ComingScreen > Vertical {
        width: 100%; max-width: 72; height: auto; padding: 1 2;
        border: round $primary; border-title-style: bold;
    }
    ComingScreen .note { margin-top: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Back to the steps", id="back")
    ]

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Step {self.step.number}: {self.step.title}"
            yield Static(self.step.summary + ".")
            yield Static(
                "This step is coming in a later version of Reclaim. Nothing is lost by "
                "waiting: your case keeps everything you have already saved.",
                classes="note",
            )
        yield Footer()
