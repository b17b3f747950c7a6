"""TinyDB storage for the case record: a sealed snapshot followed by a sealed journal, in
one file, so that a change costs what it changes rather than the size of the case.

    RCLCASE3 | generation (8) | length (8) | snapshot: the whole JSON, sealed
    then, one per saved transaction:
    length (4) | length inverted (4) | entry: {generation, prev, changes}, sealed

Each entry holds what one transaction changed (per table, each document written or
removed), the generation it makes (one more than the one before: it only grows, which
is how an older record put back is noticed) and `prev`, the SHA-256 of the entry before
it (of the snapshot, for the first), so no entry can be removed, reordered or replayed.
Opening reads the snapshot and replays the entries. Saving appends one entry and fsyncs:
the append is the commit. When the entries pass a quarter of the snapshot, the snapshot
is rewritten whole (temp file, fsync, rename) and the journal starts afresh.

An entry cut short at the very end (a crash in the middle of an append) is dropped and
said (`torn`); an entry that is whole but does not open, or that breaks the chain, is
damage and refused, never skipped. So is an end that claims more than the file holds but
has a whole entry in it (a length forged, or an entry in the middle cut short): only what
an append cut short can leave (part of one frame, or zeros a disk had not yet written)
counts as torn.

A reader that finds the file grown reads only the new entries, after checking that the
last seal it read is still where it was (another copy written over the record in place
is read whole).

Inside a transaction, changes are held in memory and reach disk once, together, at the
end, so a logical change (an exhibit and its custody entry) is all there or not at all.
The records of the earlier formats (`RCLCASE2`: one sealed JSON with its generation;
`RCLCASE1`: without one, generation 0) still read, and are rewritten in this format the
first time the case is opened (`upgrade`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from tinydb.storages import Storage

from tui.core.shared.atomic import atomic_write
from tui.core.shared.errors import RecordDamaged
from tui.core.vault import keys

MAGIC = b"RCLCASE3"
MAGIC_V2 = b"RCLCASE2"
MAGIC_V1 = b"RCLCASE1"
FORMAT = 3
_GENERATION = struct.Struct(">Q")
_SNAPSHOT = struct.Struct(">8sQQ")
_FRAME = struct.Struct(">II")
_ENTRY_LABEL = b"|entry|"
_TAG = 16
#: The journal is folded into the snapshot once it is bigger than a quarter of it (and
#: than this, so a small case is not rewritten at every change).
COMPACT_RATIO = 4
COMPACT_MIN_BYTES = 64 * 1024
#: An entry claiming more than this is not one Reclaim wrote.
MAX_ENTRY = 1 << 31

DAMAGED = "The case record is damaged, so the case can't be opened. Restore it from a backup copy."
MISSING = "The case record is missing from the vault folder. Restore it from a backup copy."
TORN = (
    "The last change saved to this case was cut short (Reclaim or the computer stopped "
    "while saving it), so that one change was left out; everything saved before it is safe."
)

Tables = dict[str, dict[str, dict[str, Any]]]
Updater = Callable[[MutableMapping[int, dict[str, Any]]], None]


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_copy(value: Any) -> Any:
    """A deep copy of JSON data (dicts, lists and scalars), quicker than copy.deepcopy; a
    tuple becomes a list, as it would be once written and read back."""
    if isinstance(value, dict):
        return {key: json_copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_copy(item) for item in value]
    return value


def _as_tables(data: Any) -> Tables:
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise RecordDamaged(DAMAGED)
    return data


class _Overlay(Mapping[str, dict[str, Any]]):
    """One table as it stands inside a transaction: the committed table, untouched,
    under the documents this transaction wrote (`None` for one removed). Nothing is
    copied but what changes, so a change costs the same in a case of any size."""

    def __init__(self, base: dict[str, dict[str, Any]]) -> None:
        self.base = base
        self.changes: dict[str, dict[str, Any] | None] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        if key in self.changes:
            doc = self.changes[key]
            if doc is None:
                raise KeyError(key)
            return doc
        return self.base[key]

    def __contains__(self, key: object) -> bool:
        if key in self.changes:
            return self.changes[key] is not None
        return key in self.base

    def __iter__(self) -> Iterator[str]:
        # As a copy of the table changed in place would: the committed documents in
        # their order, then the new ones.
        changes = self.changes
        if not changes:
            yield from self.base
            return
        for key in self.base:
            if key not in changes or changes[key] is not None:
                yield key
        for key, doc in changes.items():
            if doc is not None and key not in self.base:
                yield key

    def __len__(self) -> int:
        size = len(self.base)
        for key, doc in self.changes.items():
            size += (doc is not None) - (key in self.base)
        return size


class _Tracked(MutableMapping[int, dict[str, Any]]):
    """One table as TinyDB's updaters see it (int ids), writing into the transaction's
    overlay. A document is copied before it is handed out, so an update changes only
    the copy."""

    def __init__(self, overlay: _Overlay) -> None:
        self.overlay = overlay

    def __getitem__(self, doc_id: int) -> dict[str, Any]:
        key = str(doc_id)
        changes = self.overlay.changes
        if key not in changes:
            changes[key] = json_copy(self.overlay.base[key])
        doc = changes[key]
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __setitem__(self, doc_id: int, doc: dict[str, Any]) -> None:
        self.overlay.changes[str(doc_id)] = json_copy(doc)

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if key not in self.overlay:
            raise KeyError(doc_id)
        self.overlay.changes[key] = None

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.overlay

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.overlay))

    def __len__(self) -> int:
        return len(self.overlay)

    def clear(self) -> None:
        for key in list(self.overlay):
            self.overlay.changes[key] = None


class SealedJSONStorage(Storage):
    """A TinyDB `Storage` over one sealed file: snapshot plus journal."""

    def __init__(self, path: Path, key: bytes, aad: bytes) -> None:
        self.path = path
        self._key = key
        self._vault_aad = aad
        self._tables: Tables = {}
        self._generation = 0
        self._format = FORMAT
        self._signature: tuple[int, int, int] | None = None
        """(inode, size, mtime) of the file as far as it was read."""
        self._end = 0
        """Where the last whole entry ends."""
        self._snapshot_end = 0
        self._last_hash = b""
        self._last_tag = b""
        """The 16 bytes before `_end` (the last seal's tag): the file is still the one
        read so far only if they are still there."""
        self._max_ids: dict[str, int] = {}
        self._indexes: dict[tuple[str, str], dict[Any, set[str]]] = {}
        self.torn = False
        """True when an entry cut short lies after the last whole one (see `cut_torn`)."""
        self._depth = 0
        self._working: dict[str, _Overlay] = {}
        """Tables changed in this transaction (the committed ones are untouched)."""
        self._dropped: set[str] = set()
        """Tables dropped in this transaction (before whatever `_working` holds of them)."""

    # -- TinyDB's interface ------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        """A copy of the whole record (for TinyDB's generic tables and for re-sealing)."""
        self._refresh()
        return {
            name: {key: json_copy(doc) for key, doc in self.table_view(name).items()}
            for name in self._names()
        }

    def write(self, data: dict[str, Any]) -> None:
        """Take a whole record from TinyDB's generic path: only what differs is saved."""
        tables = _as_tables(data)
        self.begin()
        try:
            for name in self._names() - set(tables):
                self._dropped.add(name)
                self._working.pop(name, None)
            for name, table in tables.items():
                current = self.table_view(name)
                changed = [key for key, doc in table.items() if current.get(key) != doc]
                changed += [key for key in current if key not in table]
                if changed:
                    overlay = self._overlay(name)
                    for key in changed:
                        overlay.changes[key] = json_copy(table[key]) if key in table else None
        except BaseException:
            self.end(commit=False)
            raise
        self.end(commit=True)

    def close(self) -> None:
        self._signature = None

    # -- what CaseTable uses ---------------------------------------------------------------

    def table_view(self, name: str) -> Mapping[str, dict[str, Any]]:
        """One table as it stands (in this transaction), not to be changed by the caller."""
        if not self._depth:
            self._refresh()
        if name in self._working:
            return self._working[name]
        if name in self._dropped:
            return {}
        return self._tables.get(name, {})

    def update_table(self, name: str, updater: Updater) -> None:
        """Run one of TinyDB's updaters on a table; the change is saved with the
        transaction (at once, outside one)."""
        self.begin()
        try:
            updater(_Tracked(self._overlay(name)))
        except BaseException:
            self.end(commit=False)
            raise
        self.end(commit=True)

    def _overlay(self, name: str) -> _Overlay:
        """This transaction's overlay of a table (call inside a transaction)."""
        if name not in self._working:
            base = {} if name in self._dropped else self._tables.get(name, {})
            self._working[name] = _Overlay(base)
        return self._working[name]

    def next_id(self, name: str) -> int:
        """One more than the highest document id the table has ever had."""
        view = self.table_view(name)
        highest = self._max_ids.get(name, 0)
        if name in self._working:
            highest = max([highest, *(int(key) for key in self._working[name].changes)])
        return max(highest, len(view)) + 1

    def find(self, name: str, field: str, value: Any) -> list[str]:
        """The ids of the documents whose `field` is `value`, through an index kept up to
        date as documents change (so a lookup costs the same in any size of case)."""
        view = self.table_view(name)
        index = self._index(name, field)
        overlay = self._working.get(name)
        changed = overlay.changes if overlay is not None else {}
        found = [key for key in index.get(value, ()) if key not in changed and key in view]
        found += [
            key for key, doc in changed.items() if doc is not None and doc.get(field) == value
        ]
        return sorted(found, key=int)

    def _index(self, name: str, field: str) -> dict[Any, set[str]]:
        if (name, field) not in self._indexes:
            index: dict[Any, set[str]] = {}
            for key, doc in self._tables.get(name, {}).items():
                _index_add(index, doc.get(field), key)
            self._indexes[(name, field)] = index
        return self._indexes[(name, field)]

    # -- transactions ------------------------------------------------------------------

    def begin(self) -> None:
        if not self._depth:
            self._refresh()
        self._depth += 1

    def end(self, commit: bool) -> None:
        """Leave a transaction; the outermost one saves (or drops) what was held."""
        self._depth -= 1
        if self._depth:
            return
        working, dropped = self._working, self._dropped
        self._working, self._dropped = {}, set()
        changes: dict[str, dict[str, Any]] = {
            name: {key: overlay.changes[key] for key in sorted(overlay.changes, key=int)}
            for name, overlay in working.items()
            if overlay.changes
        }
        if not commit or not (dropped or changes):
            return
        entry: dict[str, Any] = {"changes": changes}
        if dropped:
            entry["drop"] = sorted(dropped)
        self._append(entry)
        if self._end - self._snapshot_end > max(
            COMPACT_MIN_BYTES, (self._snapshot_end // COMPACT_RATIO)
        ):
            with contextlib.suppress(OSError):  # saved; folding it in can wait
                self.compact()

    # -- the sealed file ---------------------------------------------------------------

    def create(self) -> None:
        """Write an empty record for a new vault."""
        self._write_snapshot({}, generation=1)

    def load(self) -> None:
        """Read the file now (so damage shows at once)."""
        self._refresh()

    @property
    def generation(self) -> int:
        """The generation of the record on disk (0 for a record of the first format)."""
        if not self._depth:
            self._refresh()
        return self._generation

    @property
    def old_format(self) -> bool:
        """True while the record on disk is of an earlier format (see `upgrade`)."""
        self._refresh()
        return self._format < FORMAT

    @property
    def in_transaction(self) -> bool:
        return bool(self._depth)

    @property
    def journal_bytes(self) -> int:
        return self._end - self._snapshot_end

    def write_as(self, data: dict[str, Any], generation: int) -> None:
        """Write `data` at `generation` at once (re-sealing a record under a new key)."""
        self._write_snapshot(_as_tables(json_copy(data)), generation)

    def start_over(self, generation: int) -> None:
        """Write an empty record at `generation` (a record rebuilt from the blobs)."""
        self._write_snapshot({}, generation)

    def upgrade(self) -> None:
        """Rewrite a record of an earlier format in this one (atomically, same content,
        the next generation)."""
        if self.old_format:
            self._write_snapshot(self._tables, self._generation + 1)

    def compact(self) -> None:
        """Fold the journal into a new snapshot of the same generation (call under the
        vault's lock). Nothing changes but the size of the file."""
        self._refresh()
        indexes, max_ids = self._indexes, self._max_ids
        self._write_snapshot(self._tables, self._generation)
        self._indexes, self._max_ids = indexes, max_ids

    def cut_torn(self) -> bool:
        """Drop an entry cut short at the end of the file; True if there was one. Call
        under the vault's lock (so it is not an append still under way)."""
        self._refresh()
        if not self.torn:
            return False
        with self.path.open("r+b") as handle:
            handle.truncate(self._end)
            os.fsync(handle.fileno())
        self._signature = None
        self._refresh()
        return True

    def _names(self) -> set[str]:
        names = (set(self._tables) - self._dropped) | set(self._working)
        return names

    def _snapshot_aad(self, generation: int) -> bytes:
        return MAGIC + _GENERATION.pack(generation) + self._vault_aad

    def _write_snapshot(self, tables: Tables, generation: int) -> None:
        sealed = keys.seal(
            self._key, _dumps(tables).encode("utf-8"), self._snapshot_aad(generation)
        )
        raw = _SNAPSHOT.pack(MAGIC, generation, len(sealed)) + sealed
        atomic_write(self.path, raw)
        self._tables = tables
        self._after_load(generation, FORMAT, raw)
        self._set_signature()

    def _after_load(self, generation: int, fmt: int, raw: bytes) -> None:
        """Take `raw` (the snapshot, or a record of an earlier format) as read."""
        self._generation, self._format = generation, fmt
        self._snapshot_end = self._end = len(raw)
        self._last_hash = hashlib.sha256(raw).digest()
        self._last_tag = raw[-_TAG:]
        self._indexes = {}
        self._max_ids = {
            name: max((int(key) for key in table), default=0)
            for name, table in self._tables.items()
        }
        self.torn = False

    def _set_signature(self) -> None:
        stat = self.path.stat()
        self._signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def _append(self, entry: dict[str, Any]) -> None:
        """Seal and append one entry, fsync it, then apply it: the append is the commit.
        A failed append is cut off again, so what was there stays exactly as it was."""
        generation = self._generation + 1
        payload = {**entry, "generation": generation, "prev": self._last_hash.hex()}
        if self._format < FORMAT:  # a record of an earlier format is rewritten whole
            self._signature = None  # should the write fail, read the file again
            self._apply(payload)
            self._write_snapshot(self._tables, generation)
            return
        sealed = keys.seal(self._key, _dumps(payload).encode("utf-8"), self._entry_aad())
        frame = _FRAME.pack(len(sealed), len(sealed) ^ 0xFFFFFFFF) + sealed
        append_durably(self.path, self._end, frame)
        self._apply(payload)
        self._end += len(frame)
        self._last_hash = hashlib.sha256(frame).digest()
        self._last_tag = frame[-_TAG:]
        self.torn = False
        self._set_signature()

    def _entry_aad(self) -> bytes:
        return MAGIC + _ENTRY_LABEL + self._vault_aad

    def _apply(self, payload: dict[str, Any]) -> None:
        """Make one entry's changes to the committed tables (and their indexes)."""
        for name in payload.get("drop", ()):
            self._tables.pop(name, None)
            for index_key in [k for k in self._indexes if k[0] == name]:
                del self._indexes[index_key]
        for name, docs in payload["changes"].items():
            table = self._tables.setdefault(name, {})
            indexes = [(field, index) for (n, field), index in self._indexes.items() if n == name]
            for key, doc in docs.items():
                old = table.get(key)
                for field, index in indexes:
                    if old is not None:
                        _index_discard(index, old.get(field), key)
                    if doc is not None:
                        _index_add(index, doc.get(field), key)
                if doc is None:
                    table.pop(key, None)
                else:
                    table[key] = doc
                    self._max_ids[name] = max(self._max_ids.get(name, 0), int(key))
        self._generation = payload["generation"]

    # -- reading -----------------------------------------------------------------------

    def _refresh(self) -> None:
        """Bring the tables up to date with the file: nothing when it is unchanged, the
        new entries when another writer appended, the whole file otherwise."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise RecordDamaged(MISSING) from None
        signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if signature == self._signature:
            return
        if (
            self._signature is not None
            and self._format == FORMAT
            and signature[0] == self._signature[0]
            and signature[1] > self._signature[1]
        ):
            with self.path.open("rb") as handle:
                handle.seek(self._end - _TAG)
                same_file = handle.read(_TAG) == self._last_tag
                added = handle.read() if same_file else b""
            try:
                if same_file:
                    self._read_entries(added, self._end)
                    self._signature = signature
                    return
            except RecordDamaged:
                pass  # not the file we knew (an older copy put back in place): read it whole
        self._load(signature)

    def _load(self, signature: tuple[int, int, int]) -> None:
        raw = self.path.read_bytes()
        if raw.startswith(MAGIC):
            self._load_current(raw)
        else:
            self._tables, generation, fmt = self._load_old(raw)
            self._after_load(generation, fmt, raw)
        self._signature = signature

    def _load_current(self, raw: bytes) -> None:
        if len(raw) < _SNAPSHOT.size:
            raise RecordDamaged(DAMAGED)
        _magic, generation, length = _SNAPSHOT.unpack_from(raw)
        end = _SNAPSHOT.size + length
        if end > len(raw):
            raise RecordDamaged(DAMAGED)
        try:
            plain = keys.open_sealed(
                self._key, raw[_SNAPSHOT.size : end], self._snapshot_aad(generation)
            )
            self._tables = _as_tables(json.loads(plain.decode("utf-8")))
        except (InvalidTag, UnicodeDecodeError, ValueError):
            raise RecordDamaged(DAMAGED) from None
        self._after_load(generation, FORMAT, raw[:end])
        self._read_entries(raw[end:], end)

    def _read_entries(self, raw: bytes, offset: int) -> None:
        """Apply the whole entries in `raw` (read from `offset`), checking each one's
        seal, generation and link to the one before. What is cut short at the end is
        left for `cut_torn`; anything else wrong is damage."""
        position = 0
        self.torn = False
        while position < len(raw):
            rest = len(raw) - position
            if rest < _FRAME.size:  # the start of a frame
                self.torn = True
                return
            length, check = _FRAME.unpack_from(raw, position)
            if check != length ^ 0xFFFFFFFF or length > MAX_ENTRY:
                if raw[position:].count(0) == rest:
                    # An append the disk had not written out when the computer stopped:
                    # the file is longer, the new part still zeros.
                    self.torn = True
                    return
                raise RecordDamaged(DAMAGED)
            start, stop = position + _FRAME.size, position + _FRAME.size + length
            if stop > len(raw):
                self._check_cut_short(raw[position:])
                self.torn = True
                return
            try:
                plain = keys.open_sealed(self._key, raw[start:stop], self._entry_aad())
                payload = json.loads(plain.decode("utf-8"))
                valid = (
                    isinstance(payload, dict)
                    and payload.get("prev") == self._last_hash.hex()
                    and payload.get("generation") == self._generation + 1
                    and isinstance(payload.get("changes"), dict)
                    and all(
                        isinstance(docs, dict)
                        and all(doc is None or isinstance(doc, dict) for doc in docs.values())
                        for docs in payload["changes"].values()
                    )
                )
            except (InvalidTag, UnicodeDecodeError, ValueError):
                valid = False
            if not valid:
                raise RecordDamaged(DAMAGED)
            self._apply(payload)
            self._last_hash = hashlib.sha256(raw[position:stop]).digest()
            self._last_tag = raw[stop - _TAG : stop]
            self._end = offset + stop
            position = stop

    def _check_cut_short(self, tail: bytes) -> None:
        """Refuse as damage a `tail` claiming more than the file holds that an append cut
        short could not have left: one holding a whole entry (its own, under a forged
        length, or one after it: then this was not the last thing written)."""
        import numpy as np

        candidates = [_FRAME.size]
        if len(tail) >= 2 * _FRAME.size:
            octets = np.frombuffer(tail, dtype=np.uint8).astype(np.uint32)
            words = octets[:-3] << 24 | octets[1:-2] << 16 | octets[2:-1] << 8 | octets[3:]
            lengths, checks = words[:-4], words[4:]
            offsets = np.arange(len(lengths), dtype=np.uint64)
            framed = ((lengths ^ checks) == 0xFFFFFFFF) & (
                offsets + _FRAME.size + lengths <= len(tail)
            )
            candidates += [int(offset) + _FRAME.size for offset in np.flatnonzero(framed)]
        for start in candidates:
            sealed = tail[start:]
            if start > _FRAME.size:
                (length,) = struct.unpack_from(">I", tail, start - _FRAME.size)
                sealed = tail[start : start + length]
            with contextlib.suppress(InvalidTag):
                keys.open_sealed(self._key, sealed, self._entry_aad())
                raise RecordDamaged(DAMAGED)

    def _load_old(self, raw: bytes) -> tuple[Tables, int, int]:
        """(tables, generation, format) of a record of an earlier format."""
        try:
            if raw.startswith(MAGIC_V2) and len(raw) > len(MAGIC_V2) + _GENERATION.size:
                (generation,) = _GENERATION.unpack_from(raw, len(MAGIC_V2))
                sealed = raw[len(MAGIC_V2) + _GENERATION.size :]
                aad = MAGIC_V2 + _GENERATION.pack(generation) + self._vault_aad
                plain, fmt = keys.open_sealed(self._key, sealed, aad), 2
            elif raw.startswith(MAGIC_V1):
                generation, fmt = 0, 1
                plain = keys.open_sealed(
                    self._key, raw[len(MAGIC_V1) :], MAGIC_V1 + self._vault_aad
                )
            else:
                raise RecordDamaged(DAMAGED)
            return _as_tables(json.loads(plain.decode("utf-8"))), generation, fmt
        except (InvalidTag, UnicodeDecodeError, ValueError):
            raise RecordDamaged(DAMAGED) from None


def append_durably(path: Path, end: int, data: bytes) -> None:
    """Write `data` at `end` of the file (cutting off anything after `end` first: an
    entry cut short, which never counted) and fsync it. On any failure (a full disk) the
    file is cut back to `end`, so it is exactly as it was."""
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)
    try:
        try:
            os.ftruncate(fd, end)
            os.lseek(fd, end, os.SEEK_SET)
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, end)
                os.fsync(fd)
            raise
    finally:
        os.close(fd)


def _index_add(index: dict[Any, set[str]], value: Any, key: str) -> None:
    if isinstance(value, (str, int, float, bool)) or value is None:
        index.setdefault(value, set()).add(key)


def _index_discard(index: dict[Any, set[str]], value: Any, key: str) -> None:
    if isinstance(value, (str, int, float, bool)) or value is None:
        found = index.get(value)
        if found is not None:
            found.discard(key)
            if not found:
                del index[value]
