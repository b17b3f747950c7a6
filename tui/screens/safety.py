"""Safety first: what to do if threatened with violence, and who can help. F1 opens it
from anywhere; Escape or F1 closes it again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from tui.core.display import shown
from tui.core.settings import Safety
from tui.widgets.hanging import bullets


def _plain(text: str) -> str:
    """A contact from the clinic's settings file, inside markup: shown as written."""
    return escape(shown(text))


class SafetyScreen(ModalScreen[None]):
    CSS_PATH = "safety.tcss"
    BINDINGS = [
        Binding(
            "escape,f1", "dismiss", "Close", tooltip="Back to where you were", id="safety.close"
        ),
    ]

    def __init__(self, safety: Safety) -> None:
        super().__init__()
        self.safety = safety

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety-panel") as panel:
            panel.border_title = self.safety.title
            yield Static(self.safety.intro, classes="intro")
            # A hanging indent: a wrapped line stays under its words, not the bullet.
            yield Static(
                bullets((shown(step) for step in self.safety.steps), indent=0), classes="steps"
            )
            yield Static("Who can help", classes="heading")
            for contact in self.safety.contacts:
                note = f"\n  [dim]{_plain(contact.note)}[/]" if contact.note else ""
                yield Static(
                    f"[b]{_plain(contact.name)}[/]: {_plain(contact.how)}{note}", classes="contact"
                )
        yield Footer()
