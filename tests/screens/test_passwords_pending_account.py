"""An account typed in Step 3's "Accounts changed" without Enter is not dropped on Escape
(found walking issue 25): the step asks Save / Keep editing / Discard, and Save adds it."""

from __future__ import annotations

from textual.widgets import Input, TabbedContent

from tests.support.pilot import SIZE, settle, unlock
from tui.app import ReclaimApp
from tui.core.passwords import changed_accounts as accounts
from tui.core.settings import Settings
from tui.core.vault.vault import Vault
from tui.dialogs.choice import ChoiceDialog
from tui.screens.passwords import PasswordsScreen


def showing(app: ReclaimApp) -> object:
    return app.screen


async def test_escape_asks_about_an_account_typed_but_not_entered(vault: Vault) -> None:
    app = ReclaimApp(vault.path, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await unlock(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PasswordsScreen)
        screen.query_one(TabbedContent).active = "accounts"
        await pilot.pause()
        screen.query_one("#account-name", Input).focus()
        await pilot.press(*"Gmail", "escape")
        await settle(app, pilot)
        assert isinstance(showing(app), ChoiceDialog)
        await pilot.press("enter")  # Save
        await settle(app, pilot)
        assert not isinstance(showing(app), PasswordsScreen | ChoiceDialog)
    assert [a.name for a in accounts.list_accounts(vault)] == ["Gmail"]
