"""Blobs in the case folder that the case record doesn't know (an older record put back,
a crash between storing a blob and saving the record), found by the cards they carry,
and the exhibit numbers on those cards, which are never given to anything else.

Only facts are returned (which blobs, what their cards say); each face says what to do
about them in its own words (`recovery` takes them back)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from tui.core.evidence.model import TABLE
from tui.core.evidence.stored import Damage, blob_damage
from tui.core.vault.blobs import BlobDamaged
from tui.core.vault.cards import Card, open_card
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class Stray:
    """A finished blob in the case folder that no exhibit in the record points to."""

    blob: str
    card: Card | None
    """None for a blob of the first format, or one whose card can't be read."""
    damage: Damage | None = None
    """What is wrong with it, when its card can't be read."""


def strays(vault: Vault) -> list[Stray]:
    """Blobs the record doesn't know, by the number on their card. Costs one folder
    listing, plus a card read only for each blob that is unknown (normally none)."""
    known = {str(doc.get("blob")) for doc in vault.table(TABLE).all()}
    found = []
    for path in sorted(vault.blob_dir.glob("*.blob")):
        if path.stem in known:
            continue
        try:
            found.append(Stray(path.stem, open_card(vault, path.stem)))
        except BlobDamaged as damage:
            found.append(Stray(path.stem, None, blob_damage(damage)))
    return sorted(found, key=lambda stray: (stray.card is None, stray.card and stray.card.number))


def folder_state(vault: Vault, generation: int) -> tuple[int, int, int]:
    """What `any_strays` remembers: the record's generation and the blob folder's inode
    and change time (adding or removing a blob changes it)."""
    stat = vault.blob_dir.stat()
    return generation, stat.st_ino, stat.st_mtime_ns


def any_strays(vault: Vault) -> bool:
    """Quickly: are there more blobs than exhibits? (Each exhibit has one blob.) Lists
    the blob folder only when it or the record changed since it was last found to hold
    none (an intake that added blobs and their exhibits together notes that itself)."""
    state = folder_state(vault, vault.generation)
    if vault.no_strays_at == state:
        return False
    count = sum(1 for entry in os.scandir(vault.blob_dir) if entry.name.endswith(".blob"))
    found = count > len(vault.table(TABLE))
    vault.no_strays_at = None if found else state
    return found


def highest_number(found: list[Stray]) -> int:
    return max((stray.card.number for stray in found if stray.card), default=0)


def reserve_numbers(vault: Vault) -> bool:
    """Make the exhibit series' next number pass every number on a card the record has
    forgotten (after an older record was put back); once per transaction that adds
    exhibits. True when there was no such card (no stray blob at all)."""
    if not any_strays(vault):
        return True
    vault.raise_counter("exhibit", highest_number(strays(vault)))
    return False


def next_exhibit_id(vault: Vault) -> str:
    """The next exhibit number; call in a transaction, after `reserve_numbers`."""
    return f"E-{vault.next_number('exhibit'):04d}"
