"""Cases in the earlier vault formats, made by the test suite from a case of the current
format, so that opening an older case stays tested without a binary fixture:

- the first (header version 1, `RCLCASE1` record without a generation, `RCLBLOB1` blobs
  without cards);
- the second (header version 2, `RCLCASE2` record: the whole JSON sealed at once with its
  generation, no journal; blobs with cards);
- the third (header version 3, the record as now, but the case's place kept among the
  letter facts: there was no `case_settings` table).

Each keeps the case's place where its format kept it."""

from __future__ import annotations

import json
import struct
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.vault import keys
from tui.core.vault.blobs import MAGIC_V1, read_card
from tui.core.vault.layout import BLOBS, HEADER, RECORD
from tui.core.vault.snapshot import MAGIC_V1 as RECORD_V1
from tui.core.vault.snapshot import MAGIC_V2 as RECORD_V2
from tui.core.vault.vault import Vault


def place_among_the_letter_facts(content: dict[str, Any]) -> dict[str, Any]:
    """The record as formats 1 to 3 held it: the case's place in the letter facts' one
    document (made for it if the case had none), no table of case settings."""
    settings = content.pop("case_settings", {})
    place = next((doc["jurisdiction"] for doc in settings.values() if "jurisdiction" in doc), None)
    if place is not None:
        facts = content.setdefault("letter_facts", {})
        first = next(iter(facts.values()), None)
        if first is None:
            facts["1"] = {"jurisdiction": place}
        else:
            first["jurisdiction"] = place
    return content


def _old_record_text(vault: Vault) -> str:
    content = place_among_the_letter_facts(vault.record_content()[0])
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def downgrade_to_first_format(vault: Vault) -> None:
    """Rewrite the case as the first format wrote it, and close it."""
    path = vault.path
    text = _old_record_text(vault)
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
    text = _old_record_text(vault)
    generation = struct.pack(">Q", vault.generation)
    record_key = keys.subkey(vault.data_key, "reclaim record v1")
    aad = RECORD_V2 + generation + vault.header.vault_id.encode()
    sealed = keys.seal(record_key, text.encode(), aad)
    (path / RECORD).write_bytes(RECORD_V2 + generation + sealed)
    old_header = replace(vault.header, version=2).signed(vault.data_key)
    (path / HEADER).write_bytes(old_header.to_bytes())
    vault.close()


def downgrade_to_third_format(vault: Vault) -> None:
    """Rewrite the case as the third format wrote it (the same record and blobs, the place
    among the letter facts, header version 3), as that Reclaim's next save would have
    (one generation on), and close it."""
    content, generation = vault.record_content()
    vault.replace_record(place_among_the_letter_facts(content), generation + 1)
    old_header = replace(vault.header, version=3).signed(vault.data_key)
    (vault.path / HEADER).write_bytes(old_header.to_bytes())
    vault.close()


def header_version(path: Path) -> int:
    return int(json.loads((path / HEADER).read_text())["version"])


def record_magic(path: Path) -> bytes:
    return (path / RECORD).read_bytes()[:8]
