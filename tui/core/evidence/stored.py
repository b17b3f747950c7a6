"""Whether an exhibit's stored copy is still exactly what was taken in: decrypted, it
must give the bytes whose SHA-256 was taken at intake, and the card sealed with it must
be this case's card for this exhibit.

What is wrong is a fact (`Damage`, with the `Scope` it touches), not a sentence for one
face: the verify report, the errors of reading and exporting, and a backup's check each
say it their own way. Each member's value is a plain wording any of them may use."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from enum import Enum, StrEnum

from tui.core.evidence.model import Exhibit
from tui.core.shared.i18n import N_, _
from tui.core.vault.blobs import BlobDamaged, decrypt_stream
from tui.core.vault.cards import open_card
from tui.core.vault.vault import Vault


class Scope(Enum):
    """How much of an exhibit's storage a problem touches."""

    FILE = "file"
    """The stored copy as a whole: gone, not a blob, or not the bytes taken in."""
    PIECE = "piece"
    """A piece of the stored copy: changed, cut short, or with something after its end."""
    CARD = "card"
    """The card sealed with the stored copy (the bytes themselves are whole)."""


class Damage(StrEnum):
    """What is wrong with one exhibit's storage."""

    MISSING = N_("its stored copy is missing")
    NOT_A_BLOB = N_("its stored copy is not a Reclaim blob")
    HASH_MISMATCH = N_("its stored copy no longer matches the hash taken at intake")
    CHANGED = N_("its stored copy is changed")
    CUT_SHORT = N_("its stored copy is cut short")
    EXTRA_DATA = N_("its stored copy is extra data after the end")
    CARD_CHANGED = N_("the card stored with it was changed")
    CARD_OF_OTHER = N_("the card stored with it belongs to other evidence")

    def __str__(self) -> str:
        """In the language spoken (the value itself stays English, as the JSON gives it)."""
        return _(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @property
    def scope(self) -> Scope:
        return _SCOPES[self]


_SCOPES = {
    Damage.MISSING: Scope.FILE,
    Damage.NOT_A_BLOB: Scope.FILE,
    Damage.HASH_MISMATCH: Scope.FILE,
    Damage.CHANGED: Scope.PIECE,
    Damage.CUT_SHORT: Scope.PIECE,
    Damage.EXTRA_DATA: Scope.PIECE,
    Damage.CARD_CHANGED: Scope.CARD,
    Damage.CARD_OF_OTHER: Scope.CARD,
}

#: The blob reader's words for what it found (see `vault.blobs`); anything else it may
#: say one day counts as a change.
_BLOB_DAMAGE = {
    "missing": Damage.MISSING,
    "not a Reclaim blob": Damage.NOT_A_BLOB,
    "changed": Damage.CHANGED,
    "cut short": Damage.CUT_SHORT,
    "extra data after the end": Damage.EXTRA_DATA,
}


def blob_damage(error: BlobDamaged) -> Damage:
    """The fact behind one of the blob reader's errors."""
    return _BLOB_DAMAGE.get(str(error), Damage.CHANGED)


def check_stored(vault: Vault, exhibit: Exhibit, sink: Callable[[bytes], object]) -> Damage | None:
    """Decrypt one exhibit's blob into `sink`; what is wrong with it, or None when whole."""
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in decrypt_stream(
            vault.blob_dir / f"{exhibit.blob}.blob", vault.blob_key, vault.blob_aad(exhibit.blob)
        ):
            digest.update(chunk)
            size += len(chunk)
            sink(chunk)
    except BlobDamaged as damage:
        return blob_damage(damage)
    if size != exhibit.size or digest.hexdigest() != exhibit.sha256:
        return Damage.HASH_MISMATCH
    return None


def check_card(vault: Vault, exhibit: Exhibit) -> Damage | None:
    """What is wrong with the card a blob carries (None when it is whole and its own)."""
    try:
        card = open_card(vault, exhibit.blob)
    except BlobDamaged:
        return Damage.CARD_CHANGED
    if card is not None and card.record.get("sha256") != exhibit.sha256:
        return Damage.CARD_OF_OTHER
    return None
