"""An exhibit's original as a read-only, seekable file that decrypts as it is read, so a
2 GiB recording can be handed to PyAV (or copied out) with a chunk or two in memory.

The blob is libsodium's secretstream (see `blobs.py`): every chunk is authenticated in
order, and the state after one chunk is needed to open the next. So the state is kept,
copied as it stands, at every chunk boundary the first time the reader passes it (52
bytes a chunk): a seek backwards starts at that chunk, a seek forwards decrypts the
chunks in between once. Only the library's own secretstream calls touch the data.

The first pass through every chunk in order also takes the SHA-256; when it reaches the
end, the size and hash must be those taken at intake, else the reader is damaged from
then on. `check()` makes that pass up front, so nothing unverified is ever used."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, cast

from nacl import bindings as sodium
from nacl.exceptions import CryptoError

from tui.core.evidence.digests import Digests
from tui.core.evidence.model import Exhibit
from tui.core.shared.errors import VaultDamaged
from tui.core.shared.i18n import N_, _
from tui.core.vault.blobs import _ABYTES, _HEADER, _TAG_FINAL, CHUNK, BlobDamaged, _layout
from tui.core.vault.vault import Vault

SEALED = CHUNK + _ABYTES
_STATE_BYTES = sodium.crypto_secretstream_xchacha20poly1305_STATEBYTES
_State = sodium.crypto_secretstream_xchacha20poly1305_state
NOT_MATCHING = N_("its stored copy no longer matches the hash taken at intake")


class OriginalDamaged(VaultDamaged):
    """The stored copy is not what was taken in; the message is one plain sentence."""


class Original(io.RawIOBase):
    """The plaintext of one blob, `size` bytes whose SHA-256 is `sha256`."""

    def __init__(
        self, path: Path, key: bytes, aad: bytes, size: int, sha256: str, label: str
    ) -> None:
        super().__init__()
        self._key_aad = aad
        self._size, self._sha256, self._label = size, sha256, label
        self._position = 0
        self._cached: tuple[int, bytes] | None = None
        self._digest = hashlib.sha256()
        self._damage = ""
        self._checkpoints: list[bytes] = []
        """The secretstream state before chunk i, for every chunk reached so far."""
        self._handle: BinaryIO | None = None
        try:
            self._handle = path.open("rb")
        except FileNotFoundError:
            self._note(N_("its stored copy is missing"))
            return
        except OSError:  # a folder in its place, no permission to read it
            self._note(N_("its stored copy can't be opened"))
            return
        try:
            _magic, end, _card = _layout(self._handle)
            header = self._handle.read(_HEADER) if end - self._handle.tell() >= _HEADER else b""
            self._header, self._key = header, key
            state = self._fresh_state()
        except BlobDamaged as damage:
            # the words of a Damage ("its stored copy is cut short"), translated in _note
            self._note(f"its stored copy is {damage}")  # i18n: not shown
            return
        except (CryptoError, ValueError, RuntimeError):
            self._note(N_("its stored copy is cut short"))
            return
        self._start, self._end = self._handle.tell(), end
        body = end - self._start
        self._count = max(1, -(-body // SEALED))
        last = body - (self._count - 1) * SEALED - _ABYTES
        if last < 0 or (self._count - 1) * CHUNK + last != size:
            self._note(NOT_MATCHING if last >= 0 else N_("its stored copy is cut short"))
            return
        self._checkpoints.append(bytes(state.statebuf[0:_STATE_BYTES]))

    # ---- io.RawIOBase ---------------------------------------------------------------

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if self.closed:
            raise ValueError("seek on a closed original")  # i18n: not shown
        bases = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}
        if whence not in bases:
            raise ValueError(f"invalid whence ({whence})")  # i18n: not shown
        base = bases[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")  # i18n: not shown
        self._position = base + offset
        return self._position

    def readinto(self, buffer: Any) -> int:
        if self.closed:
            raise ValueError("read from a closed original")  # i18n: not shown
        self.raise_if_damaged()
        if self._position >= self._size:
            self.check()  # at the end, the pass is complete: the hash is compared
            return 0
        index, offset = divmod(self._position, CHUNK)
        plain = self._chunk(index)
        view = memoryview(buffer).cast("B")
        count = min(len(view), len(plain) - offset)
        view[:count] = plain[offset : offset + count]
        self._position += count
        return count

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        self._cached = None
        super().close()

    # ---- checking -------------------------------------------------------------------

    @property
    def size(self) -> int:
        return self._size

    @property
    def verified(self) -> bool:
        """True once every chunk has been read in order and the hash matched."""
        return not self._damage and len(self._checkpoints) > self._count

    def check(self) -> None:
        """Read every chunk not yet passed and compare the size and SHA-256 with those
        taken at intake; OriginalDamaged when they differ. Memory stays at one chunk."""
        self.raise_if_damaged()
        while len(self._checkpoints) <= self._count:
            self._pull(len(self._checkpoints) - 1)

    def digests(self) -> Digests:
        """SHA-256 (checked, as `check` does), SHA-1 and MD5 of the whole original, on one
        pass through every chunk in order (for older forensic tools)."""
        self.raise_if_damaged()
        sha1 = hashlib.sha1(usedforsecurity=False)
        md5 = hashlib.md5(usedforsecurity=False)
        for index in range(self._count):
            plain = self._pull(index)
            sha1.update(plain)
            md5.update(plain)
        self.check()
        return Digests(self._sha256, sha1.hexdigest(), md5.hexdigest())

    # ---- inside ---------------------------------------------------------------------

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._cached = None  # never two plaintext chunks held at once
        for passing in range(min(index, len(self._checkpoints) - 1), index):
            self._pull(passing)
        plain = self._pull(index)
        self._cached = (index, plain)
        return plain

    def _pull(self, index: int) -> bytes:
        """Decrypt chunk `index` from the state saved before it; the first time, keep the
        state after it and take it into the hash."""
        assert self._handle is not None
        state = self._fresh_state()
        cast(Any, state.statebuf)[0:_STATE_BYTES] = self._checkpoints[index]
        at = self._start + index * SEALED
        self._handle.seek(at)
        sealed = self._handle.read(min(SEALED, self._end - at))
        final = index == self._count - 1
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                state, sealed, self._key_aad
            )
        except (CryptoError, ValueError, RuntimeError):
            self._damaged(N_("its stored copy is changed"))
        if (tag == _TAG_FINAL) != final:
            self._damaged(
                N_("its stored copy is changed") if final else N_("its stored copy is cut short")
            )
        if index == len(self._checkpoints) - 1:
            self._checkpoints.append(bytes(state.statebuf[0:_STATE_BYTES]))
            self._digest.update(plain)
            if final and self._digest.hexdigest() != self._sha256:
                self._damaged(NOT_MATCHING)
        return bytes(plain)

    def _fresh_state(self) -> Any:
        """A state made by the library from the stream's header (as PyNaCl requires),
        for a saved one to be copied over."""
        state = _State()
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, self._header, self._key)
        return state

    def _note(self, problem: str) -> None:
        """Remember what is wrong; every read and check from now on says so."""
        self._damage = self._damage or (
            _("{label} can't be read: {problem}. Restore it from a backup.").format(
                label=self._label, problem=_(problem)
            )
        )
        self._cached = None

    def _damaged(self, problem: str) -> NoReturn:
        self._note(problem)
        raise OriginalDamaged(self._damage)

    def raise_if_damaged(self) -> None:
        if self._damage:
            raise OriginalDamaged(self._damage)


class OriginalReader(io.BufferedReader):
    """An `Original` read in 1 MiB steps (a chunk), so a reader asking for a few bytes
    at a time costs no extra decryption."""

    raw: Original

    def __init__(self, raw: Original) -> None:
        super().__init__(raw, buffer_size=CHUNK)

    @property
    def size(self) -> int:
        return self.raw.size

    def check(self) -> None:
        """See `Original.check`: the whole stored copy read once and its hash compared."""
        self.raw.check()

    def digests(self) -> Digests:
        """See `Original.digests`: checked, and MD5 and SHA-1 beside the SHA-256."""
        return self.raw.digests()

    def read(self, size: int | None = -1, /) -> bytes:
        self.raw.raise_if_damaged()  # even what is already in the buffer
        return super().read(size)

    def read1(self, size: int = -1, /) -> bytes:
        self.raw.raise_if_damaged()
        return super().read1(size)

    def readinto(self, buffer: Any, /) -> int:
        self.raw.raise_if_damaged()
        return super().readinto(buffer)

    def readinto1(self, buffer: Any, /) -> int:
        self.raw.raise_if_damaged()
        return super().readinto1(buffer)

    def readline(self, size: int | None = -1, /) -> bytes:
        self.raw.raise_if_damaged()
        return super().readline(size)

    def peek(self, size: int = 0, /) -> bytes:
        self.raw.raise_if_damaged()
        return super().peek(size)


def open_original(vault: Vault, exhibit: Exhibit) -> OriginalReader:
    """One exhibit's original, to read and seek like a file (and to `check` first)."""
    raw = Original(
        vault.blob_dir / f"{exhibit.blob}.blob",
        vault.blob_key,
        vault.blob_aad(exhibit.blob),
        exhibit.size,
        exhibit.sha256,
        exhibit.id,
    )
    return OriginalReader(raw)
