"""The sealed snapshot at the start of the case record, and the records of the earlier
formats, which still read.

    RCLCASE3 | generation (8) | length (8) | the whole JSON, sealed

The generation is sealed with it (in the associated data), so it can't be changed without
the seal breaking: it only grows, which is how an older record put back is noticed.
`RCLCASE2` was one sealed JSON with its generation; `RCLCASE1` had none (generation 0).
"""

from __future__ import annotations

import json
import struct
from typing import Any

from cryptography.exceptions import InvalidTag

from tui.core.shared.errors import RecordDamaged
from tui.core.shared.i18n import N_, _
from tui.core.vault import keys

MAGIC = b"RCLCASE3"
MAGIC_V2 = b"RCLCASE2"
MAGIC_V1 = b"RCLCASE1"
FORMAT = 3
GENERATION = struct.Struct(">Q")
HEAD = struct.Struct(">8sQQ")
"""Magic, generation and the sealed snapshot's length."""

DAMAGED = N_(
    "The case record is damaged, so the case can't be opened. Restore it from a backup copy."
)
MISSING = N_("The case record is missing from the vault folder. Restore it from a backup copy.")

Tables = dict[str, dict[str, dict[str, Any]]]


def dumps(data: Any) -> bytes:
    """JSON as the record stores it: compact, UTF-8."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def as_tables(data: Any) -> Tables:
    """`data` if it is tables of documents (dicts of dicts of dicts); damage otherwise."""
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise RecordDamaged(_(DAMAGED))
    return data


def _aad(generation: int, vault_aad: bytes) -> bytes:
    return MAGIC + GENERATION.pack(generation) + vault_aad


def seal(tables: Tables, generation: int, key: bytes, vault_aad: bytes) -> bytes:
    """The snapshot's bytes: its head and the sealed JSON."""
    sealed = keys.seal(key, dumps(tables), _aad(generation, vault_aad))
    return HEAD.pack(MAGIC, generation, len(sealed)) + sealed


def open_current(raw: bytes, key: bytes, vault_aad: bytes) -> tuple[Tables, int, int]:
    """(tables, generation, where the snapshot ends) of a record of this format; what
    follows the snapshot is the journal."""
    if len(raw) < HEAD.size:
        raise RecordDamaged(_(DAMAGED))
    _magic, generation, length = HEAD.unpack_from(raw)
    end = HEAD.size + length
    if end > len(raw):
        raise RecordDamaged(_(DAMAGED))
    try:
        plain = keys.open_sealed(key, raw[HEAD.size : end], _aad(generation, vault_aad))
        return as_tables(json.loads(plain.decode("utf-8"))), generation, end
    except (InvalidTag, UnicodeDecodeError, ValueError):
        raise RecordDamaged(_(DAMAGED)) from None


def open_old(raw: bytes, key: bytes, vault_aad: bytes) -> tuple[Tables, int, int]:
    """(tables, generation, format) of a record of an earlier format."""
    try:
        if raw.startswith(MAGIC_V2) and len(raw) > len(MAGIC_V2) + GENERATION.size:
            (generation,) = GENERATION.unpack_from(raw, len(MAGIC_V2))
            sealed = raw[len(MAGIC_V2) + GENERATION.size :]
            aad = MAGIC_V2 + GENERATION.pack(generation) + vault_aad
            plain, fmt = keys.open_sealed(key, sealed, aad), 2
        elif raw.startswith(MAGIC_V1):
            generation, fmt = 0, 1
            plain = keys.open_sealed(key, raw[len(MAGIC_V1) :], MAGIC_V1 + vault_aad)
        else:
            raise RecordDamaged(_(DAMAGED))
        return as_tables(json.loads(plain.decode("utf-8"))), generation, fmt
    except (InvalidTag, UnicodeDecodeError, ValueError):
        raise RecordDamaged(_(DAMAGED)) from None
