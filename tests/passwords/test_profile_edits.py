"""The profile saved per field (profile.change with a base), like every other form."""

import pytest

from tui.core.passwords import profile
from tui.core.vault import custody
from tui.core.vault.edits import EditConflict
from tui.core.vault.vault import Vault


def test_profile_change_refuses_a_field_changed_since_it_was_read(vault: Vault):
    read = profile.change(vault, {"pets": ["Biscuit"]}).to_record()
    profile.change(vault, {"pets": ["Rex"], "names": ["Sam"]})
    with pytest.raises(EditConflict):
        profile.change(vault, {"pets": ["Pip"]}, base=read)
    profile.change(vault, {"dates": ["1990-03-05"]}, base=read)
    found = profile.load(vault)
    assert (found.pets, found.names, found.dates) == (["Rex"], ["Sam"], ["1990-03-05"])


def test_saving_the_whole_profile_is_logged_with_old_and_new_words(vault: Vault):
    profile.save(vault, profile.Profile(pets=["Biscuit"]))
    profile.save(vault, profile.Profile(pets=["Biscuit", "Rex"]))
    last = custody.entries(vault.table(custody.TABLE))[-1]
    assert last["action"] == "profile"
    assert last["details"]["changes"] == {"pets": {"from": ["Biscuit"], "to": ["Biscuit", "Rex"]}}
