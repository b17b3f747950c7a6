"""The pieces of a change of the case's key (see rekey.py) that opening a case needs too,
because a change that was interrupted is settled the next time the case is opened.

A change has one point of no return, and nothing before it changes which secrets open
the case:

1. `rekey.pending` is written: the new header, the old one, and each key sealed under
   the other, marked not committed. The new passphrase does not open the case yet.
2. Each blob is re-encrypted beside itself (`<blob>.rekey.part`) and the record is
   re-sealed beside itself (`case.db.rekey`); every old file is left as it was.
3. The commit: `rekey.pending` is rewritten, in one atomic step, marked committed (the
   new recovery code has been shown before this).
4. The roll forward: the parts are renamed over the blobs, the record over the record,
   the new header put in place, and `rekey.pending` removed.

Opened before the commit, the case is rolled back (`undo`: the parts, the side record and
the pending file go) and the person is told (`STOPPED`). Opened after it, with either the
old or the new secret, the roll forward is finished and said (`FINISHED`).

A pending file of the earlier scheme (no commit mark; its blobs were re-encrypted in
place, so some may be under the new key already) is finished as it always was, and said
(`FINISHED_EARLIER`): it can't be rolled back."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import filelock
from cryptography.exceptions import InvalidTag

from tui.core.shared.atomic import FILE_MODE, atomic_write, fsync_dir
from tui.core.shared.errors import ReclaimError, VaultBusy, VaultDamaged, WrongPassphrase
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import listed
from tui.core.vault import keys
from tui.core.vault.header import Header
from tui.core.vault.layout import BLOBS, HEADER, LOCK, RECORD
from tui.core.vault.reencrypt import PART, BlobKeys, CardFromRecord, Progress, rekey_blobs
from tui.core.vault.store import SealedJSONStorage

PENDING = "rekey.pending"
#: The record re-sealed under the new key, beside the record, until the roll forward.
SIDE_RECORD = RECORD + ".rekey"

STOPPED = N_(
    "A change of key was stopped before it finished; nothing changed: your old passphrase "
    "and recovery code still open this case."
)
FINISHED = N_(
    "A change of key that was interrupted has now finished; your new passphrase and the "
    "recovery code shown then open this case."
)
FINISHED_EARLIER = N_(
    "A change of key that was interrupted has now finished; your new passphrase opens this "
    "case, and the old passphrase and recovery code no longer do. Its new recovery code "
    "may never have been shown: choose a new passphrase now to get one you can write down."
)


class KeyChangeRefused(ReclaimError):
    """Some evidence can't be read, so the key was not changed (nothing was)."""


class KeyChangeUnfinished(ReclaimError):
    """Past the point of no return, the change could not be finished now: the next open
    finishes it."""


UNFINISHED = N_(
    "Your case's new key is in place but could not be finished just now; it finishes the "
    "next time the case is opened, with your new passphrase or the new recovery code."
)


@dataclass(frozen=True)
class Pending:
    """A change of key under way, as `rekey.pending` says it."""

    header: Header
    """The header the case will have."""
    was: Header | None
    """The header it had (None in the earlier scheme, which did not keep it)."""
    committed: bool | None
    """Past the point of no return; None for the earlier scheme (it had no such point)."""
    data: dict[str, Any]

    @property
    def new_secrets_open(self) -> bool:
        """Whether the new passphrase and code open the case (only once committed)."""
        return self.committed is not False


def _wrap_label(vault_id: str) -> bytes:
    return b"reclaim-rekey|" + vault_id.encode()


def _wrapped(key: bytes, under: bytes, label: bytes) -> str:
    sealing = keys.subkey(under, "reclaim rekey v1")  # i18n: not shown
    return keys.b64(keys.seal(sealing, key, label))


def write_pending(path: Path, header: Header, was: Header, old_key: bytes, new_key: bytes) -> None:
    """Say, before anything changes, what the case's new header and key will be (not
    committed: the old secrets alone open the case until `commit`)."""
    label = _wrap_label(header.vault_id)
    pending = {
        "header": header.to_bytes().decode("ascii"),
        "was": was.to_bytes().decode("ascii"),
        "new_under_old": _wrapped(new_key, old_key, label),
        "old_under_new": _wrapped(old_key, new_key, label),
        "committed": False,
    }
    atomic_write(path / PENDING, json.dumps(pending, sort_keys=True).encode())


def commit(path: Path) -> None:
    """The point of no return, in one atomic write: from now on the change is finished,
    never rolled back. Everything it needs is on disk (and synced) before this."""
    pending = read_pending(path)
    if pending is None or pending.committed is not False:
        raise VaultDamaged(_("The change of key can't be finished: what it had written is gone."))
    atomic_write(
        path / PENDING, json.dumps({**pending.data, "committed": True}, sort_keys=True).encode()
    )


def undo(path: Path) -> bool:
    """Roll back a change not yet committed: its parts, side record and pending file go,
    and the case is exactly as it was. False (and nothing touched) once committed."""
    pending = read_pending(path)
    if pending is not None and pending.committed is not False:
        return False
    for part in (path / BLOBS).glob(f"*{PART}"):
        part.unlink(missing_ok=True)
    (path / SIDE_RECORD).unlink(missing_ok=True)
    if pending is not None:
        (path / PENDING).unlink(missing_ok=True)
    fsync_dir(path / BLOBS)
    fsync_dir(path)
    return True


def roll_forward(path: Path) -> None:
    """After the commit: the re-encrypted blobs and record take the old ones' places
    (each rename atomic; one done before a crash is not done again)."""
    blobs = path / BLOBS
    for part in sorted(blobs.glob(f"*{PART}")):
        part.replace(blobs / (part.name.removesuffix(PART) + ".blob"))
    fsync_dir(blobs)
    side = path / SIDE_RECORD
    if side.exists():
        side.replace(path / RECORD)
    fsync_dir(path)


def clear_pending(path: Path) -> None:
    """The change is finished: nothing pending any more."""
    (path / PENDING).unlink()
    fsync_dir(path)


def read_pending(path: Path) -> Pending | None:
    """The change of key under way, or None."""
    data = _read_pending(path)
    if data is None:
        return None
    try:
        header = Header.from_bytes(data["header"].encode("ascii"))
        was = Header.from_bytes(data["was"].encode("ascii")) if "was" in data else None
    except (AttributeError, UnicodeEncodeError):
        raise VaultDamaged(_(_DAMAGED)) from None
    committed = data.get("committed")
    if committed is not None and not isinstance(committed, bool):
        raise VaultDamaged(_(_DAMAGED))
    return Pending(header, was, committed, data)


def pending_header(path: Path) -> Header | None:
    """The header a new key will have, while a change of key is unfinished."""
    pending = read_pending(path)
    return pending.header if pending else None


def keys_for(pending: Pending, data_key: bytes) -> tuple[bytes, bytes]:
    """(old key, new key) of a change under way, from either one."""
    data = pending.data
    label = _wrap_label(pending.header.vault_id)
    try:
        new = keys.open_sealed(
            keys.subkey(data_key, "reclaim rekey v1"),  # i18n: not shown
            keys.unb64(data["new_under_old"]),
            label,
        )
        return data_key, new
    except InvalidTag:
        pass
    try:
        old = keys.open_sealed(
            keys.subkey(data_key, "reclaim rekey v1"),  # i18n: not shown
            keys.unb64(data["old_under_new"]),
            label,
        )
    except InvalidTag:
        raise VaultDamaged(
            _("The unfinished change of key can't be read with this key.")
        ) from None
    return old, data_key


_DAMAGED = N_("The unfinished change of key is damaged. Restore the case from a backup copy.")


def _read_pending(path: Path) -> dict[str, Any] | None:
    try:
        raw = (path / PENDING).read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or not {"header", "new_under_old", "old_under_new"} <= set(
            data
        ):
            raise ValueError
        return data
    except ValueError:
        raise VaultDamaged(_(_DAMAGED)) from None


def unlock(
    header: Header,
    pending: Pending | None,
    passphrase: str | None,
    recovery_code: str | None,
    data_key: bytes | None,
) -> bytes:
    """The data key the person's secret opens: the case's header's, or, once a change of
    key is committed (and not yet finished), the new header's or the old one's."""
    headers = [header]
    if pending is not None and pending.new_secrets_open:
        headers += [each for each in (pending.header, pending.was) if each is not None]
    first_error: Exception | None = None
    for each in headers:
        try:
            if data_key is not None:
                each.verify(data_key)
                return data_key
            return unwrap(each, passphrase, recovery_code)
        except ReclaimError as error:
            first_error = first_error or error
    assert first_error is not None
    raise first_error


def unwrap(header: Header, passphrase: str | None, recovery_code: str | None) -> bytes:
    if passphrase is not None:
        return header.unwrap_with_passphrase(passphrase)
    if recovery_code is not None:
        return header.unwrap_with_recovery_code(recovery_code)
    raise WrongPassphrase(_("A passphrase or the recovery code is needed."))


def stage_record(
    path: Path, new_key: bytes, vault_id: str, content: dict[str, Any], generation: int
) -> None:
    """The record re-sealed under the new key, beside the record (`case.db.rekey`)."""
    side = SealedJSONStorage(
        path / SIDE_RECORD,
        keys.subkey(new_key, "reclaim record v1"),  # i18n: not shown
        vault_id.encode(),
    )
    side.write_as(content, generation)


def refused(exhibits: list[str], others: int) -> KeyChangeRefused:
    """What to say when damaged evidence stopped a change of key (nothing changed)."""
    unlisted = ngettext(
        "{count} file the case record does not list",
        "{count} files the case record does not list",
        others,
    ).format(count=others)
    named = list(exhibits) + ([unlisted] if others else [])
    return KeyChangeRefused(
        ngettext(
            "{damaged} can't be read (damaged), so nothing was changed: your old passphrase "
            "and recovery code still open the case. Restore it from a backup (reclaim backup "
            "restore) or delete it, then give the case a new key again.",
            "{damaged} can't be read (damaged), so nothing was changed: your old passphrase "
            "and recovery code still open the case. Restore them from a backup (reclaim backup "
            "restore) or delete them, then give the case a new key again.",
            len(exhibits) + others,
        ).format(damaged=listed(named))
    )


class Resealing(BlobKeys, Protocol):
    """What finishing a change of the earlier scheme needs of the case under each key."""

    def record_content(self) -> tuple[dict[str, Any], int]: ...

    def replace_record(self, content: dict[str, Any], generation: int) -> None: ...


@contextlib.contextmanager
def _holding_lock(path: Path, wait: float) -> Iterator[None]:
    """The case's lock (as `Vault.transaction` takes it), without reading the record,
    which may be under either key in the middle of a change."""
    lock = filelock.FileLock(path / LOCK, timeout=wait, mode=FILE_MODE)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise VaultBusy(
            _(
                "This case is open in another Reclaim window or command that is still "
                "saving. Wait for it to finish, or close it, then try again."
            )
        ) from None
    try:
        yield
    finally:
        lock.release()


def undo_if_free(path: Path) -> bool:
    """`undo`, unless another window holds the case (it may be making that very change
    right now: the old files it leaves alone are read as they are). True if undone."""
    try:
        with _holding_lock(path, wait=0):
            return undo(path)
    except VaultBusy:
        return False


def finish(
    path: Path,
    old: Resealing,
    new: Resealing,
    from_record: CardFromRecord,
    progress: Progress | None,
    wait: float,
) -> list[str] | None:
    """Finish a change of key past its point of no return: the blobs and record made
    beside the old ones take their places, the new header goes in and nothing is pending
    any more. A change of the earlier scheme (no point of no return) re-encrypts in
    place what is still under the old key, leaving a damaged blob as it is (verify names
    it). Returns the blobs left damaged; None when nothing was pending (another window
    finished it first)."""
    damaged: list[str] = []
    with _holding_lock(path, wait):
        pending = read_pending(path)
        if pending is None:
            return None
        if pending.committed is None:
            damaged = rekey_blobs(old, new, from_record, progress)
            try:
                content, generation = old.record_content()
            except VaultDamaged:
                pass  # re-sealed already, before a crash
            else:
                new.replace_record(content, generation + 1)
        elif pending.committed:
            roll_forward(path)
        else:
            raise VaultDamaged(_("The change of key can't be finished: it was never committed."))
        atomic_write(path / HEADER, pending.header.to_bytes())
        clear_pending(path)
    return damaged
