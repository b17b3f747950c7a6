"""Driving the app with Textual's Pilot: typing, waiting for work to finish, unlocking,
reading what the screen and its notifications say."""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from tests.support.cases import PASSPHRASE
from tui.app import ReclaimApp
from tui.screens.evidence import EvidenceScreen
from tui.screens.exhibit import ExhibitScreen
from tui.screens.takedowns import TakedownsScreen
from tui.screens.unlock import UnlockScreen
from tui.widgets.preview import Preview

SIZE = (80, 24)


def screen_text(app: ReclaimApp) -> str:
    """Everything the current screen shows, as plain text (grids and groups too, drawn
    wide so that nothing wraps)."""
    from rich.console import Console, ConsoleRenderable, RichCast
    from rich.text import Text

    drawable = ConsoleRenderable | RichCast

    parts = []
    for static in app.screen.query(Static):
        shown = static.render()
        if not isinstance(shown, str | Text) and isinstance(static.content, drawable):
            shown = static.content  # a grid or a group, as given to the widget
        if isinstance(shown, str | Text):
            parts.append(str(shown))
            continue
        console = Console(width=1000, record=True, file=io.StringIO(), color_system=None)
        console.print(shown)
        parts.append("\n".join(line.rstrip() for line in console.export_text().splitlines()))
    return "\n".join(parts)


async def type_twice(app: ReclaimApp, pilot, passphrase: str) -> None:
    """Type a passphrase in both fields of a create or new-passphrase screen, and Enter."""
    for field in ("#first", "#second"):
        app.screen.query_one(field, Input).value = passphrase
    app.screen.query_one("#second", Input).focus()
    await pilot.press("enter")


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[ch if ch != " " else "space" for ch in text])


async def settle(app: ReclaimApp, pilot) -> None:
    """Let messages arrive, workers finish and the screen update."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], seconds: float = 20.0
) -> None:
    """Let the app run until `condition()` holds (work in a thread, a folder being read),
    checking between frames instead of sleeping a fixed time that is too long on a quiet
    machine and too short on a busy one. Fails if it never does."""
    # The machine's own clock: a test may have stopped Reclaim's (`clock.fixed`).
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {seconds} s: {condition}")
        await pilot.pause(0.01)
    await pilot.pause()


async def unlock(app: ReclaimApp, pilot, passphrase: str = PASSPHRASE) -> None:
    assert isinstance(app.screen, UnlockScreen)
    app.screen.query_one("#secret", Input).value = passphrase
    await pilot.press("enter")
    await settle(app, pilot)


def said(app: ReclaimApp) -> str:
    """Every notification shown so far."""
    return "\n".join(notices(app))


def notices(app: ReclaimApp) -> list[str]:
    """The notifications on show, oldest first."""
    return [notice.message for notice in app._notifications]


def lines_of(widget: Widget) -> list[str]:
    """What a widget shows, line by line, as drawn at its size."""
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


def cut_placeholders(app: ReclaimApp) -> list[tuple[str, int]]:
    """(hint, room) of every text field on the screen whose hint does not fit it."""
    return [
        (field.placeholder, field.content_region.width)
        for field in app.screen.query(Input)
        if field.placeholder
        and field.content_region.width
        and len(field.placeholder) > field.content_region.width
    ]


def footer_keys(app: ReclaimApp) -> str:
    """The keys the footer shows, as "key description" pairs, and a group's label."""
    from textual.widgets._footer import FooterKey, FooterLabel

    footer = app.screen.query_one(Footer)
    shown = [f"{key.key_display} {key.description}" for key in footer.query(FooterKey)]
    return " · ".join(shown + [str(label.render()) for label in footer.query(FooterLabel)])


def footer_says(app: ReclaimApp, key: str) -> str | None:
    """What the footer shows for `key` on this screen, or None if it shows nothing."""
    active = app.active_bindings.get(key)
    if active is None or not active.enabled or not active.binding.show:
        return None
    return active.binding.description


def caption(preview: Preview) -> str:
    """The line under the picture, or the sentence shown instead of one."""
    shown = preview.render()
    return str(getattr(shown, "renderables", [shown])[-1])


async def open_evidence(app: ReclaimApp, pilot) -> None:
    await unlock(app, pilot)
    await pilot.press("4")
    await settle(app, pilot)
    assert isinstance(app.screen, EvidenceScreen)


async def open_first_exhibit(app: ReclaimApp, pilot) -> ExhibitScreen:
    """Unlock, go to the evidence step and open the first exhibit's details (Enter)."""
    await open_evidence(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ExhibitScreen)
    return screen


async def open_takedowns(app: ReclaimApp, pilot) -> TakedownsScreen:
    await unlock(app, pilot)
    await pilot.press("8")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, TakedownsScreen)
    return screen
