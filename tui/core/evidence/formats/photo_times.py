"""When a photo says it was taken, and on which clock.

The capture time is the EXIF `DateTimeOriginal`, else `DateTimeDigitized`, else what its
XMP says (`exif:DateTimeOriginal`, `xmp:CreateDate`, `photoshop:DateCreated`): a photo
from an editing program often keeps its only date there. The IFD0 `DateTime` is when
the file was last changed (an editor's import, say), never when it was taken; it is
kept as "last edited". Each time stays on the clock it was written on (the camera's),
with the offset from UTC the photo states beside it (EXIF `OffsetTime*`, or the XMP
time's own), never moved to the clock of the computer it is added on."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tui.core.shared.i18n import _

if TYPE_CHECKING:
    from PIL import Image

_EXIF_IFD = 0x8769
_DATETIME = 0x0132
_OFFSET_TIME = 0x9010
#: (time, its offset) tags of the EXIF IFD, best first.
_CAPTURE_TAGS = ((0x9003, 0x9011), (0x9004, 0x9012))
#: XMP properties stating when the photo was taken, best first, by their local names
#: (`exif:DateTimeOriginal`, `xmp:CreateDate` (`xap:` in older files), `photoshop:DateCreated`).
_XMP_CAPTURE = ("DateTimeOriginal", "CreateDate", "DateCreated")
#: Of an XMP packet, the most read (a real one is a few kilobytes).
XMP_BYTES = 1 << 20

_EXIF_STAMP = re.compile(r"(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"[+-]\d{2}:\d{2}")
#: An XMP date: a year, month and day, perhaps a time, perhaps its zone (`Z`, `+02:00`).
_XMP_STAMP = re.compile(
    r"(\d{4})[-:](\d{2})[-:](\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(?:GMT|UTC)?(Z|[+-]\d{2}:?\d{2})?"
)


@dataclass(frozen=True)
class Stated:
    """A time as written (`2022-02-16T12:55:41`, or a day alone) and its offset from UTC
    as stated (`+01:00`; '' when the photo does not say)."""

    time: str
    offset: str = ""

    @property
    def clock(self) -> str:
        """Which clock the time is on, in words."""
        if not self.offset:
            return _("the camera's own clock (the photo does not say its time zone)")
        return _("UTC{offset} (the camera's clock)").format(offset=self.offset)

    def said(self) -> str:
        """The time as people read it, with its clock."""
        return f"{self.time.replace('T', ' ')}, {self.clock}"

    def edited(self) -> str:
        """The time as people read it, said to be when the file was last edited (by
        whatever edited it: its clock is not the camera's)."""
        zone = f"UTC{self.offset}" if self.offset else _("its time zone not stated")
        return _("{time}, when the file was last edited ({zone})").format(
            time=self.time.replace("T", " "), zone=zone
        )

    def iso(self) -> str:
        """ISO 8601 with the offset when there is one."""
        return self.time + self.offset if len(self.time) > 10 else self.time


@dataclass(frozen=True)
class PhotoTimes:
    """A photo's capture time (with where it was read: 'exif' or 'xmp') and when it was
    last edited; each None when the photo does not say."""

    captured: Stated | None = None
    source: str = ""
    edited: Stated | None = None


def photo_times(exif: Image.Exif, xmp: bytes) -> PhotoTimes:
    """The capture and last-edited times the photo states of itself."""
    details: dict[int, object] = {}
    with contextlib.suppress(Exception):  # a damaged EXIF block is only missing times
        details = dict(exif.get_ifd(_EXIF_IFD))
    captured, source = None, ""
    for time_tag, offset_tag in _CAPTURE_TAGS:
        if captured := _exif_stamp(details.get(time_tag), details.get(offset_tag)):
            source = "exif"
            break
    if captured is None and xmp:
        text = xmp[:XMP_BYTES].decode("utf-8", "replace")
        for name in _XMP_CAPTURE:
            if captured := _xmp_stamp(text, name):
                source = "xmp"
                break
    edited = None
    with contextlib.suppress(Exception):
        edited = _exif_stamp(exif.get(_DATETIME), details.get(_OFFSET_TIME))
    return PhotoTimes(captured, source, edited)


def _exif_stamp(raw: object, offset: object) -> Stated | None:
    """An EXIF time (`2024:03:05 21:14:00`) and its offset tag, or None when either is
    missing or malformed (control codes in a crafted file are no time)."""
    if not isinstance(raw, str):
        return None
    match = _EXIF_STAMP.fullmatch(raw.strip("\x00 "))
    if not match or not _real(*match.groups()):
        return None
    year, month, day, hour, minute, second = match.groups()
    stated = f"{year}-{month}-{day}T{hour}:{minute}:{second}"
    zone = offset.strip("\x00 ") if isinstance(offset, str) else ""
    return Stated(stated, zone if _EXIF_OFFSET.fullmatch(zone) else "")


def _xmp_stamp(text: str, name: str) -> Stated | None:
    """The XMP property of local name `name` (an attribute or an element, with whatever
    namespace prefix) read as a time."""
    escaped = rf"\b[A-Za-z][\w.-]{{0,40}}:{re.escape(name)}"  # i18n: not shown
    pattern = rf"{escaped}\s*=\s*[\"']([^\"'<>]{{1,64}})[\"']|<{escaped}>\s*([^<]{{1,64}})<"
    found = re.search(pattern, text)
    if not found:
        return None
    match = _XMP_STAMP.fullmatch((found.group(1) or found.group(2)).strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    if not _real(year, month, day, hour or "0", minute or "0", second or "0"):
        return None
    if hour is None:
        return Stated(f"{year}-{month}-{day}")
    offset = ""
    if zone:
        offset = "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    return Stated(f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}", offset)


def _real(*parts: str) -> bool:
    """Whether the digits (year to second) make a time (a camera with no clock set
    writes zeros)."""
    year, month, day, hour, minute, second = (int(part) for part in parts)
    try:
        datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 (only checked)
    except ValueError:
        return False
    return year > 1900


def xmp_of(image: Image.Image) -> bytes:
    """The photo's XMP packet as Pillow or pillow-heif found it in the header (JPEG,
    PNG, WebP, TIFF, HEIF), without decoding pixels; empty when there is none."""
    info = image.info
    for key in ("xmp", "XML:com.adobe.xmp"):  # i18n: not shown
        value = info.get(key)
        if isinstance(value, bytes | str) and value:
            return value.encode("utf-8", "replace") if isinstance(value, str) else value
    with contextlib.suppress(Exception):
        tagged = getattr(image, "tag_v2", None)
        value = tagged.get(700) if tagged is not None else None
        if isinstance(value, bytes | str) and value:
            return value.encode("utf-8", "replace") if isinstance(value, str) else value
    return b""
