"""Which screen opens each step of the guide, registered once.

The steps themselves (number, key, title, summary) are core's `tui.core.steps.STEPS`;
this registry adds the screen that shows each one. The app's router, the home screen
and the command palette ask it, so a new step is one line here and its screen.

A screen is named by its module and class and imported when the step is first opened:
importing every step's screen at start-up would slow the unlock screen's first frame."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from textual.screen import Screen

from tui.core.steps import STEPS, Step


@dataclass(frozen=True)
class StepScreen:
    """A step of the guide and the screen that shows it."""

    step: Step
    module: str
    """Where the screen is defined, e.g. `tui.screens.evidence`."""
    name: str
    """The screen's class, built with no arguments (it asks the app for the case)."""
    toggles: bool = False
    """Opening the step while it is on show closes it (Safety: F1 opens and closes it)."""

    def screen_class(self) -> type[Screen[Any]]:
        found = getattr(import_module(self.module), self.name)
        assert isinstance(found, type) and issubclass(found, Screen), self
        return found

    def make(self) -> Screen[Any]:
        return self.screen_class()()


def _step(key: str) -> Step:
    return next(step for step in STEPS if step.key == key)


STEP_SCREENS: dict[str, StepScreen] = {
    entry.step.key: entry
    for entry in (
        StepScreen(_step("safety"), "tui.screens.safety", "SafetyScreen", toggles=True),
        StepScreen(_step("privacy"), "tui.screens.privacy", "PrivacyScreen"),
        StepScreen(_step("passwords"), "tui.screens.passwords", "PasswordsScreen"),
        StepScreen(_step("evidence"), "tui.screens.evidence", "EvidenceScreen"),
        StepScreen(_step("copies"), "tui.screens.copies", "CopiesScreen"),
        StepScreen(_step("timeline"), "tui.screens.timeline", "TimelineScreen"),
        StepScreen(_step("binder"), "tui.screens.binder", "BinderScreen"),
        StepScreen(_step("takedowns"), "tui.screens.takedowns", "TakedownsScreen"),
    )
}
"""Every step's screen, by the step's key, in the order of the guide."""
