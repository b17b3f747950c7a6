"""A new passphrase, from the palette or at once after the case was opened with the
recovery code. It asks whether someone else might know the old passphrase or recovery
code: if so (or if unsure), the whole case gets a new key (see `tui/core/vault/rekey.py`), so
an old copy of the case and the old passphrase open nothing added from now on.

A new key is made first (nothing written), its recovery code shown until "I have written
it down", and only then applied, with progress. A lock before that changes nothing (said
after unlocking); a lock while it is applied stops it, and the next unlock rolls it back
and says so (`key_change.STOPPED`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet, Static

from tui.core.shared.errors import explain
from tui.core.shared.i18n import N_, _
from tui.host import host
from tui.jobs import Job
from tui.screens.case import case_is_open, open_case
from tui.widgets.notice import Notice
from tui.widgets.tick import TickRadio
from tui.widgets.work_bar import WorkBar

if TYPE_CHECKING:
    from tui.core.vault.rekey import Prepared
    from tui.core.vault.vault import Vault

    #: The case as it is now, and the new recovery code when there is one.
    Changed = tuple[Vault, str | None]

AFTER_RECOVERY = N_(
    "You opened your case with the recovery code. Choose a new passphrase now; you will "
    "get a new recovery code too, and the one you used stops working."
)
FROM_THE_PALETTE = N_("Choose a new passphrase: four or five unrelated words are strong.")
MAKE_ONE = N_("press Ctrl+G for one")
#: Above the new key's recovery code: it counts only once the new key is in place.
NEW_KEY_CODE = N_(
    "Your case gets its new key when you continue: until then your old passphrase and "
    "recovery code still open it; from then on, your new passphrase and this code do."
)
NEW_KEY_DONE = N_(
    "Your case has a new key: every piece of evidence was encrypted again. Your new "
    "passphrase and the recovery code you wrote down open it; the old ones no longer do. "
    "Backups made before now still open with the old passphrase: make a new one, then "
    "destroy them."
)


class NewPassphraseScreen(Screen[None]):
    AUTO_FOCUS = "#first"
    CSS_PATH = "forms.tcss"
    #: Named after a lock that came before a new key was applied (`save_now`).
    FORM_NAME = N_("the new passphrase (your case's key was not changed)")
    BINDINGS = [
        Binding("escape", "back", N_("Not now")),
        Binding("ctrl+g", "generate", N_("Make a passphrase"), id="new_passphrase.generate"),
    ]

    def __init__(self, after_recovery: bool = False) -> None:
        super().__init__()
        self.after_recovery = after_recovery
        self.work = WorkBar()
        self._prepared: Prepared | None = None
        """A new key made, its code on show or being applied (until it is in place)."""
        self._applying = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form") as form:
            form.border_title = _("A new passphrase")
            yield Static(_(AFTER_RECOVERY if self.after_recovery else FROM_THE_PALETTE))
            yield Input(password=True, id="first", placeholder=_("new passphrase"), compact=True)
            yield Input(
                password=True,
                id="second",
                placeholder=_("the same passphrase again"),
                compact=True,
            )
            yield Static(_("Might someone else know your old passphrase or recovery code?"))
            with RadioSet(id="who", compact=True):
                yield TickRadio(
                    _(
                        "Yes, or I'm not sure: give my case a new key (everything is "
                        "encrypted again; it takes a moment)"
                    ),
                    value=True,
                    id="new-key",
                )
                yield TickRadio(_("No, only I know them"), id="only-me")
            yield Notice(id="message")
            yield Button(_("Change it"), id="change", variant="primary", compact=True)
        yield self.work
        yield Footer()

    def action_generate(self) -> None:
        from tui.core.passwords.passphrase import generate

        made = generate()
        for field in self.query(Input):
            field.value = made
        self.query_one("#message", Notice).say(
            _("Your new passphrase: {made}. Write it down or learn it, then press Enter.").format(
                made=made
            )
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
                _("The two passphrases are not the same. Type them again."), error=True
            )
            return
        personal = load(open_case(self)).personal_words()
        if problem := weakness(first, personal, make_one=_(MAKE_ONE)):
            self.query_one("#message", Notice).say(problem, error=True)
            return
        new_key = self.query_one("#new-key", RadioButton).value
        vault = open_case(self)
        if new_key:
            self.query_one("#message", Notice).say(_("Making a new key…"))
            making: Job[Prepared] = Job(_("Making a new key"))

            def make() -> Prepared:
                from tui.core.vault import rekey

                return rekey.prepare(vault, first)

            self.work.start(making, make, self._made)
            return
        self.query_one("#message", Notice).say(_("Changing it…"))
        job: Job[Changed] = Job(_("Changing the passphrase"))

        def change() -> Changed:
            from tui.core.vault import keys

            code = keys.new_recovery_code() if self.after_recovery else None
            vault.change_passphrase(first, new_recovery_code=code)
            return vault, code

        self.work.start(job, change, self._changed)

    def _made(self, job: Job[Prepared]) -> None:
        """The new key is made (nothing written): its code is shown until written down."""
        from tui.screens.recovery import RecoveryScreen

        for field in self.query(Input):
            field.clear()
        if job.cancelling or not case_is_open(self):
            return  # locked meanwhile: nothing was changed (said after unlocking)
        if job.error is not None:
            self.query_one("#message", Notice).say(
                explain(job.error, _("making a new key")), error=True
            )
            return
        self._prepared = job.result
        self.app.push_screen(RecoveryScreen(job.result.code, note=_(NEW_KEY_CODE)), self._written)

    def _written(self, _unused: None) -> None:
        """The code is written down: now the new key is applied."""
        prepared = self._prepared
        if prepared is None or not case_is_open(self):
            return
        self._applying = True
        self.query_one("#message", Notice).say(_("Encrypting everything again under a new key…"))
        job: Job[Vault] = Job(_("Encrypting again"))
        vault = open_case(self)

        def apply() -> Vault:
            from tui.core.vault import device_keyring, rekey

            renewed = rekey.apply(
                vault,
                prepared,
                progress=lambda d, t: job.progress(d, t, d, t),
                undo_when_stopped=False,  # the next unlock rolls it back, and says so
            )
            device_keyring.forget(renewed.header.vault_id)  # it remembered the old key
            return renewed

        self.work.start(job, apply, self._applied, describe=_items)

    def _applied(self, job: Job[Vault]) -> None:
        self._prepared, self._applying = None, False
        if job.cancelling or not case_is_open(self):
            if job.error is None:  # finished as the lock came: the case is locked
                job.result.close()
            return  # locked: the next unlock says what was stopped
        from tui.core.vault.key_change import KeyChangeUnfinished

        if isinstance(job.error, KeyChangeUnfinished):
            # The case is closed already: unlocking finishes the change, and says so.
            host(self).action_lock()
            return
        if job.error is not None:
            self.query_one("#message", Notice).say(
                explain(job.error, _("giving the case a new key")), error=True
            )
            return
        host(self).vault = job.result
        self.notify(_(NEW_KEY_DONE), timeout=30)
        self.dismiss(None)

    def _changed(self, job: Job[Changed]) -> None:
        from tui.screens.recovery import RecoveryScreen

        for field in self.query(Input):
            field.clear()
        if job.error is not None:
            self.query_one("#message", Notice).say(
                explain(job.error, _("changing the passphrase")), error=True
            )
            return
        vault, code = job.result
        host(self).vault = vault
        if code is None:
            self.notify(_("Your passphrase is changed."))
            self.dismiss(None)
            return
        self.app.switch_screen(RecoveryScreen(code))

    def stop_work(self) -> None:
        """Before a lock: stop making or applying a new key (what was applied is rolled
        back at the next unlock)."""
        self.work.stop_and_wait()

    def save_now(self) -> bool | None:
        """Before a lock: False while a new key was made but not yet applied (its code
        on show), so that after unlocking the person hears that the key was not changed."""
        making = self.work.job is not None and not self._applying
        return False if (self._prepared is not None and not self._applying) or making else None

    def action_back(self) -> None:
        if self.work.job is None and case_is_open(self):
            self.dismiss(None)


def _items(job: Job[Vault]) -> str:
    if not job.files_total:
        return f"{job.title}…"
    return _("{title}: {done} of {total} items").format(
        title=job.title, done=job.files_done, total=job.files_total
    )
