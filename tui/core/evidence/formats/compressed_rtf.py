"""Outlook's compressed RTF (MS-OXRTFCP): an email's formatted words, decompressed within a
bound whatever the file claims, and read by `striprtf` (BSD)."""

from __future__ import annotations

import struct

from tui.core.evidence.formats.base import clean_text


def rtf_words(rtf: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    try:
        words: str = rtf_to_text(rtf.decode("cp1252", "replace"), errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, LookupError, RecursionError, IndexError):
        return ""
    return clean_text(words).strip()


#: The dictionary compressed RTF starts with (MS-OXRTFCP 2.1.3.1.2).
_RTF_PREBUF = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
    b"\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    b"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx"
)
_LZFU, _MELA = 0x75465A4C, 0x414C454D


def decompress_rtf(data: bytes, limit: int) -> bytes:
    """Outlook's compressed RTF (LZFu) as RTF, at most `limit` bytes whatever its header
    claims; b'' for what isn't compressed RTF."""
    if len(data) < 16:
        return b""
    _size, _raw, kind, _crc = struct.unpack_from("<4I", data)
    if kind == _MELA:
        return data[16 : 16 + limit]
    if kind != _LZFU:
        return b""
    window = bytearray(4096)
    window[: len(_RTF_PREBUF)] = _RTF_PREBUF
    at, out, index = len(_RTF_PREBUF), bytearray(), 16
    while index < len(data) and len(out) < limit:
        control = data[index]
        index += 1
        for bit in range(8):
            if index >= len(data) or len(out) >= limit:
                break
            if not control & (1 << bit):
                byte = data[index]
                index += 1
                out.append(byte)
                window[at] = byte
                at = (at + 1) % 4096
                continue
            if index + 1 >= len(data):
                return bytes(out)
            reference = (data[index] << 8) | data[index + 1]
            index += 2
            offset, length = reference >> 4, (reference & 0xF) + 2
            if offset == at:
                return bytes(out)  # the end mark
            for step in range(length):
                byte = window[(offset + step) % 4096]
                out.append(byte)
                window[at] = byte
                at = (at + 1) % 4096
    return bytes(out[:limit])
