"""TinyDB storage for the case record: a sealed snapshot followed by a sealed journal, in
one file, so that a change costs what it changes rather than the size of the case (the
formats: snapshot.py and journal.py).

Opening reads the snapshot and replays the journal's entries. Saving appends one entry and
fsyncs: the append is the commit. When the entries pass a quarter of the snapshot, the
snapshot is rewritten whole (temp file, fsync, rename) and the journal starts afresh. An
entry cut short at the very end (a crash in the middle of an append) is dropped and said
(`torn`); anything else wrong is damage and refused.

A reader that finds the file grown reads only the new entries, after checking that the
last seal it read is still where it was (another copy written over the record in place
is read whole).

Inside a transaction, changes are held in memory (overlay.py) and reach disk once,
together, at the end, so a logical change (an exhibit and its custody entry) is all there
or not at all. The records of the earlier formats still read, and are rewritten in this
format the first time the case is opened (`upgrade`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.core.shared.atomic import atomic_write
from tui.core.shared.errors import RecordDamaged
from tui.core.shared.i18n import _
from tui.core.vault import journal, snapshot
from tui.core.vault.indexes import FieldIndexes
from tui.core.vault.overlay import Overlay, TrackedTable, json_copy
from tui.core.vault.snapshot import FORMAT, MAGIC, Tables

#: The journal is folded into the snapshot once it is bigger than a quarter of it (and
#: than this, so a small case is not rewritten at every change).
COMPACT_RATIO = 4
COMPACT_MIN_BYTES = 64 * 1024

Updater = Callable[[MutableMapping[int, dict[str, Any]]], None]


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
        self._indexes = FieldIndexes()
        self.torn = False
        """True when an entry cut short lies after the last whole one (see `cut_torn`)."""
        self._depth = 0
        self._guard = threading.RLock()
        """Held through a transaction, and while the record is read: a screen reading the
        case while background work saves (reading pictures, adding files) waits for the
        save, never reads the file half-appended nor another thread's unsaved changes."""
        self._working: dict[str, Overlay] = {}
        """Tables changed in this transaction (the committed ones are untouched)."""
        self._dropped: set[str] = set()
        """Tables dropped in this transaction (before whatever `_working` holds of them)."""

    # -- TinyDB's interface ------------------------------------------------------------

    def read(self) -> dict[str, Any] | None:
        """A copy of the whole record (for TinyDB's generic tables and for re-sealing)."""
        with self._guard:
            self._refresh()
            return {
                name: {key: json_copy(doc) for key, doc in self.table_view(name).items()}
                for name in self._names()
            }

    def write(self, data: dict[str, Any]) -> None:
        """Take a whole record from TinyDB's generic path: only what differs is saved."""
        tables = snapshot.as_tables(data)
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
        with self._guard:
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
            updater(TrackedTable(self._overlay(name)))
        except BaseException:
            self.end(commit=False)
            raise
        self.end(commit=True)

    def _overlay(self, name: str) -> Overlay:
        """This transaction's overlay of a table (call inside a transaction)."""
        if name not in self._working:
            base = {} if name in self._dropped else self._tables.get(name, {})
            self._working[name] = Overlay(base)
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
        index = self._indexes.lookup(self._tables.get(name, {}), name, field)
        overlay = self._working.get(name)
        changed = overlay.changes if overlay is not None else {}
        found = [key for key in index.get(value, ()) if key not in changed and key in view]
        found += [
            key for key, doc in changed.items() if doc is not None and doc.get(field) == value
        ]
        return sorted(found, key=int)

    # -- transactions ------------------------------------------------------------------

    def begin(self) -> None:
        self._guard.acquire()  # released by the matching `end`
        try:
            if not self._depth:
                self._refresh()
        except BaseException:
            self._guard.release()
            raise
        self._depth += 1

    def end(self, commit: bool) -> None:
        """Leave a transaction; the outermost one saves (or drops) what was held."""
        try:
            self._end_transaction(commit)
        finally:
            self._guard.release()

    def _end_transaction(self, commit: bool) -> None:
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
        with self._guard:
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
        self._write_snapshot(snapshot.as_tables(json_copy(data)), generation)

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
        return (set(self._tables) - self._dropped) | set(self._working)

    def _write_snapshot(self, tables: Tables, generation: int) -> None:
        raw = snapshot.seal(tables, generation, self._key, self._vault_aad)
        atomic_write(self.path, raw)
        self._tables = tables
        self._after_load(generation, FORMAT, raw)
        self._set_signature()

    def _after_load(self, generation: int, fmt: int, raw: bytes) -> None:
        """Take `raw` (the snapshot, or a record of an earlier format) as read."""
        self._generation, self._format = generation, fmt
        self._snapshot_end = self._end = len(raw)
        self._last_hash = hashlib.sha256(raw).digest()
        self._last_tag = raw[-journal.TAG :]
        self._indexes = FieldIndexes()
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
        frame = journal.frame(payload, self._key, self._vault_aad)
        journal.append_durably(self.path, self._end, frame)
        self._apply(payload)
        self._end += len(frame)
        self._last_hash = hashlib.sha256(frame).digest()
        self._last_tag = frame[-journal.TAG :]
        self.torn = False
        self._set_signature()

    def _apply(self, payload: dict[str, Any]) -> None:
        """Make one entry's changes to the committed tables (and their indexes)."""
        for name in payload.get("drop", ()):
            self._tables.pop(name, None)
            self._indexes.drop(name)
        for name, docs in payload["changes"].items():
            table = self._tables.setdefault(name, {})
            self._indexes.follow(name, table, docs)
            for key, doc in docs.items():
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
        with self._guard:
            self._refresh_now()

    def _refresh_now(self) -> None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            raise RecordDamaged(_(snapshot.MISSING)) from None
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
                handle.seek(self._end - journal.TAG)
                same_file = handle.read(journal.TAG) == self._last_tag
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
            self._tables, generation, fmt = snapshot.open_old(raw, self._key, self._vault_aad)
            self._after_load(generation, fmt, raw)
        self._signature = signature

    def _load_current(self, raw: bytes) -> None:
        self._tables, generation, end = snapshot.open_current(raw, self._key, self._vault_aad)
        self._after_load(generation, FORMAT, raw[:end])
        self._read_entries(raw[end:], end)

    def _read_entries(self, raw: bytes, offset: int) -> None:
        """Apply the whole entries in `raw` (read from `offset`). What is cut short at the
        end is left for `cut_torn`; anything else wrong is damage."""
        entries, torn = journal.read_entries(
            raw, self._key, self._vault_aad, self._last_hash, self._generation
        )
        for entry in entries:
            self._apply(entry.payload)
            self._last_hash = entry.digest
            self._end = offset + entry.end
        if entries:
            self._last_tag = raw[entries[-1].end - journal.TAG : entries[-1].end]
        self.torn = torn
