"""Full-detail pictures, for terminals that can draw real images (kitty's graphics
protocol; sixel in WezTerm, iTerm2, foot, xterm -ti vt340).

Off unless the settings ask for it (`[pictures] full_detail = true`): finding out what a
terminal can draw means writing a question to it and reading its answer before the app
starts, and a terminal that doesn't answer may swallow the first key typed. Half blocks
stay the default, work everywhere (plain SSH, a kiosk, tmux) and are what a blurred
picture always uses: full detail is only for a picture the person chose to show.

textual-image (LGPL-3.0-or-later, used as a library, unchanged) does the drawing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from PIL import Image

#: Makes the widget that draws one picture (a textual-image widget class).
PictureWidget = Callable[["Image.Image"], Widget]

log = logging.getLogger(__name__)

_widget: PictureWidget | None = None
_how = ""


def prepare(enabled: bool) -> str:
    """Ask the terminal what it can draw; call once, before the app starts. Returns how
    shown pictures will be drawn ('kitty', 'sixel'), or '' for half blocks."""
    global _widget, _how
    _widget, _how = None, ""
    if not enabled:
        return ""
    try:
        from textual_image.renderable import Image as best
        from textual_image.renderable import SixelImage, TGPImage
        from textual_image.widget import Image as widget
    except Exception:  # not installed, or the terminal's answer made no sense
        log.debug("full-detail pictures are not available", exc_info=True)
        return ""
    if best is TGPImage:
        _widget, _how = widget, "kitty"
    elif best is SixelImage:
        _widget, _how = widget, "sixel"
    return _how


def use(widget: PictureWidget | None, how: str = "") -> None:
    """Draw shown pictures with `widget` (a textual-image widget class); for tests and for
    a caller that already knows what the terminal draws."""
    global _widget, _how
    _widget, _how = widget, how if widget else ""


def picture_widget() -> PictureWidget | None:
    """The widget class that draws a shown picture at full detail, or None."""
    return _widget
