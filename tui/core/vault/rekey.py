"""A new key for the whole case, for when someone else may know the old passphrase or
recovery code (abusers often know their victim's passwords).

Changing only the passphrase re-wraps the data key: whoever kept an old copy of the
header, or an old backup, and knows the old passphrase could still read evidence added
later. A new key closes that: every blob is re-encrypted under a new data key, one at a
time, atomically; the record is re-sealed; the header gets the new passphrase and a new
recovery code. Old backups are marked in the copies register as opened by the old key.

It survives a crash at any point: what is pending is written first (key_change.py), and
opening the case with either the old or the new passphrase finishes the work
(`Vault.finish_key_change`)."""

from __future__ import annotations

from tui.core.vault import key_change, keys
from tui.core.vault.header import Header
from tui.core.vault.vault import Vault


def start(
    vault: Vault, new_passphrase: str, params: keys.Argon2Params | None = None,
    progress: key_change.Progress | None = None,
) -> tuple[Vault, str]:  # fmt: skip
    """Give the case a new data key; returns the case opened under it and the new
    recovery code (to show once). The old passphrase and code no longer open it."""
    old_key = vault.data_key
    new_key = keys.new_data_key()
    code = keys.new_recovery_code()
    header = Header.create(
        new_key, new_passphrase, params or keys.calibrate(), code, vault_id=vault.header.vault_id
    )
    with vault.transaction():
        key_change.write_pending(vault.path, header, old_key, new_key)
    path = vault.path
    vault.close()
    return Vault.finish_key_change(path, old_key, new_key, progress), code
