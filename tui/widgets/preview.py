"""A picture of one exhibit, drawn with half blocks so that it works in any terminal
(over SSH too). Blurred until the person asks; blurred again when they leave."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from PIL import Image


class Preview(Widget):
    DEFAULT_CSS = """
    Preview { width: 1fr; height: 1fr; content-align: center middle; }
    """
    revealed: reactive[bool] = reactive(False)

    def __init__(
        self, image: Image.Image | None, why_none: str = "", *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.image = image
        self.why_none = why_none

    def render(self) -> RenderableType:
        from tui.core.evidence.preview import fit

        if self.image is None:
            return Text(self.why_none or "No preview for this item.", style="italic")
        width, height = self.content_size
        if width < 2 or height < 2:
            return Text("")
        picture = fit(self.image, width, (height - 1) * 2, blurred=not self.revealed)
        from rich.console import Group
        from rich_pixels import Pixels

        caption = (
            Text("Shown: Ctrl+R blurs", style="italic")
            if self.revealed
            else Text("Blurred: Ctrl+R shows", style="italic")
        )
        return Group(Pixels.from_image(picture), caption)

    def on_unmount(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Drop the picture (and blur) so nothing of it stays in this widget."""
        self.image = None
        self.revealed = False
