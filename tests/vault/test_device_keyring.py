"""'Remember on this device' in a real keyring backend (a JSON file): the entry's name says
nothing of what it is for, and a key remembered under the old name still opens the case
and is moved (issue 29: a keyring can be browsed by anyone at the unlocked computer)."""

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.support.keyring_backend import FileKeyring
from tui.core.vault import device_keyring

KEY = bytes(range(32))


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("RECLAIM_TEST_KEYRING", str(path))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())  # type: ignore[no-untyped-call]
    yield path
    keyring.set_keyring(previous)


def test_the_entry_names_nothing_of_what_it_is_for(stored: Path):
    assert device_keyring.remember("abc123", KEY)
    entries = json.loads(stored.read_text())
    assert list(entries) == ["notes/vault-abc123"]
    for word in ("reclaim", "abuse", "image", "evidence", "case"):
        assert word not in json.dumps(entries).lower()
    assert device_keyring.recall("abc123") == KEY


def test_a_key_remembered_under_the_old_name_opens_and_is_moved(stored: Path):
    old = {"reclaim/vault-abc123": base64.b64encode(KEY).decode()}
    stored.write_text(json.dumps(old))
    assert device_keyring.recall("abc123") == KEY
    assert list(json.loads(stored.read_text())) == ["notes/vault-abc123"]
    assert device_keyring.recall("abc123") == KEY


def test_forget_removes_it_under_either_name(stored: Path):
    encoded = base64.b64encode(KEY).decode()
    stored.write_text(json.dumps({"reclaim/vault-a": encoded, "notes/vault-a": encoded}))
    device_keyring.forget("a")
    assert json.loads(stored.read_text()) == {}
    assert device_keyring.recall("a") is None
