"""Small facts shared by the formats: a fallback media type, EXIF capture times, times in
phone file names and perceptual hashes. Everything is read from the person's own file;
nothing is written anywhere."""

from __future__ import annotations

import mimetypes
import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from tui.core.shared import clock

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


#: Two pictures whose pHashes differ in at most this many of 64 bits are the same
#: picture for our purposes (resized, recompressed, a status bar cropped off).
SAME_PICTURE_BITS = 6


def perceptual_hash(image: Image.Image) -> str:
    import imagehash

    return str(imagehash.phash(image.convert("RGB")))


def hash_distance(first: str, second: str) -> int:
    """How many of the 64 bits differ between two pHashes."""
    return (int(first, 16) ^ int(second, 16)).bit_count()


def fingerprint(phash: object) -> int | None:
    """A pHash as a number, or None when there is none (or it isn't one: a record
    written by hand or damaged says nothing about its picture)."""
    if not isinstance(phash, str) or not phash:
        return None
    try:
        value = int(phash, 16)
    except ValueError:
        return None
    return value if value >= 0 else None


#: Rows of fingerprints compared with all the others at a time (memory: a few MiB).
_BLOCK_ROWS = 128


def same_pictures(fingerprints: list[int | None]) -> list[list[int]]:
    """For each fingerprint, the positions of the others within SAME_PICTURE_BITS of it,
    in order. Every pair is compared, but in numpy, a block of rows at a time: 20,000
    pictures are 200 million pairs, which plain Python would take minutes over (and
    fingerprints of similar screenshots share too many bits to be sorted into buckets)."""
    near: list[list[int]] = [[] for _ in fingerprints]
    if sum(value is not None for value in fingerprints) < 2:
        return near  # nothing to compare: numpy (a tenth of a second to load) not needed
    import numpy as np  # only to compare pictures (keeps start-up fast)

    wide = [p for p, value in enumerate(fingerprints) if value is not None and value >> 64]
    narrow = [p for p, value in enumerate(fingerprints) if value is not None and not value >> 64]
    values = np.array([fingerprints[p] for p in narrow], dtype=np.uint64)
    for start in range(0, len(narrow), _BLOCK_ROWS):
        # Each pair once: this block's rows against themselves and every later one.
        rows_block = values[start : start + _BLOCK_ROWS, None]
        differing = np.bitwise_count(rows_block ^ values[None, start:])
        rows, columns = np.nonzero(differing <= SAME_PICTURE_BITS)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if column > row:
                first, second = narrow[start + row], narrow[start + column]
                near[first].append(second)
                near[second].append(first)
    for position in wide:  # not a pHash Reclaim makes: compared one by one
        value = fingerprints[position]
        assert value is not None
        for other, other_value in enumerate(fingerprints):
            if (
                other_value is not None
                and other != position
                and (value ^ other_value).bit_count() <= SAME_PICTURE_BITS
            ):
                near[position].append(other)
                if other not in wide:
                    near[other].append(position)
    return [sorted(found) for found in near]


# Phones and computers name screenshots and recordings after the moment they were
# taken: Screenshot_20240305-211400.png, Screenshot 2024-03-05 at 21.14.00.png,
# IMG_20240305_211400.jpg, WhatsApp Image 2024-03-05 at 21.14.00.jpeg.
_NAME_TIME = re.compile(
    r"(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?:[ _T-]|\s+at\s+)(\d{2})[-_.:h]?(\d{2})[-_.:m]?(\d{2})"
)


#: iOS names a screen recording after the Unix time it ended: RPReplay_Final1709673600.MOV.
_NAME_UNIX_TIME = re.compile(r"RPReplay_Final(\d{9,10})(?!\d)", re.IGNORECASE)
#: WhatsApp names a file it received after the day only: VID-20240305-WA0003.mp4.
_NAME_WHATSAPP_DAY = re.compile(
    r"(?<![A-Za-z])(?:IMG|VID|AUD|PTT|STK|DOC)-(20\d{2})(\d{2})(\d{2})-WA\d+", re.IGNORECASE
)
#: No phone stated a time (in a file's name or its container) before this.
EARLIEST = clock.stated(2007, 1, 1)


def latest_stated() -> datetime:
    """The latest time a phone's clock can have stated: tomorrow, on the local clock. A
    time past it is from a clock that was never set."""
    return clock.local_now().replace(tzinfo=None) + timedelta(days=1)


def time_from_name(name: str) -> str | None:
    """The capture time a file name carries, as local ISO 8601 to the second, or None.

    A WhatsApp name carries only the day, which is given as `YYYY-MM-DD`."""
    for match in _NAME_TIME.finditer(name):
        try:
            moment = clock.stated(*(int(part) for part in match.groups()))
        except ValueError:
            continue
        return moment.isoformat(timespec="seconds")
    latest = latest_stated()
    for match in _NAME_UNIX_TIME.finditer(name):
        try:
            # The Unix time, as the computer's own clock shows it (a stated local time).
            instant = datetime.fromtimestamp(int(match.group(1)), UTC)
            moment = instant.astimezone().replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            continue
        if EARLIEST <= moment <= latest:
            return moment.isoformat(timespec="seconds")
    for match in _NAME_WHATSAPP_DAY.finditer(name):
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
        if EARLIEST.date() <= day <= latest.date():
            return day.isoformat()
    return None


def exif_time(exif: Image.Exif) -> str | None:
    """`DateTimeOriginal` (or `DateTime`) as ISO 8601, with the offset when the camera
    wrote one; None when absent or malformed."""
    try:
        details = exif.get_ifd(_EXIF_IFD)
    except Exception:  # a damaged EXIF block is only a missing time
        return None
    raw = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if not isinstance(raw, str):
        return None
    match = _EXIF_STAMP.fullmatch(raw.strip("\x00 "))
    if not match:  # anything else (control codes in a crafted file) is no time
        return None
    year, month, day, hour, minute, second = match.groups()
    stamp = f"{year}-{month}-{day}T{hour}:{minute}:{second}"
    offset = details.get(_OFFSET_TIME_ORIGINAL)
    if isinstance(offset, str) and _EXIF_OFFSET.fullmatch(offset.strip("\x00 ")):
        stamp += offset.strip("\x00 ")
    return stamp


_EXIF_STAMP = re.compile(r"(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"[+-]\d{2}:\d{2}")
