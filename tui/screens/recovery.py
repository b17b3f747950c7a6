"""The recovery code, shown once, with a clear step to write it down."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Static


class RecoveryScreen(Screen[None]):
    """Dismissed only after the person says they have written the code down."""

    AUTO_FOCUS = "#written"
    CSS_PATH = "forms.tcss"

    def __init__(self, code: str, case_number: str = "") -> None:
        super().__init__()
        self.code = code
        self.case_number = case_number

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = "Write this down now"
            yield Static(
                "This is your recovery code. It opens your case if you ever forget your "
                "passphrase. It is shown only this once."
            )
            yield Static(self.code, classes="code", id="code")
            if self.case_number:
                yield Static(
                    f"Your case number on this computer is [b]{self.case_number}[/]. "
                    "Write it down too: you will need it to find your case again."
                )
            yield Static(
                "Keep it on paper, somewhere safe and away from this computer. Anyone who "
                "has it can open your case.",
                classes="hint",
            )
            yield Checkbox("I have written it down", id="written", compact=True)
            yield Button(
                "Continue to my case",
                id="continue",
                variant="primary",
                disabled=True,
                compact=True,
            )
        yield Footer()

    @on(Checkbox.Changed, "#written")
    def written(self, event: Checkbox.Changed) -> None:
        self.query_one("#continue", Button).disabled = not event.value

    @on(Button.Pressed, "#continue")
    def done(self) -> None:
        self.dismiss(None)
