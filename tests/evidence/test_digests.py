"""MD5 and SHA-1 for older forensic tools, worked out from the stored copy."""

import hashlib
import os
from pathlib import Path

import pytest

from tui.core.evidence.adding import add_file
from tui.core.evidence.digests import digests_of, original_digests
from tui.core.shared.errors import VaultDamaged
from tui.core.vault.vault import Vault


def test_the_three_digests_match_hashlib_over_many_chunks(vault: Vault, tmp_path: Path):
    data = os.urandom(2 * 1024 * 1024 + 5)  # more than one blob chunk
    source = tmp_path / "recording.bin"
    source.write_bytes(data)
    exhibit = add_file(vault, source).exhibit
    got = original_digests(vault, exhibit)
    assert got == digests_of(data)
    assert got.md5 == hashlib.md5(data).hexdigest()
    assert got.sha1 == hashlib.sha1(data).hexdigest()


def test_a_changed_stored_copy_gives_no_older_digests(vault: Vault, tmp_path: Path):
    source = tmp_path / "photo.bin"
    source.write_bytes(os.urandom(4096))
    exhibit = add_file(vault, source).exhibit
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[200] ^= 1
    blob.write_bytes(bytes(raw))
    with pytest.raises(VaultDamaged, match=exhibit.id):
        original_digests(vault, exhibit)
