"""Evidence files as opaque encrypted blobs, streamed in fixed-size chunks.

The chunking is libsodium's secretstream (XChaCha20-Poly1305), a vetted construction:
each chunk is authenticated in order, the last one carries a FINAL tag, and every
stream has its own random header. So a truncated blob, reordered chunks, or chunks
taken from another blob all fail to decrypt. The vault id and blob name are bound into
every chunk, so a blob file can't be swapped for another either. Memory stays at one
chunk whatever the file's size.

A blob of the second format (`RCLBLOB2`) ends with a trailer: the exhibit's card, sealed
on its own (see `vault/cards.py`), then its length in 4 bytes. The card says which
exhibit the blob belongs to, so a blob the case record doesn't know can be recognised
and taken back. Blobs of the first format (`RCLBLOB1`) have no trailer and still read.
"""

from __future__ import annotations

import os
import queue
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from nacl import bindings as sodium
from nacl.exceptions import CryptoError

MAGIC = b"RCLBLOB2"
MAGIC_V1 = b"RCLBLOB1"
CHUNK = 1024 * 1024
#: A card is a few kilobytes; anything claiming more is not a trailer Reclaim wrote.
MAX_CARD = 1024 * 1024
_LENGTH = struct.Struct(">I")
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_PREAMBLE = struct.Struct(">8sI")


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class BlobDamaged(Exception):
    """The blob is not exactly what was written (changed, cut short, or missing)."""


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...


#: The source is read this much at a time (and encrypted in CHUNKs): fewer, larger reads
#: and hand-overs between the threads, with memory still flat.
READ_BLOCK = 4 * CHUNK


class _Worker:
    """Feeds pieces to `work` in a thread of its own, in order, while the caller goes
    on (hashlib, libsodium and writes all let go of the GIL on large buffers). At most
    `depth` pieces wait, so memory stays flat whatever the file's size. The first error
    `work` raises is kept (for `check`) and what follows is dropped, so the caller
    never waits on a thread that has stopped."""

    def __init__(self, work: Callable[[bytes], object], depth: int, name: str) -> None:
        self._work = work
        self._queue: queue.Queue[bytes | None] = queue.Queue(depth)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (piece := self._queue.get()) is not None:
            if self.error is None:
                try:
                    self._work(piece)
                except BaseException as error:  # handed to the caller by `check`
                    self.error = error

    def feed(self, piece: bytes) -> None:
        self.check()
        self._queue.put(piece)

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def finish(self) -> None:
        """Wait until every piece fed is done."""
        self._queue.put(None)
        self._thread.join()


def _pieces(source: Readable) -> Iterator[tuple[bytes, bool]]:
    """The source in CHUNKs, each with whether it is the last (a short read ends it, as
    does the end of the file; an empty source is one empty last chunk)."""
    block = source.read(READ_BLOCK)
    while True:
        following = source.read(READ_BLOCK) if len(block) == READ_BLOCK else b""
        for start in range(0, max(len(block), 1), CHUNK):
            piece = block[start : start + CHUNK]
            yield piece, not following and start + CHUNK >= len(block)
        if not following:
            return
        block = following


def encrypt_stream(
    source: Readable,
    target: BinaryIO,
    key: bytes,
    aad: bytes,
    on_chunk: Callable[[bytes], None],
    hasher: Hasher | None = None,
) -> None:
    """Encrypt everything `source` yields into `target`, calling `on_chunk` with each
    plaintext chunk on the way (progress rides along on the same pass). `hasher`, when
    given, is fed what is read in a thread of its own, and `target` is written in
    another, so hashing, encrypting and writing run side by side; all is done when this
    returns."""
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    target.write(_PREAMBLE.pack(MAGIC, CHUNK) + header)
    first = source.read(READ_BLOCK)
    if len(first) < READ_BLOCK:  # a small file: threads would cost more than they save
        if hasher is not None:
            hasher.update(first)
        for piece, last in _pieces(_Replay(first, source)):
            on_chunk(piece)
            tag = _TAG_FINAL if last else _TAG_MESSAGE
            target.write(sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, aad, tag))
        return
    writing = _Worker(target.write, depth=4, name="reclaim-write")
    hashing = _Worker(hasher.update, depth=2, name="reclaim-hash") if hasher else None
    try:
        if hashing is not None:
            hashing.feed(first)
        for piece, last in _pieces(_Replay(first, _Fed(source, hashing))):
            on_chunk(piece)
            tag = _TAG_FINAL if last else _TAG_MESSAGE
            writing.feed(sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, aad, tag))
    finally:
        writing.finish()
        if hashing is not None:
            hashing.finish()
    writing.check()
    if hashing is not None:
        hashing.check()


class _Replay:
    """A source whose first read gives back `first` (already read), then reads on."""

    def __init__(self, first: bytes, source: Readable) -> None:
        self._first: bytes | None = first
        self._source = source

    def read(self, size: int, /) -> bytes:
        if self._first is not None:
            first, self._first = self._first, None
            return first
        return self._source.read(size)


class _Fed:
    """A source whose every read is also fed to a worker (the hash)."""

    def __init__(self, source: Readable, worker: _Worker | None) -> None:
        self._source = source
        self._worker = worker

    def read(self, size: int, /) -> bytes:
        data = self._source.read(size)
        if self._worker is not None and data:
            self._worker.feed(data)
        return data


def append_card(path: Path, sealed_card: bytes) -> None:
    """Add the sealed card after the stream of an unfinished blob, durably."""
    with path.open("ab") as handle:
        handle.write(sealed_card + _LENGTH.pack(len(sealed_card)))
        handle.flush()
        os.fsync(handle.fileno())


def _layout(handle: BinaryIO) -> tuple[bytes, int, bytes | None]:
    """(magic, where the stream ends, the sealed card or None for a first-format blob)."""
    preamble = handle.read(_PREAMBLE.size)
    if len(preamble) != _PREAMBLE.size:
        raise BlobDamaged("cut short")
    magic, chunk_size = _PREAMBLE.unpack(preamble)
    if magic not in (MAGIC, MAGIC_V1) or chunk_size != CHUNK:
        raise BlobDamaged("not a Reclaim blob")
    size = os.fstat(handle.fileno()).st_size
    if magic == MAGIC_V1:
        return magic, size, None
    if size < _PREAMBLE.size + _LENGTH.size:
        raise BlobDamaged("cut short")
    handle.seek(size - _LENGTH.size)
    (length,) = _LENGTH.unpack(handle.read(_LENGTH.size))
    end = size - _LENGTH.size - length
    if length > MAX_CARD or end < _PREAMBLE.size + _HEADER:
        raise BlobDamaged("cut short")
    handle.seek(end)
    card = handle.read(length)
    handle.seek(_PREAMBLE.size)
    return magic, end, card


def read_card(path: Path) -> bytes | None:
    """The sealed card at the end of a blob, or None for a blob of the first format."""
    try:
        with path.open("rb") as handle:
            return _layout(handle)[2]
    except FileNotFoundError:
        raise BlobDamaged("missing") from None


def decrypt_stream(path: Path, key: bytes, aad: bytes) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; raise BlobDamaged at the first sign of change.
    A consumer must read to the end: only then is the whole blob proven intact."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise BlobDamaged("missing") from None
    with handle:
        _magic, end, _card = _layout(handle)

        def read(size: int) -> bytes:
            return handle.read(max(0, min(size, end - handle.tell())))

        header = read(_HEADER)
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
            while True:
                sealed = read(CHUNK + _ABYTES)
                if not sealed:
                    raise BlobDamaged("cut short")
                plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, aad)
                if tag == _TAG_FINAL:
                    if read(1):
                        raise BlobDamaged("extra data after the end")
                    yield plain
                    return
                if len(sealed) != CHUNK + _ABYTES:
                    raise BlobDamaged("cut short")
                yield plain
        except (CryptoError, ValueError, RuntimeError):
            raise BlobDamaged("changed") from None
