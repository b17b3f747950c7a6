"""The pieces of a change of the case's key (see rekey.py) that opening a case needs too,
because a change interrupted by a crash is finished the next time the case is opened
(`Vault.finish_key_change`).

Before anything changes, `rekey.pending` is written: the new header (openable with the
new passphrase or the new recovery code) and each key sealed under the other, so either
passphrase finds both keys. Each blob is then re-encrypted under the new key on its own,
atomically; a blob tells which key it is under by its first chunk, so one done before a
crash is skipped."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag

from tui.core.shared.atomic import atomic_write, fsync_dir, open_private
from tui.core.shared.errors import VaultDamaged, WrongPassphrase
from tui.core.vault import cards, keys
from tui.core.vault.blobs import BlobDamaged, append_card, decrypt_stream, encrypt_stream
from tui.core.vault.header import Header

PENDING = "rekey.pending"
#: (blobs done, blobs in all).
Progress = Callable[[int, int], None]
#: The card a blob of the first format (which had none) gets, from the case's record.
CardFromRecord = Callable[[str], cards.Card | None]


class BlobKeys(cards.CardKeys, Protocol):
    """What re-encrypting a blob needs of an unlocked vault (under the old key or the
    new), which hands itself in."""

    @property
    def blob_key(self) -> bytes: ...

    def blob_aad(self, blob_name: str) -> bytes: ...


def _wrap_label(vault_id: str) -> bytes:
    return b"reclaim-rekey|" + vault_id.encode()


def _wrapped(key: bytes, under: bytes, label: bytes) -> str:
    return keys.b64(keys.seal(keys.subkey(under, "reclaim rekey v1"), key, label))


def write_pending(path: Path, header: Header, old_key: bytes, new_key: bytes) -> None:
    """Say, before anything changes, what the case's new header and key will be."""
    label = _wrap_label(header.vault_id)
    pending = {
        "header": header.to_bytes().decode("ascii"),
        "new_under_old": _wrapped(new_key, old_key, label),
        "old_under_new": _wrapped(old_key, new_key, label),
    }
    atomic_write(path / PENDING, json.dumps(pending, sort_keys=True).encode())


def clear_pending(path: Path) -> None:
    """The change is finished: nothing pending any more."""
    (path / PENDING).unlink()
    fsync_dir(path)


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


def unwrap(header: Header, passphrase: str | None, recovery_code: str | None) -> bytes:
    if passphrase is not None:
        return header.unwrap_with_passphrase(passphrase)
    if recovery_code is not None:
        return header.unwrap_with_recovery_code(recovery_code)
    raise WrongPassphrase("A passphrase or the recovery code is needed.")


def rekey_blobs(
    old: BlobKeys, new: BlobKeys, from_record: CardFromRecord, progress: Progress | None
) -> list[str]:
    """Every blob from the old key to the new, one at a time; the blobs left as they were
    because they are damaged (verify names them), which don't stop the rest."""
    blobs = sorted(old.blob_dir.glob("*.blob"))
    damaged = []
    for index, blob in enumerate(blobs):
        if progress is not None:
            progress(index, len(blobs))
        if not rekey_blob(old, new, blob.stem, from_record):
            damaged.append(blob.stem)
    if progress is not None:
        progress(len(blobs), len(blobs))
    return damaged


def _under(vault: BlobKeys, blob: str) -> bool:
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


def rekey_blob(old: BlobKeys, new: BlobKeys, blob: str, from_record: CardFromRecord) -> bool:
    """One blob, from the old key to the new, replaced atomically; False (and the blob
    left as it was) when it is damaged and can't be read under either key."""
    if _under(new, blob):
        return True  # done before a crash
    source = old.blob_dir / f"{blob}.blob"
    try:
        card = cards.open_card(old, blob) or from_record(blob)
    except BlobDamaged:
        card = from_record(blob)
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


class _Chunks:
    """The plaintext chunks of one blob as a readable stream (memory: one chunk)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
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
