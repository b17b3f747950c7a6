"""What an interrupted add leaves is reported, and a check on a full disk still gives
its results."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.evidence.exhibits import add_file, verify_all
from tui.core.vault.vault import STALE_SECONDS, Vault


def test_pieces_of_a_killed_add_are_reported_and_old_ones_cleared(vault: Vault, tmp_path: Path):
    add_file(vault, make_png(tmp_path / "a.png"))
    old, young = vault.blob_dir / "aa.part", vault.blob_dir / "bb.part"
    old.write_bytes(b"x" * 100)
    young.write_bytes(b"y" * 100)
    stale = time.time() - STALE_SECONDS - 60
    os.utime(old, (stale, stale))
    problems = verify_all(vault)
    assert [(p.exhibit, p.serious) for p in problems] == [("pieces", False)]
    assert "removed 1 unfinished piece" in problems[0].what
    assert "1 unfinished piece(s) are from an add under way" in problems[0].what
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
    monkeypatch.setattr("tui.core.vault.store.append_durably", full)
    problems = verify_all(vault)
    assert [p.exhibit for p in problems] == [exhibit.id, "log"]
    assert "could not be written to the custody log" in problems[1].what
