"""What an interrupted add leaves is reported, and a check on a full disk still gives
its results."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.verify import VerifyReport, verify_all
from tui.core.vault.vault import STALE_SECONDS, Vault


def test_pieces_of_a_killed_add_are_reported_and_old_ones_cleared(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    old, young = vault.blob_dir / "aa.part", vault.blob_dir / "bb.part"
    old.write_bytes(b"x" * 100)
    young.write_bytes(b"y" * 100)
    stale = time.time() - STALE_SECONDS - 60
    os.utime(old, (stale, stale))
    report = verify_all(vault)
    assert report == VerifyReport(1, removed_pieces=1, recent_pieces=1)
    assert not old.exists() and young.exists()


def test_a_check_on_a_full_disk_still_gives_its_results(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[60] ^= 1
    blob.write_bytes(bytes(raw))

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tui.core.vault.store.atomic_write", full)
    monkeypatch.setattr("tui.core.vault.journal.append_durably", full)
    report = verify_all(vault)
    assert report.damaged_ids == [exhibit.id] and report.not_logged
    assert report == VerifyReport(1, report.damaged, not_logged=report.not_logged)
