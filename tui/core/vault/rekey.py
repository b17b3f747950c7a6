"""A new key for the whole case, for when someone else may know the old passphrase or
recovery code (abusers often know their victim's passwords).

Changing only the passphrase re-wraps the data key: whoever kept an old copy of the
header, or an old backup, and knows the old passphrase could still read evidence added
later. A new key closes that: every blob is re-encrypted under a new data key, one at a
time, atomically; the record is re-sealed; the header gets the new passphrase and a new
recovery code. Old backups are marked in the copies register as opened by the old key.

It survives a crash at any point. Before anything changes, `rekey.pending` is written:
the new header (openable with the new passphrase or the new recovery code) and each key
sealed under the other. Opening the case with either the old or the new passphrase finds
it and finishes the work (`finish`), skipping the blobs already done (a blob tells which
key it is under by its first chunk)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from tui.core.shared.atomic import atomic_write, fsync_dir, open_private
from tui.core.shared.errors import VaultDamaged, WrongPassphrase
from tui.core.vault import keys
from tui.core.vault.blobs import BlobDamaged, append_card, decrypt_stream, encrypt_stream
from tui.core.vault.header import Header
from tui.core.vault.layout import BLOBS, HEADER
from tui.core.vault.vault import Vault

PENDING = "rekey.pending"
#: (blobs done, blobs in all).
Progress = Callable[[int, int], None]


def _wrap_label(vault_id: str) -> bytes:
    return b"reclaim-rekey|" + vault_id.encode()


def start(
    vault: Vault, new_passphrase: str, params: keys.Argon2Params | None = None,
    progress: Progress | None = None,
) -> tuple[Vault, str]:  # fmt: skip
    """Give the case a new data key; returns the case opened under it and the new
    recovery code (to show once). The old passphrase and code no longer open it."""
    old_key = vault.data_key
    new_key = keys.new_data_key()
    code = keys.new_recovery_code()
    header = Header.create(
        new_key, new_passphrase, params or keys.calibrate(), code, vault_id=vault.header.vault_id
    )
    label = _wrap_label(vault.header.vault_id)

    def wrapped(key: bytes, under: bytes) -> str:
        return keys.b64(keys.seal(keys.subkey(under, "reclaim rekey v1"), key, label))

    pending = {
        "header": header.to_bytes().decode("ascii"),
        "new_under_old": wrapped(new_key, old_key),
        "old_under_new": wrapped(old_key, new_key),
    }
    with vault.transaction():
        atomic_write(vault.path / PENDING, json.dumps(pending, sort_keys=True).encode())
    path = vault.path
    vault.close()
    return finish(path, old_key, new_key, progress), code


def pending_header(path: Path) -> Header | None:
    """The header a new key will have, while its re-encryption is unfinished."""
    data = _read_pending(path)
    return Header.from_bytes(data["header"].encode("ascii")) if data else None


def keys_for(path: Path, data_key: bytes) -> tuple[bytes, bytes] | None:
    """(old key, new key) of an unfinished re-encryption, from either one; None if none."""
    data = _read_pending(path)
    if data is None:
        return None
    label = _wrap_label(Header.from_bytes(data["header"].encode("ascii")).vault_id)
    try:
        new = keys.open_sealed(
            keys.subkey(data_key, "reclaim rekey v1"), keys.unb64(data["new_under_old"]), label
        )
        return data_key, new
    except InvalidTag:
        pass
    try:
        old = keys.open_sealed(
            keys.subkey(data_key, "reclaim rekey v1"), keys.unb64(data["old_under_new"]), label
        )
    except InvalidTag:
        raise VaultDamaged("The unfinished change of key can't be read with this key.") from None
    return old, data_key


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
        raise VaultDamaged(
            "The unfinished change of key is damaged. Restore the case from a backup copy."
        ) from None


def finish(path: Path, old_key: bytes, new_key: bytes, progress: Progress | None = None) -> Vault:
    """Re-encrypt what is still under the old key, re-seal the record, put the new header
    in place and remove the pending file; returns the case opened under the new key.
    A damaged blob is left as it is (verify names it) and doesn't stop the rest."""
    data = _read_pending(path)
    assert data is not None
    new_header = Header.from_bytes(data["header"].encode("ascii"))
    old_header_bytes = (path / HEADER).read_bytes()
    old = Vault(path, Header.from_bytes(old_header_bytes), old_key)
    new = Vault(path, new_header, new_key)
    with old.transaction():
        blobs = sorted((path / BLOBS).glob("*.blob"))
        damaged = []
        for index, blob in enumerate(blobs):
            if progress is not None:
                progress(index, len(blobs))
            if not _rekey_blob(old, new, blob.stem):
                damaged.append(blob.stem)
        if progress is not None:
            progress(len(blobs), len(blobs))
        _reseal_record(old, new)
        atomic_write(path / HEADER, new_header.to_bytes())
        (path / PENDING).unlink()
        fsync_dir(path)
    old.db.close()
    new.db.close()
    opened = Vault(path, new_header, new_key)
    opened.db.tables()
    _mark_old_copies(opened, damaged)
    return opened


def _under(vault: Vault, blob: str) -> bool:
    """Whether a blob is encrypted under this vault's key (its first chunk opens)."""
    try:
        next(
            iter(
                decrypt_stream(
                    vault.blob_dir / f"{blob}.blob", vault.blob_key, vault.blob_aad(blob)
                )
            )
        )
    except BlobDamaged:
        return False
    return True


def _rekey_blob(old: Vault, new: Vault, blob: str) -> bool:
    """One blob, from the old key to the new, replaced atomically; False (and the blob
    left as it was) when it is damaged and can't be read under either key."""
    from tui.core.vault import cards

    if _under(new, blob):
        return True  # done before a crash
    source = old.blob_dir / f"{blob}.blob"
    try:
        card = cards.open_card(old, blob) or _card_from_record(old, blob)
    except BlobDamaged:
        card = _card_from_record(old, blob)
    chunks = decrypt_stream(source, old.blob_key, old.blob_aad(blob))
    part = source.with_name(f"{blob}.rekey.part")
    part.unlink(missing_ok=True)
    try:
        with open_private(part) as target:
            encrypt_stream(
                _Chunks(chunks), target, new.blob_key, new.blob_aad(blob), lambda _c: None
            )
            target.flush()
            os.fsync(target.fileno())
        if card is not None:
            append_card(part, cards.seal_card(new, blob, card.record, card.generation))
        else:  # a blob the record doesn't know, from the first format: no card to give
            append_card(part, cards.seal_card(new, blob, {"blob": blob}, 0))
        part.replace(source)
    except BlobDamaged:
        part.unlink(missing_ok=True)
        return False
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return True


def _card_from_record(old: Vault, blob: str) -> Any:
    """A card for a first-format blob (which had none), from the exhibit's record."""
    from tinydb import where

    from tui.core.vault import cards

    record = old.table(cards.EXHIBITS).get(where("blob") == blob)
    if not isinstance(record, dict):
        return None
    return cards.Card(blob, dict(record), old.generation)


class _Chunks:
    """The plaintext chunks of one blob as a readable stream (memory: one chunk)."""

    def __init__(self, chunks: Any) -> None:
        self._chunks = iter(chunks)
        self._buffer = b""
        self._done = False

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and not self._done:
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                self._done = True
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


def _reseal_record(old: Vault, new: Vault) -> None:
    """The record under the new key, keeping its content and growing its generation."""
    try:
        content, generation = old.record_content()
    except VaultDamaged:
        return  # re-sealed already, before a crash
    new.replace_record(content, generation + 1)


def _mark_old_copies(vault: Vault, damaged: list[str]) -> None:
    """Backups made before the new key open with the old passphrase: say so in the
    copies register, so they are replaced (and the old ones destroyed)."""
    from tinydb import where

    from tui.core.vault import custody

    with vault.transaction():
        vault.table("copies").update({"old_key": True}, where("kind") == "backup")
        custody.append(
            vault.table(custody.TABLE),
            "new key",
            **({"left_damaged": len(damaged)} if damaged else {}),
        )


def unwrap(header: Header, passphrase: str | None, recovery_code: str | None) -> bytes:
    if passphrase is not None:
        return header.unwrap_with_passphrase(passphrase)
    if recovery_code is not None:
        return header.unwrap_with_recovery_code(recovery_code)
    raise WrongPassphrase("A passphrase or the recovery code is needed.")
