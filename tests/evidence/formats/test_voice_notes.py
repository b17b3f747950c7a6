"""Voice notes as phones make them (M4A, WhatsApp's Opus, WAV, MP3, AMR, AAC), written
here by PyAV (AMR by hand); the phone file names that carry a time; and the damaged or
crafted ones."""

from __future__ import annotations

import io
import random
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support.media import UTC_STAMP, sound
from tui.core.evidence import formats
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats import voice_notes
from tui.core.evidence.formats.base import Fields, Notice, Probe, Text, Unreadable
from tui.core.evidence.formats.recordings import DAMAGED
from tui.core.evidence.media import time_from_name
from tui.core.shared import clock
from tui.core.vault.vault import Vault


@pytest.fixture(scope="module")
def m4a() -> bytes:
    return sound()


@pytest.fixture(scope="module")
def opus() -> bytes:
    return sound("ogg", "libopus", rate=48000, created=None)


def describe(data: bytes, name: str) -> tuple[formats.Format, formats.Facts]:
    return formats.describe(io.BytesIO(data), name)


# ---- which files are voice notes --------------------------------------------------------


def test_an_m4a_is_a_voice_note_not_a_video(m4a: bytes, new_york: None):
    handler, facts = describe(m4a, "AUD-20240305-WA0001.m4a")
    assert handler.family == "voice note" and handler.kind == "voice note or audio (M4A)"
    assert facts.media_type == "audio/mp4" and facts.problem == ""
    assert facts.shown == {
        "duration": 1.5,
        "codec": "aac",
        "sample_rate": 16000,
        "channels": 1,
        "created": UTC_STAMP,
    }
    assert (facts.width, facts.height) == (None, None)
    assert facts.guesses == {"captured_at": ("2024-03-05T16:14:00", "recording")}


def test_the_content_decides_so_an_m4a_named_mp4_is_still_sound(m4a: bytes):
    assert formats.identify_bytes(m4a, "clip.mp4").family == "voice note"
    plain_mp4 = sound("mp4")  # brand `isom`, as many Android recorders write
    assert formats.identify_bytes(plain_mp4, "note.mp4").kind == "voice note or audio (M4A)"


def test_whatsapps_opus_voice_note_is_opus_in_ogg_with_the_day_from_its_name(opus: bytes):
    handler, facts = describe(opus, "PTT-20240305-WA0003.opus")
    assert handler.kind == "voice note or audio (Opus)" and facts.media_type == "audio/ogg"
    assert facts.shown["codec"] == "opus" and facts.shown["sample_rate"] == 48000
    assert facts.guesses == {"captured_at": ("2024-03-05", "name")}
    assert formats.identify_bytes(opus, "voice.mp4").kind == "voice note or audio (Opus)"


def test_an_ogg_states_its_creation_time_in_its_comments(new_york: None):
    _, facts = describe(sound("ogg", "libopus", rate=48000), "note.ogg")
    assert facts.guesses["captured_at"] == ("2024-03-05T16:14:00", "recording")


def test_a_broadcast_wav_gives_its_local_origination_time():
    data = sound(
        "wav",
        "pcm_s16le",
        created=None,
        metadata={"origination_date": "2024-03-05", "origination_time": "21:14:00"},
        options={"write_bext": "1"},
    )
    handler, facts = describe(data, "recording.wav")
    assert handler.kind == "voice note or audio (WAV)" and facts.shown["codec"] == "pcm_s16le"
    assert facts.guesses == {"captured_at": ("2024-03-05T21:14:00", "recording")}
    assert facts.shown["created"] == "2024-03-05T21:14:00"


@pytest.mark.parametrize(
    ("fmt", "codec", "rate", "name", "kind", "codec_name"),
    [
        ("mp3", "libmp3lame", 16000, "note.mp3", "voice note or audio (MP3)", "mp3"),
        ("adts", "aac", 16000, "note.aac", "voice note or audio (AAC)", "aac"),
        ("webm", "libopus", 48000, "note.weba", "voice note or audio (WebM)", "opus"),
        ("wav", "pcm_s16le", 16000, "note.wav", "voice note or audio (WAV)", "pcm_s16le"),
    ],
)
def test_other_sound_files_are_voice_notes(
    fmt: str, codec: str, rate: int, name: str, kind: str, codec_name: str
):
    data = sound(fmt, codec, rate=rate)
    handler, facts = describe(data, name.replace("note.", "file.bin."))
    assert handler.kind == kind, "recognised from the content, not the name"
    assert facts.shown["codec"] == codec_name and facts.problem == ""
    assert facts.shown["duration"] == pytest.approx(1.5, abs=0.15)


def amr_nb(seconds: float) -> bytes:
    """An AMR-NB voice note as older phones save it (RFC 4867's file format): the
    `#!AMR` line, then one 20 ms speech frame at 12.2 kbit/s after another (a header
    byte, then 244 bits of coded speech; any bits decode). Written here, not encoded by
    PyAV: its wheels from 18.1.1 on leave out FFmpeg's only AMR-NB encoder (opencore-amr)
    though they still read AMR, so a fixture made with it failed in every fresh install."""
    bits = random.Random(7)
    frames = (b"\x3c" + bits.randbytes(31) for _ in range(round(seconds * 50)))
    return b"#!AMR\n" + b"".join(frames)


def test_an_amr_voice_note_is_read_from_its_content():
    handler, facts = describe(amr_nb(1.5), "file.bin.amr")
    assert handler.kind == "voice note or audio (AMR)", "recognised from the content"
    assert facts.media_type == "audio/amr" and facts.problem == ""
    assert facts.shown == {"duration": 1.5, "codec": "amr_nb", "sample_rate": 8000, "channels": 1}


def test_a_voice_note_added_to_the_case_keeps_the_day_from_its_name(
    vault: Vault, tmp_path: Path, opus: bytes
):
    path = tmp_path / "PTT-20240305-WA0003.opus"
    path.write_bytes(opus)
    exhibit = add_file(vault, path).exhibit
    assert exhibit.captured_at.startswith("2024-03-05")
    assert exhibit.guesses == {"captured_at": "name"}


# ---- what the binder prints -------------------------------------------------------------


def test_a_voice_note_has_no_preview(m4a: bytes):
    assert formats.preview(m4a, "note.m4a") is None


def test_the_binder_gives_its_facts_and_says_it_is_a_sound_recording():
    data = sound("ogg", "libopus", rate=48000, seconds=83, created=None)
    blocks, reason = formats.printable(data, "PTT-20240305-WA0003.opus")
    assert reason == ""
    facts, words = blocks
    assert isinstance(facts, Fields) and isinstance(words, Text)
    assert dict(facts.rows) == {
        "Duration": "0:01:23",
        "Format": "Opus in an Ogg file",
        "Sound": "mono, 48 kHz",
    }
    assert words.text.startswith("This is a sound recording; it can't be printed.")


def test_an_m4a_is_said_to_be_aac_and_states_when_it_was_made(m4a: bytes):
    [facts, _words], _ = formats.printable(m4a, "note.m4a")
    assert isinstance(facts, Fields)
    rows = dict(facts.rows)
    assert rows["Format"] == "AAC in an MPEG-4 (M4A) file"
    assert rows["Created, as the file states it"] == UTC_STAMP


# ---- damaged and crafted files ----------------------------------------------------------


def assert_never_raises(data: bytes, name: str) -> formats.Facts:
    _, facts = describe(data, name)
    assert formats.preview(data, name) is None
    blocks, reason = formats.printable(data, name)
    assert blocks
    if all(isinstance(block, Notice) for block in blocks):
        assert reason
    return facts


def test_an_empty_m4a_can_not_be_read():
    assert_never_raises(b"", "AUD-20240305-WA0001.m4a")
    with pytest.raises(Unreadable, match="empty"):
        voice_notes.M4aAudio().describe(Probe.of_bytes(b"", "note.m4a"))
    with pytest.raises(Unreadable, match="empty"):
        voice_notes.M4aAudio().printable(b"", "note.m4a")


def test_a_voice_note_cut_short_says_so(m4a: bytes):
    cut = m4a[: len(m4a) * 3 // 10]
    assert formats.identify_bytes(cut, "note.m4a").kind == "voice note or audio (M4A)"
    facts = assert_never_raises(cut, "note.m4a")
    assert facts.problem == DAMAGED
    assert formats.printable(cut, "note.m4a") == ([Notice(DAMAGED)], DAMAGED)


def test_an_opus_cut_short_keeps_what_remains(opus: bytes):
    handler, facts = describe(opus[: len(opus) - 10], "note.opus")
    assert handler.kind == "voice note or audio (Opus)" and facts.problem == ""
    assert 0 < facts.shown["duration"] < 1.5, "the sound up to the cut"
    assert describe(opus[:200], "note.opus")[1].problem == DAMAGED, "its headers only"


def test_a_streamable_m4a_without_its_sound_keeps_its_facts_and_says_so(tmp_path: Path):
    data = sound(options={"movflags": "faststart"}, path=tmp_path / "note.m4a")
    cut = data[: data.index(b"mdat") + 8]
    facts = assert_never_raises(cut, "note.m4a")
    assert facts.shown["duration"] == 1.5 and facts.problem == voice_notes.NO_SOUND
    blocks, reason = formats.printable(cut, "note.m4a")
    assert reason == "" and blocks[-1] == Notice(voice_notes.NO_SOUND)
    assert [type(block) for block in blocks] == [Fields, Text, Notice]


def test_damaged_voice_notes_never_break_intake_or_binder(opus: bytes, m4a: bytes):
    chance = random.Random(5)
    for round_ in range(30):
        data, name = (opus, "note.opus") if round_ % 2 else (m4a, "note.m4a")
        broken = bytearray(data)
        for _ in range(25):
            broken[chance.randrange(len(broken))] = chance.randrange(256)
        assert_never_raises(bytes(broken), name)
    assert_never_raises(random.Random(3).randbytes(5000), "note.opus")


# ---- phone file names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("screen-20240305-211400.mp4", "2024-03-05T21:14:00"),
        ("VID_20240305_211400.mp4", "2024-03-05T21:14:00"),
        ("VID-20240305-WA0003.mp4", "2024-03-05"),
        ("PTT-20240305-WA0003.opus", "2024-03-05"),
        ("AUD-20240305-WA0001.m4a", "2024-03-05"),
        ("IMG-20240305-WA0002.jpg", "2024-03-05"),
        ("IMG-20240230-WA0002.jpg", None),
        ("VID-20991231-WA0002.mp4", None),
        ("RPReplay_Final1000000000.MOV", None),
        ("RPReplay_Final9999999999.MOV", None),
        ("voice note.m4a", None),
    ],
)
def test_times_in_phone_names_of_recordings(name: str, expected: str | None):
    assert time_from_name(name) == expected


def test_an_ios_screen_recording_name_is_a_unix_time_given_as_local_time(new_york: None):
    assert time_from_name("RPReplay_Final1709673600.MOV") == "2024-03-05T16:20:00"


def test_an_ios_screen_recording_from_tomorrow_is_no_time():
    soon = int(clock.epoch_seconds() + timedelta(hours=2).total_seconds())
    later = int(clock.epoch_seconds() + timedelta(days=3).total_seconds())
    assert time_from_name(f"RPReplay_Final{soon}.MOV") is not None
    assert time_from_name(f"RPReplay_Final{later}.MOV") is None
