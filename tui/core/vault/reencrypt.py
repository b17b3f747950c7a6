"""Blobs re-encrypted under a case's new key (see rekey.py and key_change.py): beside
themselves (`stage_blobs`, each old blob untouched until the change is committed), or in
place (`rekey_blobs`: a change of the earlier scheme, being finished)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Protocol

from tui.core.shared.atomic import fsync_dir, open_private
from tui.core.vault import cards
from tui.core.vault.blobs import BlobDamaged, append_card, decrypt_stream, encrypt_stream

#: A blob re-encrypted under the new key, beside the blob, until the roll forward.
PART = ".rekey.part"
#: (blobs done, blobs in all); it may raise (Cancelled) to stop the change.
Progress = Callable[[int, int], None]
#: The card a blob of the first format (which had none) gets, from the case's record.
CardFromRecord = Callable[[str], cards.Card | None]


class BlobKeys(cards.CardKeys, Protocol):
    """What re-encrypting a blob needs of an unlocked vault (under the old key or the
    new), which hands itself in."""

    @property
    def blob_key(self) -> bytes: ...

    def blob_aad(self, blob_name: str) -> bytes: ...


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
    """One blob, from the old key to the new, replaced atomically (the earlier scheme,
    finishing a change it began); False (and the blob left as it was) when it is damaged
    and can't be read under either key."""
    if _under(new, blob):
        return True  # done before a crash
    if not stage_blob(old, new, blob, from_record):
        return False
    (old.blob_dir / f"{blob}{PART}").replace(old.blob_dir / f"{blob}.blob")
    return True


def stage_blobs(
    old: BlobKeys, new: BlobKeys, from_record: CardFromRecord, progress: Progress | None
) -> list[str]:
    """Every blob re-encrypted under the new key beside itself (`<blob>.rekey.part`),
    the old ones untouched; the blobs that can't be read (damaged), which stop the change
    only once every other one was tried, so that all of them can be named."""
    blobs = sorted(old.blob_dir.glob("*.blob"))
    damaged = []
    for index, blob in enumerate(blobs):
        if progress is not None:
            progress(index, len(blobs))

        def tick(index: int = index) -> None:
            if progress is not None:
                progress(index, len(blobs))

        if not stage_blob(old, new, blob.stem, from_record, tick):
            damaged.append(blob.stem)
    fsync_dir(old.blob_dir)
    if progress is not None:
        progress(len(blobs), len(blobs))
    return damaged


def stage_blob(
    old: BlobKeys,
    new: BlobKeys,
    blob: str,
    from_record: CardFromRecord,
    tick: Callable[[], None] | None = None,
) -> bool:
    """One blob re-encrypted under the new key into `<blob>.rekey.part`, synced, the
    blob itself untouched; False (and no part left) when it is damaged. `tick` is called
    at each chunk (it may raise to stop)."""
    source = old.blob_dir / f"{blob}.blob"
    try:
        card = cards.open_card(old, blob) or from_record(blob)
    except BlobDamaged:
        card = from_record(blob)
    chunks = decrypt_stream(source, old.blob_key, old.blob_aad(blob))
    part = source.with_name(f"{blob}{PART}")
    part.unlink(missing_ok=True)
    try:
        with open_private(part) as target:
            encrypt_stream(
                _Chunks(chunks, tick), target, new.blob_key, new.blob_aad(blob), lambda _c: None
            )
            target.flush()
            os.fsync(target.fileno())
        if card is not None:
            append_card(part, cards.seal_card(new, blob, card.record, card.generation))
        else:  # a blob the record doesn't know, from the first format: no card to give
            append_card(part, cards.seal_card(new, blob, {"blob": blob}, 0))
    except BlobDamaged:
        part.unlink(missing_ok=True)
        return False
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return True


class _Chunks:
    """The plaintext chunks of one blob as a readable stream (memory: one chunk)."""

    def __init__(self, chunks: Iterator[bytes], tick: Callable[[], None] | None = None) -> None:
        self._chunks = iter(chunks)
        self._tick = tick
        self._buffer = b""
        self._done = False

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and not self._done:
            if self._tick is not None:
                self._tick()
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                self._done = True
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out
