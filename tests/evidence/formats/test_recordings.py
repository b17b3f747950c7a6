"""Screen recordings and clips as phones make them (MOV, MP4, WebM, MKV), written here by
PyAV: their facts, the preview, the contact sheet, and the damaged or crafted ones."""

from __future__ import annotations

import io
import os
import random
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.support.media import BLUE, RED, UTC_STAMP, video
from tui.core.evidence import formats
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats import recordings
from tui.core.evidence.formats.base import Fields, Frames, Notice, Probe, Unreadable
from tui.core.vault.vault import Vault


@pytest.fixture(scope="module")
def mov() -> bytes:
    return video()


def describe(data: bytes, name: str) -> tuple[formats.Format, formats.Facts]:
    return formats.describe(io.BytesIO(data), name)


def colour(image: Image.Image, at: tuple[int, int]) -> tuple[int, ...]:
    return tuple(image.convert("RGB").getpixel(at))  # type: ignore[arg-type]


def near(found: tuple[int, ...], wanted: tuple[int, ...]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(found, wanted, strict=True))


# ---- what a recording says about itself -----------------------------------------------


def test_a_mov_is_a_quicktime_video_with_its_facts_and_local_creation_time(
    mov: bytes, new_york: None
):
    handler, facts = describe(mov, "RPReplay_Final1709673600.MOV")
    assert handler.kind == "video (QuickTime MOV)" and handler.family == "recording"
    assert facts.media_type == "video/quicktime" and facts.problem == ""
    assert (facts.width, facts.height) == (96, 64)
    assert facts.shown == {
        "duration": 2.5,
        "codec": "h264",
        "resolution": "96 x 64",
        "frame_rate": 10.0,
        "created": UTC_STAMP,
    }
    # 21:14 UTC is 16:14 in New York; the container's own time beats the name's.
    assert facts.guesses == {"captured_at": ("2024-03-05T16:14:00", "recording")}


def test_an_mp4_is_a_video_and_names_its_sound():
    data = video("mp4", sound=True)
    handler, facts = describe(data, "screen-20240305-211400.mp4")
    assert handler.kind == "video (MP4)" and facts.media_type == "video/mp4"
    assert facts.shown["audio"] == "aac" and facts.shown["codec"] == "h264"


def test_webm_and_mkv_recordings_are_videos():
    webm_handler, webm = describe(video("webm", "libvpx"), "clip.webm")
    mkv_handler, mkv = describe(video("matroska", "mpeg4"), "clip.mkv")
    assert (webm_handler.kind, webm.shown["codec"]) == ("video (WebM)", "vp8")
    assert (mkv_handler.kind, mkv.shown["codec"]) == ("video (Matroska MKV)", "mpeg4")
    assert webm.shown["duration"] == mkv.shown["duration"] == 2.5
    assert webm.guesses["captured_at"][1] == "recording"


def test_the_content_decides_not_the_name(mov: bytes):
    assert formats.identify_bytes(mov, "clip.mp4").kind == "video (QuickTime MOV)"
    assert formats.identify_bytes(video("mp4"), "clip.mov").kind == "video (MP4)"


def test_without_a_creation_time_the_name_gives_the_time():
    data = video(created=None)
    _, from_ios = describe(data, "RPReplay_Final1709673600.MOV")
    assert from_ios.guesses["captured_at"] == (
        datetime.fromtimestamp(1709673600, UTC)
        .astimezone()
        .replace(tzinfo=None)
        .isoformat(timespec="seconds"),
        "name",
    )
    assert "created" not in from_ios.shown
    _, from_whatsapp = describe(data, "VID-20240305-WA0003.mp4")
    assert from_whatsapp.guesses["captured_at"] == ("2024-03-05", "name")


def test_a_clock_that_was_never_set_is_no_capture_time():
    data = video(created="2003-01-01T00:00:00.000000Z")
    _, facts = describe(data, "VID_20240305_211400.mp4")
    assert facts.shown["created"] == "2003-01-01T00:00:00.000000Z", "shown as it says"
    assert facts.guesses["captured_at"] == ("2024-03-05T21:14:00", "name")


def test_a_portrait_recording_is_measured_and_shown_the_way_up_it_plays():
    data = video(rotation=90)  # stored landscape, turned a quarter anticlockwise to play
    _, facts = describe(data, "portrait.mov")
    assert (facts.width, facts.height) == (64, 96)
    assert facts.shown["resolution"] == "64 x 96"
    picture = formats.preview(data, "portrait.mov")
    assert picture is not None and picture.size == (64, 96)
    assert colour(picture, (5, 90)) == pytest.approx((255, 255, 255), abs=40), (
        "the stored top left corner is now bottom left"
    )


def test_a_recording_added_to_the_case_keeps_its_time_and_facts(vault: Vault, tmp_path: Path):
    path = tmp_path / "RPReplay_Final1709673600.MOV"
    path.write_bytes(video())
    exhibit = add_file(vault, path).exhibit
    expected = datetime.fromisoformat(UTC_STAMP).astimezone().replace(tzinfo=None)
    assert exhibit.captured_at == expected.isoformat(timespec="seconds")
    assert exhibit.guesses == {"captured_at": "recording"}


# ---- preview and contact sheet ----------------------------------------------------------


def test_the_preview_is_the_first_frame_in_memory(mov: bytes):
    picture = formats.preview(mov, "clip.mov")
    assert picture is not None and picture.mode == "RGB" and picture.size == (96, 64)
    assert near(colour(picture, (80, 50)), RED)


def test_the_binder_prints_the_facts_and_stills_evenly_through_it(mov: bytes):
    blocks, reason = formats.printable(mov, "clip.mov")
    assert reason == ""
    facts, sheet = blocks
    assert isinstance(facts, Fields) and isinstance(sheet, Frames)
    rows = dict(facts.rows)
    assert rows["Duration"] == "0:00:02.5" and rows["Picture size"] == "96 x 64"
    assert rows["Video"] == "H.264" and rows["Created, as the file states it"] == UTC_STAMP
    codes = [code for code, _ in sheet.frames]
    assert len(codes) == 6 and codes[0] == "0:00:00.0"
    assert all(re.fullmatch(r"\d:\d\d:\d\d\.\d", code) for code in codes)
    assert codes == sorted(set(codes)), "each still later than the one before"
    first, last = sheet.frames[0][1], sheet.frames[-1][1]
    assert near(colour(first, (80, 50)), RED) and near(colour(last, (80, 50)), BLUE)


def test_a_long_recording_gets_twelve_small_stills_from_at_most_twelve_seeks(
    monkeypatch: pytest.MonkeyPatch,
):
    data = video(seconds=200, fps=1, size=(640, 360))
    seeks: list[int] = []
    real = recordings.frame_near

    def counted(container: Any, stream: Any, pts: int) -> Any:
        seeks.append(pts)
        return real(container, stream, pts)

    monkeypatch.setattr(recordings, "frame_near", counted)
    blocks, _ = formats.printable(data, "long.mp4")
    sheet = blocks[1]
    assert isinstance(sheet, Frames) and len(sheet.frames) == 12
    assert all(max(image.size) <= 480 for _, image in sheet.frames)
    assert sheet.frames[1][0] == "0:00:17.0" and sheet.frames[-1][0] == "0:03:04.0"
    assert len(seeks) <= 13, "one for the first picture's facts, then one per still"


# ---- damaged and crafted files ----------------------------------------------------------


def assert_never_raises(data: bytes, name: str) -> formats.Facts:
    """The registry answers for any input; it gives a reason when it can't show it."""
    _, facts = describe(data, name)
    preview = formats.preview(data, name)
    assert preview is None or isinstance(preview, Image.Image)
    blocks, reason = formats.printable(data, name)
    assert blocks
    if all(isinstance(block, Notice) for block in blocks):
        assert reason
    return facts


def test_a_recording_cut_short_says_it_is_damaged():
    data = video("mp4")
    cut = data[: len(data) * 3 // 10]
    handler = formats.identify_bytes(cut, "clip.mp4")
    assert handler.kind == "video (MP4)", "the magic still says so"
    with pytest.raises(Unreadable, match="damaged or cut short"):
        handler.describe(Probe.of_bytes(cut, "clip.mp4"))
    facts = assert_never_raises(cut, "clip.mp4")
    assert facts.problem == recordings.DAMAGED
    assert formats.printable(cut, "clip.mp4")[1] == recordings.DAMAGED


def test_a_streamable_recording_cut_short_keeps_its_facts_but_shows_no_stills(
    tmp_path: Path,
):
    data = video("mp4", options={"movflags": "faststart"}, path=tmp_path / "clip.mp4")
    assert data.index(b"moov") < data.index(b"mdat"), "its index comes first"
    cut = data[: data.index(b"mdat") + 40]
    facts = assert_never_raises(cut, "clip.mp4")
    assert facts.shown["duration"] == 2.5 and facts.problem == recordings.NO_PICTURE
    blocks, _ = formats.printable(cut, "clip.mp4")
    assert isinstance(blocks[0], Fields) and blocks[1] == Notice(recordings.NO_PICTURE)


def test_random_bytes_named_mov_are_no_recording():
    junk = random.Random(7).randbytes(20_000)
    assert formats.identify_bytes(junk, "clip.mov").family != "recording"
    assert_never_raises(junk, "clip.mov")
    with pytest.raises(Unreadable):
        recordings.QuickTimeVideo().describe(Probe.of_bytes(junk, "clip.mov"))
    with pytest.raises(Unreadable):
        recordings.QuickTimeVideo().printable(junk, "clip.mov")


def test_a_playlist_named_mp4_is_not_followed():
    playlist = b"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n/etc/passwd\n#EXT-X-ENDLIST\n"
    assert formats.identify_bytes(playlist, "clip.mp4").family != "recording"
    with pytest.raises(Unreadable):
        recordings.Mp4Video().printable(playlist, "clip.mp4")


def test_damaged_recordings_never_break_intake_preview_or_binder(mov: bytes):
    chance = random.Random(11)
    for round_ in range(24):
        data = bytearray(mov)
        if round_ % 2:
            for _ in range(30):
                data[chance.randrange(64, len(data))] = chance.randrange(256)
        else:
            at = chance.randrange(64, len(data))
            data[at : at + 200] = os.urandom(200)
        assert_never_raises(bytes(data), "clip.mov")


def test_a_frame_larger_than_any_real_video_is_not_decoded(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(recordings, "MAX_PIXELS", 32 * 32)
    data = video()
    _, facts = describe(data, "clip.mov")
    assert facts.problem == recordings.TOO_LARGE
    assert formats.preview(data, "clip.mov") is None
    assert formats.printable(data, "clip.mov")[0][1] == Notice(recordings.TOO_LARGE)
