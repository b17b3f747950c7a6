"""Photos and screenshots: JPEG, PNG (8 or 16 bits, palette, transparency), WebP, GIF
(animated ones say so), TIFF, BMP, and the iPhone's HEIC/HEIF and AVIF (pillow-heif).

Sizes are as the picture is displayed (its own rotation applied), and the perceptual
hash and previews come from a correctly converted picture: a 16-bit greyscale PNG is
scaled to 8 bits, not clipped to white; transparency is laid on white."""

from __future__ import annotations

import contextlib
import functools
import io
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from tui.core.evidence.formats import isobmff
from tui.core.evidence.formats.base import (
    Block,
    Facts,
    Format,
    Picture,
    Probe,
    Text,
    Unreadable,
)
from tui.core.evidence.media import exif_time, perceptual_hash

if TYPE_CHECKING:
    from PIL import Image

ORIENTATION = 0x0112
#: Enough pixels for a sharp half-block preview on a large terminal.
PREVIEW_PIXELS = 240

CUT_SHORT = (
    "This picture can't be shown: the file is damaged or cut short "
    "(perhaps a download that did not finish)."
)
TOO_LARGE = (
    "This picture can't be shown: it says it is larger than any real photo or "
    "screenshot, which can be a trap to exhaust memory."
)


@functools.cache
def _register_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


@contextlib.contextmanager
def opened(data: io.BytesIO | bytes | object) -> Iterator[Image.Image]:
    """Pillow's image, with every way a hostile file fails as Unreadable. Pillow's pixel
    limit stays on: a picture claiming billions of pixels is refused before decoding."""
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    handle = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Pillow only warns between its limit and twice it; here the limit is firm
            # (a picture that size would take gigabytes to decode and convert).
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(handle) as image:  # type: ignore[arg-type]
                yield image
    except Image.DecompressionBombError:
        raise Unreadable(TOO_LARGE) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise Unreadable(CUT_SHORT) from None
    except (MemoryError, Image.DecompressionBombWarning):
        raise Unreadable(TOO_LARGE) from None


def displayed_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as shown: EXIF orientations 5 to 8 turn the picture sideways."""
    width, height = image.size
    if image.format == "PNG" and "exif" not in image.info and not _late_png_exif(image):
        return width, height  # Pillow would decode every pixel to look for an eXIf chunk
    with contextlib.suppress(Exception):
        if image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
            return height, width
    return width, height


def _late_png_exif(image: Image.Image) -> bool:
    """Whether a PNG has an eXIf chunk (after its pixels, where PNG allows one), found by
    walking the chunk headers without decoding anything."""
    handle = getattr(image, "fp", None)
    if handle is None:
        return True  # can't tell cheaply: let Pillow look
    start = handle.tell()
    try:
        handle.seek(8)
        for _ in range(1_000_000):
            header = handle.read(8)
            if len(header) < 8 or header[4:] == b"IEND":
                return False
            if header[4:] == b"eXIf":
                return True
            handle.seek(int.from_bytes(header[:4], "big") + 4, io.SEEK_CUR)
        return True
    except (OSError, ValueError):
        return True
    finally:
        handle.seek(start)


def normalized(image: Image.Image) -> Image.Image:
    """The picture as 8-bit RGB, without clipping: 16- and 32-bit greys are scaled into
    range, transparency is laid on white, and the picture's own rotation applied."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        grey = image.convert("I") if image.mode.startswith("I;16") else image
        extrema = grey.getextrema()
        high = float(extrema[1]) if isinstance(extrema[1], int | float) else 255.0
        top = 65535.0 if image.mode.startswith("I;16") or high <= 65535 else high
        top = top if high > 255 else 255.0
        return grey.point(lambda value: value * (255.0 / top)).convert("L").convert("RGB")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


#: Formats whose frames are an animation; a TIFF's pages are not counted (walking
#: thousands of them is slow, and a scan's pages are not an animation).
ANIMATED = frozenset({"GIF", "WEBP", "PNG"})
#: A picture is printed at most this many pixels wide (A4 at 300 dpi); a wider one is
#: scaled down for the page (the original is hashed, kept and can be attached).
PRINT_PIXELS = 2480
#: Perceptual hashes and previews are taken from a picture shrunk to this first.
WORKING_PIXELS = 1024


def animation_frames(image: Image.Image) -> int:
    """How many frames an animated picture has (1 when it isn't one)."""
    if image.format not in ANIMATED or not getattr(image, "is_animated", False):
        return 1
    return int(getattr(image, "n_frames", 1) or 1)


class Photo(Format):
    family = "photo"

    def __init__(
        self,
        kind: str,
        media_type: str,
        extensions: tuple[str, ...],
        accept: Callable[[bytes], bool],
        *,
        embeddable: bool = False,
    ) -> None:
        self.kind = kind
        self.media_type = media_type
        self.extensions = extensions
        self._accept = accept
        self.embeddable = embeddable
        """A PDF can hold the file as it is (JPEG, PNG), so the binder needn't decode it."""

    def recognise(self, probe: Probe) -> int:
        return 2 if self._accept(probe.head) else 0

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        with opened(probe.handle) as image:
            facts.width, facts.height = displayed_size(image)
            facts.exif_captured_at = exif_time(image.getexif())
            if (frames := animation_frames(image)) > 1:
                facts.kind = f"animated {self.kind}"
                facts.shown["frames"] = frames
            facts.shown["pixels"] = f"{facts.width} x {facts.height}"
            try:
                image.draft("RGB", (WORKING_PIXELS, WORKING_PIXELS))
                image.thumbnail((WORKING_PIXELS, WORKING_PIXELS))
                facts.phash = perceptual_hash(normalized(image))
            except (OSError, ValueError, SyntaxError, EOFError):
                facts.problem = CUT_SHORT
        if facts.exif_captured_at:
            facts.guess("captured_at", facts.exif_captured_at[:19], "exif")
        return facts

    def preview(self, data: bytes) -> Image.Image | None:
        from PIL import Image

        with opened(data) as image:
            image.draft("RGB", (PREVIEW_PIXELS, PREVIEW_PIXELS))
            image.thumbnail((PREVIEW_PIXELS * 3, PREVIEW_PIXELS * 3))
            picture = normalized(image)
        picture.thumbnail((PREVIEW_PIXELS, PREVIEW_PIXELS * 3), Image.Resampling.LANCZOS)
        return picture

    def printable(self, data: bytes, name: str) -> list[Block]:
        with opened(data) as image:
            width, height = displayed_size(image)
            frames = animation_frames(image)
            animated = frames > 1
            whole = self._whole(image, data)
        blocks: list[Block] = []
        if animated:
            blocks.append(
                Text(f"This is an animated picture of {frames} frames; the first is shown.")
            )

        def decode() -> Image.Image:
            with opened(data) as image:
                if image.width > PRINT_PIXELS:  # scaled for the page, rows all kept
                    image.thumbnail((PRINT_PIXELS, image.height * PRINT_PIXELS // image.width))
                return normalized(image)

        blocks.append(Picture(width, height, decode, data if whole else None))
        return blocks

    def _whole(self, image: Image.Image, data: bytes) -> bool:
        """Check the file is whole before it is drawn, as cheaply as the format allows:
        PNG chunks carry checksums; a JPEG ends with its end marker; others are decoded.
        True when the binder may embed the file as it is."""
        from PIL import Image

        if self.media_type == "image/png":
            with opened(data) as check:
                try:
                    check.verify()
                except Exception:  # Pillow's verify raises many kinds for a cut file
                    raise Unreadable(CUT_SHORT) from None
            return self.embeddable
        if self.media_type == "image/jpeg" and data.rstrip(b"\x00").endswith(b"\xff\xd9"):
            return self.embeddable
        try:
            image.load()
        except Image.DecompressionBombError:
            raise Unreadable(TOO_LARGE) from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise Unreadable(CUT_SHORT) from None
        return False


def _bmff(name: str) -> Callable[[bytes], bool]:
    return lambda head: isobmff.family(head) == name


HANDLERS: list[Format] = [
    Photo(
        "JPEG photo",
        "image/jpeg",
        (".jpg", ".jpeg", ".jpe", ".jfif"),
        lambda h: h[:3] == b"\xff\xd8\xff",
        embeddable=True,
    ),
    Photo(
        "PNG picture",
        "image/png",
        (".png",),
        lambda h: h[:8] == b"\x89PNG\r\n\x1a\n",
        embeddable=True,
    ),
    Photo("HEIC photo", "image/heic", (".heic", ".heif", ".hif"), _bmff("heif")),
    Photo("AVIF picture", "image/avif", (".avif",), _bmff("avif")),
    Photo(
        "WebP picture", "image/webp", (".webp",), lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP"
    ),
    Photo("GIF picture", "image/gif", (".gif",), lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    Photo(
        "TIFF picture",
        "image/tiff",
        (".tif", ".tiff"),
        lambda h: h[:4] in (b"II*\x00", b"MM\x00*"),
    ),
    Photo("BMP picture", "image/bmp", (".bmp",), lambda h: h[:2] == b"BM" and len(h) > 26),
]
