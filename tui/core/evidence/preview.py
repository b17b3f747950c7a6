"""Small pictures of evidence for the screen, made in memory only.

A preview starts blurred: the picture is shrunk to a few blocks of colour and softened,
so that nothing in it can be recognised until the person asks to see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.evidence import formats

if TYPE_CHECKING:
    from PIL import Image

#: Enough pixels for a sharp half-block preview on a large terminal.
SOURCE_PIXELS = 240
#: A blurred preview keeps about this many blocks along its longer side.
BLUR_BLOCKS = 6


def load_image(data: bytes, name: str = "") -> Image.Image | None:
    """A small picture of the file (a photo, a recording's first frame), or None."""
    from PIL import Image  # Pillow loads when a picture is asked for: start-up stays fast

    image = formats.preview(data, name)
    if image is None:
        return None
    image = image.convert("RGB")
    image.thumbnail((SOURCE_PIXELS, SOURCE_PIXELS * 3), Image.Resampling.LANCZOS)
    return image


def fit(image: Image.Image, width: int, height: int, *, blurred: bool) -> Image.Image:
    """The image scaled to fit `width` x `height` pixels, blurred unless revealed."""
    from PIL import Image, ImageFilter

    scale = min(width / image.width, height / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    if not blurred:
        return image.resize(size, Image.Resampling.LANCZOS)
    longer = max(image.width, image.height)
    blocks = (
        max(1, round(image.width * BLUR_BLOCKS / longer)),
        max(1, round(image.height * BLUR_BLOCKS / longer)),
    )
    coarse = image.resize(blocks, Image.Resampling.BOX)
    return coarse.resize(size, Image.Resampling.BILINEAR).filter(
        ImageFilter.GaussianBlur(radius=max(1, min(size) // 8))
    )
