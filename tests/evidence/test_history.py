"""Two windows on one case save per field, and each exhibit's history keeps the old and
new value of every change (tui.core.evidence.changes and history, through two vaults)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE
from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import set_excluded, update_details
from tui.core.evidence.history import Step, history, put_back, what
from tui.core.evidence.model import DETAIL_FIELDS, get_exhibit
from tui.core.vault import custody
from tui.core.vault.edits import Conflict, EditConflict
from tui.core.vault.vault import Vault


def stored(vault: Vault, exhibit_id: str) -> dict[str, str]:
    exhibit = get_exhibit(vault, exhibit_id)
    return {name: getattr(exhibit, name) for name in DETAIL_FIELDS}


@pytest.fixture
def two(vault: Vault, tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    """Window A (the fixture's vault) and window B, opened separately on one case that
    holds E-0001 and E-0002."""
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "first"})
    add_file(vault, make_png(tmp_path / "b.png", size=(30, 20)), {"description": "old words"})
    other = Vault.open(vault.path, passphrase=PASSPHRASE)
    yield vault, other
    other.close()


def test_another_windows_change_to_another_field_survives(two: tuple[Vault, Vault]):
    a, b = two
    b_read = stored(b, "E-0002")  # B opens the exhibit first
    update_details(a, "E-0002", {"description": "new words"}, base=stored(a, "E-0002"))
    update_details(b, "E-0002", {"url": "https://site.example/p/1"}, base=b_read)
    for window in (a, b):
        exhibit = get_exhibit(window, "E-0002")
        assert (exhibit.description, exhibit.url) == ("new words", "https://site.example/p/1")
    last = custody.entries(b.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["url"]
    assert last["changes"] == {"url": {"from": "", "to": "https://site.example/p/1"}}


def test_both_changing_the_same_field_writes_nothing_and_names_both(two: tuple[Vault, Vault]):
    a, b = two
    b_read = stored(b, "E-0002")
    update_details(a, "E-0002", {"description": "theirs"}, base=stored(a, "E-0002"))
    logged = len(b.table(custody.TABLE))
    with pytest.raises(EditConflict) as raised:
        update_details(
            b, "E-0002", {"description": "mine", "url": "https://x.example"}, base=b_read
        )
    assert raised.value.conflicts == [Conflict("description", "old words", "mine", "theirs")]
    assert stored(b, "E-0002")["description"] == "theirs"
    assert stored(b, "E-0002")["url"] == ""
    assert len(b.table(custody.TABLE)) == logged


def test_history_lists_changes_newest_first_and_a_change_can_be_put_back(vault, tmp_path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "Direct messages"})
    update_details(vault, "E-0001", {"description": "also"})
    set_excluded(vault, "E-0001", True)
    steps = history(vault, "e-1")
    assert [step.action for step in steps] == ["exclude", "change", "intake"]
    change = steps[1]
    assert (change.field, change.old, change.new) == ("description", "Direct messages", "also")
    assert what(change) == 'What it shows: "Direct messages" to "also".'
    put_back(vault, "E-0001", change)
    assert get_exhibit(vault, "E-0001").description == "Direct messages"
    newest = history(vault, "E-0001")[0]
    assert (newest.old, newest.new) == ("also", "Direct messages")


def test_putting_back_a_value_changed_again_since_is_refused(vault, tmp_path):
    add_file(vault, make_png(tmp_path / "a.png"), {"description": "one"})
    update_details(vault, "E-0001", {"description": "two"})
    change = history(vault, "E-0001")[0]
    update_details(vault, "E-0001", {"description": "three"})
    with pytest.raises(EditConflict):
        put_back(vault, "E-0001", change)
    assert get_exhibit(vault, "E-0001").description == "three"


def test_an_older_entry_with_only_field_names_is_still_listed(vault, tmp_path):
    add_file(vault, make_png(tmp_path / "a.png"))
    with vault.transaction():
        custody.append(vault.table(custody.TABLE), "details", exhibit="E-0001", fields=["url"])
    step = history(vault, "E-0001")[0]
    assert step == Step(step.seq, step.at, "change", "url")
    assert not step.known
    assert what(step) == "Web address changed (this older entry does not keep the words)."
