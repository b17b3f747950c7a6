"""Photos and screenshots: JPEG, PNG (8 or 16 bits, palette, transparency), WebP, GIF
(animated ones say so), TIFF, BMP, and the iPhone's HEIC/HEIF and AVIF (pillow-heif).

Sizes are as the picture is displayed (its own rotation applied), and the perceptual
hash, previews and printed pixels come from `pixels`, which bounds what reading them
costs; a crafted file is refused before it is decoded."""

from __future__ import annotations

import contextlib
import functools
import io
import struct
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from tui.core.evidence.devices import device_guesses
from tui.core.evidence.formats import heif_tiles, isobmff
from tui.core.evidence.formats.base import (
    Block,
    Facts,
    Format,
    Picture,
    Probe,
    Text,
    Unreadable,
)
from tui.core.evidence.formats.jpeg_scans import check_scans
from tui.core.evidence.formats.photo_times import photo_times, xmp_of
from tui.core.evidence.formats.pixels import (
    CUT_SHORT,
    DECODE_BUDGET,
    TOO_LARGE,
    TRANSPOSE,
    affordable,
    decoded,
    displayed_size,
    exif_of,
    fitted,
    orientation,
    shrunk,
)
from tui.core.evidence.media import perceptual_hash
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from PIL import Image

#: Enough pixels for a sharp half-block preview on a large terminal.
PREVIEW_PIXELS = 240


@functools.cache
def _register_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


@contextlib.contextmanager
def opened(data: io.BytesIO | bytes | object) -> Iterator[Image.Image]:
    """Pillow's image, opened lazily (only the header is read), with every way a hostile
    file fails as Unreadable. What decoding it will cost is checked by `decoded`, before
    any pixel is decoded; no process-wide warning filter or pixel limit is touched."""
    from PIL import Image, UnidentifiedImageError

    _register_heif()
    handle = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with _lazy_open(handle) as image:  # type: ignore[arg-type]
            yield image
    except Image.DecompressionBombError:  # a plugin's own check (a GIF frame, an MPO)
        raise Unreadable(_(TOO_LARGE)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise Unreadable(_(CUT_SHORT)) from None
    except MemoryError:
        raise Unreadable(_(TOO_LARGE)) from None


def _lazy_open(handle: BinaryIO) -> Image.Image:
    """What `Image.open` does, without its pixel-count check: that check refuses a real
    200-megapixel photo, and can only be loosened for the whole process (a global that
    threads share). The cost is checked by `decoded` instead, by the memory it takes."""
    from PIL import Image, UnidentifiedImageError

    handle.seek(0)
    prefix = handle.read(16)
    Image.preinit()
    tried: set[str] = set()
    for loader in (Image.preinit, Image.init):
        loader()
        for name in [name for name in Image.ID if name not in tried]:
            tried.add(name)
            factory, accept = Image.OPEN[name]
            if accept is not None and accept(prefix) is not True:
                continue
            handle.seek(0)
            try:
                return factory(handle, "")
            except (SyntaxError, IndexError, TypeError, struct.error):
                continue
    raise UnidentifiedImageError("not a picture Pillow knows")  # i18n: not shown


#: Formats whose frames are an animation; a TIFF's pages are not counted (walking
#: thousands of them is slow, and a scan's pages are not an animation).
ANIMATED = frozenset({"GIF", "WEBP", "PNG"})
#: A picture is printed at most this many pixels wide (A4 at 300 dpi); a wider one is
#: scaled down for the page (the original is hashed, kept and can be attached).
PRINT_PIXELS = 2480
#: A very tall picture (a long stitched chat) is printed across pages at full width up to
#: this many pixels (some ten pages of A4 at 300 dpi), scaled down beyond.
PRINT_MOST_PIXELS = 24_000_000
PRINT_BOX = (PRINT_PIXELS, 1 << 30)
#: A picture of more pixels than a page holds at print resolution (A4 at 300 dpi) is
#: printed from its pixels scaled down to that, not embedded as it is: a phone's 12 to
#: 250 megapixels would make a binder as heavy as the photos and too large to hold in
#: memory while it is made (the original is hashed, kept and can be attached).
EMBED_MOST_PIXELS = PRINT_PIXELS * 3508
#: Perceptual hashes and previews are taken from a picture shrunk to this first.
WORKING_PIXELS = 1024


def animation_frames(image: Image.Image) -> int:
    """How many frames an animated picture has (1 when it isn't one). A GIF's are
    counted by walking its blocks: Pillow's count seeks to every frame, which took
    seconds for a small file of a hundred thousand one-pixel frames."""
    if image.format not in ANIMATED or not getattr(image, "is_animated", False):
        return 1
    if image.format == "GIF" and (handle := getattr(image, "fp", None)) is not None:
        start = handle.tell()
        try:
            handle.seek(0)
            return max(1, gif_frames(handle.read(), MAX_FRAMES))
        finally:
            handle.seek(start)
    return int(getattr(image, "n_frames", 1) or 1)


#: Frames of a GIF counted at most; one past it is said as "more than".
MAX_FRAMES = 20_000


def frames_said(frames: int) -> str:
    return (
        _("more than {count:,}").format(count=MAX_FRAMES) if frames > MAX_FRAMES else f"{frames:,}"
    )


def gif_frames(data: bytes, limit: int) -> int:
    """The image descriptors in a GIF, up to one past `limit`, found by skipping every
    block by its length; a damaged file is counted as far as it goes."""
    if len(data) < 13:
        return 0
    at = 13 + (3 << (data[10] & 7) + 1 if data[10] & 0x80 else 0)  # the global colours
    frames = 0
    while at < len(data):
        kind = data[at]
        if kind == 0x21:  # an extension: its label, then sub-blocks
            at += 2
        elif kind == 0x2C:  # an image: its descriptor, local colours, code size, sub-blocks
            frames += 1
            if frames > limit or at + 10 > len(data):
                return frames
            flags = data[at + 9]
            at += 10 + (3 << (flags & 7) + 1 if flags & 0x80 else 0) + 1
        else:  # the trailer (0x3B) or damage
            return frames
        while at < len(data) and data[at]:  # sub-blocks, each its length first
            at += data[at] + 1
        at += 1
    return frames


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
            exif = exif_of(image)
            times = photo_times(exif, xmp_of(image))
            for name, value in device_guesses(exif).items():  # provenance, not details
                facts.guess(name, value, "exif")
            if (frames := animation_frames(image)) > 1:
                facts.kind = f"animated {self.kind}"
                facts.shown["frames"] = frames if frames <= MAX_FRAMES else frames_said(frames)
            facts.shown["pixels"] = f"{facts.width} x {facts.height}"
            try:
                check_scans(image, probe.handle)
                facts.phash = perceptual_hash(shrunk(image, (WORKING_PIXELS, WORKING_PIXELS)))
            except Unreadable as why:  # the facts above are still the file's own
                small = stored_copy(probe.handle) if str(why) == _(TOO_LARGE) else None
                if small is None:
                    facts.problem = str(why)
                else:
                    facts.phash = perceptual_hash(small)
        if times.captured is not None:  # on the camera's clock, which is said beside it
            if times.source == "exif":
                facts.exif_captured_at = times.captured.iso()
            facts.guess("captured_at", times.captured.time, times.source)
            facts.shown["captured"] = times.captured.said()
            facts.shown["captured_clock"] = times.captured.clock
        if times.edited is not None:  # a file's last change is never its capture time
            facts.shown["modified"] = times.edited.edited()
        return facts

    def preview(self, data: bytes) -> Image.Image | None:
        with opened(data) as image:
            check_scans(image, io.BytesIO(data))
            try:
                return shrunk(image, (PREVIEW_PIXELS, PREVIEW_PIXELS * 3))
            except Unreadable as why:
                if str(why) != _(TOO_LARGE) or (small := stored_copy(io.BytesIO(data))) is None:
                    raise
                return small

    def printable(self, data: bytes, name: str) -> list[Block]:
        with opened(data) as image:
            check_scans(image, io.BytesIO(data))
            width, height = displayed_size(image)
            target = fitted(image, PRINT_BOX, PRINT_MOST_PIXELS)
            if image.format in ("HEIF", "AVIF") and heif_tiles.tiling(data) is not None:
                # A phone's HEIC is tiled: decoded a tile at a time, a 200-megapixel one
                # is printed from its own pixels, within a fraction of the memory.
                return [self._tiled(data, (width, height), target, orientation(image))]
            try:
                affordable(image, target)
            except Unreadable as why:
                if str(why) != _(TOO_LARGE) or (small := stored_copy(io.BytesIO(data))) is None:
                    raise
                return [Text(_(STORED_COPY).format(size=f"{width} x {height}")),
                        Picture(small.width, small.height, small.copy, photo=True)]  # fmt: skip
            frames = animation_frames(image)
            animated = frames > 1
            whole = (
                self._whole(image, data)
                and self._embedded_upright(orientation(image))
                and width * height <= EMBED_MOST_PIXELS
            )
        blocks: list[Block] = []
        if animated:
            blocks.append(
                Text(
                    _(
                        "This is an animated picture of {frames} frames; the first is shown."
                    ).format(frames=frames_said(frames))
                )
            )

        def decode() -> Image.Image:
            """Page-resolution pixels: at most `PRINT_PIXELS` wide, and the rows of a
            very tall picture (split across pages) within `PRINT_MOST_PIXELS`."""
            with opened(data) as image:
                return shrunk(image, PRINT_BOX, PRINT_MOST_PIXELS)

        lossy = self.media_type in LOSSY
        blocks.append(Picture(width, height, decode, data if whole else None, photo=lossy))
        return blocks

    def _tiled(
        self, data: bytes, shown: tuple[int, int], target: tuple[int, int], stated: int
    ) -> Picture:
        """A tiled HEIF photo, printed from its pixels decoded a tile at a time; should a
        tile not decode when it is drawn, the whole picture as before (which says why
        it can't be shown, when it can't)."""

        def decode() -> Image.Image:
            from PIL import Image

            pixels = heif_tiles.shrunk_by_tiles(data, target)
            if pixels is None:
                with opened(data) as image:
                    return shrunk(image, PRINT_BOX, PRINT_MOST_PIXELS)
            method = TRANSPOSE.get(stated)
            return pixels if method is None else pixels.transpose(Image.Transpose(method))

        return Picture(shown[0], shown[1], decode, None, photo=True)

    def _embedded_upright(self, stated: int) -> bool:
        """Whether the file embedded as it is prints upright: the embedder turns a JPEG
        by its EXIF orientation (3, 6, 8) but can't mirror one (2, 4, 5, 7, as a selfie
        may be stored), and turns no PNG; those are drawn from their upright pixels."""
        return stated == 1 or (self.media_type == "image/jpeg" and stated in (3, 6, 8))

    def _whole(self, image: Image.Image, data: bytes) -> bool:
        """Check the file is whole before it is drawn, as cheaply as the format allows:
        PNG chunks carry checksums; a JPEG ends with its end marker; others are decoded
        (small where the format allows, within the memory budget). True when the binder
        may embed the file as it is."""
        if self.media_type == "image/png":
            with opened(data) as check:
                try:
                    check.verify()
                except Exception:  # Pillow's verify raises many kinds for a cut file
                    raise Unreadable(_(CUT_SHORT)) from None
            return self.embeddable
        if self.media_type == "image/jpeg" and data.rstrip(b"\x00").endswith(b"\xff\xd9"):
            return self.embeddable
        decoded(image, (WORKING_PIXELS, WORKING_PIXELS))
        return False


#: Files coded lossily by a camera or phone: their pixels, when they must be drawn (a
#: HEIC, a mirrored selfie), are embedded as a high-quality JPEG where that is smaller.
LOSSY = frozenset({"image/jpeg", "image/heic", "image/avif"})


STORED_COPY = N_(
    "This photo ({size} pixels) is too large to decode here in full; shown is the "
    "smaller copy the camera stored inside the file. The file itself is kept unchanged."
)


def stored_copy(handle: BinaryIO) -> Image.Image | None:
    """The largest smaller copy a HEIF photo stores of itself (a phone keeps one beside
    a photo too large to show quickly), upright, if there is one within the budget:
    HEIF can't be decoded small, and a 200-megapixel HEIC is 800 MB decoded."""
    try:
        import pillow_heif

        handle.seek(0)
        heif = pillow_heif.open_heif(handle, convert_hdr_to_8bit=True)
        primary = heif[heif.primary_index]
        listed = primary.info.get("thumbnails")
        sizes = (
            [size for size in listed if isinstance(size, int)] if isinstance(listed, list) else []
        )
        if not sizes:
            return None
        small = primary.get_thumbnail(sizes.index(max(sizes)))
        if small.size[0] * small.size[1] * 4 > DECODE_BUDGET:
            return None
        return small.to_pillow().convert("RGB")
    except Exception:  # a damaged or crafted file: no smaller copy, the notice stands
        return None
    finally:
        handle.seek(0)


def _bmff(name: str) -> Callable[[bytes], bool]:
    return lambda head: isobmff.family(head) == name


HANDLERS: list[Format] = [
    Photo(
        N_("JPEG photo"),
        "image/jpeg",
        (".jpg", ".jpeg", ".jpe", ".jfif"),
        lambda h: h[:3] == b"\xff\xd8\xff",
        embeddable=True,
    ),
    Photo(
        N_("PNG picture"),
        "image/png",
        (".png",),
        lambda h: h[:8] == b"\x89PNG\r\n\x1a\n",
        embeddable=True,
    ),
    Photo(N_("HEIC photo"), "image/heic", (".heic", ".heif", ".hif"), _bmff("heif")),
    Photo(N_("AVIF picture"), "image/avif", (".avif",), _bmff("avif")),
    Photo(
        N_("WebP picture"),
        "image/webp",
        (".webp",),
        lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP",
    ),
    Photo(N_("GIF picture"), "image/gif", (".gif",), lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    Photo(
        N_("TIFF picture"),
        "image/tiff",
        (".tif", ".tiff"),
        lambda h: h[:4] in (b"II*\x00", b"MM\x00*"),
    ),
    Photo(N_("BMP picture"), "image/bmp", (".bmp",), lambda h: h[:2] == b"BM" and len(h) > 26),
]
