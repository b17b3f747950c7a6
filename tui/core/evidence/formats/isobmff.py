"""ISO base media files (MP4, MOV, M4A, HEIC, AVIF, 3GP) share one container; the `ftyp`
box at the start says which it is: a major brand and the brands it is compatible with."""

from __future__ import annotations

import struct


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
