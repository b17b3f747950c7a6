"""The person's progress through the checklists, kept in the vault."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.privacy.test_checklists import GOOD
from tests.support.cases import PASSPHRASE
from tui.core.evidence.adding import add_file
from tui.core.privacy.checklists import find, parse
from tui.core.privacy.lockdown import (
    EvidenceFirst,
    all_progress,
    progress_of,
    set_mine,
    set_not_relevant,
    set_note,
    summary,
    tick,
)
from tui.core.vault.vault import Vault

EXAMPLE = parse(tomllib.loads(GOOD.replace("{id}", "example")), "example.toml")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def test_a_tick_is_saved_at_once_with_its_time(vault: Vault):
    tick(vault, EXAMPLE, "private")
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        progress = progress_of(reopened, EXAMPLE)
    assert list(progress.ticks) == ["private"]
    assert STAMP.fullmatch(progress.ticks["private"].done_at)
    assert (progress.done, progress.total) == (1, 2)


def test_a_step_can_be_named_by_its_number_and_unticked(vault: Vault):
    tick(vault, EXAMPLE, "1")
    assert progress_of(vault, EXAMPLE).done == 1
    tick(vault, EXAMPLE, "private", done=False)
    assert progress_of(vault, EXAMPLE).done == 0


@pytest.mark.parametrize("step", ["3", "0", "nope"])
def test_an_unknown_step_is_refused_plainly(vault: Vault, step: str):
    with pytest.raises(Exception, match="has no step"):
        tick(vault, EXAMPLE, step)
    assert progress_of(vault, EXAMPLE).done == 0


def test_blocking_before_any_evidence_needs_anyway_and_is_noted(vault: Vault):
    with pytest.raises(EvidenceFirst, match="no evidence from Example"):
        tick(vault, EXAMPLE, "block-later")
    assert progress_of(vault, EXAMPLE).done == 0
    progress = tick(vault, EXAMPLE, "block-later", anyway=True)
    assert progress.ticks["block-later"].before_evidence


def test_with_evidence_from_the_platform_blocking_is_ticked_plainly(vault: Vault, tmp_path: Path):
    shot = tmp_path / "shot.txt"
    shot.write_text("a screenshot")
    add_file(vault, shot, {"platform": " example "})  # any case, stray spaces
    progress = tick(vault, EXAMPLE, "block-later")
    assert not progress.ticks["block-later"].before_evidence


def test_aliases_count_as_the_platform(vault: Vault, tmp_path: Path):
    x = find("x")
    shot = tmp_path / "shot.txt"
    shot.write_text("a tweet")
    add_file(vault, shot, {"platform": "Twitter"})
    block = next(s for s in x.steps if s.action == "block")
    assert not tick(vault, x, block.id).ticks[block.id].before_evidence


def test_notes_are_kept_per_step_and_cleared_when_empty(vault: Vault):
    set_note(vault, EXAMPLE, "private", "  done on the phone, not the laptop ")
    assert progress_of(vault, EXAMPLE).notes == {"private": "done on the phone, not the laptop"}
    set_note(vault, EXAMPLE, "private", "")
    assert progress_of(vault, EXAMPLE).notes == {}


def test_progress_counts_only_the_persons_own_accounts(vault: Vault):
    security = find("accounts-security")
    instagram = find("instagram")
    tick(vault, security, "1")
    assert summary(all_progress(vault)).startswith(f"1 of {len(security.steps)} steps done")
    assert "choose your accounts" in summary(all_progress(vault))

    set_mine(vault, instagram, True)
    tick(vault, instagram, "1")
    total = len(security.steps) + len(instagram.steps)
    assert summary(all_progress(vault)) == f"2 of {total} steps done · 1 account"

    set_not_relevant(vault, instagram, True)
    progress = progress_of(vault, instagram)
    assert (progress.mine, progress.not_relevant, progress.counts) == (False, True, False)
    assert summary(all_progress(vault)).startswith(f"1 of {len(security.steps)} steps")
    set_mine(vault, instagram, True)
    assert not progress_of(vault, instagram).not_relevant
    set_not_relevant(vault, security, True)
    assert not progress_of(vault, security).counts


def test_progress_survives_a_reopen_and_other_checklists_are_untouched(vault: Vault):
    tick(vault, EXAMPLE, "private")
    set_mine(vault, EXAMPLE, True)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        example = progress_of(reopened, EXAMPLE)
        others = [p for p in all_progress(reopened) if p.checklist.id != "example"]
    assert example.mine and example.done == 1
    assert all(p.done == 0 and not p.mine for p in others)
