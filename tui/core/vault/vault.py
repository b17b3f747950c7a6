"""A case vault: one private folder holding a plaintext header, the sealed case record
and the encrypted evidence blobs.

    header.json   format, KDF parameters, wrapped keys (authenticated; see header.py)
    case.db       the TinyDB record: a sealed snapshot and a sealed journal of the
                  changes since, each change with its generation (see store.py)
    blobs/        one opaque file per evidence item, ending with its sealed card
                  (see blobs.py and cards.py)
    .lock         keeps two writers from interleaving

Reading needs no lock (a change is one appended entry, or a rename; a reader stops at the
last whole entry). Every change happens inside `Vault.transaction()`, which holds the
lock and saves the record once at the end.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
from tinydb import where

from tui.core.shared import clock
from tui.core.shared.atomic import FILE_MODE, atomic_write, fsync_dir, make_private_dir
from tui.core.shared.errors import (
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
)
from tui.core.shared.i18n import _
from tui.core.vault import cards, custody, key_change, keys, migrations, reencrypt
from tui.core.vault.header import VERSION as header_version_number
from tui.core.vault.header import Header
from tui.core.vault.journal import TORN
from tui.core.vault.layout import BLOBS, HEADER, LOCK, RECORD
from tui.core.vault.store import SealedJSONStorage
from tui.core.vault.tables import CaseDB, CaseTable

LOCK_WAIT_SECONDS = 5.0
#: An unfinished piece untouched this long belongs to a write that was interrupted.
STALE_SECONDS = 3600


def read_header(path: Path) -> Header:
    try:
        raw = (path / HEADER).read_bytes()
    except FileNotFoundError:
        raise VaultNotFound(_("There is no Reclaim case in {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise VaultDamaged(
            _("{path} does not hold a readable Reclaim case header.").format(path=path)
        ) from None
    return Header.from_bytes(raw)


class Vault:
    """An unlocked vault. Create with `Vault.create` or open with `Vault.open`."""

    def __init__(self, path: Path, header: Header, data_key: bytes) -> None:
        self.path = path
        self.header = header
        self._data_key = data_key
        self._blob_key = keys.subkey(data_key, "reclaim blobs v1")  # i18n: not shown
        self._card_key = keys.subkey(data_key, "reclaim cards v1")  # i18n: not shown
        self._storage = SealedJSONStorage(
            path / RECORD,
            keys.subkey(data_key, "reclaim record v1"),  # i18n: not shown
            header.vault_id.encode(),
        )
        self.db = CaseDB(storage=lambda: self._storage)
        self._tables: dict[str, CaseTable] = {}
        self._lock = filelock.FileLock(path / LOCK, timeout=LOCK_WAIT_SECONDS, mode=FILE_MODE)
        # The file lock keeps other processes out; this keeps a screen's background
        # work (adding files) and the screen itself from saving at the same moment.
        self._in_process = threading.RLock()
        self.notices: list[str] = []
        """Plain sentences for the person about what opening found (a change that was
        cut short when Reclaim or the computer stopped)."""
        self.no_strays_at: tuple[int, int, int] | None = None
        """(generation, blob folder inode and change time) when the blob folder was last
        found to hold no blob the record doesn't know (see `evidence.strays.any_strays`)."""

    # ---- creating and opening ---------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, params: keys.Argon2Params | None = None
    ) -> tuple[Vault, str]:
        """Make a new vault at `path`; returns it and the recovery code (shown once)."""
        path = path.expanduser().absolute()
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultExists(
                _(
                    "{path} already exists and is not empty; choose a new folder for the case."
                ).format(path=path)
            )
        make_private_dir(path.parent)
        # Build the vault beside its final place, then rename it in one step, so an
        # interrupted creation never leaves a half-made vault behind.
        staging = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
        make_private_dir(staging)
        try:
            data_key = keys.new_data_key()
            recovery_code = keys.new_recovery_code()
            header = Header.create(data_key, passphrase, params or keys.calibrate(), recovery_code)
            atomic_write(staging / HEADER, header.to_bytes())
            make_private_dir(staging / BLOBS)
            fsync_dir(staging / BLOBS)
            vault = cls(staging, header, data_key)
            vault._storage.create()
            vault.db.close()
            if path.exists():
                path.rmdir()
            staging.rename(path)
            fsync_dir(path.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls(path, header, data_key), recovery_code

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_code: str | None = None,
        data_key: bytes | None = None,
        upgrade: bool = True,
    ) -> Vault:
        """Unlock with exactly one of: passphrase, recovery code, or a remembered key.

        Opening brings a case of the first format up to date and settles a change of key
        that was interrupted (rolled back before its point of no return, finished after
        it; either is said in `notices`); `upgrade=False` changes nothing (a backup being
        checked)."""
        path = path.expanduser().absolute()
        header = read_header(path)
        if passphrase is None and recovery_code is None and data_key is None:
            raise ValueError(
                "a passphrase, recovery code or data key is needed"  # i18n: not shown
            )
        pending = key_change.read_pending(path)
        data_key = key_change.unlock(header, pending, passphrase, recovery_code, data_key)
        stopped = False
        if upgrade and pending is not None:
            old_key, new_key = key_change.keys_for(pending, data_key)
            if pending.committed is not False:
                finished = cls.finish_key_change(path, old_key, new_key)
                finished.notices.append(
                    _(key_change.FINISHED if pending.committed else key_change.FINISHED_EARLIER)
                )
                return finished
            stopped = key_change.undo_if_free(path)
        vault = cls(path, header, data_key)
        vault._storage.load()  # decrypt the record now, so damage shows at once
        if stopped:
            vault.notices.append(_(key_change.STOPPED))
        if upgrade:
            vault._upgrade()
            vault._drop_torn_change()
        return vault

    @classmethod
    def open_without_record(
        cls, path: Path, *, passphrase: str | None = None, recovery_code: str | None = None
    ) -> Vault:
        """Unlock a case whose record is lost or damaged, to rebuild it from its blobs
        (`evidence.recovery.rebuild_record`); nothing is read from the record."""
        path = path.expanduser().absolute()
        header = read_header(path)
        return cls(path, header, key_change.unwrap(header, passphrase, recovery_code))

    @classmethod
    def finish_key_change(
        cls,
        path: Path,
        old_key: bytes,
        new_key: bytes,
        progress: reencrypt.Progress | None = None,
    ) -> Vault:
        """Finish a change of key past its point of no return (`key_change.finish`);
        returns the case opened under the new key (done already by another window is
        fine: nothing more is done)."""
        pending = key_change.read_pending(path)
        old = cls(path, read_header(path), old_key)
        new = cls(path, pending.header if pending else read_header(path), new_key)
        damaged = key_change.finish(
            path, old, new, old._card_from_record, progress, LOCK_WAIT_SECONDS
        )
        new.db.close()
        old.db.close()
        opened = cls(path, read_header(path), new_key)
        opened.db.tables()
        if damaged is None:
            return opened
        with opened.transaction():
            # Backups made before open with the old passphrase: the copies register
            # says so, so they are replaced (and the old ones destroyed).
            opened.table("copies").update({"old_key": True}, where("kind") == "backup")
            custody.append(
                opened.table(custody.TABLE),
                "new key",  # i18n: not shown
                **({"left_damaged": len(damaged)} if damaged else {}),
            )
        return opened

    def _card_from_record(self, blob: str) -> cards.Card | None:
        """A card for a first-format blob (which had none), from the exhibit's record."""
        record = self.table(cards.EXHIBITS).get(where("blob") == blob)
        if not isinstance(record, dict):
            return None
        return cards.Card(blob, dict(record), self.generation)

    def _upgrade(self) -> None:
        """Bring a case of an earlier format to this one, atomically, losing nothing: the
        record is rewritten in the current format first (every version reads it), with
        the data the formats since moved (`migrations`), then the header says the
        current version. Blobs keep their format; new ones carry cards."""
        if not (self._storage.old_format or self.header.version < header_version_number):
            return
        with self.transaction():
            content, generation = self.record_content()
            if migrations.migrate(content, self.header.version):
                self.replace_record(content, generation + 1)
            else:
                self._storage.upgrade()
            upgraded = self.header.upgraded(self._data_key)
            atomic_write(self.path / HEADER, upgraded.to_bytes())
            self.header = upgraded

    def _drop_torn_change(self) -> None:
        """A change cut short at the end of the record (Reclaim or the computer stopped
        in the middle of saving it) is dropped, and said. Under the lock, so a change
        another window is saving right now is not mistaken for one."""
        if not self._storage.torn:
            return
        try:
            with self.transaction():
                dropped = self._storage.cut_torn()
        except VaultBusy:
            return  # another writer is at work: it drops what is cut short itself
        except OSError:
            # A folder that can't be written (a read-only drive): the case is read as
            # it is, without the change cut short, and nothing on disk is touched.
            dropped = self._storage.torn
        if dropped:
            self.notices.append(_(TORN))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- changing ---------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock and gather every write into one atomic save at the end."""
        if not self._in_process.acquire(timeout=LOCK_WAIT_SECONDS):
            raise VaultBusy(_("Reclaim is still saving the last change; try again in a moment."))
        try:
            self._lock.acquire()
        except filelock.Timeout:
            self._in_process.release()
            raise VaultBusy(
                _(
                    "This case is open in another Reclaim window or command that is still "
                    "saving. Wait for it to finish, or close it, then try again."
                )
            ) from None
        except BaseException:  # a lock file that can't be made (a read-only folder)
            self._in_process.release()
            raise
        try:
            self._storage.begin()
        except BaseException:
            self._lock.release()
            self._in_process.release()
            raise
        for table in self._tables.values():
            table.forget_next_id()
        committed = False
        try:
            yield
            committed = True
        finally:
            try:
                self._storage.end(commit=committed)
            finally:
                self._lock.release()
                self._in_process.release()

    @property
    def generation(self) -> int:
        """The record's generation on disk; each saved change adds one, so it only grows."""
        return self._storage.generation

    def table(self, name: str) -> CaseTable:
        # No query cache: another process may have changed the record since.
        if name not in self._tables:
            table = self.db.table(name, cache_size=0)
            assert isinstance(table, CaseTable)
            self._tables[name] = table
        return self._tables[name]

    def next_number(self, counter: str) -> int:
        """The next number of a never-reused series (exhibit ids...). Call in a transaction."""
        meta = self.table("meta")
        current: dict[str, Any] = dict(meta.get(doc_id=1) or {})
        number = int(current.get(counter, 0)) + 1
        current[counter] = number
        if meta.contains(doc_id=1):
            meta.update({counter: number}, doc_ids=[1])
        else:
            meta.insert(current)
        return number

    def raise_counter(self, counter: str, at_least: int) -> None:
        """Make sure the series' next number is past `at_least` (numbers seen on cards
        count as used even when the record has forgotten them). Call in a transaction."""
        meta = self.table("meta")
        current: dict[str, Any] = dict(meta.get(doc_id=1) or {})
        if int(current.get(counter, 0)) >= at_least:
            return
        if meta.contains(doc_id=1):
            meta.update({counter: at_least}, doc_ids=[1])
        else:
            meta.insert({**current, counter: at_least})

    def change_passphrase(
        self,
        new_passphrase: str,
        params: keys.Argon2Params | None = None,
        new_recovery_code: str | None = None,
    ) -> None:
        """Re-wrap the data key under a new passphrase (and a new recovery code, when
        given). Nothing else is re-encrypted: for that, see rekey.py."""
        with self.transaction():
            header = self.header.with_passphrase(
                self._data_key, new_passphrase, params or keys.calibrate()
            )
            if new_recovery_code is not None:
                header = header.with_recovery_code(self._data_key, new_recovery_code)
            atomic_write(self.path / HEADER, header.to_bytes())
            self.header = header

    def replace_recovery_code(self) -> str:
        """Give the case a new recovery code, the passphrase and everything else left as
        they are; returns it (shown once, never stored). The old code no longer opens it."""
        code = keys.new_recovery_code()
        with self.transaction():
            header = self.header.with_recovery_code(self._data_key, code)
            atomic_write(self.path / HEADER, header.to_bytes())
            self.header = header
        return code

    def sweep_leftovers(self) -> int:
        """Remove what interrupted writes left behind: unfinished blobs (`*.part`) and
        unfinished saves (`.*.tmp`), once untouched for an hour (a live write touches
        its file every chunk). A finished blob is never removed. Returns the count."""
        cutoff = clock.epoch_seconds() - STALE_SECONDS
        removed = 0
        if (self.path / key_change.PENDING).exists():
            return 0  # a change of key's parts are not leftovers until it is settled
        for folder, pattern in ((self.blob_dir, "*.part"), (self.path, ".*.tmp")):
            for leftover in folder.glob(pattern):
                with contextlib.suppress(FileNotFoundError):
                    if leftover.stat().st_mtime < cutoff:
                        leftover.unlink()
                        removed += 1
        return removed

    # ---- blobs ------------------------------------------------------------------

    @property
    def blob_dir(self) -> Path:
        return self.path / BLOBS

    @property
    def blob_key(self) -> bytes:
        return self._blob_key

    @property
    def card_key(self) -> bytes:
        return self._card_key

    def record_content(self) -> tuple[dict[str, Any], int]:
        """The whole record as it is on disk, and its generation (for re-sealing)."""
        content = self._storage.read() or {}
        return content, self._storage.generation

    def replace_record(self, content: dict[str, Any], generation: int) -> None:
        """Seal `content` as the record at `generation` under this vault's key."""
        self._storage.write_as(content, generation)

    def rebuild_storage(self, generation: int) -> None:
        """Start an empty record at `generation` (for rebuilding from the blobs)."""
        self._storage.start_over(generation)

    def blob_aad(self, blob_name: str) -> bytes:
        return b"|".join([b"reclaim-blob", self.header.vault_id.encode(), blob_name.encode()])

    @property
    def data_key(self) -> bytes:
        """For the device keyring only; never print or log it."""
        return self._data_key
