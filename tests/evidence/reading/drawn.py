"""Phone screenshots drawn by the tests, with the shipped DejaVu fonts, whose words are
known: a status bar (the phone's clock), a header with the poster's handle, chat bubbles,
in light or dark mode; and small pictures of a few lines for quick tests."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from tui.core.shared.paths import fonts_dir

SANS = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"
EMOJI = "NotoEmoji-Regular.ttf"


def font(size: int, name: str = SANS) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts_dir() / name), size)


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def lines_picture(lines: list[str], width: int = 640, size: int = 28, dark: bool = False) -> bytes:
    """A small picture with one line of text per entry, top to bottom."""
    background, ink = ("black", "white") if dark else ("white", "black")
    height = 30 + len(lines) * int(size * 1.9)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for index, text in enumerate(lines):
        draw.text((20, 20 + index * int(size * 1.9)), text, font=font(size), fill=ink)
    return png(image)


@dataclass(frozen=True)
class Drawn:
    """A drawn screenshot and the words drawn in it (emoji left out: they are no words)."""

    image: Image.Image
    words: list[str]


def phone_screenshot(
    width: int,
    height: int,
    *,
    dark: bool,
    handle: str,
    messages: list[tuple[bool, str]],
    clock: str = "21:14",
    sizes: tuple[int, ...] = (24, 30, 36, 48),
) -> Drawn:
    """A chat or post screen: the status bar with the clock, a header with the handle,
    then bubbles (`mine` on the right), each message's words wrapped to the bubble, the
    text size taken in turn from `sizes`; an emoji after every third message."""
    background = (16, 16, 20) if dark else (255, 255, 255)
    ink = (235, 235, 240) if dark else (20, 20, 24)
    theirs = (44, 44, 52) if dark else (233, 233, 238)
    mine = (10, 100, 220)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    words: list[str] = []
    scale = width / 1170
    bar = font(round(34 * scale), BOLD)
    draw.text((round(60 * scale), round(40 * scale)), clock, font=bar, fill=ink)
    words.append(clock)
    draw.rectangle(  # the battery
        (
            width - round(120 * scale),
            round(44 * scale),
            width - round(60 * scale),
            round(72 * scale),
        ),
        outline=ink,
        width=2,
    )
    header = font(round(40 * scale), BOLD)
    top = round(170 * scale)
    draw.text((round(60 * scale), top), handle, font=header, fill=ink)
    words.append(handle)
    y = top + round(110 * scale)
    for number, (is_mine, text) in enumerate(messages):
        size = round(sizes[number % len(sizes)] * scale)
        face = font(size)
        room = int(width * 0.68)
        wrapped = _wrapped(text, face, room)
        line_height = int(size * 1.35)
        box_w = max(int(face.getlength(line)) for line in wrapped) + 2 * size
        box_h = line_height * len(wrapped) + size
        if y + box_h > height - 40:
            break
        x = width - box_w - round(50 * scale) if is_mine else round(50 * scale)
        draw.rounded_rectangle(
            (x, y, x + box_w, y + box_h), radius=size, fill=mine if is_mine else theirs
        )
        colour = (255, 255, 255) if is_mine else ink
        for index, line in enumerate(wrapped):
            draw.text(
                (x + size, y + size // 2 + index * line_height), line, font=face, fill=colour
            )
            words.extend(line.split())
        if number % 3 == 2:
            draw.text((x + box_w + 12, y), "\U0001f62e", font=font(size, EMOJI), fill=ink)
        y += box_h + round(36 * scale)
    return Drawn(image, words)


def _wrapped(text: str, face: ImageFont.FreeTypeFont, room: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and face.getlength(trial) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines
