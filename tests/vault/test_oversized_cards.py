"""A blob's end is found from its own stream (its FINAL chunk), not only from the trailer:
a blob written before cards were bounded, whose card is larger than MAX_CARD, or whose
trailer's length lies, is still read, checked, exported and given a new key."""

from __future__ import annotations

import json
import struct
from datetime import date
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tests.support.pictures import make_png
from tui.core.binder.build import write_binder
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import export_original, read_original
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.stored import Damage
from tui.core.evidence.verify import verify_all
from tui.core.shared.errors import WrongPassphrase
from tui.core.vault import keys, rekey
from tui.core.vault.blobs import MAX_CARD, read_card
from tui.core.vault.cards import CARD_BUDGET, CARD_MAGIC, card_aad, open_card
from tui.core.vault.vault import Vault


def trailer_of(blob: Path) -> int:
    """Where the stream ends in a blob Reclaim wrote (its card's length is at the end)."""
    raw = blob.read_bytes()
    return len(raw) - 4 - int.from_bytes(raw[-4:], "big")


def with_huge_card(vault: Vault, exhibit: Exhibit) -> Path:
    """The blob given the card an earlier Reclaim would have sealed for a record with
    thousands of facts: all of it, well over MAX_CARD, appended directly."""
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    record = dict(vault.table("exhibits").get(doc_id=1) or {})
    record["facts"] = [f"<attached: {'long name ' * 20}{n}>" for n in range(5500)]
    payload = json.dumps({"record": record, "generation": 2}).encode()
    sealed = CARD_MAGIC + keys.seal(vault.card_key, payload, card_aad(vault, exhibit.blob))
    assert len(sealed) > MAX_CARD
    stream = blob.read_bytes()[: trailer_of(blob)]
    blob.write_bytes(stream + sealed + struct.pack(">I", len(sealed)))
    return blob


@pytest.fixture
def exhibit(vault: Vault, tmp_path: Path) -> Exhibit:
    add_file(vault, make_png(tmp_path / "a.png", color="teal"))
    return list_exhibits(vault)[0]


def test_a_blob_with_a_card_larger_than_cards_now_are_reads_checks_exports_and_rekeys(
    vault: Vault, exhibit: Exhibit, tmp_path: Path
):
    original = read_original(vault, exhibit)
    with_huge_card(vault, exhibit)
    assert read_original(vault, exhibit) == original
    card = open_card(vault, exhibit.blob)
    assert card is not None and len(card.record["facts"]) == 5500, "read whole, not cut"
    assert verify_all(vault).clean
    exported = export_original(vault, exhibit.id, tmp_path / "out")
    assert exported.read_bytes() == original
    bound = write_binder(
        vault, tmp_path / "binder.pdf", BinderChoices(export_date=date(2024, 3, 7))
    )
    assert bound.notices == [] and bound.exhibits == [exhibit.id], "in full, not a notice"
    renewed, _code = rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    with renewed:
        again = list_exhibits(renewed)[0]
        assert read_original(renewed, again) == original and verify_all(renewed).clean
        sealed = read_card(renewed.blob_dir / f"{again.blob}.blob")
        assert sealed is not None and len(sealed) < CARD_BUDGET + 1024, "bounded now"


@pytest.mark.parametrize("length", [0, 5, 2**31, 2**32 - 1])
def test_a_trailer_whose_length_lies_still_gives_the_evidence(
    vault: Vault, exhibit: Exhibit, tmp_path: Path, length: int
):
    original = read_original(vault, exhibit)
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    blob.write_bytes(blob.read_bytes()[:-4] + struct.pack(">I", length))
    assert read_original(vault, exhibit) == original
    if length == 5:  # one binder is enough: every lying length reads alike
        bound = write_binder(
            vault, tmp_path / "binder.pdf", BinderChoices(export_date=date(2024, 3, 7))
        )
        assert bound.notices == [] and bound.exhibits == [exhibit.id], "in full, not a notice"
    report = verify_all(vault)
    assert [(p.exhibit, p.damage) for p in report.damaged] == [(exhibit.id, Damage.CARD_CHANGED)]
    renewed, _code = rekey.start(vault, NEW_PASSPHRASE, FAST_KDF)
    with renewed:
        assert read_original(renewed, list_exhibits(renewed)[0]) == original
        assert verify_all(renewed).clean, "the new key gave it a whole trailer"
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.path, passphrase=PASSPHRASE)
