"""How long a recording is, as the file itself states it.

FFmpeg (through PyAV) gives a container's duration from what it could read of the
streams, which for a damaged or stripped file is short of what the file says (0.4 s for
a QuickTime whose movie header says 4.97 s). The length other tools (ffprobe, exiftool)
report is read here from the file's own header: a QuickTime or MP4's movie header
(`mvhd`), or an MP3's frame count (its Xing, Info or VBRI header). Where the file
states none, FFmpeg's is used. Headers are read a few bytes at a time, never the media."""

from __future__ import annotations

import contextlib
import io
import struct
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from av.container import InputContainer

#: Boxes walked at one level looking for the movie header.
MAX_BOXES = 1_000
#: Of an MP3, how far a first frame is looked for after its ID3 tag.
MP3_SEARCH = 64 * 1024
#: A stated length beyond this (a day) is not believed.
LONGEST = 24 * 3600.0


def duration_of(container: InputContainer) -> float:
    """The recording's length in seconds: the file's own statement where it makes one,
    else FFmpeg's; 0.0 when neither is known."""
    found = 0.0
    handle = getattr(getattr(container, "file", None), "file", None)
    name = str(getattr(container.format, "name", "") or "")
    if handle is not None and hasattr(handle, "seek"):
        at = handle.tell()
        try:
            if "mov" in name.split(",") or "mp4" in name.split(","):
                found = _movie_header(handle)
            elif name == "mp3":
                found = _mp3_frames(handle)
        except (OSError, ValueError, struct.error):
            found = 0.0
        finally:
            handle.seek(at)
    if 0 < found <= LONGEST:
        return found
    return container.duration / 1_000_000 if container.duration and container.duration > 0 else 0.0


def _boxes(handle: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, where its content starts, where it ends) of the boxes in [start, end)."""
    found = []
    at = start
    for _ in range(MAX_BOXES):
        if at + 8 > end:
            break
        handle.seek(at)
        header = handle.read(8)
        if len(header) < 8:
            break
        size, kind = struct.unpack(">I4s", header)
        content = at + 8
        if size == 1:
            large = handle.read(8)
            if len(large) < 8:
                break
            size, content = struct.unpack(">Q", large)[0], at + 16
        elif size == 0:
            size = end - at
        if size < content - at:
            break
        found.append((kind, content, min(end, at + size)))
        at += size
    return found


def _movie_header(handle: BinaryIO) -> float:
    """The movie header's duration over its timescale; 0.0 when there is none."""
    end = handle.seek(0, io.SEEK_END)
    for kind, start, stop in _boxes(handle, 0, end):
        if kind != b"moov":
            continue
        for inner, content, _stop in _boxes(handle, start, stop):
            if inner != b"mvhd":
                continue
            handle.seek(content)
            head = handle.read(32)
            if head[:1] == b"\x01" and len(head) >= 32:
                scale, length = struct.unpack(">IQ", head[20:32])
            elif len(head) >= 20:
                scale, length = struct.unpack(">II", head[12:20])
            else:
                return 0.0
            return length / scale if scale and length != 0xFFFFFFFF else 0.0
    return 0.0


#: Samples a second, by MPEG version bits (3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5).
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frames(handle: BinaryIO) -> float:
    """An MP3's length from the frame count its Xing, Info or VBRI header states; 0.0
    when it states none (FFmpeg's estimate from the bit rate is used then)."""
    handle.seek(0)
    head = handle.read(10)
    start = 0
    if head[:3] == b"ID3" and len(head) == 10:
        size = 0
        for byte in head[6:10]:
            size = (size << 7) | (byte & 0x7F)
        start = 10 + size + (10 if head[5] & 0x10 else 0)
    handle.seek(start)
    data = handle.read(MP3_SEARCH)
    for at in range(len(data) - 4):
        if data[at] != 0xFF or data[at + 1] & 0xE0 != 0xE0:
            continue
        version, layer = (data[at + 1] >> 3) & 3, (data[at + 1] >> 1) & 3
        rate_index, mono = (data[at + 2] >> 2) & 3, (data[at + 3] >> 6) == 3
        if version == 1 or layer != 1 or rate_index == 3:  # only Layer III is read here
            continue
        rate = _RATES[version][rate_index]
        per_frame = 1152 if version == 3 else 576
        side = (17 if mono else 32) if version == 3 else (9 if mono else 17)
        frames = _xing_frames(data[at + 4 + side : at + 4 + side + 12])
        if frames is None:
            frames = _vbri_frames(data[at + 36 : at + 36 + 18])
        return frames * per_frame / rate if frames else 0.0
    return 0.0


def _xing_frames(tag: bytes) -> int | None:
    if len(tag) < 12 or tag[:4] not in (b"Xing", b"Info"):
        return None
    flags = int.from_bytes(tag[4:8], "big")
    return int.from_bytes(tag[8:12], "big") if flags & 1 else None


def _vbri_frames(tag: bytes) -> int | None:
    with contextlib.suppress(IndexError):
        if tag[:4] == b"VBRI" and len(tag) >= 18:
            return int.from_bytes(tag[14:18], "big")
    return None
