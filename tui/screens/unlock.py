"""The unlock screen: the case stays hidden until the passphrase (or the recovery code)
opens it. Unlocking runs Argon2id, about half a second, in a thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Static
from textual.worker import Worker, WorkerState

from tui.core.errors import explain
from tui.messages import CaseOpened
from tui.widgets.notice import Notice

if TYPE_CHECKING:
    from tui.core.vault import Vault

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

    def __init__(
        self,
        path: Path,
        *,
        may_remember: bool = False,
        try_remembered: bool = False,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.path = path
        self.may_remember = may_remember
        self.try_remembered = try_remembered
        self.hint = hint
        self.recovery = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = "Your case is locked"
            yield Static(PASSPHRASE_PROMPT, id="prompt")
            yield Input(password=True, id="secret", placeholder="passphrase", compact=True)
            yield Notice(self.hint, id="message")
            yield Checkbox(
                "Remember on this device (this computer's keyring)", id="remember", compact=True
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#remember", Checkbox).display = False
        if self.may_remember:
            self.look_at_keyring()

    @work(thread=True, exit_on_error=False, group="keyring", description="Looking at the keyring")
    def look_at_keyring(self) -> tuple[bool, Vault | None]:
        """Whether this device has a usable keyring, and (at launch) the case opened with a
        key the person asked it to remember. Off the UI thread: finding the keyring is slow."""
        from tui.core import device_keyring
        from tui.core.vault import Vault, read_header

        if not device_keyring.available():
            return False, None
        if not self.try_remembered:
            return True, None
        try:
            key = device_keyring.recall(read_header(self.path).vault_id)
            return True, (Vault.open(self.path, data_key=key) if key else None)
        except Exception:  # a stale or missing key: ask for the passphrase as usual
            return True, None

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
            self.query_one("#message", Notice).say(
                "Type your passphrase, then press Enter.", error=True
            )
            return
        event.input.disabled = True
        self.query_one("#message", Notice).say("Opening your case…")
        self.open_case(event.value, self.recovery)
        event.input.clear()

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="unlock", description="Unlocking"
    )
    def open_case(self, secret: str, recovery: bool) -> Vault:
        from tui.core.vault import Vault

        if recovery:
            return Vault.open(self.path, recovery_code=secret)
        return Vault.open(self.path, passphrase=secret)

    @on(Worker.StateChanged)
    def worker_done(self, event: Worker.StateChanged) -> None:
        result = event.worker.result
        if event.worker.group == "keyring" and isinstance(result, tuple):
            usable, vault = result
            self.query_one("#remember", Checkbox).display = usable
            if vault is not None:
                self.post_message(CaseOpened(vault))
        elif event.worker.group == "unlock" and event.worker.is_finished:
            self.opened(event)

    def opened(self, event: Worker.StateChanged) -> None:
        from tui.core.vault import Vault

        secret = self.query_one("#secret", Input)
        secret.disabled = False
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Vault):
            if not self.is_current:  # locked again while unlocking: the lock wins
                event.worker.result.close()
                return
            remember = self.query_one("#remember", Checkbox)
            self.post_message(
                CaseOpened(event.worker.result, remember=remember.display and remember.value)
            )
            return
        if event.worker.error is not None:
            self.query_one("#message", Notice).say(
                explain(event.worker.error, "opening the case"), error=True
            )
        secret.focus()
