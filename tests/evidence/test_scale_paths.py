"""The quick paths a large case takes, each checked against the plain way it replaces:
a transaction's overlay of the tables it changes, the listing's JSON, the same-picture
search, the exhibits read in bulk and the blobs read in large blocks."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tui.cli.evidence.reading import records_json
from tui.core.evidence.adding import add_file
from tui.core.evidence.media import SAME_PICTURE_BITS, fingerprint, same_pictures
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.similar import similar_groups, similar_to
from tui.core.shared.display import shown_json
from tui.core.vault.blobs import CHUNK, THREADED_FROM, append_card, decrypt_stream, encrypt_stream
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault


def fill(vault: Vault, count: int) -> None:
    with vault.transaction():
        vault.table("notes").insert_multiple({"n": number} for number in range(count))


def test_a_change_in_a_big_table_saves_only_what_changed(vault: Vault):
    fill(vault, 3000)
    before = (vault.path / RECORD).stat().st_size
    with vault.transaction():
        vault.table("notes").update({"n": -1}, doc_ids=[1500])
    grown = (vault.path / RECORD).stat().st_size - before
    assert 0 < grown < 1000, "one small document, one small entry"
    reopened = Vault.open(vault.path, passphrase=PASSPHRASE)
    docs = reopened.table("notes").all()
    assert len(docs) == 3000 and docs[1499]["n"] == -1 and docs[1500]["n"] == 1500


def test_a_transaction_sees_its_own_changes_in_order_and_a_failed_one_leaves_none(
    vault: Vault,
):
    fill(vault, 5)
    notes = vault.table("notes")
    with pytest.raises(RuntimeError), vault.transaction():
        notes.update({"n": 99}, doc_ids=[2])
        notes.remove(doc_ids=[3])
        notes.insert({"n": 5})
        assert [doc["n"] for doc in notes.all()] == [0, 99, 3, 4, 5]
        assert len(notes) == 5 and notes.get(doc_id=3) is None
        assert [doc.doc_id for doc in notes.find("n", 99)] == [2]
        raise RuntimeError("stop before saving")
    assert [doc["n"] for doc in notes.all()] == [0, 1, 2, 3, 4]
    assert [doc.doc_id for doc in notes.find("n", 99)] == []


def test_a_table_dropped_and_filled_again_in_one_transaction_keeps_only_the_new(
    vault: Vault,
):
    fill(vault, 4)
    with vault.transaction():
        vault.db.drop_table("notes")
        vault.table("notes").insert({"n": 100})
    reopened = Vault.open(vault.path, passphrase=PASSPHRASE)
    assert [doc["n"] for doc in reopened.table("notes").all()] == [100]


@pytest.mark.parametrize(
    "records",
    [
        [],
        [{}],
        [{"a": 1, "b": None, "c": True, "d": 1.5, "e": 'x\ny\u202e\u0085é"\\'}],
        [{"f": {"g": [1, {"h": []}], "i": {}}, "j": [[], {}], "k": {"1": {"2": {}}}}, {}],
        [{"nested": {7: "a key that isn't text"}}],
    ],
)
def test_the_listing_json_reads_back_as_the_records_one_to_a_line(
    records: list[dict[str, Any]],
):
    written = records_json(records)
    assert json.loads(written) == json.loads(json.dumps(records))  # (a key 7 becomes "7")
    assert len(written.split("\n")) == (len(records) + 2 if records else 1)


def test_evidence_list_json_gives_every_field_but_the_blob(cli, vault: Vault, tmp_path: Path):
    for number in range(3):
        add_file(
            vault,
            make_png(tmp_path / f"Screenshot_2024030{number + 1}-211400.png", color="red"),
            details={"caption": f"line one\nline two \u202e{number}", "platform": "X"},
        )
    expected = [
        {k: v for k, v in exhibit.to_record().items() if k != "blob"}
        for exhibit in list_exhibits(vault)
    ]
    output = cli("evidence", "list", "--json").stdout
    assert output.rstrip("\n") == shown_json(records_json(expected))
    assert len(output.rstrip("\n").split("\n")) == len(expected) + 2, "one exhibit to a line"
    assert json.loads(output) == expected


def test_exhibits_read_in_bulk_are_whole_and_their_own():
    required = {
        "id": "E-0001",
        "blob": "b",
        "sha256": "0" * 64,
        "size": 3,
        "original_name": "a.png",
        "media_type": "image/png",
        "added_at": "2026-01-01T00:00:00Z",
        "added_offset": "+00:00",
    }
    first = Exhibit.from_record(required)
    second = Exhibit.from_record({**required, "id": "E-0002", "future_field": [1]})
    assert first == Exhibit(**required)  # type: ignore[arg-type]
    assert second.extra == {"future_field": [1]} and first.extra == {}
    first.guesses["poster"] = "name"
    assert second.guesses == {}, "a default is never shared"
    with pytest.raises(TypeError):
        Exhibit.from_record({k: v for k, v in required.items() if k != "sha256"})


def brute_force(fingerprints: list[int | None]) -> list[list[int]]:
    return [
        [
            other
            for other, theirs in enumerate(fingerprints)
            if other != position
            and mine is not None
            and theirs is not None
            and (mine ^ theirs).bit_count() <= SAME_PICTURE_BITS
        ]
        for position, mine in enumerate(fingerprints)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_the_same_picture_search_finds_exactly_what_comparing_every_pair_does(seed: int):
    chance = random.Random(seed)
    centres = [chance.getrandbits(64) for _ in range(12)]
    texts: list[str | None] = []
    for _ in range(400):
        value = chance.choice(centres)
        for _ in range(chance.randint(0, 9)):
            value ^= 1 << chance.randrange(64)
        texts.append(
            chance.choice([None, "", "not hex", "-ff", f"{value:020x}", f"{value | 1 << 70:x}"])
            if chance.random() < 0.08
            else f"{value:016x}"
        )
    fingerprints = [fingerprint(text) for text in texts]
    assert same_pictures(fingerprints) == brute_force(fingerprints)


def test_groups_of_the_same_picture_are_as_one_by_one_comparison_makes_them():
    def exhibit(number: int, phash: str | None) -> Exhibit:
        return Exhibit(
            f"E-{number:04d}", "b", "0" * 64, 1, "a", "image/png", "t", "+00:00", phash=phash
        )

    far = 0xFFFF_FFFF_0000_0000
    exhibits = [
        exhibit(1, f"{0:016x}"),
        exhibit(2, f"{0b111:016x}"),  # 3 bits from E-0001
        exhibit(3, f"{far:016x}"),
        exhibit(4, f"{0b111111000:016x}"),  # 6 from E-0001, 9 from E-0002
        exhibit(5, "damaged"),
        exhibit(6, f"{far ^ 1:016x}"),
    ]
    expected: list[list[str]] = []
    placed: set[str] = set()
    for one in exhibits:
        if one.id not in placed and (same := similar_to(exhibits, one)):
            group = [one.id] + [other.id for other in same if other.id not in placed]
            placed.update(group)
            expected.append(group)
    assert (
        similar_groups(exhibits)
        == expected
        == [["E-0001", "E-0002", "E-0004"], ["E-0003", "E-0006"]]
    )


@pytest.mark.parametrize(
    "size",
    [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, THREADED_FROM, THREADED_FROM + 1, 2 * THREADED_FROM + 7],
)
def test_blobs_read_in_large_blocks_keep_the_chunked_format(size: int, tmp_path: Path):
    data = os.urandom(size)
    key, aad = os.urandom(32), b"aad"
    digest = hashlib.sha256()
    seen: list[int] = []
    path = tmp_path / "blob"
    with path.open("wb") as target:
        encrypt_stream(io.BytesIO(data), target, key, aad, lambda c: seen.append(len(c)), digest)
    append_card(path, b"a card")
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()
    assert seen == [len(c) for c in decrypt_stream(path, key, aad)], "one chunk each"
    assert all(length == CHUNK for length in seen[:-1]) and seen[-1] <= CHUNK
    assert b"".join(decrypt_stream(path, key, aad)) == data


def test_a_write_that_fails_mid_blob_is_raised_not_waited_on():
    class FullDisk(io.BytesIO):
        def write(self, data: Any) -> int:
            if self.tell() > 3 * CHUNK:
                raise OSError(28, "No space left on device")
            return super().write(data)

    with pytest.raises(OSError, match="No space"):
        encrypt_stream(
            io.BytesIO(os.urandom(3 * THREADED_FROM)),
            FullDisk(),
            os.urandom(32),
            b"",
            lambda _c: None,
        )
