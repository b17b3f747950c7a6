"""Per-field saves: what a form writes given what it read, what it would save and what
the case holds now (tui.core.vault.edits)."""

import pytest

from tui.core.vault.edits import Conflict, EditConflict, changes, checked, plan, resolved


def test_only_the_fields_this_window_changed_are_written():
    base = {"description": "old", "url": ""}
    mine = {"description": "old", "url": "https://x.example"}
    current = {"description": "new elsewhere", "url": ""}
    assert plan(base, mine, current).write == {"url": "https://x.example"}
    assert plan(base, mine, current).conflicts == []


def test_the_same_field_changed_in_both_places_is_a_conflict_and_nothing_is_written():
    base = {"description": "old", "url": ""}
    mine = {"description": "mine", "url": "https://x.example"}
    current = {"description": "theirs", "url": ""}
    found = plan(base, mine, current)
    assert found.conflicts == [Conflict("description", "old", "mine", "theirs")]
    with pytest.raises(EditConflict) as raised:
        checked(base, mine, current)
    assert raised.value.conflicts == found.conflicts


def test_the_same_change_made_twice_is_no_conflict_and_no_write():
    assert plan({"a": "1"}, {"a": "2"}, {"a": "2"}) == plan(None, {}, {})


def test_without_a_base_every_differing_value_is_written():
    found = plan(None, {"a": "1", "b": "2"}, {"a": "0", "b": "2"})
    assert (found.write, found.conflicts) == ({"a": "1"}, [])


def test_changes_keep_the_old_and_new_value():
    assert changes({"a": "0"}, {"a": "1"}) == {"a": {"from": "0", "to": "1"}}


def test_resolved_keeps_mine_where_chosen_and_theirs_elsewhere():
    base = {"a": "0", "b": "0"}
    mine = {"a": "1", "b": "1"}
    conflicts = [Conflict("a", "0", "1", "x"), Conflict("b", "0", "1", "y")]
    new_base, new_mine = resolved(base, mine, conflicts, keep_mine={"a"})
    assert plan(new_base, new_mine, {"a": "x", "b": "y"}).write == {"a": "1"}
