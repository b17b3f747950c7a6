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
#: A card is a few kilobytes (cards.CARD_BUDGET bounds it); blobs written before cards
#: were bounded may carry larger ones. None is read if larger than this (memory), but the
#: evidence before it still reads.
MAX_CARD = 1024 * 1024
READ_CARD_AT_MOST = 64 * 1024 * 1024
#: How far back from a blob's end a card's mark is looked for when the trailer's length
#: is damaged (a card is a few kilobytes; one written before cards were bounded, more).
TAIL = 8 * 1024 * 1024
#: How every sealed card begins (cards.py): where a damaged trailer hides the stream's
#: end, the card's mark shows it.
CARD_MAGIC = b"RCLCARD1"
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


#: Files smaller than this are encrypted in the caller's thread alone: for them, starting
#: threads would cost more than it saves.
THREADED_FROM = 4 * CHUNK
#: Chunks handed to each helper thread at a time: each hand-over wakes a thread, which on
#: a busy machine can take a while, so they come a few megabytes at once.
BATCH = 4
#: Batches waiting for each helper thread, at most: memory stays a few batches whatever
#: the file's size.
DEPTH = 2
#: While a large blob is written, the system is asked every this many bytes to start
#: putting them on disk, so that the fsync that makes the copy durable waits for the last
#: few megabytes rather than for the whole file.
WRITEBACK_EVERY = 16 * CHUNK


class _Worker:
    """Does `work` on each piece of the batches it is fed, in order, in a thread of its
    own while the caller goes on (hashlib, libsodium and writes all let go of the GIL on
    large buffers, so they run on separate cores). At most DEPTH batches wait, so memory
    stays flat whatever the file's size. The first error `work` raises is kept (for
    `check`) and what follows is dropped, so the caller never waits on a thread that has
    stopped."""

    def __init__(self, work: Callable[[bytes], object], name: str) -> None:
        self._work = work
        self._queue: queue.Queue[list[bytes] | None] = queue.Queue(DEPTH)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self.error is None:
                try:
                    for piece in batch:
                        self._work(piece)
                except BaseException as error:  # handed to the caller by `check`
                    self.error = error

    def feed(self, batch: list[bytes]) -> None:
        self.check()
        self._queue.put(batch)

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def finish(self) -> None:
        """Wait until every batch fed is done."""
        self._queue.put(None)
        self._thread.join()


class _DiskWriter:
    """Writes to `target` and, every WRITEBACK_EVERY bytes, asks the system to start
    writing what came before to disk without waiting for it (on Linux, advice that the
    pages are not needed starts their writeback). The disk then works while the rest is
    hashed and encrypted, and the caller's fsync has little left to wait for. Where there
    is no such advice (or no file descriptor), writing is all it does."""

    def __init__(self, target: BinaryIO) -> None:
        self._target = target
        self._fd: int | None = None
        if hasattr(os, "posix_fadvise"):
            try:
                self._fd = target.fileno()
            except (AttributeError, OSError, ValueError):  # in memory: nothing to advise
                self._fd = None
        self._unadvised = 0
        self._advised_to = 0

    def __call__(self, sealed: bytes) -> None:
        self._target.write(sealed)
        if self._fd is None:
            return
        self._unadvised += len(sealed)
        if self._unadvised >= WRITEBACK_EVERY:
            # Length 0: from there to the end of the file.
            os.posix_fadvise(self._fd, self._advised_to, 0, os.POSIX_FADV_DONTNEED)
            self._advised_to += self._unadvised
            self._unadvised = 0


def _chunks(first: bytes, source: Readable) -> Iterator[tuple[bytes, bool]]:
    """The source in CHUNKs (`first` already read), each with whether it is the last: a
    short read ends it, as does the end of the file; an empty source is one empty last
    chunk. Each chunk is read whole, never sliced out of a larger read (a copy saved)."""
    piece = first
    while len(piece) == CHUNK:
        following = source.read(CHUNK)
        if not following:
            break
        yield piece, False
        piece = following
    yield piece, True


def _try(
    state: sodium.crypto_secretstream_xchacha20poly1305_state,
    window: bytes,
    lengths: list[int],
    aad: bytes,
) -> tuple[bytes, int, int] | None:
    """The first of `lengths` at which the window's start opens as a chunk."""
    for length in dict.fromkeys(lengths):
        sealed = window if length == len(window) else window[:length]
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, aad)
        except (CryptoError, ValueError, RuntimeError):
            continue
        return plain, tag, length
    return None


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
    given, is fed each chunk read. For a large source one helper thread hashes and
    another writes while this one reads and encrypts what follows, so the work spreads
    over the cores; all is done when this returns (written, not yet fsynced: that is the
    caller's)."""
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    target.write(_PREAMBLE.pack(MAGIC, CHUNK) + header)

    def seal(piece: bytes, last: bool) -> bytes:
        tag = _TAG_FINAL if last else _TAG_MESSAGE
        return sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, aad, tag)

    first = source.read(CHUNK)
    head = [first]
    while len(head[-1]) == CHUNK and len(head) < THREADED_FROM // CHUNK:
        head.append(source.read(CHUNK))
    if len(head[-1]) < CHUNK:  # a small file, all read: threads would cost more
        pieces = [piece for piece in head if piece] or [b""]
        for number, piece in enumerate(pieces):
            if hasher is not None:
                hasher.update(piece)
            on_chunk(piece)
            target.write(seal(piece, number == len(pieces) - 1))
        return
    writing = _Worker(_DiskWriter(target), "reclaim-write")
    hashing = _Worker(hasher.update, "reclaim-hash") if hasher is not None else None
    plain: list[bytes] = []
    sealed: list[bytes] = []
    try:
        for piece, last in _chunks(head[0], _Replay(head[1:], source)):
            on_chunk(piece)
            plain.append(piece)
            sealed.append(seal(piece, last))
            if len(sealed) == BATCH or last:
                if hashing is not None:
                    hashing.feed(plain)
                writing.feed(sealed)
                plain, sealed = [], []
    finally:
        writing.finish()
        if hashing is not None:
            hashing.finish()
    writing.check()
    if hashing is not None:
        hashing.check()


class _Replay:
    """A source whose first reads give back `pieces` (already read), then reads on."""

    def __init__(self, pieces: list[bytes], source: Readable) -> None:
        self._pieces = pieces[::-1]
        self._source = source

    def read(self, size: int, /) -> bytes:
        if self._pieces:
            return self._pieces.pop()
        return self._source.read(size)


def append_card(path: Path, sealed_card: bytes) -> None:
    """Add the sealed card after the stream of an unfinished blob, durably."""
    with path.open("ab") as handle:
        handle.write(sealed_card + _LENGTH.pack(len(sealed_card)))
        handle.flush()
        os.fsync(handle.fileno())


def _locate(handle: BinaryIO) -> tuple[bytes, int, int | None, bool]:
    """(magic, the file's size, where the stream ends as far as the file shows it, and
    whether the trailer's length says so). The end is the file's for a first-format blob;
    for the second, where the trailer's length puts the card, if a card starts there;
    else where a card's mark (CARD_MAGIC) starts in the file's last TAIL bytes (a
    damaged trailer); else where the trailer says, if it can be; else None. It is only
    a hint: the stream's own FINAL chunk says where it ends (`decrypt_stream`). Leaves
    `handle` just after the preamble."""
    preamble = handle.read(_PREAMBLE.size)
    if len(preamble) != _PREAMBLE.size:
        raise BlobDamaged("cut short")  # i18n: not shown
    magic, chunk_size = _PREAMBLE.unpack(preamble)
    if magic not in (MAGIC, MAGIC_V1) or chunk_size != CHUNK:
        raise BlobDamaged("not a Reclaim blob")  # i18n: not shown
    size = os.fstat(handle.fileno()).st_size
    if magic == MAGIC_V1:
        return magic, size, size, False
    first = _PREAMBLE.size + _HEADER
    if size < first + _LENGTH.size:
        raise BlobDamaged("cut short")  # i18n: not shown
    handle.seek(size - _LENGTH.size)
    (length,) = _LENGTH.unpack(handle.read(_LENGTH.size))
    said = size - _LENGTH.size - length
    if said >= first:
        handle.seek(said)
        if handle.read(len(CARD_MAGIC)) == CARD_MAGIC:
            handle.seek(_PREAMBLE.size)
            return magic, size, said, True
    start = max(first, size - _LENGTH.size - TAIL)
    handle.seek(start)
    mark = handle.read(size - start).find(CARD_MAGIC)
    handle.seek(_PREAMBLE.size)
    if mark != -1:
        return magic, size, start + mark, False
    # No card's mark anywhere near the end: the trailer's word is all there is.
    return magic, size, said if said >= first else None, said >= first


def _layout(handle: BinaryIO, with_card: bool = False) -> tuple[bytes, int, bytes | None]:
    """(magic, where the stream ends, the sealed card when asked for: None for a
    first-format blob, or when the trailer is damaged). BlobDamaged when the file shows
    no end at all."""
    magic, size, end, whole = _locate(handle)
    if end is None:
        raise BlobDamaged("cut short")  # i18n: not shown
    card = None
    if with_card and whole and size - _LENGTH.size - end <= READ_CARD_AT_MOST:
        handle.seek(end)
        card = handle.read(size - _LENGTH.size - end)
        handle.seek(_PREAMBLE.size)
    return magic, end, card


def read_card(path: Path) -> bytes | None:
    """The sealed card at the end of a blob, or None for a blob of the first format.
    A card of any length the file holds is read (blobs written before cards were
    bounded may carry one larger than MAX_CARD), up to what memory allows
    (READ_CARD_AT_MOST); a damaged trailer raises BlobDamaged ("changed"): the evidence
    before it still reads (`decrypt_stream`)."""
    try:
        with path.open("rb") as handle:
            magic, _end, card = _layout(handle, with_card=True)
    except FileNotFoundError:
        raise BlobDamaged("missing") from None
    if magic == MAGIC_V1:
        return None
    if card is None:
        raise BlobDamaged("changed")
    return card


def decrypt_stream(path: Path, key: bytes, aad: bytes) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk; raise BlobDamaged at the first sign of change.
    A consumer must read to the end: only then is the whole blob proven intact.

    The stream's end is found from the stream: every chunk but the last is full size,
    and the last carries the FINAL tag. The trailer's length says where that last chunk
    ends; when it can't be right (a damaged trailer, or a card larger than cards now
    are), the card's own mark (CARD_MAGIC) is looked for after it instead. Only a chunk
    that authenticates counts, so a lying trailer can hide nothing."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise BlobDamaged("missing") from None
    with handle:
        magic, size, hint, _whole = _locate(handle)
        header = handle.read(_HEADER)
        if len(header) != _HEADER:
            raise BlobDamaged("cut short")  # i18n: not shown
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        try:
            sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        except (CryptoError, ValueError, RuntimeError):
            raise BlobDamaged("changed") from None
        at = _PREAMBLE.size + _HEADER
        while True:
            handle.seek(at)
            window = handle.read(CHUNK + _ABYTES)
            if len(window) < _ABYTES:
                raise BlobDamaged("cut short")  # i18n: not shown
            plain, tag, used = _next_chunk(state, window, at, hint, aad)
            at += used
            if tag == _TAG_FINAL:
                if magic == MAGIC_V1 and at != size:
                    raise BlobDamaged("extra data after the end")  # i18n: not shown
                yield plain
                return
            yield plain


def _next_chunk(
    state: sodium.crypto_secretstream_xchacha20poly1305_state,
    window: bytes,
    at: int,
    hint: int | None,
    aad: bytes,
) -> tuple[bytes, int, int]:
    """(plaintext, tag, bytes used) of the chunk at the start of `window` (read from `at`):
    a full chunk, or the last one, whose end the trailer (`hint`) or the card's mark
    tells. A failed try leaves `state` as it was (libsodium checks before it moves on)."""
    full = CHUNK + _ABYTES
    lengths: list[int] = []
    if hint is not None and at + _ABYTES <= hint < at + len(window):
        lengths.append(hint - at)
    lengths.append(len(window))
    found = _try(state, window, lengths, aad)
    if found is None:  # neither: where a card's mark starts in this window, if anywhere
        marks = []
        mark = window.find(CARD_MAGIC, _ABYTES)
        while mark != -1:
            marks.append(mark)
            mark = window.find(CARD_MAGIC, mark + 1)
        found = _try(state, window, [m for m in marks if m not in lengths], aad)
    if found is not None:
        _plain, tag, length = found
        if tag == _TAG_FINAL or (tag == _TAG_MESSAGE and length == full):
            return found
        raise BlobDamaged("changed")
    if len(window) < full and (hint is None or hint > at + len(window)):
        # the file ends before any chunk that could be last
        raise BlobDamaged("cut short")  # i18n: not shown
    raise BlobDamaged("changed")
