"""TinyDB storage for the case record: the whole JSON document sealed with AES-256-GCM
and written atomically.

TinyDB's own JSONStorage writes in place, which a crash can tear; this one writes a new
file and renames it. Inside a transaction, writes are held in memory and reach disk
once, together, at the end, so a logical change (an exhibit and its custody entry) is
all there or not at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from tinydb.storages import Storage

from tui.core import keys
from tui.core.atomic import atomic_write
from tui.core.errors import VaultDamaged

MAGIC = b"RCLCASE1"

DAMAGED = "The case record is damaged, so the case can't be opened. Restore it from a backup copy."
MISSING = "The case record is missing from the vault folder. Restore it from a backup copy."


class SealedJSONStorage(Storage):
    """A TinyDB `Storage` over one sealed file."""

    def __init__(self, path: Path, key: bytes, aad: bytes) -> None:
        self.path = path
        self._key = key
        self._aad = MAGIC + aad
        self._cached: tuple[tuple[int, int, int], str] | None = None
        self._pending: str | None = None
        self._depth = 0

    # -- TinyDB's interface ------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        text = self._pending if self._pending is not None else self._load_text()
        data = json.loads(text)
        if not isinstance(data, dict):
            raise VaultDamaged(DAMAGED)
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
        self._flush("{}")

    def _flush(self, text: str) -> None:
        sealed = MAGIC + keys.seal(self._key, text.encode("utf-8"), self._aad)
        atomic_write(self.path, sealed)
        self._remember(text)

    def _remember(self, text: str) -> None:
        stat = self.path.stat()
        self._cached = ((stat.st_ino, stat.st_mtime_ns, stat.st_size), text)

    def _load_text(self) -> str:
        """Decrypt the file, or reuse the last result while the file is unchanged (every
        write is a rename, so a new inode means new content)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise VaultDamaged(MISSING) from None
        signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._cached is not None and self._cached[0] == signature:
            return self._cached[1]
        raw = self.path.read_bytes()
        if not raw.startswith(MAGIC):
            raise VaultDamaged(DAMAGED)
        try:
            text = keys.open_sealed(self._key, raw[len(MAGIC) :], self._aad).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise VaultDamaged(DAMAGED) from None
        self._cached = (signature, text)
        return text
