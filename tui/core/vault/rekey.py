"""A new key for the whole case, for when someone else may know the old passphrase or
recovery code (abusers often know their victim's passwords).

Changing only the passphrase re-wraps the data key: whoever kept an old copy of the
header, or an old backup, and knows the old passphrase could still read evidence added
later. A new key closes that: every blob is re-encrypted under a new data key, the record
is re-sealed, and the header gets the new passphrase and a new recovery code. Old backups
are marked in the copies register as opened by the old key.

It is two steps, so that nothing changes which secrets open the case until the new
recovery code has been shown: `prepare` (the new key, header and code, nothing written),
then, once the person has the code, `apply`. `apply` writes everything new beside the
old files and has one point of no return (key_change.py); stopped or crashed before it,
the case is as it was (rolled back at once, or at the next open, which says so); after
it, the next open finishes the change (and says so)."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.shared.errors import Cancelled, ReclaimError, VaultDamaged
from tui.core.shared.i18n import _
from tui.core.vault import key_change, keys, reencrypt
from tui.core.vault.header import Header
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class Prepared:
    """A change of key decided but not begun: nothing of it is on disk."""

    header: Header
    """The case's header to be: opened by the new passphrase and the new code."""
    key: bytes
    code: str
    """The new recovery code: shown (and written down) before `apply`."""

    def __repr__(self) -> str:
        return "Prepared(…)"  # never the key or the code in a log or a traceback


def prepare(
    vault: Vault, new_passphrase: str, params: keys.Argon2Params | None = None
) -> Prepared:
    """A new data key, recovery code and header for the case; nothing is written."""
    key = keys.new_data_key()
    code = keys.new_recovery_code()
    header = Header.create(
        key, new_passphrase, params or keys.calibrate(), code, vault_id=vault.header.vault_id
    )
    return Prepared(header, key, code)


def apply(
    vault: Vault,
    prepared: Prepared,
    progress: reencrypt.Progress | None = None,
    *,
    undo_when_stopped: bool = True,
) -> Vault:
    """Give the case the prepared key; returns it opened under the new one (`vault` is
    closed). Before the point of no return every old file is untouched: an error, a
    damaged blob (KeyChangeRefused, naming the exhibits) or a stop (`progress` raising
    Cancelled, or Ctrl+C) rolls it back and is raised; with `undo_when_stopped=False`
    a Cancelled stop leaves the roll back to the next open, which says what was stopped.
    After that point the change finishes; if it is cut short, the next open finishes it."""
    path, old_key = vault.path, vault.data_key
    new = Vault(path, prepared.header, prepared.key)
    committed = False
    try:
        with vault.transaction():
            if not key_change.undo(path):  # what a stopped change left, if anything
                raise VaultDamaged(
                    _("A change of key is still to finish: close the case and open it again.")
                )
            key_change.write_pending(path, prepared.header, vault.header, old_key, prepared.key)
            damaged = reencrypt.stage_blobs(vault, new, vault._card_from_record, progress)
            if damaged:
                exhibits = [
                    card.exhibit_id for b in damaged if (card := vault._card_from_record(b))
                ]
                raise key_change.refused(exhibits, len(damaged) - len(exhibits))
            content, generation = vault.record_content()
            key_change.stage_record(
                path, prepared.key, prepared.header.vault_id, content, generation + 1
            )
            key_change.commit(path)
            committed = True
    except Cancelled:
        if undo_when_stopped and not committed:
            key_change.undo(path)
        raise
    except BaseException:
        if not committed:
            key_change.undo(path)  # refuses (changes nothing) once committed
        raise
    finally:
        new.db.close()
    vault.close()
    try:
        return Vault.finish_key_change(path, old_key, prepared.key, progress)
    except (ReclaimError, OSError) as error:  # another window holds the case, a full disk
        raise key_change.KeyChangeUnfinished(_(key_change.UNFINISHED)) from error


def start(
    vault: Vault, new_passphrase: str, params: keys.Argon2Params | None = None,
    progress: reencrypt.Progress | None = None,
) -> tuple[Vault, str]:  # fmt: skip
    """`prepare` then `apply` at once, for a caller that shows the code afterwards (it
    is returned with the case opened under the new key)."""
    prepared = prepare(vault, new_passphrase, params)
    return apply(vault, prepared, progress), prepared.code
