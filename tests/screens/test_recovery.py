"""The recovery code screen: it names the code, says to tick "I have written it down"
first, and all of it fits above the footer at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Footer, Static

from tests.support.cases import PASSPHRASE
from tests.support.pilot import SIZE, settle, type_twice, wait_until
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.screens.home import HomeScreen
from tui.screens.recovery import RecoveryScreen
from tui.widgets.notice import Notice


def screen_text(app: ReclaimApp) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


def box(checkbox: Checkbox) -> str:
    """The checkbox as plain text: what is left of it with no colour at all."""
    return str(checkbox.render())[:3]


async def make_kiosk_case(app: ReclaimApp, pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    await type_twice(app, pilot, PASSPHRASE)
    await settle(app, pilot)
    assert isinstance(app.screen, RecoveryScreen)


async def test_the_recovery_screen_names_the_code_and_says_to_tick_first(settings: Settings):
    app = ReclaimApp(Path(), settings, kiosk=True)
    async with app.run_test(size=SIZE) as pilot:
        await make_kiosk_case(app, pilot)
        text = screen_text(app)
        assert "Anyone who has the recovery code can open your case" in text
        assert "has it can" not in text
        written = app.screen.query_one("#written", Checkbox)
        assert box(written) == "[ ]"

        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "continue"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen), "not without the tick"
        message = app.screen.query_one("#message", Notice)
        assert message.display
        assert "Tick “I have written it down” first" in str(message.render())
        assert app.focused is not None and app.focused.id == "written", "so Space ticks it"
        form = app.screen.query_one(".form")
        footer = app.screen.query_one(Footer)
        assert form.region.bottom <= footer.region.y, "all of it fits above the footer at 80x24"
        assert message.region.bottom <= form.region.bottom

        await pilot.press("space")
        await pilot.pause()
        assert box(written) == "[✓]"
        assert not message.display
        await pilot.press("tab")
        # Each key once the screen has taken the last one in (a busy machine let Enter
        # reach the box before Tab had moved on, untick it and stay).
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "continue")
        await pilot.press("enter")
        # The case is saved before home shows: wait for it, not for one idle moment.
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
