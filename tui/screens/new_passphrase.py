"""A new passphrase, from the palette or at once after the case was opened with the
recovery code. It asks whether someone else might know the old passphrase or recovery
code: if so (or if unsure), the whole case gets a new key (see `tui/core/vault/rekey.py`), so
an old copy of the case and the old passphrase open nothing added from now on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet, Static

from tui.core.shared.errors import explain
from tui.host import host
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case
from tui.widgets.notice import Notice
from tui.widgets.tick import TickRadio
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

    #: The case as it is now, and the new recovery code when there is one.
    Changed = tuple[Vault, str | None]

AFTER_RECOVERY = (
    "You opened your case with the recovery code. Choose a new passphrase now; you will "
    "get a new recovery code too, and the one you used stops working."
)
FROM_THE_PALETTE = "Choose a new passphrase: four or five unrelated words are strong."
MAKE_ONE = "press Ctrl+G for one"


class NewPassphraseScreen(Screen[None]):
    AUTO_FOCUS = "#first"
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "back", "Not now"),
        Binding("ctrl+g", "generate", "Make a passphrase", id="new_passphrase.generate"),
    ]

    def __init__(self, after_recovery: bool = False) -> None:
        super().__init__()
        self.after_recovery = after_recovery
        self.work = WorkBar()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = "A new passphrase"
            yield Static(AFTER_RECOVERY if self.after_recovery else FROM_THE_PALETTE)
            yield Input(password=True, id="first", placeholder="new passphrase", compact=True)
            yield Input(
                password=True, id="second", placeholder="the same passphrase again", compact=True
            )
            yield Static("Might someone else know your old passphrase or recovery code?")
            with RadioSet(id="who", compact=True):
                yield TickRadio(
                    "Yes, or I'm not sure: give my case a new key (everything is "
                    "encrypted again; it takes a moment)",
                    value=True,
                    id="new-key",
                )
                yield TickRadio("No, only I know them", id="only-me")
            yield Notice(id="message")
            yield Button("Change it", id="change", variant="primary", compact=True)
        yield self.work
        yield Footer()

    def action_generate(self) -> None:
        from tui.core.passwords.passphrase import generate

        made = generate()
        for field in self.query(Input):
            field.value = made
        self.query_one("#message", Notice).say(
            f"Your new passphrase: {made}. Write it down or learn it, then press Enter."
        )

    @on(Input.Submitted, "#first")
    def next_field(self) -> None:
        self.query_one("#second", Input).focus()

    @on(Input.Submitted, "#second")
    @on(Button.Pressed, "#change")
    def submit(self) -> None:
        from tui.core.passwords.profile import load
        from tui.core.passwords.strength import weakness

        if self.work.job is not None:
            return
        first = self.query_one("#first", Input).value
        if first != self.query_one("#second", Input).value:
            self.query_one("#message", Notice).say(
                "The two passphrases are not the same. Type them again.", error=True
            )
            return
        personal = load(open_case(self)).personal_words()
        if problem := weakness(first, personal, make_one=MAKE_ONE):
            self.query_one("#message", Notice).say(problem, error=True)
            return
        new_key = self.query_one("#new-key", RadioButton).value
        self.query_one("#message", Notice).say(
            "Encrypting everything again under a new key…" if new_key else "Changing it…"
        )
        job: Job[Changed] = Job("Encrypting again" if new_key else "Changing the passphrase")
        vault = open_case(self)

        def change() -> Changed:
            from tui.core.vault import device_keyring, keys, rekey

            if new_key:
                device_keyring.forget(vault.header.vault_id)
                return rekey.start(vault, first, progress=lambda d, t: job.progress(d, t, d, t))
            code = keys.new_recovery_code() if self.after_recovery else None
            vault.change_passphrase(first, new_recovery_code=code)
            return vault, code

        self.work.start(job, change, self._changed, describe=_items)

    def _changed(self, job: Job[Changed]) -> None:
        from tui.screens.recovery import RecoveryScreen

        for field in self.query(Input):
            field.clear()
        if job.error is not None:
            self.query_one("#message", Notice).say(
                explain(job.error, "changing the passphrase"), error=True
            )
            return
        vault, code = job.result
        host(self).vault = vault
        if code is None:
            self.notify("Your passphrase is changed.")
            self.dismiss(None)
            return
        self.app.switch_screen(RecoveryScreen(code))

    def stop_work(self) -> None:
        """Before a lock: stop re-encrypting (it finishes when the case is next opened)."""
        self.work.stop_and_wait()

    def action_back(self) -> None:
        if self.work.job is None and case_is_open(self):
            self.dismiss(None)


def _items(job: Job[Changed]) -> str:
    if not job.files_total:
        return f"{job.title}…"
    return f"{job.title}: {job.files_done} of {job.files_total} items"
