"""A recording's length as the file states it (issue 27): a stripped or damaged
QuickTime/MP4 is as long as its movie header says (as ffprobe and exiftool report), not
as far as FFmpeg could read its streams; a header past belief is not taken."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest

from tui.core.evidence import formats


def mp4(seconds_stated: float | None = None) -> bytes:
    """A one-second MP4 (ten frames), its movie header saying `seconds_stated`."""
    import av

    out = io.BytesIO()
    container = av.open(out, "w", format="mp4")
    stream = container.add_stream("mpeg4", rate=10)
    stream.width = stream.height = 32
    stream.pix_fmt = "yuv420p"
    for index in range(10):
        frame = av.VideoFrame.from_ndarray(
            np.full((32, 32, 3), index * 20, np.uint8), format="rgb24"
        )
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    data = bytearray(out.getvalue())
    if seconds_stated is not None:
        at = data.find(b"mvhd")
        assert data[at + 4] == 0, "a version 0 movie header"
        scale = struct.unpack(">I", data[at + 16 : at + 20])[0]
        data[at + 20 : at + 24] = struct.pack(">I", int(seconds_stated * scale))
    return bytes(data)


@pytest.fixture(scope="module")
def stripped() -> bytes:
    return mp4(4.97)


def test_the_movie_headers_length_is_the_recordings(stripped: bytes):
    _, facts = formats.describe(io.BytesIO(stripped), "QuickTime.mp4")
    assert facts.shown["duration"] == 5.0  # 4.97 s, as ffprobe says


def test_the_stills_are_still_taken_after_the_header_is_read(stripped: bytes):
    blocks, problem = formats.printable(stripped, "QuickTime.mp4")
    assert problem == ""
    assert any(isinstance(block, formats.base.Frames) for block in blocks)


def test_a_whole_file_keeps_its_length_and_an_absurd_header_is_not_believed():
    assert formats.describe(io.BytesIO(mp4()), "a.mp4")[1].shown["duration"] == 1.0
    absurd = mp4(4_000_000)  # 46 days
    assert formats.describe(io.BytesIO(absurd), "a.mp4")[1].shown["duration"] == 1.0


def test_an_mp3_is_as_long_as_its_info_header_counts():
    """100 frames of 576 samples at 8 kHz (MPEG-2.5, as a cheap voice recorder writes):
    7.2 s, though only 21 frames are in the file (a download cut short)."""
    header = bytes([0xFF, 0xE2, 0x88, 0xC0])  # MPEG-2.5 Layer III, 64 kbit/s, 8 kHz, mono
    first = bytearray(576)
    first[:4] = header
    first[13:25] = b"Info" + (1).to_bytes(4, "big") + (100).to_bytes(4, "big")
    frame = bytearray(576)
    frame[:4] = header
    data = bytes(first) + bytes(frame) * 20
    assert formats.describe(io.BytesIO(data), "note.mp3")[1].shown["duration"] == 7.2
