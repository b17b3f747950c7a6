"""ISO base media files (MP4, MOV, M4A, HEIC, AVIF, 3GP) share one container; the `ftyp`
box at the start says which it is: a major brand and the brands it is compatible with."""

from __future__ import annotations

import struct
import sys
from typing import BinaryIO


def brands(head: bytes) -> tuple[str, frozenset[str]] | None:
    """(major brand, compatible brands) from the first box, or None if there is no ftyp.

    Brands are four characters, trailing spaces removed (`qt  ` is `qt`, `M4A ` is `M4A`).
    """
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    (size,) = struct.unpack(">I", head[:4])
    size = min(size, len(head), 4096)
    if size < 16:
        return None

    def brand(at: int) -> str:
        return head[at : at + 4].decode("latin-1").rstrip(" \x00")

    compatible = frozenset(brand(at) for at in range(16, size - 3, 4))
    return brand(8), compatible - {""}


HEIF_BRANDS = frozenset({"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"})
AVIF_BRANDS = frozenset({"avif", "avis"})
AUDIO_BRANDS = frozenset({"M4A", "M4B", "M4P", "F4A", "F4B"})
QUICKTIME_BRANDS = frozenset({"qt"})
VIDEO_BRANDS = frozenset(
    {"isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V", "M4VH", "M4VP",
     "dash", "MSNV", "3gp4", "3gp5", "3gp6", "3g2a", "3ge6", "3gg6", "mmp4", "f4v"}
)  # fmt: skip


def family(head: bytes) -> str | None:
    """`heif`, `avif`, `audio`, `quicktime` or `video` for an ISO-BMFF file, else None.

    The major brand decides when it is known; compatible brands only when it is not
    (a HEIC lists `mif1`, an AVIF lists `mif1` too, and many MP4s list `isom`)."""
    found = brands(head)
    if found is None:
        return None
    major, compatible = found
    for name, known in (
        ("avif", AVIF_BRANDS),
        ("heif", HEIF_BRANDS - {"mif1", "msf1"}),
        ("audio", AUDIO_BRANDS),
        ("quicktime", QUICKTIME_BRANDS),
        ("video", VIDEO_BRANDS),
    ):
        if major in known:
            return name
    if major in ("mif1", "msf1"):
        return "avif" if compatible & AVIF_BRANDS else "heif"
    for name, known in (
        ("avif", AVIF_BRANDS),
        ("heif", HEIF_BRANDS),
        ("audio", AUDIO_BRANDS),
        ("quicktime", QUICKTIME_BRANDS),
        ("video", VIDEO_BRANDS),
    ):
        if compatible & known:
            return name
    return "video"


# ---- sample tables: what a file claims, checked against what it could hold -------------

#: Boxes that hold other boxes on the way to a track's sample tables and fragments.
CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"moof", b"traf"})
#: Tables of one count and fixed-size entries: the bytes each entry takes.
ENTRY_BYTES = {b"stts": 8, b"ctts": 8, b"stsc": 12, b"stco": 4, b"co64": 8, b"stss": 4,
               b"stps": 4, b"elst": 12}  # fmt: skip
#: Box headers walked at most: a real file has a few hundred; each is a few reads.
MAX_BOXES = 200_000
#: Edits in one track's edit list: a real one has one to a few dozen; each edit makes
#: FFmpeg index the track's samples again.
MAX_EDITS = 1000
#: Bytes read at a time when adding up a table's sample counts.
CHUNK = 1 << 20
#: Samples any file may claim beyond one a byte: a test file or a damaged one may keep
#: its index and lose its media data (an ExifTool sample MOV of 3.8 KB claims 39,112 sound
#: samples), and a million samples cost FFmpeg some tens of MB to index.
SPARE_SAMPLES = 1_000_000


class Overclaimed(Exception):
    """The file's tables claim more than it could hold (a crafted file)."""


def check_tables(handle: BinaryIO, size: int) -> None:
    """Raise Overclaimed when a sample table claims more than the file could hold: more
    entries than its box has room for, or more samples in all (in every track and
    fragment) than the file has bytes, give or take `SPARE_SAMPLES` (every sample is at
    least a byte of this file: nothing is read from another). FFmpeg sets aside memory
    for every sample a table claims, so an 897-byte file claiming 85 million samples
    would take gigabytes. Only box headers and counts
    are read; the media data is skipped."""
    walker = _Walker(handle, size)
    walker.walk(0, size, 0)
    handle.seek(0)


class _Walker:
    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle, self.size, self.boxes = handle, size, 0
        self.claimed: dict[bytes, int] = {}

    def walk(self, start: int, end: int, depth: int) -> None:
        at = start
        while at + 8 <= end and depth < 16:
            self.boxes += 1
            if self.boxes > MAX_BOXES:
                raise Overclaimed("too many boxes")  # i18n: not shown
            self.handle.seek(at)
            header = self.handle.read(16)
            if len(header) < 8:
                return
            length, kind = int.from_bytes(header[:4], "big"), header[4:8]
            body = at + 8
            if length == 1 and len(header) >= 16:
                length, body = int.from_bytes(header[8:16], "big"), at + 16
            elif length == 0:
                length = end - at
            if length < body - at:
                return  # damaged: FFmpeg stops here too
            box_end = min(at + length, end)
            if kind in CONTAINERS:
                self.walk(body, box_end, depth + 1)
            elif kind in ENTRY_BYTES or kind in (b"stsz", b"stz2", b"trun"):
                self.table(kind, body, box_end)
            at = at + length

    def table(self, kind: bytes, body: int, end: int) -> None:
        self.handle.seek(body)
        head = self.handle.read(12)
        if len(head) < 8:
            return
        version, flags = head[0], int.from_bytes(head[1:4], "big")
        room = end - body - 8
        if kind == b"stsz" or kind == b"stz2":
            if len(head) < 12:
                return
            field, count = int.from_bytes(head[4:8], "big"), int.from_bytes(head[8:12], "big")
            each = 0 if kind == b"stsz" and field else 4 if kind == b"stsz" else field & 0xFF
            self.fits(count * each // 8 if kind == b"stz2" else count * each, room - 4)
            self.samples(b"stsz", count)
            return
        count = int.from_bytes(head[4:8], "big")
        if kind == b"trun":
            optional = 4 * ((flags & 1) + (flags >> 2 & 1))
            each = 4 * bin(flags >> 8 & 0xF).count("1")
            self.fits(count * each, room - optional)
            self.samples(kind, count)
            return
        each = ENTRY_BYTES[kind] + (8 if kind == b"elst" and version == 1 else 0)
        self.fits(count * each, room)
        if kind == b"elst" and count > MAX_EDITS:
            raise Overclaimed("too many edits")  # i18n: not shown
        if kind in (b"stts", b"ctts"):
            self.samples(kind, self.sample_sum(body + 8, count))

    def fits(self, needed: int, room: int) -> None:
        if needed > max(room, 0):
            raise Overclaimed("a table longer than its box")  # i18n: not shown

    def samples(self, kind: bytes, count: int) -> None:
        """Samples claimed by tables of this kind, in every track and fragment so far."""
        self.claimed[kind] = self.claimed.get(kind, 0) + count
        if self.claimed[kind] > self.size + SPARE_SAMPLES:
            raise Overclaimed("more samples than bytes")  # i18n: not shown

    def sample_sum(self, at: int, entries: int) -> int:
        """The samples an stts or ctts table claims: the sum of its entries' counts."""
        from array import array

        self.handle.seek(at)
        total = 0
        while entries > 0:
            take = min(entries, CHUNK // 8)
            data = self.handle.read(take * 8)
            if len(data) < 8:
                return total  # cut short: FFmpeg reads no further either
            numbers = array("I")
            numbers.frombytes(data[: len(data) // 8 * 8])
            if sys.byteorder == "little":
                numbers.byteswap()
            total += sum(numbers[0::2])
            if total > self.size + SPARE_SAMPLES:
                return total
            entries -= take
        return total
