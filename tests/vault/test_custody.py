"""The custody log's hash chain, over TinyDB's plain memory storage and our sealed one:
the chain's behaviour must not depend on where the record is kept."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from tui.core.vault import custody
from tui.core.vault.store import SealedJSONStorage


@pytest.fixture(params=["memory", "sealed"])
def table(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Table]:
    if request.param == "memory":
        db = TinyDB(storage=MemoryStorage)
    else:
        storage = SealedJSONStorage(tmp_path / "case.db", bytes(32), b"test-vault")
        storage.create()
        db = TinyDB(storage=lambda: storage)
    yield db.table(custody.TABLE, cache_size=0)
    db.close()


def test_entries_chain_each_to_the_one_before(table: Table):
    first = custody.append(table, "intake", exhibit="E-0001")
    second = custody.append(table, "export", exhibit="E-0001", destination="/media/usb")
    assert first["prev"] == custody.GENESIS
    assert second["prev"] == first["hash"]
    assert [e["seq"] for e in custody.entries(table)] == [1, 2]
    assert custody.verify(table) == []


def test_a_changed_entry_is_named(table: Table):
    for number in range(3):
        custody.append(table, "intake", exhibit=f"E-000{number + 1}")
    doc = table.all()[1]
    table.update({"details": {"exhibit": "E-0999"}}, doc_ids=[doc.doc_id])
    assert custody.verify(table) == ["custody log entry 2 was changed"]


def test_a_removed_entry_breaks_the_chain(table: Table):
    for number in range(3):
        custody.append(table, "intake", exhibit=f"E-000{number + 1}")
    table.remove(doc_ids=[table.all()[1].doc_id])
    assert custody.verify(table) == ["custody log entry 2 is missing or out of order"]


def test_an_entry_rewritten_with_a_fresh_hash_still_breaks_the_chain(table: Table):
    for number in range(3):
        custody.append(table, "intake", exhibit=f"E-000{number + 1}")
    doc = dict(table.all()[0])
    doc["details"] = {"exhibit": "E-0999"}
    doc["hash"] = custody._digest(doc)
    table.update(doc, doc_ids=[table.all()[0].doc_id])
    assert custody.verify(table) == ["custody log entry 2 was changed"]
