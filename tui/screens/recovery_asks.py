"""The questions that keep a new recovery code from being lost unseen: quitting while it
is on screen, not yet confirmed, asks first; unlocking a case whose code was never
confirmed as written down (the app ended on that screen) offers a new code at once.

Light to import (the app loads it at start): the screens and dialogs come when asked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.vault.vault import Vault

QUIT_QUESTION = N_(
    "You have not said you wrote down your recovery code. Without it, a forgotten "
    "passphrase means the case can't be opened. Quit anyway?"
)
NEVER_CONFIRMED = N_(
    "The recovery code made with this case was never confirmed as written down. Without "
    "it, a forgotten passphrase means the case can't be opened. Make a new recovery code "
    "now? It replaces the old one."
)
#: Said under the new code: the one never confirmed is gone.
REPLACED = N_("The recovery code made before no longer opens your case.")


def asked_about_code(app: App[Any]) -> bool:
    """True when a recovery code is on screen, not yet confirmed: then the question is
    asked (Keep it on screen, first and what Escape gives, or Quit) instead of quitting."""
    from tui.dialogs.confirm import ConfirmDialog
    from tui.screens.recovery import RecoveryScreen

    if not any(isinstance(screen, RecoveryScreen) for screen in app.screen_stack):
        return False

    def answered(really: bool | None) -> None:
        if really:
            app.exit()

    app.push_screen(
        ConfirmDialog(_(QUIT_QUESTION), yes=_("Quit"), no=_("Keep it on screen")), answered
    )
    return True


def offer_new_code(app: App[Any], vault: Vault) -> None:
    """After an unlock: when the case's recovery code was never confirmed, say so and
    offer a new one, shown on the same screen until "I have written it down"."""
    from tui.core.vault.recovery_flag import code_confirmed

    if code_confirmed(vault):
        return
    from tui.dialogs.confirm import ConfirmDialog
    from tui.screens.recovery import RecoveryScreen

    def answered(yes: bool | None) -> None:
        if yes and getattr(app, "vault", None) is vault:
            app.push_screen(RecoveryScreen(vault.replace_recovery_code(), note=_(REPLACED)))

    question = ConfirmDialog(_(NEVER_CONFIRMED), yes=_("Make a new code"), no=_("Not now"))
    app.push_screen(question, answered)
