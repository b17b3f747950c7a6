"""What an exhibit's sealed card holds is bounded: no file can make its own exhibit
unreadable by giving it more facts than a card may hold (issue 25, item 9)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.evidence.formats.test_chats import zip_of
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import export_original, read_original
from tui.core.evidence.model import get_exhibit
from tui.core.evidence.verify import verify_all
from tui.core.vault.blobs import MAX_CARD, read_card
from tui.core.vault.cards import CARD_BUDGET, bounded, open_card
from tui.core.vault.vault import Vault


def crafted_chat(count: int = 5_000) -> bytes:
    """A WhatsApp export whose messages mention `count` long, different attachment names
    (typed by the other person in the chat): small zipped, megabytes of names."""
    lines = [
        f"[05/03/2024, 21:{n // 60 % 60:02d}:{n % 60:02d}] Sam: "
        f"<attached: {n:05d}-{'x' * 240}.jpg>"
        for n in range(count)
    ]
    return zip_of({"_chat.txt": "\n".join(lines).encode()})


def test_a_chat_naming_thousands_of_files_stays_readable(vault: Vault, tmp_path: Path) -> None:
    data = crafted_chat()
    source = tmp_path / "WhatsApp Chat with Sam.zip"
    source.write_bytes(data)
    exhibit = add_file(vault, source).exhibit
    # The record keeps what the file showed.
    missing = get_exhibit(vault, exhibit.id).facts["media_missing"]
    assert len(json.dumps(missing)) > MAX_CARD
    # The card is bounded, says it was cut, and still identifies the exhibit.
    sealed = read_card(vault.blob_dir / f"{exhibit.blob}.blob")
    assert sealed is not None and len(sealed) <= CARD_BUDGET + 1024
    card = open_card(vault, exhibit.blob)
    assert card is not None
    assert card.exhibit_id == exhibit.id and card.record["sha256"] == exhibit.sha256
    assert card.record["facts"]["kind"] == "WhatsApp chat export (zip)"
    assert "media_missing" not in card.record["facts"]
    assert "cut" in card.record["facts"]
    # The exhibit reads, verifies and exports whole.
    assert read_original(vault, exhibit) == data
    assert verify_all(vault).intact
    out = tmp_path / "out"
    out.mkdir()
    assert export_original(vault, exhibit.id, out).read_bytes() == data


def test_a_card_never_outgrows_its_budget_whatever_the_record_holds() -> None:
    record = {
        "id": "E-0007",
        "blob": "ab" * 16,
        "sha256": "cd" * 32,
        "size": 12,
        "description": "d" * 2_000_000,
        "facts": {"kind": "note", "names": ["n" * 255] * 10_000},
    }
    payload = json.loads(bounded(record, 3))
    assert len(bounded(record, 3).encode()) <= CARD_BUDGET
    assert payload["generation"] == 3
    kept = payload["record"]
    assert {k: kept[k] for k in ("id", "blob", "sha256", "size")} == {
        k: record[k] for k in ("id", "blob", "sha256", "size")
    }
    assert kept["cut"] == ["description", "facts"]
    small = {"id": "E-0001", "facts": {"kind": "note"}}
    assert json.loads(bounded(small, 1))["record"] == small
