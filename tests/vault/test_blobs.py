"""Encrypted evidence blobs: exact round trips and every kind of tampering caught."""

import io
import os
from pathlib import Path

import pytest

from tui.core.vault.blobs import (
    CHUNK,
    MAGIC_V1,
    BlobDamaged,
    append_card,
    decrypt_stream,
    encrypt_stream,
    read_card,
)

KEY = bytes(range(32))
AAD = b"reclaim-blob|vault|blob"
PREAMBLE = 12 + 24  # magic + chunk size + secretstream header
SEALED_CHUNK = CHUNK + 17
CARD = b"a sealed card, as vault/cards.py makes them"


def write_blob(path: Path, data: bytes, key: bytes = KEY, aad: bytes = AAD) -> list[bytes]:
    seen: list[bytes] = []
    with path.open("wb") as target:
        encrypt_stream(io.BytesIO(data), target, key, aad, seen.append)
    append_card(path, CARD)
    return seen


def read_blob(path: Path, key: bytes = KEY, aad: bytes = AAD) -> bytes:
    return b"".join(decrypt_stream(path, key, aad))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5])
def test_round_trip_is_exact_at_every_chunk_boundary(tmp_path: Path, size: int):
    data = os.urandom(size)
    seen = write_blob(tmp_path / "b", data)
    assert b"".join(seen) == data
    assert read_blob(tmp_path / "b") == data


def test_plaintext_does_not_appear_in_the_blob(tmp_path: Path):
    data = b"MARKER-PLAINTEXT-" * 1000
    write_blob(tmp_path / "b", data)
    assert b"MARKER-PLAINTEXT" not in (tmp_path / "b").read_bytes()


def test_memory_of_a_pass_is_one_chunk(tmp_path: Path):
    seen = write_blob(tmp_path / "b", os.urandom(3 * CHUNK))
    assert max(len(chunk) for chunk in seen) == CHUNK


@pytest.mark.parametrize("cut", [1, 17, SEALED_CHUNK, SEALED_CHUNK + 100])
def test_truncation_is_detected(tmp_path: Path, cut: int):
    blob = tmp_path / "b"
    write_blob(blob, os.urandom(2 * CHUNK + 10))
    raw = blob.read_bytes()
    blob.write_bytes(raw[:-cut])
    with pytest.raises(BlobDamaged):
        read_blob(blob)


def test_truncation_exactly_at_a_chunk_boundary_is_detected(tmp_path: Path):
    blob = tmp_path / "b"
    write_blob(blob, os.urandom(3 * CHUNK))
    blob.write_bytes(blob.read_bytes()[: PREAMBLE + 2 * SEALED_CHUNK])
    with pytest.raises(BlobDamaged, match="cut short"):
        read_blob(blob)


def test_reordered_chunks_are_detected(tmp_path: Path):
    blob = tmp_path / "b"
    write_blob(blob, os.urandom(3 * CHUNK))
    raw = blob.read_bytes()
    head, body = raw[:PREAMBLE], raw[PREAMBLE:]
    first, second = body[:SEALED_CHUNK], body[SEALED_CHUNK : 2 * SEALED_CHUNK]
    blob.write_bytes(head + second + first + body[2 * SEALED_CHUNK :])
    with pytest.raises(BlobDamaged):
        read_blob(blob)


def test_chunks_swapped_in_from_another_blob_are_detected(tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    write_blob(one, os.urandom(2 * CHUNK + 1))
    write_blob(two, os.urandom(2 * CHUNK + 1))
    raw_one, raw_two = one.read_bytes(), two.read_bytes()
    start = PREAMBLE + SEALED_CHUNK
    mixed = (
        raw_one[:start] + raw_two[start : start + SEALED_CHUNK] + raw_one[start + SEALED_CHUNK :]
    )
    one.write_bytes(mixed)
    with pytest.raises(BlobDamaged):
        read_blob(one)


def test_a_blob_under_another_name_is_refused(tmp_path: Path):
    write_blob(tmp_path / "b", b"evidence", aad=b"reclaim-blob|vault|first")
    with pytest.raises(BlobDamaged):
        read_blob(tmp_path / "b", aad=b"reclaim-blob|vault|second")


def test_wrong_key_is_refused(tmp_path: Path):
    write_blob(tmp_path / "b", b"evidence")
    with pytest.raises(BlobDamaged):
        read_blob(tmp_path / "b", key=bytes(32))


def test_the_card_comes_back_exactly_and_first_format_blobs_still_read(tmp_path: Path):
    blob = tmp_path / "b"
    write_blob(blob, b"evidence")
    assert read_card(blob) == CARD
    old = tmp_path / "old"
    with old.open("wb") as target:
        encrypt_stream(io.BytesIO(b"older evidence"), target, KEY, AAD, lambda _chunk: None)
    raw = old.read_bytes()
    old.write_bytes(MAGIC_V1 + raw[len(MAGIC_V1) :])  # what earlier versions wrote
    assert read_card(old) is None and read_blob(old) == b"older evidence"


def test_every_flipped_byte_of_the_stream_is_detected(tmp_path: Path):
    """(The card is checked by the card's own seal: tests/vault/test_rollback.py.)"""
    blob = tmp_path / "b"
    write_blob(blob, os.urandom(300))
    raw = blob.read_bytes()
    card_at = len(raw) - 4 - len(CARD)
    for index in [*range(card_at), *range(len(raw) - 4, len(raw))]:
        damaged = bytearray(raw)
        damaged[index] ^= 0x01
        blob.write_bytes(bytes(damaged))
        with pytest.raises(BlobDamaged):
            read_blob(blob)


def test_extra_bytes_after_the_end_are_detected(tmp_path: Path):
    blob = tmp_path / "b"
    write_blob(blob, b"evidence")
    blob.write_bytes(blob.read_bytes() + b"\x00")
    with pytest.raises(BlobDamaged):
        read_blob(blob)


def test_missing_blob_is_reported_as_missing(tmp_path: Path):
    with pytest.raises(BlobDamaged, match="missing"):
        read_blob(tmp_path / "nothing")
