"""A letter's needs asked in plain mode: a copyright notice (whose needs are partly the
request's own: that the person took the pictures, and what they show) can be drafted
here; whether the person shown was under 18 is a choice said in the language; a
confirmation answered no ends the letter once, instead of asking again and again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.shared import i18n
from tui.core.takedowns.letters import get_facts
from tui.core.takedowns.requests import add_request, list_requests
from tui.core.vault.vault import Vault
from tui.plain import letter_needs

TAKEDOWNS, LETTER, FIRST, TAKEDOWN, COPYRIGHT = "8", "3", "1", "1", "2"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case"
    vault = Vault.create(path, PASSPHRASE, FAST_KDF)[0]
    with vault:
        add_request(vault, "reddit", ["https://example.com/post/1"])
    return path


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def test_a_copyright_notice_is_drafted_with_what_the_request_needs(case: Path) -> None:
    answers = ["2", "Sam Doe", "sam@example.com", "Sam Doe", "yes", "A photo I took at home"]
    lines = [TAKEDOWNS, LETTER, FIRST, COPYRIGHT, *answers, "", "back", "quit"]
    status, said = walk(case, [PASSPHRASE, *lines])
    assert status == 0
    assert "Was the person shown under 18 when the pictures were taken?" in said
    assert "1. Yes, under 18\n2. No, 18 or over\n3. I am not sure\n" in said
    assert "Subject: Notice of copyright infringement" in said
    assert "The original work: A photo I took at home" in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        (request,) = list_requests(vault)
        assert (get_facts(vault).under_18, get_facts(vault).name) == ("no", "Sam Doe")
    assert (request.self_taken, request.work) == (True, "A photo I took at home")


@pytest.mark.usefixtures("spanish")
def test_under_18_is_a_choice_in_the_language_and_a_minor_gets_no_copyright_notice(
    case: Path,
) -> None:
    lines = [TAKEDOWNS, LETTER, FIRST, COPYRIGHT, "1", "back", "quit"]
    status, said = walk(case, [PASSPHRASE, *lines])
    assert status == 0
    assert i18n._(letter_needs.UNDER_18) in said
    for choice in letter_needs.UNDER_18_CHOICES:
        assert i18n._(choice) != choice and i18n._(choice) in said
    assert "unsure" not in said and "yes, no" not in said  # no English answers to type
    assert "Take It Down" in said  # a copyright notice is never the route for a minor
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert get_facts(vault).under_18 == "yes"


def test_a_confirmation_answered_no_ends_the_letter_once(case: Path) -> None:
    lines = [TAKEDOWNS, LETTER, FIRST, TAKEDOWN, "Sam Doe", "sam@example.com", "Sam Doe", "no"]
    status, said = walk(case, [PASSPHRASE, *lines, "back", "quit"])
    assert status == 0
    assert said.count("The letter needs your confirmation that the images were shared") == 1
    assert said.count(letter_needs.NOT_CONFIRMED) == 1
    assert "The letter starts here." not in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert (get_facts(vault).name, get_facts(vault).no_consent) == ("Sam Doe", False)
