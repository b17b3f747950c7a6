"""A picture's pixels, read within bounds: what decoding it will cost (checked before any
pixel is decoded), which way up it is shown, and the picture shrunk, upright and laid on
white, holding at most one decoded copy at its full size.

Sizes are as the picture is displayed (its own rotation applied). A 16-bit greyscale PNG
is scaled to 8 bits, not clipped to white; transparency is laid on white."""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.evidence.formats.base import Unreadable
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from PIL import Image

ORIENTATION = 0x0112
#: The most memory decoding a picture may take (it is decoded once, then shrunk a band
#: at a time). A real picture decodes within it (a 48-megapixel HEIC is 370 MB with the
#: decoder's buffer, a 2480 x 35800 transparent screenshot 355 MB; a JPEG is decoded at
#: the size it is printed, so a 250-megapixel photo fits; a larger HEIC is shown from the
#: smaller copy it stores); one claiming more is refused unread.
DECODE_BUDGET = 384 * 2**20

CUT_SHORT = N_(
    "This picture can't be shown: the file is damaged or cut short "
    "(perhaps a download that did not finish)."
)
TOO_LARGE = N_(
    "This picture can't be shown: it says it is larger than any real photo or "
    "screenshot, which can be a trap to exhaust memory."
)


def _bytes_per_pixel(image: Image.Image) -> int:
    """What decoding keeps in memory for one pixel: Pillow's own copy, and for HEIF and
    AVIF the decoder's buffer beside it (twice as deep, and converted, for a 10- or
    12-bit photo)."""
    mode = image.mode
    own = 1 if mode in ("1", "L", "P") else 2 if mode.startswith("I;16") else 4
    if image.format in ("HEIF", "AVIF"):
        depth = image.info.get("bit_depth", 8)
        own += 9 if isinstance(depth, int) and depth > 8 else 4
    return own


def affordable(image: Image.Image, box: tuple[int, int]) -> None:
    """Refuse the picture unless decoding it, at the smallest size the format gives that
    still covers `box` (a JPEG decodes at 1/2, 1/4 or 1/8 size), fits the memory budget:
    a real 200-megapixel photo is read small, a crafted one is refused before decoding."""
    image.draft("RGB", box)
    width, height = image.size
    if width * height * _bytes_per_pixel(image) > DECODE_BUDGET:
        raise Unreadable(_(TOO_LARGE))


def decoded(image: Image.Image, box: tuple[int, int]) -> Image.Image:
    """The picture decoded as small as the format allows for `box`, if `affordable`."""
    from PIL import Image

    affordable(image, box)
    try:
        image.load()
    except Image.DecompressionBombError:
        raise Unreadable(_(TOO_LARGE)) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise Unreadable(_(CUT_SHORT)) from None
    except MemoryError:
        raise Unreadable(_(TOO_LARGE)) from None
    return image


def exif_of(image: Image.Image) -> Image.Exif:
    """The picture's EXIF, read without decoding its pixels: Pillow decodes a whole PNG
    to look for an eXIf chunk after its pixels, so a PNG's chunks are walked here."""
    from PIL import Image

    if image.format != "PNG" or "exif" in image.info:
        return image.getexif()
    exif = Image.Exif()
    if found := _late_png_exif(image):
        with contextlib.suppress(Exception):
            exif.load(found)
    return exif


def orientation(image: Image.Image) -> int:
    """The picture's EXIF orientation (1 to 8; 1 when it states none)."""
    with contextlib.suppress(Exception):
        value = exif_of(image).get(ORIENTATION, 1)
        return value if value in TRANSPOSE else 1
    return 1


def displayed_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as shown: EXIF orientations 5 to 8 turn the picture sideways."""
    width, height = image.size
    return (height, width) if orientation(image) in (5, 6, 7, 8) else (width, height)


#: The most of a PNG's chunk headers walked looking for an eXIf chunk.
MAX_PNG_CHUNKS = 100_000


def _late_png_exif(image: Image.Image) -> bytes:
    """A PNG's eXIf chunk after its pixels (where PNG allows one), found by walking the
    chunk headers without decoding anything; empty when there is none."""
    handle = getattr(image, "fp", None)
    if handle is None:
        return b""
    start = handle.tell()
    try:
        handle.seek(8)
        for _unused in range(MAX_PNG_CHUNKS):
            header = handle.read(8)
            if len(header) < 8 or header[4:] == b"IEND":
                return b""
            size = int.from_bytes(header[:4], "big")
            if header[4:] == b"eXIf":
                return bytes(handle.read(min(size, 1 << 20)))
            handle.seek(size + 4, io.SEEK_CUR)
        return b""
    except (OSError, ValueError):
        return b""
    finally:
        handle.seek(start)


def normalized(image: Image.Image) -> Image.Image:
    """The picture as 8-bit RGB, without clipping: 16- and 32-bit greys are scaled into
    range, transparency is laid on white, and the picture's own rotation applied."""
    return _turned(_flattener(image)(image), orientation(image))


def _flattener(image: Image.Image) -> Callable[[Image.Image], Image.Image]:
    """How to make parts of this picture 8-bit RGB, the same for every part: 16- and
    32-bit greys are scaled by the whole picture's range, transparency laid on white."""
    from PIL import Image

    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        extrema = image.getextrema()
        high = float(extrema[1]) if isinstance(extrema[1], int | float) else 255.0
        top = 65535.0 if image.mode.startswith("I;16") or high <= 65535 else high
        top = top if high > 255 else 255.0

        def grey(part: Image.Image) -> Image.Image:
            wide = part.convert("I") if part.mode.startswith("I;16") else part
            return wide.point(lambda value: value * (255.0 / top)).convert("L").convert("RGB")

        return grey
    if image.mode in ("P", "RGBA", "LA", "PA", "La", "RGBa"):

        def on_white(part: Image.Image) -> Image.Image:
            rgba = part.convert("RGBA")
            white = Image.new("RGB", rgba.size, (255, 255, 255))
            white.paste(rgba, mask=rgba.getchannel("A"))
            return white

        return on_white
    return lambda part: part if part.mode == "RGB" else part.convert("RGB")


#: The orientations (EXIF 2 to 8) and what turns a picture stored that way upright.
TRANSPOSE: dict[int, int | None] = {1: None, 2: 0, 3: 3, 4: 1, 5: 5, 6: 4, 7: 6, 8: 2}


def _turned(image: Image.Image, stated: int) -> Image.Image:
    """The picture upright, by its stated orientation (as Pillow's exif_transpose)."""
    from PIL import Image

    method = TRANSPOSE.get(stated)
    return image if method is None else image.transpose(Image.Transpose(method))


#: Rows of a large picture flattened and shrunk at a time, so that it is never held
#: twice at full size (a 2480 x 35800 transparent PNG is 355 MB once).
BAND_PIXELS = 4_000_000


def fitted(image: Image.Image, box: tuple[int, int], most: int = 0) -> tuple[int, int]:
    """The size (as stored, before turning) at which the picture fits `box` as displayed,
    and `most` pixels when given; never larger than it is."""
    shown = displayed_size(image)
    scale = min(1.0, box[0] / max(1, shown[0]), box[1] / max(1, shown[1]))
    if most:
        scale = min(scale, (most / max(1, shown[0] * shown[1])) ** 0.5)
    width, height = image.size
    return max(1, round(width * scale)), max(1, round(height * scale))


def shrunk(image: Image.Image, box: tuple[int, int], most: int = 0) -> Image.Image:
    """The picture as 8-bit RGB, upright, fitting `box` as displayed (and at most `most`
    pixels, when given), made with one decoded copy at most: a JPEG is decoded small, others
    are flattened and scaled a band of rows at a time (each band with the rows around it
    that the filter reaches, so that the bands join unseen)."""
    from PIL import Image

    stated = orientation(image)
    target = fitted(image, box, most)
    image = decoded(image, target)
    flat = _flattener(image)
    if image.size == target and image.mode == "RGB":
        return _turned(image.copy(), stated)  # a copy: the opened picture is closed after
    width, height = image.size
    down = height / target[1]
    margin = math.ceil(3 * down) + 1
    rows = max(1, min(target[1], int(BAND_PIXELS / max(1, width) / down)))
    # Scaling is linear, and Pillow scales transparent pixels weighted by their opacity:
    # laying a scaled picture on white gives what scaling the laid one would, for a
    # fraction of the work. Palettes, bilevel and deep greys are made RGB first.
    early = image.mode in ("1", "P", "PA", "F") or image.mode.startswith("I")
    out = Image.new("RGB", target)
    for first in range(0, target[1], rows):
        last = min(target[1], first + rows)
        if image.size == target:  # laid on white a band at a time, not scaled
            out.paste(flat(image.crop((0, first, width, last))), (0, first))
            continue
        top, bottom = first * down, last * down
        crop_top = max(0, math.floor(top) - margin)
        crop_bottom = min(height, math.ceil(bottom) + margin)
        part = image.crop((0, crop_top, width, crop_bottom))
        part = flat(part) if early else part
        region = (0.0, top - crop_top, float(width), bottom - crop_top)
        part = part.resize((target[0], last - first), Image.Resampling.LANCZOS, region, 3.0)
        out.paste(part if early else flat(part), (0, first))
    return _turned(out, stated)
