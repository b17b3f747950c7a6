"""Made-up pictures for evidence tests."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw


def make_png(path: Path, size: tuple[int, int] = (40, 30), color: str = "teal") -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path, "PNG")
    return path


def picture(path: Path, seed: int, size: tuple[int, int] = (300, 500)) -> Path:
    """A made-up picture with shapes placed by `seed`, so different seeds differ."""
    image = Image.new("RGB", size, (250, 250, 250))
    draw = ImageDraw.Draw(image)
    for index in range(6):
        left = (seed * 37 + index * 53) % (size[0] - 60)
        top = (seed * 71 + index * 97) % (size[1] - 60)
        draw.rectangle((left, top, left + 60, top + 60), fill=(seed * 40 % 255, 30 * index, 90))
    image.save(path)
    return path
