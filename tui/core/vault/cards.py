"""Exhibit cards: each blob carries, sealed with it, the record of the exhibit it holds
(as it was when it was added) and the generation of the case record that took it in.

So a blob the case record doesn't know (an older record put back, a crash between
storing a blob and saving the record, a lost record) is recognised for what it is, and
a lost record can be rebuilt from the blobs alone (see `evidence/recovery.py`). The card
is the vault's: it is sealed under the vault's card key and re-sealed when the key
changes (`rekey`); what an exhibit's record holds is evidence's business."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag

from tui.core.vault import keys
from tui.core.vault.blobs import CARD_MAGIC as CARD_MAGIC  # how every sealed card begins
from tui.core.vault.blobs import BlobDamaged, read_card
from tui.core.vault.header import Header

#: What a card's contents may come to, well under the `MAX_CARD` a blob's trailer may
#: claim: a card is for knowing the exhibit again, and nothing a file says about itself
#: can make it too large to be read back (which would make the exhibit unreadable).
CARD_BUDGET = 64 * 1024
#: What a card keeps of a record that would not fit: what identifies the exhibit and
#: what taking it back needs. Each is short by construction.
ESSENTIAL = (
    "id", "blob", "sha256", "size", "original_name", "media_type", "added_at",
    "added_offset", "file_modified_at", "exif_captured_at", "width", "height",
)  # fmt: skip
#: The table of the case record whose documents the cards copy.
EXHIBITS = "exhibits"


class CardKeys(Protocol):
    """What sealing and opening cards needs of an unlocked vault, which hands itself in
    (so the vault's own opening, which finishes a change of key, can use cards)."""

    @property
    def header(self) -> Header: ...

    @property
    def card_key(self) -> bytes: ...

    @property
    def blob_dir(self) -> Path: ...


@dataclass(frozen=True)
class Card:
    blob: str
    record: dict[str, Any]
    """The exhibit's record when it was added (id, hash, size, name, details...)."""
    generation: int
    """The generation of the case record that took it in."""

    @property
    def exhibit_id(self) -> str:
        return str(self.record.get("id", ""))

    @property
    def number(self) -> int:
        try:
            return int(self.exhibit_id.removeprefix("E-"))
        except ValueError:
            return 0


def card_aad(vault: CardKeys, blob: str) -> bytes:
    """What a card is bound to: its case and its blob (a card can't be moved to another)."""
    return b"|".join([b"reclaim-card", vault.header.vault_id.encode(), blob.encode()])


def bounded(record: dict[str, Any], generation: int) -> str:
    """The card's contents for `record`: all of it when it fits in CARD_BUDGET; else
    only what identifies the exhibit, with the names of what was left off under "cut"."""
    payload = json.dumps({"record": record, "generation": generation}, sort_keys=True)
    if len(payload.encode("utf-8")) <= CARD_BUDGET:
        return payload
    kept: dict[str, Any] = {key: record[key] for key in ESSENTIAL if key in record}
    for key, value in kept.items():
        if isinstance(value, str) and len(value) > 1024:
            kept[key] = value[:1024]
    kept["cut"] = sorted(str(key) for key in record if key not in kept)[:100]
    return json.dumps({"record": kept, "generation": generation}, sort_keys=True)


def seal_card(vault: CardKeys, blob: str, record: dict[str, Any], generation: int) -> bytes:
    """The sealed card of `record`, bounded (see `bounded`)."""
    payload = bounded(record, generation)
    aad = card_aad(vault, blob)
    return CARD_MAGIC + keys.seal(vault.card_key, payload.encode("utf-8"), aad)


def open_card(vault: CardKeys, blob: str) -> Card | None:
    """The card at the end of a blob; None for a blob of the first format (no card).
    Raises BlobDamaged when the card is not one this case sealed for this blob."""
    sealed = read_card(vault.blob_dir / f"{blob}.blob")
    if sealed is None:
        return None
    if not sealed.startswith(CARD_MAGIC):
        raise BlobDamaged("changed")
    try:
        aad = card_aad(vault, blob)
        plain = keys.open_sealed(vault.card_key, sealed[len(CARD_MAGIC) :], aad)
        data = json.loads(plain.decode("utf-8"))
        return Card(blob, dict(data["record"]), int(data["generation"]))
    except (InvalidTag, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise BlobDamaged("changed") from None
