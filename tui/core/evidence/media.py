"""What an evidence file is: its type from its first bytes, and for images their size
and the capture time the camera wrote (EXIF). Everything is read from the person's own
file; nothing is written anywhere."""

from __future__ import annotations

import mimetypes
import re
import warnings
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from PIL import Image

OCTET_STREAM = "application/octet-stream"

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132


def detect_media_type(head: bytes, name: str) -> str:
    """The type from the content's signature; the name's extension only as a fallback."""
    import puremagic

    if head:
        try:
            return str(puremagic.from_string(head, mime=True)) or _fallback(head, name)
        except (puremagic.PureError, ValueError):
            pass
    return _fallback(head, name)


def _fallback(head: bytes, name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    if guessed:
        return guessed
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return OCTET_STREAM
    return "text/plain"


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    exif_captured_at: str | None
    """`DateTimeOriginal` as ISO 8601, with the offset when the camera wrote one."""
    phash: str | None = None
    """Perceptual hash (pHash, 64 bits as hex): equal or close for the same picture
    resized, recompressed or lightly cropped; it can't be turned back into the image."""


def image_facts(handle: BinaryIO) -> ImageFacts | None:
    """Size and EXIF capture time, or None when the file isn't an image Pillow reads."""
    from PIL import Image, UnidentifiedImageError

    handle.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(handle) as image:
                width, height = image.size
                exif = image.getexif()
                captured = _exif_time(exif)
                fingerprint = perceptual_hash(image)
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
    ):
        return None
    return ImageFacts(width=width, height=height, exif_captured_at=captured, phash=fingerprint)


#: Two pictures whose pHashes differ in at most this many of 64 bits are the same
#: picture for our purposes (resized, recompressed, a status bar cropped off).
SAME_PICTURE_BITS = 6


def perceptual_hash(image: Image.Image) -> str:
    import imagehash

    return str(imagehash.phash(image.convert("RGB")))


def hash_distance(first: str, second: str) -> int:
    """How many of the 64 bits differ between two pHashes."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


# Phones and computers name screenshots and recordings after the moment they were
# taken: Screenshot_20240305-211400.png, Screenshot 2024-03-05 at 21.14.00.png,
# IMG_20240305_211400.jpg, WhatsApp Image 2024-03-05 at 21.14.00.jpeg.
_NAME_TIME = re.compile(
    r"(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:[ _T-]|\s+at\s+)(\d{2})[-_.:h]?(\d{2})[-_.:m]?(\d{2})"
)


def time_from_name(name: str) -> str | None:
    """The capture time a file name carries, as local ISO 8601 to the second, or None."""
    for match in _NAME_TIME.finditer(name):
        try:
            moment = datetime(*(int(part) for part in match.groups()))  # type: ignore[arg-type]
        except ValueError:
            continue
        return moment.isoformat(timespec="seconds")
    return None


def _exif_time(exif: Image.Exif) -> str | None:
    details = exif.get_ifd(_EXIF_IFD)
    raw = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not isinstance(raw, str):
        return None
    raw = raw.strip("\x00 ")
    date_part, _, time_part = raw.partition(" ")
    stamp = f"{date_part.replace(':', '-')}T{time_part}"
    if len(stamp) != 19 or not stamp[:4].isdigit():
        return None
    offset = details.get(_OFFSET_TIME_ORIGINAL)
    if isinstance(offset, str) and len(offset.strip("\x00 ")) == 6:
        stamp += offset.strip("\x00 ")
    return stamp
