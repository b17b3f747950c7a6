"""Back typed in the middle of any form says plainly what was saved: nothing, or only the
parts that are kept as they are typed (a declaration's facts, a letter's facts). A person
with a screen reader can't see that the form has gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.copies.register import list_copies
from tui.core.declarations.drafting import get_facts_for
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.passwords.changed_accounts import list_accounts
from tui.core.places.case_place import stored
from tui.core.privacy.checklists import shipped as checklists
from tui.core.privacy.lockdown import all_progress
from tui.core.takedowns.letters import get_facts
from tui.core.takedowns.requests import add_request, list_requests
from tui.core.timeline.events import add_event, list_events
from tui.core.vault.vault import Vault
from tui.plain import evidence, prompt

NOTHING = prompt.NOTHING_SAVED
PRIVACY, PASSWORDS, EVIDENCE, COPIES, TIMELINE, BINDER, TAKEDOWNS, PLACE = (
    "2", "3", "4", "5", "6", "7", "8", "9",
)  # fmt: skip


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """A case with one exhibit, one event and one takedown request."""
    path = tmp_path / "case"
    message = tmp_path / "message.txt"
    message.write_text("You will regret this.\n")
    vault = Vault.create(path, PASSPHRASE, FAST_KDF)[0]
    with vault:
        add_file(vault, message, {"description": "A threatening message"})
        add_event(vault, "5 March 2024", "They posted my pictures")
        add_request(vault, "reddit", ["https://example.com/post/1"])
    return path


def what_is_in(case: Path) -> tuple[object, ...]:
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        progress = [p.done for p in all_progress(vault, checklists())]
        return (
            [(e.id, e.description, e.platform) for e in list_exhibits(vault)],
            [(e.id, e.when, e.title, e.details) for e in list_events(vault)],
            [(r.id, r.urls) for r in list_requests(vault)],
            list_accounts(vault),
            list_copies(vault),
            stored(vault),
            progress,
            get_facts_for(vault).name,
        )


FORMS = {
    "adding an event": [TIMELINE, "1", "5 March 2024", "They posted it again", "back"],
    "changing an event": [TIMELINE, "3", "1", "6 March 2024", "back"],
    "choosing the event to change": [TIMELINE, "3", "back"],
    "noting an account": [PASSWORDS, "3", "Instagram", "back"],
    "a takedown request": [TAKEDOWNS, "1", "1", "https://example.com/2", "back"],
    "a copy": [COPIES, "1", "back"],
    "restoring a copy": [COPIES, "3", "/nowhere/usb", "back"],
    "the binder": [BINDER, "1", "1", "back"],
    "a declaration": [BINDER, "2", "back"],
    "where you live": [PLACE, "1", "back"],
    "the documents' language": [PLACE, "2", "back"],
    "a file's path": [EVIDENCE, "1", "back"],
    "an exhibit's details": [EVIDENCE, "3", "1", "A new description", "back"],
    "which letter": [TAKEDOWNS, "3", "1", "back"],
    "a privacy step": [PRIVACY, "1", "1", "back"],
}


@pytest.mark.parametrize("lines", FORMS.values(), ids=FORMS.keys())
def test_back_in_a_form_says_nothing_was_saved(case: Path, lines: list[str]) -> None:
    before = what_is_in(case)
    status, said = walk(case, [PASSPHRASE, *lines, "back", "quit"])
    assert status == 0
    assert said.count(NOTHING) == 1, said[-1500:]
    assert "Only this was saved" not in said
    assert what_is_in(case) == before  # and it is true


def test_back_after_a_file_is_named_says_it_once(case: Path, tmp_path: Path) -> None:
    picture = tmp_path / "shot.txt"
    picture.write_text("a message\n")
    _, said = walk(case, [PASSPHRASE, EVIDENCE, "1", str(picture), "a screenshot", "back", "quit"])
    assert evidence.NOT_ADDED.format(name="shot.txt") in said
    assert NOTHING not in said  # the file's own sentence says it, once


def test_back_in_a_declaration_says_which_facts_were_kept(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, BINDER, "2", "Sam Doe", "back", "quit"])
    assert "You went back. Only this was saved: your full name. Nothing else was." in said
    assert NOTHING not in said
    assert what_is_in(case)[-1] == "Sam Doe"


def test_back_where_a_declaration_goes_names_all_that_was_kept(case: Path) -> None:
    lines = [PASSPHRASE, BINDER, "2", "Sam Doe", "1", "1", "back", "quit"]
    _, said = walk(case, lines)
    kept = "your full name and where exhibit E-0001 came from"
    assert f"You went back. Only this was saved: {kept}. Nothing else was." in said


def test_back_in_a_letter_says_which_facts_were_kept(case: Path) -> None:
    _, said = walk(case, [PASSPHRASE, TAKEDOWNS, "3", "1", "1", "Sam Doe", "back", "quit"])
    assert "You went back. Only this was saved: your full name. Nothing else was." in said
    with Vault.open(case, passphrase=PASSPHRASE) as vault:
        assert get_facts(vault).name == "Sam Doe"


def test_what_was_saved_is_not_said_again_at_the_next_back(case: Path) -> None:
    lines = [PASSPHRASE, BINDER, "2", "Sam Doe", "back", "2", "back"]
    _, said = walk(case, [*lines, "quit"])
    assert said.count("Only this was saved") == 1
    assert said.count(NOTHING) == 1  # the name was asked with Enter keeping it
