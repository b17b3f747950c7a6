"""The line of keys that is always there (F1 Safety · Ctrl+L Lock · Ctrl+Q Quit · Ctrl+P
Every key): on the last line of home, every step and Safety at 80x24, below the step's
own footer, and with the keys named as a person reads them."""

from __future__ import annotations

from textual.widgets import Footer

from tests.support.pilot import SIZE, footer_keys
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.steps import STEPS
from tui.core.vault.vault import Vault
from tui.screens.home import HomeScreen
from tui.screens.safety import SafetyScreen
from tui.widgets.always_keys import AlwaysKeys, key_name


def always_line(app: ReclaimApp) -> AlwaysKeys:
    return app.screen.query_one(AlwaysKeys)


async def test_safety_and_lock_are_on_the_last_line_of_home_and_every_step(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        for step in [None, *STEPS[1:]]:
            if step is not None:
                await pilot.press(str(step.number))
                await pilot.pause()
                await pilot.pause()
            line = always_line(app)
            assert line.region.y == SIZE[1] - 1, "the last line of the terminal"
            assert line.text().startswith("F1 Safety · Ctrl+L Lock")
            assert "Ctrl+P Every key" in line.text()
            footer = app.screen.query_one(Footer)
            assert footer.region.y == SIZE[1] - 2, "the step's own keys just above"
            assert "Safety" not in footer_keys(app), "said once, on the line below"
            if step is not None:
                await pilot.press("escape")
                await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Open a step" in footer_keys(app)


async def test_the_line_shows_under_step_8s_full_footer_and_on_the_safety_screen(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("8")
        await pilot.pause()
        await pilot.press("down", "enter")  # the age question: "No, 18 or over"
        await pilot.pause()
        assert always_line(app).text().startswith("F1 Safety · Ctrl+L Lock")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert always_line(app).region.y == SIZE[1] - 1


def test_keys_are_named_as_a_person_reads_them():
    assert [key_name(k) for k in ("ctrl+s", "escape", "f1", "D", "p", "space", "slash")] == [
        "Ctrl+S",
        "Esc",
        "F1",
        "D",
        "p",
        "Space",
        "/",
    ]
