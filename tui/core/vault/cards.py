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
from tui.core.vault.blobs import BlobDamaged, read_card
from tui.core.vault.header import Header

CARD_MAGIC = b"RCLCARD1"
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


def seal_card(vault: CardKeys, blob: str, record: dict[str, Any], generation: int) -> bytes:
    payload = json.dumps({"record": record, "generation": generation}, sort_keys=True)
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
