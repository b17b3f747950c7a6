"""Voice notes and other sound recordings: M4A/AAC, MP3, Ogg/Opus, WAV, AMR, audio WebM.

Nothing of a sound recording can be printed: the binder gives its facts and says so. The
file is opened as recordings open theirs (from memory, the demuxer named, no nested
opens); the magic decides, so a voice note named `.mp4` is still a voice note."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO, ClassVar

from tui.core.evidence.formats.base import Block, Facts, Fields, Format, Notice, Probe, Text
from tui.core.evidence.formats.recordings import (
    Media,
    codec_name,
    codec_words,
    container_of,
    media_errors,
    opened,
    plausible,
    stream_kinds,
    tag,
    time_code,
)
from tui.core.shared.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from av.audio.stream import AudioStream
    from av.container import InputContainer
    from PIL import Image

SOUND_ONLY = N_(
    "This is a sound recording; it can't be printed. The recording itself is kept with "
    "the case, unchanged, and what it says about itself is listed above."
)
NO_SOUND = N_("None of its sound could be decoded: it may be damaged or cut short.")
NOTHING = N_("It holds no sound that can be read: it may be damaged or cut short.")
#: Packets read looking for the first decodable sound.
PACKETS_TO_TRY = 50


def mpeg_audio(head: bytes) -> bool:
    """An MPEG audio (MP3) frame header: sync, no reserved version, layer, rate or bitrate."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = head[1] >> 3 & 3, head[1] >> 1 & 3
    bitrate, rate = head[2] >> 4, head[2] >> 2 & 3
    return version != 1 and layer != 0 and bitrate not in (0, 15) and rate != 3


def adts(head: bytes) -> bool:
    """A raw AAC (ADTS) frame header: 12-bit sync, layer 0, a known sample rate."""
    return len(head) >= 7 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0 and head[2] >> 2 & 15 < 13


def first_sound(container: InputContainer, stream: AudioStream) -> bool:
    """Whether any of the first packets decodes to sound."""
    for count, packet in enumerate(container.demux(stream)):
        if count >= PACKETS_TO_TRY:
            return False
        try:
            if packet.decode():
                return True
        except media_errors():  # this packet is damaged; the next may not be
            continue
    return False


class VoiceNote(Media):
    """Sound only. The magic decides; ISO-BMFF and Matroska files are opened to see that
    they hold sound and no pictures."""

    family = "voice note"  # i18n: not shown
    format_words: ClassVar[str] = ""
    """How the file holds the sound, after the codec: "in an Ogg file"."""

    def facts(self, container: InputContainer, name: str) -> Facts:
        facts = super().facts(container, name)
        stream = next(iter(container.streams.audio), None)
        if stream is None:
            facts.problem = NOTHING
            return facts
        facts.shown["codec"] = codec_name(stream)
        if (context := stream.codec_context) is not None and context.sample_rate:
            facts.shown["sample_rate"] = context.sample_rate
        if context is not None and context.channels:
            facts.shown["channels"] = context.channels
        if context is None or not first_sound(container, stream):
            facts.problem = NO_SOUND
        return facts

    def preview(self, data: bytes) -> Image.Image | None:
        return None

    def print_from(self, source: bytes | BinaryIO, name: str) -> list[Block]:
        with opened(source, self.demuxer) as container:
            facts = self.facts(container, name)
        shown = facts.shown
        rows = []
        if "duration" in shown:
            rows.append((_("Duration"), time_code(shown["duration"], tenths=False)))
        if "codec" in shown:
            held = _(self.format_words) if self.format_words else ""
            rows.append((_("Format"), f"{codec_words(shown['codec'])} {held}".strip()))
        if "channels" in shown or "sample_rate" in shown:
            count = shown.get("channels", 0)
            channels = {0: "", 1: _("mono"), 2: _("stereo")}.get(
                count, ngettext("{count} channel", "{count} channels", count).format(count=count)
            )
            rate = f"{shown['sample_rate'] / 1000:g} kHz" if "sample_rate" in shown else ""
            rows.append((_("Sound"), ", ".join(part for part in (channels, rate) if part)))
        if "created" in shown:
            rows.append((_("Created, as the file states it"), str(shown["created"])))
        blocks: list[Block] = [Fields(rows), Text(_(SOUND_ONLY))]
        return [*blocks, Notice(_(facts.problem))] if facts.problem else blocks


def sound_only(probe: Probe, demuxer: str) -> int:
    """2 when the file holds sound and no pictures, 1 when it can't be opened (the name
    decides), 0 when it holds pictures (a recording)."""
    kinds = stream_kinds(probe, demuxer)
    return 1 if not kinds else 0 if "video" in kinds else 2


class M4aAudio(VoiceNote):
    kind = N_("voice note or audio (M4A)")
    media_type = "audio/mp4"
    extensions = (".m4a", ".m4b")
    demuxer, format_words = "mov", N_("in an MPEG-4 (M4A) file")

    def recognise(self, probe: Probe) -> int:
        container = container_of(probe.head)
        if container == "audio":
            return 2
        return sound_only(probe, self.demuxer) if container in ("mp4", "quicktime") else 0


class ThreeGpAudio(VoiceNote):
    kind = N_("voice note or audio (3GP)")
    media_type = "audio/3gpp"
    extensions = (".3gp", ".3ga")
    demuxer, format_words = "mov", N_("in a 3GP file")

    def recognise(self, probe: Probe) -> int:
        return sound_only(probe, self.demuxer) if container_of(probe.head) == "3gp" else 0


class WebmAudio(VoiceNote):
    kind = N_("voice note or audio (WebM)")
    media_type = "audio/webm"
    extensions = (".weba", ".webm", ".mka")
    demuxer, format_words = "matroska", N_("in a WebM or Matroska file")

    def recognise(self, probe: Probe) -> int:
        matroska = container_of(probe.head) in ("webm", "matroska")
        return sound_only(probe, self.demuxer) if matroska else 0


class OpusAudio(VoiceNote):
    kind = N_("voice note or audio (Opus)")
    media_type = "audio/ogg"
    extensions = (".opus", ".ogg", ".oga")
    demuxer, format_words = "ogg", N_("in an Ogg file")

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        return 2 if head.startswith(b"OggS") and b"OpusHead" in head[:4096] else 0


class OggAudio(VoiceNote):
    kind = N_("voice note or audio (Ogg)")
    media_type = "audio/ogg"
    extensions = (".ogg", ".oga", ".opus")
    demuxer, format_words = "ogg", N_("in an Ogg file")

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        # Theora is an Ogg video: not a sound recording.
        return 2 if head.startswith(b"OggS") and b"\x80theora" not in head[:4096] else 0


class Mp3Audio(VoiceNote):
    kind = N_("voice note or audio (MP3)")
    media_type = "audio/mpeg"
    extensions = (".mp3",)
    demuxer, format_words = "mp3", "audio"

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        return 2 if head.startswith(b"ID3") else int(mpeg_audio(head))


class AacAudio(VoiceNote):
    kind = N_("voice note or audio (AAC)")
    media_type = "audio/aac"
    extensions = (".aac",)
    demuxer, format_words = "aac", N_("audio (raw ADTS)")

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        if not adts(head):
            return 0
        length = (head[3] & 3) << 11 | head[4] << 3 | head[5] >> 5
        return 2 if length >= 7 and adts(head[length:]) else 1


class WavAudio(VoiceNote):
    kind = N_("voice note or audio (WAV)")
    media_type = "audio/wav"
    extensions = (".wav",)
    demuxer, format_words = "wav", N_("in a WAV file")

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        return 2 if head[:4] in (b"RIFF", b"RF64") and head[8:12] == b"WAVE" else 0

    def origination(self, container: InputContainer) -> str | None:
        """A broadcast WAV's origination day and time (FFmpeg names them `date` and
        `creation_time`), as the recorder wrote them: local, naming no zone."""
        day, clock = tag(container, "date"), tag(container, "creation_time")
        return f"{day}T{clock}" if day and clock and len(clock) == 8 else None

    def stated(self, container: InputContainer) -> str | None:
        return self.origination(container) or super().stated(container)

    def recorded_at(self, container: InputContainer) -> str | None:
        if (stamp := self.origination(container)) is None:
            return super().recorded_at(container)
        try:
            return plausible(datetime.fromisoformat(stamp))
        except ValueError:
            return None


class AmrAudio(VoiceNote):
    kind = N_("voice note or audio (AMR)")
    media_type = "audio/amr"
    extensions = (".amr", ".awb")
    demuxer, format_words = "amr", "audio"

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        return 2 if head.startswith(b"#!AMR") else 0


HANDLERS: list[Format] = [
    M4aAudio(), ThreeGpAudio(), WebmAudio(), OpusAudio(), OggAudio(), Mp3Audio(), AacAudio(),
    WavAudio(), AmrAudio(),
]  # fmt: skip
