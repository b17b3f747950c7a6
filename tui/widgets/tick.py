"""A checkbox whose state shows in its shape, not only its colour.

Textual's Checkbox draws `▐X▌` whether ticked or not and tells the two apart by colour
alone: without colour (NO_COLOR, a monochrome terminal, colour-blindness, a dim kiosk
screen) both look ticked. Its half-block sides are drawn in the box's own background
colour, so an empty box without its X would vanish too. Here the box is `[ ]` or `[✓]`,
its brackets in the text's colour: visible, and plain to read, in any terminal (the same
marks as `reclaim checklist show`)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton

TICKED = "✓"
UNTICKED = " "
CHOSEN = "•"


class TickBox(Checkbox):
    """A `Checkbox` (same messages, same CSS type, so `Checkbox` selectors and queries
    still find it) that draws a tick only when it is ticked. The box always comes
    before its label."""

    def render(self) -> Content:
        mark = TICKED if self.value else UNTICKED
        box = Content.assemble("[", (mark, self.get_visual_style("toggle--button")), "]")
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(box, label)


class TickRadio(RadioButton):
    """A `RadioButton` that shows which answer is chosen in its shape: `(•)` or `( )`."""

    def render(self) -> Content:
        mark = CHOSEN if self.value else UNTICKED
        box = Content.assemble("(", (mark, self.get_visual_style("toggle--button")), ")")
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(box, label)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line, or as many as a long answer needs where the CSS lets it wrap
        (`text-wrap: wrap`), instead of cutting it with an ellipsis."""
        if self.styles.text_wrap != "wrap":
            return 1
        return max(1, len(self.render().wrap(width)))
