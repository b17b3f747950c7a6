"""A large blob is read and encrypted in one thread while two others hash and write it: a
failure in any of them stops the copy with that failure, never a hang. (Round trips and a
full disk at every size: tests/evidence/test_scale_paths.py.)"""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from tui.core.shared.errors import Cancelled
from tui.core.vault.blobs import CHUNK, encrypt_stream

KEY = bytes(range(32))
AAD = b"reclaim-blob|vault|large"


class FailingSource(io.BytesIO):
    """A file whose disk fails after `good` bytes have been read."""

    def __init__(self, data: bytes, good: int) -> None:
        super().__init__(data)
        self.good = good

    def read(self, size: int | None = -1, /) -> bytes:
        if self.tell() >= self.good:
            raise OSError(5, "Input/output error")
        return super().read(size)


def test_a_read_failure_midway_stops_the_copy_with_its_error() -> None:
    source = FailingSource(os.urandom(12 * CHUNK), good=6 * CHUNK)
    digest = hashlib.sha256()
    with pytest.raises(OSError, match="Input/output"):
        encrypt_stream(source, io.BytesIO(), KEY, AAD, lambda _c: None, digest)


def test_a_cancel_midway_stops_the_copy() -> None:
    done: list[int] = []

    def progress(chunk: bytes) -> None:
        done.append(len(chunk))
        if len(done) == 6:
            raise Cancelled

    digest = hashlib.sha256()
    with pytest.raises(Cancelled):
        source = io.BytesIO(os.urandom(12 * CHUNK))
        encrypt_stream(source, io.BytesIO(), KEY, AAD, progress, digest)
    assert len(done) == 6


def test_a_failing_hash_stops_the_copy_with_its_error() -> None:
    class BrokenHash:
        def update(self, data: bytes, /) -> None:
            raise MemoryError

    with pytest.raises(MemoryError):
        source = io.BytesIO(os.urandom(12 * CHUNK))
        encrypt_stream(source, io.BytesIO(), KEY, AAD, lambda _c: None, BrokenHash())
