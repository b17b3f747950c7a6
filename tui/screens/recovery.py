"""The recovery code, shown once, with a clear step to write it down."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Static

from tui.core.settings import neutral_words
from tui.core.shared.i18n import N_, _
from tui.widgets.notice import Notice
from tui.widgets.tick import TickBox

#: Said above the code when it comes back after a lock (it is shown until confirmed).
AGAIN = N_("Your case locked before you said you had written this down, so here it is again.")
#: Said when Continue is pressed before the box is ticked: a button that silently did
#: nothing would look broken, and the code must not be skipped by accident.
TICK_FIRST = N_("Tick “I have written it down” first (press Space), then continue.")
#: Discreet mode's words for the same (`tui/discreet.py`): a new discreet case's code is
#: shown right after "New notes", where a glance may still fall.
NEUTRAL_AGAIN = N_(
    "Your notes locked before you said you had written this down, so here it is again."
)


class RecoveryScreen(Screen[None]):
    """Dismissed only after the person says they have written the code down. A lock
    first brings it back (`again`) after the case's next unlock: the code is kept in
    memory only, never written."""

    AUTO_FOCUS = "#written"
    CSS_PATH = "forms.tcss"

    def __init__(
        self,
        code: str,
        case_number: str = "",
        *,
        again: bool = False,
        note: str = "",
        new_case: bool = False,
    ) -> None:
        super().__init__()
        self.code = code
        self.new_case = new_case
        """A new case's code: the case keeps that it is not confirmed yet, so that an
        app ended on this screen is noticed at the next unlock (`recovery_flag`)."""
        self.case_number = case_number
        self.again = again
        self.note = note
        """Said after (a new key's code counts only once the key is in place)."""

    def compose(self) -> ComposeResult:
        # Discreet mode: "notes", never a case, before anyone has seen inside.
        plain = bool(getattr(self.app, "discreet", False))
        with Vertical(classes="form") as form:
            form.border_title = _("Write this down now")
            said = [
                (_(NEUTRAL_AGAIN) if plain else _(AGAIN)) if self.again else "",
                _(
                    "This is your recovery code. It opens your notes if you ever forget your "
                    "passphrase. It is shown only until you say you have written it down."
                )
                if plain
                else _(
                    "This is your recovery code. It opens your case if you ever forget your "
                    "passphrase. It is shown only until you say you have written it down."
                ),
                neutral_words(self.note) if plain else self.note,
            ]
            yield Static(" ".join(part for part in said if part))
            yield Static(self.code, classes="code", id="code")
            if self.case_number and plain:
                yield Static(
                    _(
                        "Your number on this computer is [b]{number}[/]. Write it down "
                        "too: you will need it to find your notes again."
                    ).format(number=self.case_number)
                )
            elif self.case_number:
                yield Static(
                    _(
                        "Your case number on this computer is [b]{case_number}[/]. Write it "
                        "down too: you will need it to find your case again."
                    ).format(case_number=self.case_number)
                )
            # Named, not "it": after the case number, "it" would read as the number.
            yield Static(
                _(
                    "Keep the recovery code on paper, somewhere safe and away from this "
                    "computer. Anyone who has the recovery code can open your notes."
                )
                if plain
                else _(
                    "Keep the recovery code on paper, somewhere safe and away from this "
                    "computer. Anyone who has the recovery code can open your case."
                ),
                classes="hint",
            )
            yield TickBox(_("I have written it down"), id="written", compact=True)
            yield Button(
                _("Continue to my notes") if plain else _("Continue to my case"),
                id="continue",
                variant="primary",
                compact=True,
            )
            yield Notice(id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#message", Notice).display = False  # no empty line in a full form
        if self.new_case:
            self._keep_confirmed(False)

    def _keep_confirmed(self, confirmed: bool) -> None:
        from tui.core.vault.recovery_flag import set_code_confirmed
        from tui.screens.case import case_is_open, open_case

        if case_is_open(self):
            set_code_confirmed(open_case(self), confirmed)

    @on(Checkbox.Changed, "#written")
    def written(self, event: Checkbox.Changed) -> None:
        if event.value:
            self.query_one("#message", Notice).display = False

    @on(Button.Pressed, "#continue")
    def done(self) -> None:
        if not self.query_one("#written", Checkbox).value:
            message = self.query_one("#message", Notice)
            message.say(_(TICK_FIRST), error=True)
            message.display = True
            self.query_one("#written", Checkbox).focus()
            return
        self._keep_confirmed(True)
        self.dismiss(None)
