"""Compound files (OLE2/CFB) of MAPI properties, as Outlook saves an email (`.msg`),
opened with `olefile` (BSD) behind bounds a crafted file can't get past: the directory is
read no further than `MAX_ENTRIES` entries, each property's size is checked before it is
read, and streams are found through an index made once (olefile looks a name up among
all its siblings, and checks each stream against every one before it)."""

from __future__ import annotations

import hashlib
import struct
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.core.evidence.formats.base import (
    MAX_WHOLE_BYTES,
    TOO_LARGE_TO_PRINT,
    Probe,
    Unreadable,
)
from tui.core.shared.i18n import N_, _

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A short property (a subject, a name, an address) read at most.
MAX_SHORT_BYTES = 64 * 1024
_PIECE = 1 << 20
#: Streams and folders read from its directory at most: a real email has tens, and each
#: attachment about ten (olefile takes a second for each ten thousand or so).
MAX_ENTRIES = 10_000
TOO_MANY_ENTRIES = N_("This file holds too many parts to read here.")
_STORAGE, _STREAM = 1, 2
#: Sector marks that are no stream's first sector (DIFSECT, FATSECT, ENDOFCHAIN, FREESECT).
_NOT_STREAMS = frozenset({0xFFFFFFFC, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF})
#: Property types: UTF-16 text, 8-bit text, bytes, FILETIME, 32-bit integer.
UNICODE, STRING8, BINARY, SYSTIME, INTEGER = 0x001F, 0x001E, 0x0102, 0x0040, 0x0003


def open_compound(probe: Probe, damaged: str) -> Any:
    """The file opened by olefile, its directory read no further than `MAX_ENTRIES`."""
    import olefile

    class Bounded(olefile.OleFileIO):  # type: ignore[misc]
        loaded = 0
        used: dict[bool, set[int]]

        def _load_direntry(self, sid: int) -> Any:
            self.loaded += 1
            if self.loaded > MAX_ENTRIES:
                raise Unreadable(_(TOO_MANY_ENTRIES))
            return super()._load_direntry(sid)

        def _check_duplicate_stream(self, first_sect: int, minifat: bool = False) -> None:
            """olefile's own check, with a set: its list made thousands of streams cost
            seconds (each stream compared with every one before it)."""
            if not minifat and first_sect in _NOT_STREAMS:
                return
            used = self.__dict__.setdefault("used", {False: set(), True: set()})[minifat]
            if first_sect in used:
                self._raise_defect(
                    olefile.DEFECT_INCORRECT,
                    "Stream referenced twice",  # i18n: not shown
                )
            used.add(first_sect)

    if probe.size > MAX_WHOLE_BYTES:
        raise Unreadable(_(TOO_LARGE_TO_PRINT).format(size=probe.size))
    probe.handle.seek(0)
    try:
        return Bounded(probe.handle)
    except Unreadable:
        raise
    except Exception:  # olefile raises OSError, struct.error, IndexError, …
        raise Unreadable(damaged) from None


class Properties:
    """One open compound file of MAPI properties (an Outlook `.msg`): its properties
    read on request, each bounded, its streams found through an index made once."""

    def __init__(self, ole: Any) -> None:
        self.ole = ole
        self.entries: dict[str, Any] = {}
        for top in ole.root.kids:
            self.entries[top.name.lower()] = top
            for inner in top.kids if top.entry_type == _STORAGE else ():
                self.entries[f"{top.name}/{inner.name}".lower()] = inner
        self.fixed = self._fixed("", 32)

    def _stream(self, path: str) -> Any:
        """The directory entry of a stream, or None."""
        entry = self.entries.get(path.lower())
        return entry if entry is not None and entry.entry_type == _STREAM else None

    def _read_stream(self, entry: Any, limit: int) -> bytes:
        with self.ole._open(entry.isectStart, entry.size) as stream:
            data: bytes = stream.read(limit + 1)
        return data

    def raw(
        self, folder: str, prop: int, kind: int, limit: int, cut: bool = False
    ) -> bytes | None:
        """A variable-size property's bytes, or None when it has none, or more than
        `limit` (its first `limit` bytes, when it may be `cut`)."""
        entry = self._stream(f"{folder}__substg1.0_{prop:04X}{kind:04X}")
        if entry is None or (entry.size > limit and not cut):
            return None
        data = self._read_stream(entry, limit)
        return data[:limit] if len(data) <= limit or cut else None

    def digest(self, folder: str, prop: int, limit: int) -> tuple[int, str] | None:
        """A bytes property's size and SHA-256, read in pieces; None when it has none
        or more than `limit`."""
        entry = self._stream(f"{folder}__substg1.0_{prop:04X}{BINARY:04X}")
        if entry is None or entry.size > limit:
            return None
        found, read = hashlib.sha256(), 0
        with self.ole._open(entry.isectStart, entry.size) as stream:
            for piece in iter(lambda: stream.read(_PIECE), b""):
                read += len(piece)
                if read > limit:
                    return None
                found.update(piece)
        return read, found.hexdigest()

    def text(
        self, prop: int, folder: str = "", limit: int = MAX_SHORT_BYTES, cut: bool = False
    ) -> str:
        """A text property (UTF-16, else 8-bit in Windows' code page), '' when absent."""
        data = self.raw(folder, prop, UNICODE, limit, cut)
        if data is not None:
            return data[: len(data) // 2 * 2].decode("utf-16-le", "replace").split("\x00", 1)[0]
        data = self.raw(folder, prop, STRING8, limit, cut)
        if data is not None:
            return data.decode("cp1252", "replace").split("\x00", 1)[0]
        return ""

    def _fixed(self, folder: str, header: int) -> dict[int, tuple[int, bytes]]:
        """The fixed-size properties of a folder (id -> (type, 8 bytes of value))."""
        entry = self._stream(f"{folder}__properties_version1.0")
        if entry is None or entry.size > MAX_SHORT_BYTES:
            return {}
        data = self._read_stream(entry, MAX_SHORT_BYTES)
        found: dict[int, tuple[int, bytes]] = {}
        for at in range(header, len(data) - 15, 16):
            tag = struct.unpack_from("<I", data, at)[0]
            found.setdefault(tag >> 16, (tag & 0xFFFF, data[at + 8 : at + 16]))
        return found

    def time(self, prop: int) -> datetime | None:
        kind, value = self.fixed.get(prop, (0, b""))
        if kind != SYSTIME:
            return None
        ticks = struct.unpack("<Q", value)[0]
        try:
            return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def folders(self, prefix: str, limit: int) -> tuple[list[str], bool]:
        """The sub-storages named `prefix#…` (recipients, attachments), in order, and
        whether there were more than `limit`."""
        names = sorted(
            entry.name
            for entry in self.ole.root.kids
            if entry.entry_type == _STORAGE and entry.name.startswith(prefix)
        )
        return [f"{name}/" for name in names[:limit]], len(names) > limit

    def integer(self, folder: str, prop: int) -> int | None:
        kind, value = self._fixed(folder, 8).get(prop, (0, b""))
        return struct.unpack_from("<i", value)[0] if kind == INTEGER else None
