"""Plain mode's "check a password" judges an account's password as step 3 does (its
score, the time guessing it would take, why, knowing the profile), in words; it used the
rule for the case's own passphrase ("too short to protect your case") (tester w3)."""

from __future__ import annotations

from pathlib import Path

from tests.plain.test_walk import case, walk
from tests.support.cases import PASSPHRASE
from tui.core.passwords import profile
from tui.core.vault.vault import Vault

__all__ = ["case"]  # the fixture, used here too
PASSWORDS, CHECK = "3", "2"


def test_a_weak_account_password_is_judged_as_step_3_judges_it(case: Path) -> None:
    status, said = walk(case, [PASSPHRASE, PASSWORDS, CHECK, "maria1985", "back", "quit"])
    assert status == 0
    assert "Strength 1 of 4, weak. Guessing it would take 2 seconds." in said
    assert "Common names and surnames are easy to guess." in said
    assert "protect your case" not in said and "strong enough" not in said


def test_a_strong_one_is_said_strong_and_the_profile_is_known(case: Path) -> None:
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        profile.save(vault, profile.Profile(pets=["biscuit"]))
    lines = [PASSPHRASE, PASSWORDS, CHECK, "quiet-orbit-lantern-meadow-velvet", CHECK]
    status, said = walk(case, [*lines, "Biscuit2019!", "back", "quit"])
    assert status == 0
    assert "That one is strong enough." in said
    assert "a pet's name" in said  # the profile's word found, never repeated back
    assert said.count("Biscuit") == 0
