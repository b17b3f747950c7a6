"""Originals attached to the binder (PDF/A-3): read from the case again as the binder is
saved and held only compressed, never all at once while the pages are drawn."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from tui.core.binder import drawing  # noqa: F401  (loaded before memory is measured)
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
ONE = 3 * 2**19
COUNT = 8


def _peak_rise(vault: Vault, into: Path, attach: bool) -> int:
    """How far the process's resident memory rose above where it started while the
    binder was made (bytes): its high-water mark is reset first (Linux's clear_refs)."""
    Path("/proc/self/clear_refs").write_text("5")
    start = _status("VmRSS")
    make(vault, BinderChoices(export_date=DAY, attach_originals=attach), into=into)
    return _status("VmHWM") - start


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(field)


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux only")
def test_originals_are_not_all_held_while_the_binder_is_made(vault: Vault, tmp_path: Path):
    """Eight originals of 1.5 MiB that don't compress: attaching them adds about their
    size to the peak, not twice it (the binder held every original decrypted from the time
    its exhibit was drawn until the binder was saved, and qpdf held a copy of each)."""
    made = {}
    for number in range(COUNT):
        path = tmp_path / f"recording-{number}.bin"
        path.write_bytes(os.urandom(ONE))
        made[f"E-{number + 1:04d}-{path.name}"] = hashlib.sha256(path.read_bytes()).digest()
        add_file(vault, path)
    _peak_rise(vault, tmp_path / "warm.pdf", attach=False)  # fonts and libraries settled
    plain = _peak_rise(vault, tmp_path / "plain.pdf", attach=False)
    attached = _peak_rise(vault, tmp_path / "attached.pdf", attach=True)
    # Each original compressed (it stays the same size) held until the save, and one
    # being read (about 10 in all); before, each was held decrypted from the time its
    # exhibit was drawn and qpdf held a copy (16 and more).
    assert attached - plain < 1.6 * COUNT * ONE, (plain / 2**20, attached / 2**20)
    with pikepdf.open(tmp_path / "attached.pdf") as pdf:
        found = {}
        for name, spec in pdf.attachments.items():
            stream = spec.get_file()
            found[name] = hashlib.sha256(stream.read_bytes()).digest()
            assert stream.obj.Params.Size == ONE
            assert bytes(stream.obj.Params.CheckSum) == stream.md5
    assert found == made
