"""The unlock screen: the case stays hidden until the passphrase (or the recovery code)
opens it. Unlocking runs Argon2id, about half a second, in a thread.

On a kiosk the screen is shown for any case number typed, and a number with no case
fails like a wrong passphrase (tui/core/kiosk/cases.py). Failures make the next try
wait (tui/core/kiosk/throttle.py); the screen says how long, counts down, and refuses to try
until then."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Checkbox, Footer, Input, Static
from textual.worker import Worker, WorkerState

from tui.core.kiosk import throttle as throttles
from tui.core.settings import in_neutral_words, is_discreet, neutral_words
from tui.core.shared.errors import explain
from tui.core.shared.i18n import N_, _
from tui.core.vault.header import WRONG_PASSPHRASE, WRONG_RECOVERY_CODE
from tui.host import host
from tui.messages import CaseOpened
from tui.screens.language import CHOOSE
from tui.widgets.notice import Notice
from tui.widgets.tick import TickBox

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

PASSPHRASE_PROMPT = N_("Enter your passphrase to open your case.")
RECOVERY_PROMPT = N_("Enter the recovery code you wrote down when you made your case.")
#: Discreet mode's words (`tui/discreet.py`): nothing says what is behind the passphrase.
NEUTRAL_PROMPT = N_("Enter your passphrase.")
NEUTRAL_RECOVERY_PROMPT = N_("Enter your recovery code.")
TRY_AGAIN = N_("You can try again now.")
#: Before the keyring is first imported, its worker waits this long: importing it holds
#: the GIL for a good part of a second, and the first frame, handed to Textual's writer
#: thread just before, would wait for it.
FIRST_FRAME_GRACE = 0.05


#: The sentences of a failed unlock in discreet mode's words, so that they are
#: translated too ("caso" and "dossier" would say what it is as "case" would).
DISCREET_FAILURES = {
    WRONG_PASSPHRASE: N_(
        "That passphrase does not open these notes. Check it and try again (or use your "
        "recovery code)."
    ),
    WRONG_RECOVERY_CODE: N_(
        "That recovery code does not open these notes. Check it against your written copy."
    ),
}


def discreet_reason(reason: str) -> str:
    """Why an unlock failed, in words that never say case or Reclaim, in any language."""
    for telling, neutral in DISCREET_FAILURES.items():
        if reason == _(telling):
            return _(neutral)
    return neutral_words(reason)


class UnlockScreen(Screen[None]):
    AUTO_FOCUS = "#secret"
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding(
            "ctrl+r",
            "toggle_recovery",
            N_("Use recovery code"),
            tooltip=N_("Open the case with the recovery code instead of the passphrase"),
            id="unlock.recovery",
        ),
        Binding(
            "escape",
            "back",
            N_("Back to start"),
            tooltip=N_("Back to the start, to type the case number again"),
            id="unlock.back",
        ),
        # Words in all three languages: a person who can't read the one on show
        # still finds their own (as on a kiosk's start).
        Binding("f2", "app.language", CHOOSE, id="unlock.language"),
    ]

    def __init__(
        self,
        path: Path,
        *,
        may_remember: bool = False,
        try_remembered: bool = False,
        hint: str = "",
        throttle: throttles.UnlockThrottle | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.may_remember = may_remember
        self.try_remembered = try_remembered
        self.hint = hint
        self.recovery = False
        self._throttle = throttle
        self._reason = ""
        """The last failure's sentence, kept above the countdown."""
        self._countdown: Timer | None = None

    @property
    def throttle(self) -> throttles.UnlockThrottle | None:
        """Kiosk only: the kiosk's one throttle (kept in its cases folder), so another
        number, or a restart, doesn't start afresh."""
        if self._throttle is None and host(self).kiosk:
            return throttles.for_kiosk(self.path.parent)
        return self._throttle

    @property
    def discreet(self) -> bool:
        return is_discreet(host(self).settings, self.path)

    def key_words(self, english: str) -> str:
        """This screen's keys' words (`speak_keys`): neutral ones in discreet mode."""
        return in_neutral_words(english) if self.discreet else _(english)

    def prompt(self) -> str:
        if self.discreet:
            return _(NEUTRAL_RECOVERY_PROMPT if self.recovery else NEUTRAL_PROMPT)
        return _(RECOVERY_PROMPT if self.recovery else PASSPHRASE_PROMPT)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = _("Notes") if self.discreet else _("Your case is locked")
            yield Static(self.prompt(), id="prompt")
            yield Input(password=True, id="secret", placeholder=_("passphrase"), compact=True)
            yield Notice(self.hint, id="message")
            yield TickBox(
                _("Remember on this device (this computer's keyring)"), id="remember", compact=True
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#remember", Checkbox).display = False
        if self.may_remember:
            # After the first frame: the keyring's and the vault's imports, in a thread,
            # would otherwise hold the GIL while the screen is first drawn.
            self.call_after_refresh(self.look_at_keyring)
        if self.throttle is not None:
            self.prepare_stand_in()
            self.count_down()

    @work(thread=True, exit_on_error=False, group="stand-in", description="Preparing")
    def prepare_stand_in(self) -> None:
        """Measure the stand-in's cost now, for any number, so the first try at a number
        with no case doesn't take longer than one at a real case."""
        from tui.core.kiosk.cases import stand_in_params

        stand_in_params()

    def count_down(self) -> None:
        """While the wait is on: say how long is left, once a second, with the field
        closed; when it ends, open the field again."""
        throttle = self.throttle
        left = throttle.remaining(self.path.name) if throttle is not None else 0.0
        secret = self.query_one("#secret", Input)
        message = self.query_one("#message", Notice)
        if left > 0:
            secret.disabled = True
            message.say(f"{self._reason} {throttles.waiting_sentence(left)}".lstrip(), error=True)
            if self._countdown is None:
                self._countdown = self.set_interval(1.0, self.count_down, name="unlock wait")
            return
        if self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
            secret.disabled = False
            message.say(_(TRY_AGAIN))
            secret.focus()

    @work(
        thread=True,
        exit_on_error=False,
        group="keyring",
        description="Looking at the keyring",  # i18n: not shown
    )
    def look_at_keyring(self) -> tuple[bool, Vault | None]:
        """Whether this device has a usable keyring, and (at launch) the case opened with a
        key the person asked it to remember. Off the UI thread: finding the keyring is slow."""
        if "keyring" not in sys.modules:
            time.sleep(FIRST_FRAME_GRACE)
        from tui.core.vault import device_keyring

        if not device_keyring.available():
            return False, None
        if not self.try_remembered:
            return True, None
        from tui.core.vault.vault import Vault, read_header

        try:
            key = device_keyring.recall(read_header(self.path).vault_id)
            return True, (Vault.open(self.path, data_key=key) if key else None)
        except Exception:  # a stale or missing key: ask for the passphrase as usual
            return True, None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "back" or self.throttle is not None

    async def action_back(self) -> None:
        """Kiosk: back to the neutral start (the app's lock), e.g. after a mistyped number."""
        await self.app.run_action("lock")

    def action_toggle_recovery(self) -> None:
        self.recovery = not self.recovery
        self.query_one("#prompt", Static).update(self.prompt())
        secret = self.query_one("#secret", Input)
        secret.placeholder = _("recovery code") if self.recovery else _("passphrase")
        secret.password = not self.recovery
        secret.clear()
        secret.focus()

    @on(Input.Submitted, "#secret")
    def submit(self, event: Input.Submitted) -> None:
        throttle = self.throttle
        if throttle is not None and throttle.remaining(self.path.name) > 0:
            event.input.clear()
            self.count_down()
            return
        if not event.value:
            self.query_one("#message", Notice).say(
                _("Type your passphrase, then press Enter."), error=True
            )
            return
        event.input.disabled = True
        self.query_one("#message", Notice).say(
            _("Opening…") if self.discreet else _("Opening your case…")
        )
        self.open_case(event.value, self.recovery, throttle)
        event.input.clear()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="unlock",
        description="Unlocking",
    )
    def open_case(
        self, secret: str, recovery: bool, throttle: throttles.UnlockThrottle | None = None
    ) -> Vault:
        from tui.core.vault.vault import Vault
        from tui.jobs import letting_go

        letting_go.wait(self.path)  # work a lock stopped on this case lets go of it first
        if throttle is not None:
            from tui.core.kiosk.cases import open_case

            if recovery:
                return open_case(self.path, recovery_code=secret, throttle=throttle)
            return open_case(self.path, passphrase=secret, throttle=throttle)
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
        from tui.core.vault.vault import Vault

        secret = self.query_one("#secret", Input)
        secret.disabled = False
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Vault):
            if not self.is_current:  # locked again while unlocking: the lock wins
                event.worker.result.close()
                return
            remember = self.query_one("#remember", Checkbox)
            self.post_message(
                CaseOpened(
                    event.worker.result,
                    remember=remember.display and remember.value,
                    by_recovery_code=self.recovery,
                )
            )
            return
        if event.worker.error is not None:
            self._reason = explain(event.worker.error, _("opening the case"))
            if isinstance(event.worker.error, throttles.TooManyTries):
                self._reason = ""  # its sentence is the countdown's own
            if self.discreet:  # "does not open this case" would say what it is
                self._reason = discreet_reason(self._reason)
            self.query_one("#message", Notice).say(self._reason, error=True)
        self.count_down()
        if not secret.disabled:
            secret.focus()
