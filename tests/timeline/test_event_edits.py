"""Saving an event per field (tui.core.timeline.events.update_event with a base): an
edit saved by another window is kept, the same field changed in both is refused, and
the custody log keeps each change's old and new value."""

import pytest

from tests.support.cases import PASSPHRASE
from tui.core.timeline.events import add_event, get_event, update_event
from tui.core.vault import custody
from tui.core.vault.edits import Conflict, EditConflict
from tui.core.vault.vault import Vault


def test_an_edit_from_another_vault_object_is_not_undone(vault: Vault):
    add_event(vault, "5 March 2024", "The messages started")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as other:
        read = vars(get_event(other, "T-0001")).copy()
        update_event(vault, "T-0001", when="6 March 2024")
        update_event(other, "T-0001", title="Threats", base=read)
        assert (get_event(other, "T-0001").when, get_event(other, "T-0001").title) == (
            "2024-03-06",
            "Threats",
        )
        with pytest.raises(EditConflict) as raised:
            update_event(other, "T-0001", when="7 March 2024", base=read)
        assert raised.value.conflicts == [
            Conflict("when", "2024-03-05", "2024-03-07", "2024-03-06")
        ]
        assert get_event(other, "T-0001").when == "2024-03-06"
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last == {
        "event": "T-0001",
        "fields": ["title"],
        "changes": {"title": {"from": "The messages started", "to": "Threats"}},
    }
