"""An exhibit's original as a seekable file decrypted as it is read: the same bytes as the
original wherever it is read from, a seek backwards costing one chunk, damage and a hash
that no longer matches found, and the formats printing from it in place."""

from __future__ import annotations

import io
import os
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.media import video
from tui.core.evidence import formats
from tui.core.evidence.adding import add_bytes
from tui.core.evidence.digests import digests_of, original_digests
from tui.core.evidence.export import read_original
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.model import Exhibit
from tui.core.evidence.original import SEALED, Original, OriginalDamaged, open_original
from tui.core.shared.errors import VaultDamaged
from tui.core.vault.blobs import CHUNK
from tui.core.vault.vault import Vault

SIZES = (0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5)


def stored(vault: Vault, data: bytes, name: str = "file.bin") -> Exhibit:
    return add_bytes(vault, data, name).exhibit


def count_pulls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pulled: list[int] = []
    real = Original._pull

    def counting(self: Original, index: int) -> bytes:
        pulled.append(index)
        return real(self, index)

    monkeypatch.setattr(Original, "_pull", counting)
    return pulled


@pytest.mark.parametrize("size", SIZES)
def test_reading_it_through_gives_the_original_bytes(vault: Vault, size: int):
    data = os.urandom(size)
    exhibit = stored(vault, data)
    with open_original(vault, exhibit) as original:
        assert original.read() == data
        assert original.raw.verified
        original.check()  # nothing left to read: no error


def test_reads_anywhere_match_the_original(vault: Vault):
    data = os.urandom(4 * CHUNK + 12345)
    exhibit = stored(vault, data)
    chance = random.Random(18)
    with open_original(vault, exhibit) as original:
        for _ in range(200):
            at = chance.randrange(0, len(data) + 10)
            length = chance.choice((1, 7, 4096, CHUNK, 2 * CHUNK + 3))
            assert original.seek(at) == at
            assert original.read(length) == data[at : at + length]
        assert original.seek(-5, io.SEEK_END) == len(data) - 5
        assert original.read() == data[-5:]
        assert original.seekable() and original.readable() and not original.writable()


def test_a_seek_backwards_decrypts_one_chunk_and_forwards_each_chunk_once(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    data = os.urandom(6 * CHUNK)
    exhibit = stored(vault, data)
    pulled = count_pulls(monkeypatch)
    with open_original(vault, exhibit) as original:
        original.seek(5 * CHUNK + 10)
        assert original.read(10) == data[5 * CHUNK + 10 : 5 * CHUNK + 20]
        assert pulled == [0, 1, 2, 3, 4, 5], "to reach the end, every chunk once, in order"
        assert original.raw.verified, "that pass reached the end: the hash was compared"
        pulled.clear()
        original.seek(2 * CHUNK + 1)
        assert original.read(3) == data[2 * CHUNK + 1 : 2 * CHUNK + 4]
        original.seek(CHUNK)
        original.read(1)
        assert pulled == [2, 1], "from the state saved at that chunk, nothing before it"
        pulled.clear()
        original.check()
        assert pulled == [], "already checked on the way"


def test_it_never_holds_more_than_two_chunks(vault: Vault):
    exhibit = stored(vault, os.urandom(5 * CHUNK))
    with open_original(vault, exhibit) as original:
        original.check()
        original.seek(3 * CHUNK)
        original.read(100)
        raw = original.raw
        cached = raw._cached
        assert cached is not None and cached[0] == 3 and len(cached[1]) == CHUNK
        assert len(raw._checkpoints) == 6 and all(len(s) < 100 for s in raw._checkpoints)


def test_digests_check_it_and_match_the_bytes_api_on_one_pass(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    data = os.urandom(3 * CHUNK + 1)
    exhibit = stored(vault, data)
    pulled = count_pulls(monkeypatch)
    with open_original(vault, exhibit) as original:
        assert original.digests() == digests_of(data) == original_digests(vault, exhibit)
        assert original.raw.verified and pulled == [0, 1, 2, 3]
    wrong = replace(exhibit, sha256="f" * 64)
    with open_original(vault, wrong) as original, pytest.raises(OriginalDamaged):
        original.digests()


def flip(path: Path, at: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[at] ^= 0x01
    path.write_bytes(bytes(raw))


def test_a_changed_chunk_is_found_by_check_and_every_read_after(vault: Vault):
    data = os.urandom(3 * CHUNK + 7)
    exhibit = stored(vault, data)
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    flip(blob, 12 + 24 + 2 * SEALED + 100)  # inside the third chunk
    with open_original(vault, exhibit) as original:
        assert original.read(10) == data[:10], "the chunks before it are whole"
        with pytest.raises(OriginalDamaged, match="its stored copy is changed"):
            original.check()
        original.seek(0)
        with pytest.raises(OriginalDamaged, match=exhibit.id) as seen:
            original.read(1)
    with pytest.raises(VaultDamaged) as whole:
        read_original(vault, exhibit)
    assert str(seen.value) == str(whole.value), "the same sentence as the bytes API"


def test_swapped_chunks_are_found(vault: Vault):
    exhibit = stored(vault, os.urandom(3 * CHUNK + 7))
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    raw = blob.read_bytes()
    start = 12 + 24
    first, second = raw[start : start + SEALED], raw[start + SEALED : start + 2 * SEALED]
    blob.write_bytes(raw[:start] + second + first + raw[start + 2 * SEALED :])
    with open_original(vault, exhibit) as original, pytest.raises(OriginalDamaged):
        original.check()


def test_a_hash_that_no_longer_matches_is_found_at_the_end_of_the_pass(vault: Vault):
    data = os.urandom(2 * CHUNK + 3)
    exhibit = replace(stored(vault, data), sha256="0" * 64)
    with open_original(vault, exhibit) as original:
        assert original.read(CHUNK) == data[:CHUNK], "the pass is not over yet"
        with pytest.raises(OriginalDamaged, match="no longer matches the hash"):
            original.read()


def test_a_size_that_no_longer_matches_is_found_before_reading(vault: Vault):
    exhibit = replace(stored(vault, os.urandom(CHUNK + 3)), size=CHUNK + 4)
    with (
        open_original(vault, exhibit) as original,
        pytest.raises(OriginalDamaged, match="no longer matches"),
    ):
        original.read(1)


def test_a_missing_blob_says_so(vault: Vault):
    exhibit = stored(vault, b"short")
    (vault.blob_dir / f"{exhibit.blob}.blob").unlink()
    with open_original(vault, exhibit) as original:
        with pytest.raises(OriginalDamaged, match="missing"):
            original.check()
        assert not original.raw.verified


def test_a_recording_is_printed_from_the_seekable_original(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    clip = video("mp4", seconds=4)
    exhibit = stored(vault, clip, "screen.mp4")
    whole_reads: list[int] = []
    real_whole = blocks.Probe.whole

    def watched(self: blocks.Probe, limit: int = blocks.MAX_WHOLE_BYTES) -> bytes:
        whole_reads.append(self.size)
        return real_whole(self, limit)

    monkeypatch.setattr(blocks.Probe, "whole", watched)
    with open_original(vault, exhibit) as original:
        original.check()
        assert formats.identify_source(original, "screen.mp4").kind == "video (MP4)"
        content, reason = formats.printable(original, "screen.mp4")
    assert reason == "" and whole_reads == [], "PyAV read it in place"
    assert [type(block) for block in content] == [blocks.Fields, blocks.Frames]
    from_bytes, _ = formats.printable(clip, "screen.mp4")
    frames = next(b for b in content if isinstance(b, blocks.Frames)).frames
    frames_from_bytes = next(b for b in from_bytes if isinstance(b, blocks.Frames)).frames
    assert [code for code, _ in frames] == [code for code, _ in frames_from_bytes]
    assert content[0] == from_bytes[0]


def test_small_formats_print_from_the_source_as_from_bytes(vault: Vault):
    text = b"He said he would send it to my work.\n"
    exhibit = stored(vault, text, "messages.txt")
    with open_original(vault, exhibit) as original:
        assert formats.printable(original, "messages.txt") == formats.printable(
            text, "messages.txt"
        )
    binary = stored(vault, bytes(range(256)) * 4, "mystery.bin")
    with open_original(vault, binary) as original:
        unknown = formats.printable(original, "mystery.bin")
    assert unknown == formats.printable(bytes(range(256)) * 4, "mystery.bin")
    assert "can't show" in unknown[1]


def test_a_file_too_large_to_read_whole_gets_a_notice(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(blocks, "MAX_WHOLE_BYTES", 1000)
    monkeypatch.setattr(blocks.Probe.whole, "__defaults__", (1000,))
    exhibit = stored(vault, b"word " * 1000, "notes.txt")
    with open_original(vault, exhibit) as original:
        content, reason = formats.printable(original, "notes.txt")
    assert "too large to print here (5,000 bytes)" in reason
    assert content == [blocks.Notice(reason)]
