"""What a screen may ask of the app that shows it, written down once and checked by mypy.

Screens never keep the open case: they ask the app each time (`open_case`), so that a
lock really takes it out of reach. They reach the app through `AppHost` and `host()`
instead of untyped attributes (`getattr(self.app, "vault")`), so a screen's needs are
visible here and a renamed attribute is a type error, not a silent default.

The app also asks things of its screens when it locks: `StopsWork` (background work
stops first), `KeepsTyping` (typed details are saved, or named afterwards) and
`KeepsOverLock` (typing with no place in the case is kept in memory for it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tui.core.kiosk.save_folders import SaveFolders
    from tui.core.settings import Settings
    from tui.core.vault.vault import Vault
    from tui.kept_for_case import KeptForCase


class AppHost(Protocol):
    """The app as its screens see it (`tui.app.ReclaimApp` is the one implementation)."""

    vault: Vault | None
    """The open case, or None while locked."""
    settings: Settings
    kiosk: bool
    """A clinic's shared machine: its own rules for files, idle time and the start."""
    demo: bool
    """The made-up sample case is open."""

    save_folders: SaveFolders
    """Where files are offered to be saved and browsed (a kiosk has its own rules)."""
    kept_for_case: KeptForCase
    """What the case has no place for, kept in memory: F3 choices, typing at a lock."""

    def step_progress(self) -> dict[str, str]:
        """A few words per step for the home screen, read from the open case."""

    def action_open_step(self, key: str) -> None:
        """Open the step with this key (see `tui.core.steps.STEPS`)."""

    def action_lock(self) -> None:
        """Close the case and show the unlock prompt (or the kiosk's neutral start)."""


def host(node: DOMNode) -> AppHost:
    """The app showing `node`, as the screens may use it."""
    return cast("AppHost", node.app)


@runtime_checkable
class StopsWork(Protocol):
    """A screen with background work, stopped before a lock closes the case.

    The work in a screen's `WorkBar` is asked to stop and taken over by the app first
    (`WorkBar.let_go`), which closes the case once it has stopped, off the screen's
    thread: a lock never waits for it. `stop_work` is for anything else a screen runs."""

    def stop_work(self) -> None:
        """Ask any other work to stop and wait until it has let go of the case."""


@runtime_checkable
class KeepsTyping(Protocol):
    """A screen whose typing is saved before a lock closes the case."""

    FORM_NAME: str
    """How the form is named afterwards if what was typed could not be saved."""

    def save_now(self) -> bool | None:
        """Save what is typed; False when it could not be (it was not complete)."""


@runtime_checkable
class KeepsOverLock(Protocol):
    """A screen whose typing the case has no place for (the binder's choices, an answer
    being typed): kept in memory at a lock (`AppHost.kept_for_case`), and given back
    when the screen is next shown in that case. Never a password."""

    def keep_over_lock(self) -> None:
        """Hand what is typed to the app to keep for the case."""
