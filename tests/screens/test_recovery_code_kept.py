"""A new case's recovery code is never lost unseen (found walking issue 25): quitting on
the "Write this down now" screen asks first (also on a kiosk); and if the app ends there
anyway, the next unlock says the code was never confirmed and offers a new one."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, settle, type_twice, unlock
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared.errors import ReclaimError
from tui.core.vault.recovery_flag import code_confirmed
from tui.core.vault.vault import Vault
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.home import HomeScreen
from tui.screens.recovery import RecoveryScreen
from tui.screens.recovery_asks import NEVER_CONFIRMED, QUIT_QUESTION


def showing(app: ReclaimApp) -> object:
    return app.screen


async def make_case(app: ReclaimApp, pilot: Pilot[None]) -> str:
    """Make the case (a kiosk's from its start) and return the recovery code shown."""
    if app.kiosk:
        await pilot.press("ctrl+n")
        await pilot.pause()
    await type_twice(app, pilot, PASSPHRASE)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, RecoveryScreen)
    return screen.code


async def test_quit_on_the_code_screen_asks_first(tmp_path: Path, settings: Settings) -> None:
    for kiosk in (False, True):
        app = ReclaimApp(tmp_path / f"case-{kiosk}", settings, kiosk=kiosk)
        async with app.run_test(size=SIZE) as pilot:
            await make_case(app, pilot)
            await pilot.press("ctrl+q")
            await settle(app, pilot)
            dialog = showing(app)
            assert isinstance(dialog, ConfirmDialog) and dialog.question == QUIT_QUESTION
            await pilot.press("escape")  # Keep it on screen
            await settle(app, pilot)
            assert isinstance(showing(app), RecoveryScreen) and app.is_running
            await pilot.press("ctrl+q", "y")  # Quit
            await settle(app, pilot)
            assert not app.is_running


async def test_a_code_never_confirmed_is_said_at_unlock_and_replaced(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "case"
    first = ReclaimApp(path, settings)
    async with first.run_test(size=SIZE) as pilot:
        old_code = await make_case(first, pilot)
        await pilot.press("ctrl+q", "y")  # ended on the code screen, never confirmed
        await settle(first, pilot)
    again = ReclaimApp(path, settings)
    async with again.run_test(size=SIZE) as pilot:
        await unlock(again, pilot)
        dialog = showing(again)
        assert isinstance(dialog, ConfirmDialog) and dialog.question == NEVER_CONFIRMED
        await pilot.press("y")  # Make a new code
        await settle(again, pilot)
        screen = showing(again)
        assert isinstance(screen, RecoveryScreen) and screen.code != old_code
        new_code = screen.code
        await pilot.press("space", "tab", "enter")  # I have written it down; continue
        await settle(again, pilot)
        assert isinstance(showing(again), HomeScreen)
    with Vault.open(path, recovery_code=new_code) as vault:
        assert code_confirmed(vault)
    try:
        Vault.open(path, recovery_code=old_code).close()
    except ReclaimError:
        pass
    else:
        raise AssertionError("the old code still opens the case")
    third = ReclaimApp(path, settings)
    async with third.run_test(size=SIZE) as pilot:
        await unlock(third, pilot)
        assert isinstance(showing(third), HomeScreen), "confirmed: nothing more is asked"
