"""A picture of one exhibit, drawn with half blocks so that it works in any terminal
(over SSH too). Blurred until the person asks; blurred again when they leave."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from PIL import Image


NO_COLOUR = N_(
    "This terminal is set to show no colour (NO_COLOR), so the picture can't be drawn "
    "here. Ctrl+R blurs it again; the binder and an exported copy show it in full."
)


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
        self._full_detail: Widget | None = None

    def render(self) -> RenderableType:
        from tui.core.evidence.preview import fit

        if self._full_detail is not None:  # drawn by the child; the caption stays below
            return Text("\n" * max(self.content_size.height - 1, 0)).append(
                _("Shown in full: Ctrl+R blurs"), style="italic"
            )
        if self.image is None:
            return Text(self.why_none or _("No preview for this item."), style="italic")
        if self.revealed and self.app.no_color:
            return Text(_(NO_COLOUR), style="italic")
        width, height = self.content_size
        if width < 2 or height < 2:
            return Text("")
        picture = fit(self.image, width, (height - 1) * 2, blurred=not self.revealed)
        from rich.console import Group
        from rich_pixels import Pixels

        caption = (
            Text(_("Shown: Ctrl+R blurs"), style="italic")
            if self.revealed
            else Text(_("Blurred: Ctrl+R shows"), style="italic")
        )
        return Group(Pixels.from_image(picture), caption)

    def watch_revealed(self, revealed: bool) -> None:
        """A shown picture is drawn at full detail where the terminal can and the
        settings allow (see `full_picture`); a blurred one never is."""
        from tui.widgets.full_picture import picture_widget

        widget = picture_widget()
        if revealed and widget is not None and self.image is not None:
            if self._full_detail is None:
                self._full_detail = widget(self.image.copy())
                self._full_detail.styles.height = max(self.content_size.height - 1, 1)
                self.mount(self._full_detail)
        elif self._full_detail is not None:
            self._full_detail.remove()
            self._full_detail = None
        self.refresh()

    def on_unmount(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Drop the picture (and blur) so nothing of it stays in this widget."""
        self.image = None
        self.revealed = False
        if self._full_detail is not None:
            self._full_detail.remove()
            self._full_detail = None
