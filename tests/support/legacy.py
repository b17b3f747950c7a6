"""Cases in the earlier vault formats, made by the test suite from a case of the current
format, so that opening an older case stays tested without a binary fixture:

- the first (header version 1, `RCLCASE1` record without a generation, `RCLBLOB1` blobs
  without cards);
- the second (header version 2, `RCLCASE2` record: the whole JSON sealed at once with its
  generation, no journal; blobs with cards)."""

from __future__ import annotations

import json
import struct
from dataclasses import replace
from pathlib import Path

from tui.core.vault import keys
from tui.core.vault.blobs import MAGIC_V1, read_card
from tui.core.vault.layout import BLOBS, HEADER, RECORD
from tui.core.vault.store import MAGIC_V1 as RECORD_V1
from tui.core.vault.store import MAGIC_V2 as RECORD_V2
from tui.core.vault.vault import Vault


def downgrade_to_first_format(vault: Vault) -> None:
    """Rewrite the case as the first format wrote it, and close it."""
    path = vault.path
    text = json.dumps(vault._storage.read(), ensure_ascii=False, sort_keys=True)
    record_key = keys.subkey(vault.data_key, "reclaim record v1")
    aad = RECORD_V1 + vault.header.vault_id.encode()
    (path / RECORD).write_bytes(RECORD_V1 + keys.seal(record_key, text.encode(), aad))
    old_header = replace(vault.header, version=1).signed(vault.data_key)
    (path / HEADER).write_bytes(old_header.to_bytes())
    for blob in (path / BLOBS).glob("*.blob"):
        raw = blob.read_bytes()
        card = read_card(blob)
        assert card is not None
        stream = raw[: len(raw) - 4 - len(card)]
        blob.write_bytes(MAGIC_V1 + stream[len(MAGIC_V1) :])
    vault.close()


def downgrade_to_second_format(vault: Vault) -> None:
    """Rewrite the case's record and header as the second format wrote them (the blobs
    are the same in both), and close it."""
    path = vault.path
    text = json.dumps(vault._storage.read(), ensure_ascii=False, sort_keys=True)
    generation = struct.pack(">Q", vault.generation)
    record_key = keys.subkey(vault.data_key, "reclaim record v1")
    aad = RECORD_V2 + generation + vault.header.vault_id.encode()
    sealed = keys.seal(record_key, text.encode(), aad)
    (path / RECORD).write_bytes(RECORD_V2 + generation + sealed)
    old_header = replace(vault.header, version=2).signed(vault.data_key)
    (path / HEADER).write_bytes(old_header.to_bytes())
    vault.close()


def header_version(path: Path) -> int:
    return int(json.loads((path / HEADER).read_text())["version"])


def record_magic(path: Path) -> bytes:
    return (path / RECORD).read_bytes()[:8]
