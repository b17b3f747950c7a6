"""Made-up recordings and voice notes for evidence tests, written by PyAV in memory (or to
a path, for muxer options that rewrite the file, such as faststart)."""

from __future__ import annotations

import io
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.container import OutputContainer

#: The creation time the made-up files state, as FFmpeg writes it (UTC).
UTC_STAMP = "2024-03-05T21:14:00.000000Z"
RED, GREEN, BLUE = (220, 30, 30), (30, 200, 60), (30, 60, 220)


def muxed(
    fill: Callable[[OutputContainer], None],
    fmt: str,
    options: dict[str, str] | None = None,
    path: Path | None = None,
) -> bytes:
    """The bytes of a file in container `fmt` whose streams `fill` writes."""
    out = io.BytesIO()
    with av.open(path or out, "w", format=fmt, options=options or {}) as container:
        fill(container)
    return path.read_bytes() if path else out.getvalue()


def mux_mono(
    container: OutputContainer, stream: av.AudioStream, samples: np.ndarray, rate: int
) -> None:
    """Encode `samples` as 16-bit mono sound at `rate` into the stream, whole."""
    frame = av.AudioFrame.from_ndarray(
        samples.astype(np.int16).reshape(1, -1), format="s16", layout="mono"
    )
    frame.sample_rate, frame.pts = rate, 0
    container.mux(stream.encode(frame))
    container.mux(stream.encode())


def video(
    fmt: str = "mov",
    codec: str = "h264",
    seconds: float = 2.5,
    fps: int = 10,
    size: tuple[int, int] = (96, 64),
    created: str | None = UTC_STAMP,
    rotation: int = 0,
    sound: bool = False,
    options: dict[str, str] | None = None,
    path: Path | None = None,
) -> bytes:
    """A recording whose colour says when it is: red, then green, then blue (a second
    each), with a white square in the top left corner to show which way is up."""

    def fill(container: OutputContainer) -> None:
        if created:
            container.metadata["creation_time"] = created
        stream = container.add_stream(codec, rate=fps)
        assert isinstance(stream, av.VideoStream)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.gop_size = fps  # a key frame a second, as phones write them
        if codec == "h264":
            stream.options = {"preset": "ultrafast"}
        if rotation:
            stream.set_display_rotation(rotation)
        audio = container.add_stream("aac", rate=16000, layout="mono") if sound else None
        assert audio is None or isinstance(audio, av.AudioStream)
        for index in range(int(seconds * fps)):
            picture = np.empty((size[1], size[0], 3), np.uint8)
            picture[:] = (RED, GREEN, BLUE)[min(2, index // fps)]
            picture[: size[1] // 3, : size[0] // 3] = 255
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts, frame.time_base = index, Fraction(1, fps)
            container.mux(stream.encode(frame))
        container.mux(stream.encode())
        if audio is not None:
            mux_mono(container, audio, np.zeros(int(16000 * seconds)), 16000)

    return muxed(fill, fmt, options, path)


def sound(
    fmt: str = "ipod",
    codec: str = "aac",
    rate: int = 16000,
    seconds: float = 1.5,
    created: str | None = UTC_STAMP,
    metadata: dict[str, str] | None = None,
    options: dict[str, str] | None = None,
    path: Path | None = None,
) -> bytes:
    """A quiet 440 Hz tone in the given container, with a creation time if it has one."""

    def fill(container: OutputContainer) -> None:
        tags = {"creation_time": created} if created else {}
        container.metadata.update({**tags, **(metadata or {})})
        stream = container.add_stream(codec, rate=rate, layout="mono")
        assert isinstance(stream, av.AudioStream)
        count = int(rate * seconds)
        tone = 3000 * np.sin(2 * np.pi * 440 * np.arange(count) / rate)
        mux_mono(container, stream, tone, rate)

    return muxed(fill, fmt, options, path)
