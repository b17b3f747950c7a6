"""TinyDB storage for the case record: the whole JSON document sealed with AES-256-GCM
and written atomically.

TinyDB's own JSONStorage writes in place, which a crash can tear; this one writes a new
file and renames it. Inside a transaction, writes are held in memory and reach disk
once, together, at the end, so a logical change (an exhibit and its custody entry) is
all there or not at all.

Every write carries a generation one higher than the record it replaces, sealed with it
(`RCLCASE2`: magic, 8-byte generation, sealed JSON whose associated data includes the
generation). An older record put back in place therefore carries a lower generation than
the blobs and backups made after it, which is how a rollback is noticed. Records of the
first format (`RCLCASE1`, no generation) read as generation 0 and are rewritten in the
new format the first time the case is opened.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from tinydb.storages import Storage

from tui.core import keys
from tui.core.atomic import atomic_write
from tui.core.errors import RecordDamaged

MAGIC = b"RCLCASE2"
MAGIC_V1 = b"RCLCASE1"
_GENERATION = struct.Struct(">Q")

DAMAGED = "The case record is damaged, so the case can't be opened. Restore it from a backup copy."
MISSING = "The case record is missing from the vault folder. Restore it from a backup copy."


class SealedJSONStorage(Storage):
    """A TinyDB `Storage` over one sealed file."""

    def __init__(self, path: Path, key: bytes, aad: bytes) -> None:
        self.path = path
        self._key = key
        self._vault_aad = aad
        self._cached: tuple[tuple[int, int, int], str, int, bool] | None = None
        """(file signature, JSON text, generation, written in the first format)."""
        self._pending: str | None = None
        self._depth = 0

    # -- TinyDB's interface ------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        text = self._pending if self._pending is not None else self._load_text()
        data = json.loads(text)
        if not isinstance(data, dict):
            raise RecordDamaged(DAMAGED)
        return data

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if self._depth:
            self._pending = text
        else:
            self._flush(text)

    def close(self) -> None:
        self._cached = None

    # -- transactions ------------------------------------------------------------------

    def begin(self) -> None:
        self._depth += 1

    def end(self, commit: bool) -> None:
        """Leave a transaction; the outermost one writes (or drops) what was held."""
        self._depth -= 1
        if self._depth:
            return
        pending, self._pending = self._pending, None
        if commit and pending is not None:
            self._flush(pending)

    # -- the sealed file ---------------------------------------------------------------

    def create(self) -> None:
        """Write an empty record for a new vault."""
        self._flush("{}", generation=1)

    @property
    def generation(self) -> int:
        """The generation of the record on disk (0 for a record of the first format)."""
        self._load_text()
        assert self._cached is not None
        return self._cached[2]

    @property
    def first_format(self) -> bool:
        """True while the record on disk is still in the first format (no generation)."""
        self._load_text()
        assert self._cached is not None
        return self._cached[3]

    def write_as(self, data: dict[str, Any], generation: int) -> None:
        """Write `data` at `generation` at once (re-sealing a record under a new key)."""
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self._flush(text, generation=generation)

    def start_over(self, generation: int) -> None:
        """Write an empty record at `generation` (a record rebuilt from the blobs)."""
        self._flush("{}", generation=generation)

    def upgrade(self) -> None:
        """Rewrite a first-format record in the current one (atomically, same content)."""
        if self.first_format:
            self._flush(self._load_text())

    def _aad(self, generation: int) -> bytes:
        return MAGIC + _GENERATION.pack(generation) + self._vault_aad

    def _flush(self, text: str, generation: int | None = None) -> None:
        """Write `text` as the next generation: one more than the record it replaces."""
        if generation is None:
            generation = self.generation + 1
        packed = _GENERATION.pack(generation)
        sealed = keys.seal(self._key, text.encode("utf-8"), self._aad(generation))
        atomic_write(self.path, MAGIC + packed + sealed)
        stat = self.path.stat()
        self._cached = ((stat.st_ino, stat.st_mtime_ns, stat.st_size), text, generation, False)

    def _load_text(self) -> str:
        """Decrypt the file, or reuse the last result while the file is unchanged (every
        write is a rename, so a new inode means new content)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise RecordDamaged(MISSING) from None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._cached is not None and self._cached[0] == signature:
            return self._cached[1]
        raw = self.path.read_bytes()
        try:
            if raw.startswith(MAGIC) and len(raw) > len(MAGIC) + _GENERATION.size:
                (generation,) = _GENERATION.unpack_from(raw, len(MAGIC))
                sealed = raw[len(MAGIC) + _GENERATION.size :]
                plain = keys.open_sealed(self._key, sealed, self._aad(generation))
                first_format = False
            elif raw.startswith(MAGIC_V1):
                generation, first_format = 0, True
                plain = keys.open_sealed(
                    self._key, raw[len(MAGIC_V1) :], MAGIC_V1 + self._vault_aad
                )
            else:
                raise RecordDamaged(DAMAGED)
            text = plain.decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise RecordDamaged(DAMAGED) from None
        self._cached = (signature, text, generation, first_format)
        return text
