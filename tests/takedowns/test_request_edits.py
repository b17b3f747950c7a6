"""Saving a takedown request per field (update_request with a base): another window's
change is kept, the same field changed in both is refused, and the log keeps old and new
values, but never a PIN."""

import pytest

from tests.support.cases import PASSPHRASE
from tui.core.takedowns.requests import add_request, get_request, update_request
from tui.core.vault import custody
from tui.core.vault.edits import EditConflict
from tui.core.vault.vault import Vault


def test_two_vaults_each_keep_their_own_field(vault: Vault):
    add_request(vault, "reddit", ["https://r.example/1"])
    with Vault.open(vault.path, passphrase=PASSPHRASE) as other:
        read = vars(get_request(other, "R-001")).copy()
        update_request(vault, "R-001", reference="RD-1")
        update_request(other, "R-001", notes="called them", base=read)
        request = get_request(other, "R-001")
        assert (request.reference, request.notes) == ("RD-1", "called them")
        with pytest.raises(EditConflict):
            update_request(other, "R-001", reference="RD-2", base=read)
        assert get_request(other, "R-001").reference == "RD-1"


def test_a_pin_is_named_in_the_log_but_never_written_there(vault: Vault):
    add_request(vault, "reddit", ["https://r.example/1"])
    update_request(vault, "R-001", pin="9911", reference="RD-1")
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last["fields"] == ["pin", "reference"]
    assert last["changes"] == {"reference": {"from": "", "to": "RD-1"}}
    assert "9911" not in str(custody.entries(vault.table(custody.TABLE)))


def test_the_letters_facts_save_per_fact(vault: Vault):
    from tui.core.takedowns.letters import change_facts, get_facts, save_facts

    save_facts(vault, name="Sam")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as other:
        read = vars(get_facts(other)).copy()
        save_facts(vault, contact="sam@example.org")
        change_facts(other, {"signature": "Sam"}, base=read)
        facts = get_facts(other)
        assert (facts.contact, facts.signature) == ("sam@example.org", "Sam")
        save_facts(vault, name="Samantha")
        with pytest.raises(EditConflict):
            change_facts(other, {"name": "Sam J."}, base=read)
    assert get_facts(vault).name == "Samantha"
    last = custody.entries(vault.table(custody.TABLE))[-1]["details"]
    assert last == {"fields": ["name"], "changes": {"name": {"from": "Sam", "to": "Samantha"}}}
