"""Videos: screen recordings and clips from phones (MOV, MP4, M4V, 3GP, WebM, MKV).

Every file is hostile. PyAV reads it from memory or its open handle, never from a path or
URL; the demuxer is named from the file's own magic, never guessed, and no protocol is
allowed for a nested open (HLS, concat, MOV references). The work is bounded: one frame
for the facts, at most `MAX_STILLS` seeks for the contact sheet. Voice notes share the
helpers here."""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from tui.core.evidence.devices import recording_device
from tui.core.evidence.formats import isobmff
from tui.core.evidence.formats.base import (
    Block,
    Facts,
    Fields,
    Format,
    Frames,
    Notice,
    Probe,
    Unreadable,
    clean_line,
)
from tui.core.evidence.formats.durations import duration_of
from tui.core.evidence.media import EARLIEST, latest_stated, time_from_name
from tui.core.shared.i18n import N_, _
from tui.core.shared.stopping import checkpoint

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.stream import Stream
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream
    from PIL import Image

DAMAGED = N_("This recording can't be read: it may be damaged or cut short.")
EMPTY = N_("This recording can't be read: the file is empty.")
NO_PICTURE = N_("No stills can be shown: its pictures could not be decoded.")
NO_VIDEO = N_("No stills can be shown: this recording holds sound but no pictures.")
NO_STREAMS = N_("Nothing can be shown: this recording holds neither sound nor pictures.")
TOO_LARGE = N_("No stills can be shown: it says its pictures are larger than any real video.")
OVERCLAIMED = N_(
    "This recording can't be read: its index claims far more than the file holds, "
    "which can be a trap to exhaust memory. The file is kept as it is."
)
MIN_STILLS, MAX_STILLS = 6, 12
STILL_SIDE, PREVIEW_SIDE = 480, 1600
MAX_PIXELS = 8192 * 8192
#: Frames decoded after one seek to reach its moment (from the key frame before it).
FRAMES_PER_SEEK = 90
EBML = b"\x1a\x45\xdf\xa3"
#: A QuickTime file older than `ftyp` boxes starts with one of these atoms.
QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
CODECS = {
    "h264": "H.264", "hevc": "HEVC (H.265)", "vp8": "VP8", "vp9": "VP9", "av1": "AV1",
    "mpeg4": "MPEG-4", "aac": "AAC", "opus": "Opus", "vorbis": "Vorbis", "mp3": "MP3",
    "amr_nb": "AMR", "amr_wb": "AMR-WB", "flac": "FLAC",
    "alac": "Apple Lossless",  # i18n: not shown
}  # fmt: skip


def media_errors() -> tuple[type[BaseException], ...]:
    """What PyAV and FFmpeg raise for a bad file (av is imported late: it is slow)."""
    import av

    return (av.FFmpegError, OSError, ValueError, EOFError, IndexError, OverflowError,
            ZeroDivisionError, MemoryError)  # fmt: skip


@contextmanager
def opened(source: bytes | BinaryIO, demuxer: str) -> Iterator[InputContainer]:
    """The file opened by PyAV with the named demuxer; every failure is Unreadable."""
    import av

    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    if (size := handle.seek(0, io.SEEK_END)) == 0:
        raise Unreadable(_(EMPTY))
    if demuxer == "mov":  # its sample tables checked before FFmpeg sets memory aside
        try:
            isobmff.check_tables(handle, size)
        except isobmff.Overclaimed:
            raise Unreadable(_(OVERCLAIMED)) from None
    handle.seek(0)
    try:
        container = av.open(handle, "r", format=demuxer, metadata_errors="ignore",
                            options={"protocol_whitelist": "none"})  # fmt: skip
    except media_errors() as error:
        raise Unreadable(_(DAMAGED)) from error
    try:
        yield container
    except media_errors() as error:
        raise Unreadable(_(DAMAGED)) from error
    finally:
        container.close()


def is_cover(stream: Stream) -> bool:
    """An album cover or thumbnail stored as a one-picture video stream."""
    import av

    return bool(stream.disposition & av.stream.Disposition.attached_pic)


_KINDS: weakref.WeakKeyDictionary[Probe, frozenset[str] | None] = weakref.WeakKeyDictionary()


def stream_kinds(probe: Probe, demuxer: str) -> frozenset[str] | None:
    """Which of video and audio the file holds, None when it can't be opened. Both
    families ask about the same file; it is opened once."""
    if probe not in _KINDS:
        try:
            with opened(probe.handle, demuxer) as container:
                found = {s.type for s in container.streams if not is_cover(s)}
            _KINDS[probe] = frozenset(found & {"video", "audio"})
        except Unreadable:
            _KINDS[probe] = None
        probe.handle.seek(0)
    return _KINDS[probe]


def container_of(head: bytes) -> str | None:
    """The container the magic names: for ISO-BMFF (by brand) `quicktime`, `mp4`, `3gp`,
    `audio` (M4A), `heif` or `avif`; `webm` or `matroska`; else None."""
    if head.startswith(EBML):
        return "webm" if b"webm" in head[:64] else "matroska"
    family = isobmff.family(head) or ("quicktime" if head[4:8] in QUICKTIME_ATOMS else None)
    if family == "video":
        brands = isobmff.brands(head)
        return "3gp" if brands and brands[0].startswith("3g") else "mp4"
    return family


def time_code(seconds: float, tenths: bool = True) -> str:
    """`0:00:01.5`, or `0:01:23` without tenths."""
    scale = 10 if tenths else 1
    whole, part = divmod(int(max(seconds, 0.0) * scale + 0.5), scale)
    text = f"{whole // 3600}:{whole // 60 % 60:02}:{whole % 60:02}"
    return f"{text}.{part}" if tenths else text


def plausible(moment: datetime) -> str | None:
    """A local naive time as ISO to the second, unless no phone could have stated it."""
    if not EARLIEST <= moment <= latest_stated():
        return None
    return moment.isoformat(timespec="seconds")


def local_time(stamp: str | None) -> str | None:
    """A stated time (UTC when it names no zone) as local naive ISO, or None."""
    try:
        moment = datetime.fromisoformat((stamp or "").strip())
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return plausible(moment.astimezone().replace(tzinfo=None))
    except (ValueError, OverflowError, OSError):
        return None


def tag(container: InputContainer, key: str) -> str | None:
    """A metadata value of the container, else of the first stream that has it."""
    for tags in (container.metadata, *(stream.metadata for stream in container.streams)):
        if value := tags.get(key):
            return clean_line(str(value), 60)
    return None


def codec_name(stream: Stream) -> str:
    """FFmpeg's name for the codec (`h264`, `aac`), not its decoder's (`mp3float`)."""
    context = stream.codec_context
    codec = context.codec if context is not None else None
    return clean_line(codec.canonical_name, 40) if codec is not None else "unknown"


def codec_words(name: str) -> str:
    return CODECS.get(name, "uncompressed PCM" if name.startswith("pcm_") else name.upper())


class Media(Format):
    """What recordings and voice notes share: PyAV opens the file with `demuxer`; the
    facts start with its duration and when it says it was made."""

    demuxer: ClassVar[str] = ""

    def stated(self, container: InputContainer) -> str | None:
        """The creation time as the file states it (FFmpeg gives it as ISO, UTC)."""
        return tag(container, "creation_time")

    def recorded_at(self, container: InputContainer) -> str | None:
        """When it was recorded, local: Apple's capture time, else the creation time."""
        apple = local_time(tag(container, "com.apple.quicktime.creationdate"))
        return apple or local_time(self.stated(container))

    def describe(self, probe: Probe) -> Facts:
        with opened(probe.handle, self.demuxer) as container:
            return self.facts(container, probe.name)

    def facts(self, container: InputContainer, name: str) -> Facts:
        """The facts of the open file; the container's own time is the better guess."""
        facts = Facts(kind=self.kind, media_type=self.media_type)
        facts.guess("captured_at", self.recorded_at(container), "recording")
        facts.guess("captured_at", time_from_name(name), "name")
        for field, value in recording_device(lambda key: tag(container, key)).items():
            facts.guess(field, value, "recording")  # provenance, not details
        if (seconds := duration_of(container)) > 0:  # as the file states it, as ffprobe
            facts.shown["duration"] = round(seconds, 1)
        if created := self.stated(container):
            facts.shown["created"] = created
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        return self.print_from(data, name)

    def printable_source(self, probe: Probe) -> list[Block]:
        """Read by PyAV in place: a 2 GiB recording is never in memory whole."""
        return self.print_from(probe.handle, probe.name)

    def print_from(self, source: bytes | BinaryIO, name: str) -> list[Block]:
        """What the binder prints of the file, read from memory or its open handle."""
        raise NotImplementedError


def video_stream(container: InputContainer) -> VideoStream | None:
    return next((s for s in container.streams.video if not is_cover(s)), None)


def too_large(stream: VideoStream) -> bool:
    """A crafted size is refused rather than decoded."""
    return stream.codec_context.width * stream.codec_context.height > MAX_PIXELS


def frame_near(
    container: InputContainer, stream: VideoStream, pts: int, back: int = 0
) -> VideoFrame | None:
    """The first frame at or after `pts`, or the last of a bounded run towards it. The
    seek aims `back` earlier (in the stream's time base) for a container whose seek
    lands on the key frame after the moment, not the one before (MPEG-TS)."""
    best = None
    try:
        container.seek(max(0, pts - back), stream=stream)
        for count, frame in enumerate(container.decode(stream)):
            best = frame
            if frame.pts is None or frame.pts >= pts or count >= FRAMES_PER_SEEK:
                break
    except media_errors():
        pass
    return best


def still(frame: VideoFrame, side: int) -> Image.Image:
    """The frame as an RGB picture at most `side` pixels long, turned as it is shown."""
    from PIL import Image

    scale = min(1.0, side / max(frame.width, frame.height, 1))
    width, height = max(1, round(frame.width * scale)), max(1, round(frame.height * scale))
    image = Image.fromarray(frame.reformat(width, height, "rgb24").to_ndarray())
    return image.rotate(frame.rotation, expand=True) if frame.rotation % 360 else image


#: What the binder prints of `Facts.shown`, in order: key, label, how it is said.
ROWS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("duration", "Duration", time_code),
    ("resolution", N_("Picture size"), str),
    ("codec", "Video", codec_words),
    ("audio", "Sound", codec_words),
    ("frame_rate", N_("Frames a second"), "{:g}".format),
    ("created", N_("Created, as the file states it"), str),
)


class Recording(Media):
    """A video in the container its magic names; one with sound only is a voice note."""

    family = "recording"
    container: ClassVar[str] = ""
    seek_back: ClassVar[float] = 0.0
    """Seconds before a moment that a seek aims at (see `frame_near`)."""

    def frame_at(
        self, container: InputContainer, stream: VideoStream, pts: int
    ) -> VideoFrame | None:
        if self.seek_back and stream.time_base:
            return frame_near(container, stream, pts, int(self.seek_back / stream.time_base))
        return frame_near(container, stream, pts)

    def matches(self, head: bytes) -> bool:
        """Whether the first bytes are of this container (the magic decides)."""
        return container_of(head) == self.container

    def recognise(self, probe: Probe) -> int:
        if not self.matches(probe.head):
            return 0
        kinds = stream_kinds(probe, self.demuxer)
        return 1 if not kinds else 2 if "video" in kinds else 0

    def facts(self, container: InputContainer, name: str) -> Facts:
        """Also its displayed size, codecs and whether its first picture decodes."""
        facts = super().facts(container, name)
        if audio := next(iter(container.streams.audio), None):
            facts.shown["audio"] = codec_name(audio)
        stream = video_stream(container)
        if stream is None or stream.codec_context is None:
            facts.problem = (NO_VIDEO if audio else NO_STREAMS) if stream is None else NO_PICTURE
            return facts
        width, height = stream.codec_context.width, stream.codec_context.height
        facts.shown["codec"] = codec_name(stream)
        if stream.average_rate:
            facts.shown["frame_rate"] = round(float(stream.average_rate), 2)
        if too_large(stream):
            facts.problem = TOO_LARGE
        elif (first := self.frame_at(container, stream, stream.start_time or 0)) is None:
            facts.problem = NO_PICTURE
        elif first.rotation % 180:
            width, height = height, width
        if width and height:
            facts.width, facts.height = width, height
            facts.shown["resolution"] = f"{width} x {height}"
        return facts

    def preview(self, data: bytes) -> Image.Image | None:
        """Its first picture, at most `PREVIEW_SIDE` pixels long."""
        with opened(data, self.demuxer) as container:
            stream = video_stream(container)
            if stream is None or stream.codec_context is None or too_large(stream):
                return None
            frame = self.frame_at(container, stream, stream.start_time or 0)
            return still(frame, PREVIEW_SIDE) if frame else None

    def print_from(self, source: bytes | BinaryIO, name: str) -> list[Block]:
        with opened(source, self.demuxer) as container:
            facts = self.facts(container, name)
            stream = video_stream(container)
            frames: list[tuple[str, Image.Image]] = []
            # A first picture that won't decode may be followed by ones that will.
            if stream is not None and facts.problem in ("", NO_PICTURE):
                frames = self.stills(container, stream)
        shown = facts.shown
        rows = [(label, words(shown[key])) for key, label, words in ROWS if key in shown]
        return [Fields(rows), Frames(frames) if frames else Notice(_(facts.problem or NO_PICTURE))]

    def stills(
        self, container: InputContainer, stream: VideoStream
    ) -> list[tuple[str, Image.Image]]:
        """6 to 12 frames evenly through the recording, one seek each, and their times."""
        seconds = container.duration / 1_000_000 if container.duration else 0.0
        count = max(MIN_STILLS, min(MAX_STILLS, round(seconds / 10))) if seconds > 0 else 1
        count = min(count, stream.frames) if stream.frames else count
        start, base = stream.start_time or 0, stream.time_base
        taken: list[tuple[str, Image.Image]] = []
        last: int | None = None
        for index in range(count):
            checkpoint()
            pts = start + (int(seconds * index / count / base) if base else 0)
            frame = self.frame_at(container, stream, pts)
            if frame is None or (frame.pts is not None and frame.pts == last):
                continue
            last = frame.pts
            at = float((frame.pts - start) * base) if frame.pts is not None and base else 0.0
            try:
                taken.append((time_code(at), still(frame, STILL_SIDE)))
            except media_errors():
                continue
        return taken


class QuickTimeVideo(Recording):
    kind = N_("video (QuickTime MOV)")
    media_type = "video/quicktime"
    extensions = (".mov", ".qt")
    demuxer, container = "mov", "quicktime"


class Mp4Video(Recording):
    kind = N_("video (MP4)")
    media_type = "video/mp4"
    extensions = (".mp4", ".m4v")
    demuxer, container = "mov", "mp4"


class ThreeGpVideo(Recording):
    kind = N_("video (3GP)")
    media_type = "video/3gpp"
    extensions = (".3gp", ".3g2")
    demuxer, container = "mov", "3gp"


class WebmVideo(Recording):
    kind = N_("video (WebM)")
    media_type = "video/webm"
    extensions = (".webm",)
    demuxer, container = "matroska", "webm"


class MatroskaVideo(Recording):
    kind = N_("video (Matroska MKV)")
    media_type = "video/x-matroska"
    extensions = (".mkv",)
    demuxer, container = "matroska", "matroska"


HANDLERS: list[Format] = [
    QuickTimeVideo(),
    Mp4Video(),
    ThreeGpVideo(),
    WebmVideo(),
    MatroskaVideo(),
]
