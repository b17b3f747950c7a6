"""Restore keeps everything that is whole (issue 25, item 10): one flipped bit in one
blob of a backup costs that exhibit alone, which is named and kept aside as it was."""

from __future__ import annotations

import os
from pathlib import Path

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tui.core.copies.backup import make_backup
from tui.core.copies.restore import SET_ASIDE, restore
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import export_original
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.timeline.events import add_event, list_events
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def test_one_flipped_bit_costs_only_its_own_exhibit(vault: Vault, drive: Path, tmp_path: Path):
    (tmp_path / "big.bin").write_bytes(os.urandom(2 * 1024 * 1024 + 5))
    add_file(vault, tmp_path / "big.bin")
    hit = add_file(vault, make_png(tmp_path / "shot.png", color="red")).exhibit
    add_file(vault, make_png(tmp_path / "other.png", color="blue"))
    add_event(vault, "2024-03-05", "The post", evidence=["E-0002"])
    folder = make_backup(vault, drive).folder
    blob = folder / "blobs" / f"{hit.blob}.blob"
    damaged = bytearray(blob.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    blob.write_bytes(bytes(damaged))

    result = restore(drive, tmp_path / "restored", passphrase=PASSPHRASE)

    assert list(result.damaged) == [hit.id]
    aside = result.path / SET_ASIDE / blob.name
    assert aside.read_bytes() == bytes(damaged), "kept as it was, not deleted"
    assert not (result.path / "blobs" / blob.name).exists()
    with Vault.open(result.path, passphrase=PASSPHRASE) as copy:
        assert [e.title for e in list_events(copy)] == ["The post"]
        assert [e.id for e in list_exhibits(copy)] == ["E-0001", "E-0002", "E-0003"]
        last = custody.entries(copy.table(custody.TABLE))[-1]
        assert last["action"] == "restore" and last["details"]["damaged"] == [hit.id]
        assert verify_all(copy).damaged_ids == [hit.id]
        for exhibit in list_exhibits(copy):
            if exhibit.id != hit.id:
                out = export_original(copy, exhibit.id, tmp_path / f"out-{exhibit.id}")
                assert out.read_bytes() == (tmp_path / exhibit.original_name).read_bytes()
