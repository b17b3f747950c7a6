"""Memory benchmark: peak RSS of `reclaim binder` on a case holding a 2 GiB recording,
without and with `--attach-originals`, and of `reclaim binder --package`, each process
measured by itself (posix_spawn + wait4, as in test_formats_bench.py).

The recording is a real MP4 made with PyAV (20 seconds, 160 x 120) with a 2 GiB `free`
box between its `ftyp` and its `mdat` (the chunk offsets moved to match), so PyAV must
seek past the padding to reach the pictures and the index: a reader that held the file
whole would need 2 GiB. The padding is a sparse file on disk until it is taken in.

    python -m pytest tests/bench/test_binder_memory_bench.py -s -o addopts=""
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from tests.bench.spawn import timed
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.cli import RECLAIM
from tests.support.media import video
from tui.core.vault.vault import Vault

PADDING = 2 * 1024**3
TARGET_RSS_MIB = 400


def boxes(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, offset, size) of each top-level box."""
    found, at = [], 0
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        found.append((kind, at, size))
        at += size
    return found


def moved_chunk_offsets(moov: bytes, by: int) -> bytes:
    """The `moov` box with every `stco` chunk offset moved on by `by` bytes."""
    out = bytearray(moov)
    at = out.find(b"stco")
    while at >= 0:
        (count,) = struct.unpack(">I", out[at + 8 : at + 12])
        for entry in range(count):
            place = at + 12 + 4 * entry
            (offset,) = struct.unpack(">I", out[place : place + 4])
            out[place : place + 4] = struct.pack(">I", offset + by)
        at = out.find(b"stco", at + 4)
    return bytes(out)


def padded_recording(path: Path) -> Path:
    """ftyp, a 2 GiB free box, then the recording's own mdat and moov."""
    clip = video("mp4", seconds=20, fps=10, size=(160, 120))
    layout = {kind: (at, size) for kind, at, size in boxes(clip)}
    assert b"co64" not in clip and set(layout) >= {b"ftyp", b"mdat", b"moov"}
    ftyp_end = sum(layout[b"ftyp"])
    moov_at, moov_size = layout[b"moov"]
    mdat_at, mdat_size = layout[b"mdat"]
    assert mdat_at < moov_at
    shift = 8 + PADDING - (mdat_at - ftyp_end)  # the free box replaces what lay between
    with path.open("wb") as handle:
        handle.write(clip[:ftyp_end])
        handle.write(struct.pack(">I4s", 8 + PADDING, b"free"))
        handle.truncate(ftyp_end + 8 + PADDING)  # sparse: no 2 GiB written by the test
        handle.seek(0, os.SEEK_END)
        handle.write(clip[mdat_at : mdat_at + mdat_size])
        handle.write(moved_chunk_offsets(clip[moov_at : moov_at + moov_size], shift))
    return path


def test_binder_and_package_memory_with_a_2_gib_recording(tmp_path: Path) -> None:
    import av

    recording = padded_recording(tmp_path / "RPReplay_Final1709673600.mp4")
    with av.open(str(recording)) as container:  # real enough: PyAV reads it
        assert container.streams.video and container.duration
        assert next(container.decode(video=0)).width == 160
    case = tmp_path / "case"
    Vault.create(case, PASSPHRASE, FAST_KDF)[0].close()
    passphrase = tmp_path / "passphrase"
    passphrase.write_text(PASSPHRASE)
    args = ["--vault", str(case), "--passphrase-file", str(passphrase)]
    intake, _ = timed([str(RECLAIM), "evidence", "add", str(recording), *args])
    recording.unlink()  # the disk space goes to the case and the package
    figures = []
    for label, extra in (
        ("binder", [str(tmp_path / "plain.pdf")]),
        ("binder --attach-originals", [str(tmp_path / "attached.pdf"), "--attach-originals"]),
        ("binder --package", [str(tmp_path / "package"), "--package"]),
    ):
        seconds, rss = timed([str(RECLAIM), "binder", *extra, "--date", "2024-03-07", *args])
        figures.append((label, seconds, rss / 1024))
        for made in (tmp_path / "attached.pdf", tmp_path / "package"):
            if made.is_file():
                made.unlink()  # keep at most one 2 GiB copy on disk at a time
    print(f"\n2 GiB recording: intake {intake:.1f} s")
    for label, seconds, mib in figures:
        print(f"  {label:<28} {seconds:6.1f} s, peak RSS {mib:6.0f} MiB")
    over = [label for label, _, mib in figures if mib >= TARGET_RSS_MIB]
    if over:
        pytest.fail(f"peak RSS over {TARGET_RSS_MIB} MiB: {', '.join(over)}")
