"""Ask for one line of text; returns it ('' allowed), or None when the person backs out."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.core.shared.i18n import N_, _
from tui.host import host


class AskDialog(ModalScreen[str | None]):
    DEFAULT_CSS = """
    AskDialog { align: center middle; }
    AskDialog > Vertical {
        width: 70; max-width: 100%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    AskDialog Input { margin-top: 1; }
    AskDialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="ask.cancel")]

    def __init__(self, question: str, placeholder: str = "", value: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Input(self.value, placeholder=self.placeholder)
            yield Static(_("Enter to go on, Esc to cancel."), classes="hint")

    def on_mount(self) -> None:
        """What was typed in the same question as the case last locked comes back."""
        vault = host(self).vault
        typed = host(self).kept_for_case.typing(vault, self._kept_as) if vault else None
        if isinstance(typed, str) and typed:
            field = self.query_one(Input)
            field.value = typed
            field.cursor_position = len(typed)

    @property
    def _kept_as(self) -> str:
        return f"ask:{self.question}"

    def keep_over_lock(self) -> None:
        """At a lock: the answer being typed is kept for this question in this case."""
        if (vault := host(self).vault) is not None:
            typed = self.query_one(Input).value
            host(self).kept_for_case.keep_typing(vault, self._kept_as, typed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
