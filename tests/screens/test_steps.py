"""The step registry: every step of the guide opens its own screen, and the app's router
and palette find them there."""

from __future__ import annotations

from textual.screen import Screen

from tests.support.pilot import SIZE
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.steps import STEPS
from tui.core.vault.vault import Vault
from tui.screens.steps import STEP_SCREENS


def test_every_step_of_the_guide_has_one_screen():
    assert [entry.step for entry in STEP_SCREENS.values()] == list(STEPS)
    classes = [entry.screen_class() for entry in STEP_SCREENS.values()]
    assert all(issubclass(found, Screen) for found in classes)
    assert len(set(classes)) == len(STEPS), "no screen shows two steps"
    assert [key for key, entry in STEP_SCREENS.items() if entry.toggles] == ["safety"]


async def test_each_step_opens_its_registered_screen_and_safety_closes_again(demo: Vault):
    app = ReclaimApp(demo.path, Settings(), demo_vault=demo)
    async with app.run_test(size=SIZE) as pilot:
        for key, entry in STEP_SCREENS.items():
            app.action_open_step(key)
            await pilot.pause()
            assert type(app.screen) is entry.screen_class(), key
            app.pop_screen()
            await pilot.pause()
        app.action_open_step("safety")
        app.action_open_step("safety")
        await pilot.pause()
        assert len(app.screen_stack) == 2, "Safety opened and closed again"
        app.action_open_step("no such step")
        assert len(app.screen_stack) == 2
