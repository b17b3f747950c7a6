"""A checkbox shows its state in its shape, not only its colour (`TickBox`)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Checkbox

from tests.support.pilot import SIZE
from tui.widgets.tick import TickBox


def box(checkbox: Checkbox) -> str:
    """The checkbox as plain text: what is left of it with no colour at all."""
    return str(checkbox.render())[:3]


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("empty", id="empty")
        yield TickBox("ticked", value=True, id="ticked")
        yield Checkbox("textual off", id="off")
        yield Checkbox("textual on", value=True, id="on")


async def test_a_tickbox_shows_its_state_without_colour():
    app = Boxes()
    async with app.run_test(size=SIZE) as pilot:
        empty = app.query_one("#empty", Checkbox)
        assert box(empty) == "[ ]"
        assert box(app.query_one("#ticked", Checkbox)) == "[✓]"
        await pilot.click("#empty")
        assert box(empty) == "[✓]"
        off, on = app.query_one("#off", Checkbox), app.query_one("#on", Checkbox)
        assert box(off) == box(on), "Textual's own looks the same both ways: why TickBox is"
