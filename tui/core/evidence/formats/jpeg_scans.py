"""How many scans a JPEG has, counted before it is decoded.

A progressive JPEG is drawn in passes (scans), each over every block of the picture; a
real photo has about ten. A crafted file repeating one scan thousands of times costs
minutes to decode, so its scans are counted by walking its markers first."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, BinaryIO

from tui.core.evidence.formats.base import Unreadable
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from PIL import Image

#: Scans a JPEG may have. A progressive photo has about ten (twenty at most); each scan
#: is a pass over every block of the picture, so thousands of them in a small file
#: would take minutes to decode.
MAX_SCANS = 100
TOO_MANY_SCANS = N_(
    "This picture can't be shown: it is made of far more passes than any real photo, "
    "which can be a trap to tie up the computer. The file is kept as it is."
)
#: After a scan's data, the next marker: 0xFF and a byte that is not stuffing (0x00),
#: a restart marker (0xD0 to 0xD7) or fill (0xFF).
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_CHUNK = 1 << 20


def check_scans(image: Image.Image, handle: BinaryIO) -> None:
    """Refuse a JPEG of more scans than `MAX_SCANS`, counted by walking its markers
    (reading, never decoding) before Pillow is let near its pixels."""
    if image.format not in ("JPEG", "MPO"):
        return
    start = handle.tell()
    try:
        if jpeg_scans(handle, MAX_SCANS) > MAX_SCANS:
            raise Unreadable(_(TOO_MANY_SCANS))
    finally:
        handle.seek(start)


def jpeg_scans(handle: BinaryIO, limit: int) -> int:
    """How many scans (SOS markers) the JPEG's first picture has, counting up to one
    past `limit`. A damaged file is counted as far as it goes (Pillow says the rest)."""
    handle.seek(2)
    scans = 0
    while scans <= limit:
        marker = handle.read(2)
        while marker[:1] == b"\xff" and marker[1:] == b"\xff":  # fill before a marker
            marker = marker[1:] + handle.read(1)
        if len(marker) < 2 or marker[0] != 0xFF or marker[1] == 0xD9:
            return scans
        if marker[1] == 0x01 or 0xD0 <= marker[1] <= 0xD8:  # markers with no length
            continue
        size = handle.read(2)
        if len(size) < 2:
            return scans
        handle.seek(int.from_bytes(size, "big") - 2, io.SEEK_CUR)
        if marker[1] == 0xDA:
            scans += 1
            if not _skip_scan_data(handle):
                return scans
    return scans


def _skip_scan_data(handle: BinaryIO) -> bool:
    """Move past a scan's entropy-coded data to the next marker; False at the end."""
    while True:
        at = handle.tell()
        chunk = handle.read(_CHUNK + 1)  # one byte over: a marker split between reads
        if len(chunk) < 2:
            return False
        if found := _NEXT_MARKER.search(chunk):
            handle.seek(at + found.start())
            return True
        handle.seek(at + len(chunk) - 1)
        if len(chunk) <= _CHUNK:
            return False
