"""The append-only journal after the case record's snapshot: one sealed entry per saved
transaction, so that a change costs what it changes rather than the size of the case.

    length (4) | length inverted (4) | entry: {generation, prev, changes}, sealed

Each entry holds what one transaction changed (per table, each document written or
removed), the generation it makes (one more than the one before) and `prev`, the SHA-256
of the frame before it (of the snapshot, for the first), so no entry can be removed,
reordered or replayed. Appending one entry and fsyncing it is the commit.

An entry cut short at the very end (a crash in the middle of an append) is reported as
torn, to be dropped and said; an entry that is whole but does not open, or that breaks the
chain, is damage and refused, never skipped. So is an end that claims more than the file
holds but has a whole entry in it (a length forged, or an entry in the middle cut short):
only what an append cut short can leave (part of one frame, or zeros a disk had not yet
written) counts as torn.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from tui.core.shared.errors import RecordDamaged
from tui.core.shared.i18n import N_, _
from tui.core.vault import keys
from tui.core.vault.snapshot import DAMAGED, MAGIC, dumps

FRAME = struct.Struct(">II")
"""An entry's length, and the same inverted (so a forged or torn length shows)."""
TAG = 16
"""The bytes of a seal's tag, at the end of every snapshot and entry."""
_LABEL = b"|entry|"
#: An entry claiming more than this is not one Reclaim wrote.
MAX_ENTRY = 1 << 31

TORN = N_(
    "The last change saved to this case was cut short (Reclaim or the computer stopped "
    "while saving it), so that one change was left out; everything saved before it is safe."
)


@dataclass(frozen=True)
class Entry:
    """One whole entry read from the journal."""

    payload: dict[str, Any]
    """{generation, prev, changes} and, for tables dropped, `drop`."""
    end: int
    """Where its frame ends, from the start of the bytes read."""
    digest: bytes
    """The SHA-256 of its frame: the next entry's `prev`."""


def entry_aad(vault_aad: bytes) -> bytes:
    return MAGIC + _LABEL + vault_aad


def frame(payload: dict[str, Any], key: bytes, vault_aad: bytes) -> bytes:
    """One entry sealed and framed, ready to append."""
    sealed = keys.seal(key, dumps(payload), entry_aad(vault_aad))
    return FRAME.pack(len(sealed), len(sealed) ^ 0xFFFFFFFF) + sealed


def read_entries(
    raw: bytes, key: bytes, vault_aad: bytes, prev: bytes, generation: int
) -> tuple[list[Entry], bool]:
    """The whole entries in `raw` (the journal, or what was appended to it since `prev`
    and `generation`), each one's seal, generation and link to the one before checked;
    and whether something cut short follows them (torn). Anything else wrong is damage."""
    aad = entry_aad(vault_aad)
    entries: list[Entry] = []
    position = 0
    while position < len(raw):
        rest = len(raw) - position
        if rest < FRAME.size:  # the start of a frame
            return entries, True
        length, check = FRAME.unpack_from(raw, position)
        if check != length ^ 0xFFFFFFFF or length > MAX_ENTRY:
            if raw[position:].count(0) == rest:
                # An append the disk had not written out when the computer stopped:
                # the file is longer, the new part still zeros.
                return entries, True
            raise RecordDamaged(_(DAMAGED))
        start, stop = position + FRAME.size, position + FRAME.size + length
        if stop > len(raw):
            _check_cut_short(raw[position:], key, aad)
            return entries, True
        payload = _open_entry(raw[start:stop], key, aad)
        if not (
            payload is not None
            and payload.get("prev") == prev.hex()
            and payload.get("generation") == generation + 1
        ):
            raise RecordDamaged(_(DAMAGED))
        prev, generation = hashlib.sha256(raw[position:stop]).digest(), generation + 1
        entries.append(Entry(payload, stop, prev))
        position = stop
    return entries, False


def _open_entry(sealed: bytes, key: bytes, aad: bytes) -> dict[str, Any] | None:
    """The entry's payload if it opens and has the shape of one; None otherwise."""
    try:
        payload = json.loads(keys.open_sealed(key, sealed, aad).decode("utf-8"))
    except (InvalidTag, UnicodeDecodeError, ValueError):
        return None
    valid = (
        isinstance(payload, dict)
        and isinstance(payload.get("changes"), dict)
        and all(
            isinstance(docs, dict)
            and all(doc is None or isinstance(doc, dict) for doc in docs.values())
            for docs in payload["changes"].values()
        )
    )
    return payload if valid else None


def _check_cut_short(tail: bytes, key: bytes, aad: bytes) -> None:
    """Refuse as damage a `tail` claiming more than the file holds that an append cut
    short could not have left: one holding a whole entry (its own, under a forged
    length, or one after it: then this was not the last thing written)."""
    import numpy as np  # slow to import, and only an end cut short needs it

    candidates = [FRAME.size]
    if len(tail) >= 2 * FRAME.size:
        octets = np.frombuffer(tail, dtype=np.uint8).astype(np.uint32)
        words = octets[:-3] << 24 | octets[1:-2] << 16 | octets[2:-1] << 8 | octets[3:]
        lengths, checks = words[:-4], words[4:]
        offsets = np.arange(len(lengths), dtype=np.uint64)
        framed = ((lengths ^ checks) == 0xFFFFFFFF) & (offsets + FRAME.size + lengths <= len(tail))
        candidates += [int(offset) + FRAME.size for offset in np.flatnonzero(framed)]
    for start in candidates:
        sealed = tail[start:]
        if start > FRAME.size:
            (length,) = struct.unpack_from(">I", tail, start - FRAME.size)
            sealed = tail[start : start + length]
        with contextlib.suppress(InvalidTag):
            keys.open_sealed(key, sealed, aad)
            raise RecordDamaged(_(DAMAGED))


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
