"""The unlock screen: the case stays hidden until the passphrase (or the recovery code)
opens it. Unlocking runs Argon2id, about half a second, in a thread."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Static
from textual.worker import Worker, WorkerState

from tui.core.errors import explain
from tui.core.vault import Vault
from tui.messages import CaseOpened

PASSPHRASE_PROMPT = "Enter your passphrase to open your case."  # noqa: S105
RECOVERY_PROMPT = "Enter the recovery code you wrote down when you made your case."


class UnlockScreen(Screen[None]):
    AUTO_FOCUS = "#secret"
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding(
            "ctrl+r",
            "toggle_recovery",
            "Use recovery code",
            tooltip="Open the case with the recovery code instead of the passphrase",
            id="unlock.recovery",
        ),
    ]

    def __init__(self, path: Path, *, offer_remember: bool = False, hint: str = "") -> None:
        super().__init__()
        self.path = path
        self.offer_remember = offer_remember
        self.hint = hint
        self.recovery = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = "Your case is locked"
            yield Static(PASSPHRASE_PROMPT, id="prompt")
            yield Input(password=True, id="secret", placeholder="passphrase", compact=True)
            yield Static(self.hint, id="message", classes="hint", markup=False)
            if self.offer_remember:
                yield Checkbox(
                    "Remember on this device (this computer's keyring)",
                    id="remember",
                    compact=True,
                )
        yield Footer()

    def action_toggle_recovery(self) -> None:
        self.recovery = not self.recovery
        prompt = RECOVERY_PROMPT if self.recovery else PASSPHRASE_PROMPT
        self.query_one("#prompt", Static).update(prompt)
        secret = self.query_one("#secret", Input)
        secret.placeholder = "recovery code" if self.recovery else "passphrase"
        secret.password = not self.recovery
        secret.clear()
        secret.focus()

    @on(Input.Submitted, "#secret")
    def submit(self, event: Input.Submitted) -> None:
        if not event.value:
            self._say("Type your passphrase, then press Enter.", error=True)
            return
        event.input.disabled = True
        self._say("Opening your case…")
        self.open_case(event.value, self.recovery)
        event.input.clear()

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="unlock", description="Unlocking"
    )
    def open_case(self, secret: str, recovery: bool) -> Vault:
        if recovery:
            return Vault.open(self.path, recovery_code=secret)
        return Vault.open(self.path, passphrase=secret)

    @on(Worker.StateChanged)
    def opened(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "unlock" or not event.worker.is_finished:
            return
        secret = self.query_one("#secret", Input)
        secret.disabled = False
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Vault):
            remember = self.offer_remember and self.query_one("#remember", Checkbox).value
            self.post_message(CaseOpened(event.worker.result, remember=remember))
            return
        if event.worker.error is not None:
            self._say(explain(event.worker.error, "opening the case"), error=True)
        secret.focus()

    def _say(self, text: str, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(error, "error")
