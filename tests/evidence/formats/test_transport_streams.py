"""Camcorder video (AVCHD `.MTS`/`.M2TS`) and other MPEG transport streams, written here by
PyAV: recognised as recordings, described and printed as a contact sheet of stills."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.support.media import video
from tui.core.evidence import formats
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats.base import Fields, Frames
from tui.core.evidence.formats.transport_streams import transport_stream
from tui.core.vault.vault import Vault


@pytest.fixture(scope="module")
def mts() -> bytes:
    """An AVCHD-style stream: 192-byte packets, each after a 4-byte time code."""
    return video("mpegts", codec="mpeg2video", sound=True, options={"mpegts_m2ts_mode": "1"})


def test_a_camcorders_mts_is_a_recording_with_its_facts(mts: bytes):
    assert mts[4] == mts[196] == 0x47, "the fixture is in 192-byte packets"
    handler, facts = formats.describe(io.BytesIO(mts), "00001.MTS")
    assert (handler.kind, handler.family) == ("video (MPEG-TS)", "recording")
    assert facts.media_type == "video/mp2t" and facts.problem == ""
    assert (facts.width, facts.height) == (96, 64)
    assert facts.shown["codec"] == "mpeg2video" and facts.shown["audio"] == "aac"
    assert facts.shown["duration"] == pytest.approx(2.5, abs=0.2)


def test_a_camcorders_mts_prints_its_facts_and_stills(mts: bytes):
    blocks, reason = formats.printable(mts, "00001.MTS")
    assert reason == ""
    fields = next(block for block in blocks if isinstance(block, Fields))
    assert ("Picture size", "96 x 64") in fields.rows
    sheet = next(block for block in blocks if isinstance(block, Frames))
    assert len(sheet.frames) >= 2
    assert sheet.frames[0][0] == "0:00:00.0"


def test_a_plain_transport_stream_is_known_by_its_content_not_its_name():
    data = video("mpegts", codec="mpeg2video")
    assert data[0] == data[188] == 0x47
    assert formats.identify_bytes(data, "clip.bin").media_type == "video/mp2t"
    picture = formats.preview(data, "clip.ts")
    assert picture is not None and picture.size == (96, 64)


@pytest.mark.parametrize(
    "head",
    [b"", b"G" + bytes(187), b"G" + bytes(200), b"const x: number = 1;\n" * 40],
)
def test_what_only_starts_like_a_transport_stream_is_not_one(head: bytes):
    assert not transport_stream(head)


def test_an_mts_added_to_the_case_is_a_recording(vault: Vault, tmp_path: Path, mts: bytes):
    path = tmp_path / "00001.MTS"
    path.write_bytes(mts)
    exhibit = add_file(vault, path).exhibit
    assert exhibit.media_type == "video/mp2t"
    assert exhibit.facts["kind"] == "video (MPEG-TS)"
    assert exhibit.facts["resolution"] == "96 x 64"
