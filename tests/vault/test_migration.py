"""Cases made by the earlier vault formats open, are brought to the current format at once
and atomically, and lose nothing: exhibits, details, custody log, timeline, binder, the
letter facts and where the person lives (which format 4 moved to the case settings)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.cli import run_reclaim
from tests.support.legacy import (
    downgrade_to_first_format,
    downgrade_to_second_format,
    downgrade_to_third_format,
    header_version,
    record_magic,
)
from tests.support.pictures import make_png
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.verify import verify_all
from tui.core.places.case_place import stored
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import get_facts, save_facts
from tui.core.timeline.events import add_event, list_events
from tui.core.vault import custody
from tui.core.vault.cards import open_card
from tui.core.vault.header import VERSION
from tui.core.vault.snapshot import MAGIC
from tui.core.vault.vault import Vault

FORMATS: dict[str, tuple[Callable[[Vault], None], int, bytes]] = {
    "first": (downgrade_to_first_format, 1, b"RCLCASE1"),
    "second": (downgrade_to_second_format, 2, b"RCLCASE2"),
    "third": (downgrade_to_third_format, 3, MAGIC),
}


def old_case(vault: Vault, tmp_path: Path, which: str = "first") -> dict[str, str]:
    for index, colour in enumerate(("red", "teal")):
        add_file(vault, make_png(tmp_path / f"shot{index}.png", color=colour),
                 {"platform": "Instagram", "description": f"shot {index}"})  # fmt: skip
    add_event(vault, "2024-03-05 21:14", "The photo was posted", evidence=["E-0001"])
    save_facts(vault, name="Sam", under_18="no")
    set_case_place(vault, "gb")
    before = {e.id: e.sha256 for e in list_exhibits(vault)}
    downgrade, version, magic = FORMATS[which]
    downgrade(vault)
    assert header_version(vault.path) == version and record_magic(vault.path) == magic
    return before


def test_a_first_format_case_opens_and_is_brought_up_to_date(vault: Vault, tmp_path: Path):
    before = old_case(vault, tmp_path)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert header_version(vault.path) == VERSION and record_magic(vault.path) == MAGIC
        assert reopened.generation == 1
        exhibits = list_exhibits(reopened)
        assert {e.id: e.sha256 for e in exhibits} == before
        assert [e.description for e in exhibits] == ["shot 0", "shot 1"]
        assert [event.title for event in list_events(reopened)] == ["The photo was posted"]
        assert stored(reopened) == "gb" and get_facts(reopened).name == "Sam"
        assert custody.verify(reopened.table(custody.TABLE)) == []
        assert open_card(reopened, exhibits[0].blob) is None, "old blobs keep their format"
        assert verify_all(reopened).clean
        assert make(reopened, BinderChoices(export_date=date(2024, 3, 7))).notices == []
        new = add_file(reopened, make_png(tmp_path / "new.png", color="gold")).exhibit
        assert new.id == "E-0003" and open_card(reopened, new.blob) is not None


def test_a_second_format_case_opens_and_its_record_becomes_snapshot_and_journal(
    vault: Vault, tmp_path: Path
):
    for index in range(2):
        add_file(vault, make_png(tmp_path / f"pre{index}.png", color=("red", "teal")[index]))
    generation = vault.generation
    before = old_case_rest(vault, tmp_path)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert header_version(vault.path) == VERSION and record_magic(vault.path) == MAGIC
        assert reopened.generation > generation, "the generation only grows"
        assert reopened._storage.journal_bytes == 0, "the whole record is one snapshot"
        exhibits = list_exhibits(reopened)
        assert {e.id: e.sha256 for e in exhibits} == before
        assert custody.verify(reopened.table(custody.TABLE)) == []
        assert verify_all(reopened).clean
        size = (vault.path / "case.db").stat().st_size
        new = add_file(reopened, make_png(tmp_path / "new.png", color="gold")).exhibit
        assert new.id == "E-0004" and open_card(reopened, new.blob) is not None
        assert (vault.path / "case.db").stat().st_size > size, "the change was appended"
    with Vault.open(vault.path, passphrase=PASSPHRASE) as again:
        assert [e.id for e in list_exhibits(again)] == ["E-0001", "E-0002", "E-0003", "E-0004"]


def old_case_rest(vault: Vault, tmp_path: Path) -> dict[str, str]:
    add_file(vault, make_png(tmp_path / "third.png", color="navy"), {"description": "third"})
    before = {e.id: e.sha256 for e in list_exhibits(vault)}
    downgrade_to_second_format(vault)
    assert header_version(vault.path) == 2 and record_magic(vault.path) == b"RCLCASE2"
    return before


@pytest.mark.parametrize("which", sorted(FORMATS))
def test_an_old_format_case_opens_through_the_cli(
    vault: Vault, tmp_path: Path, passphrase_file: Path, which: str
):
    old_case(vault, tmp_path, which)
    done = run_reclaim(
        "evidence", "verify", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert done.returncode == 0 and "All 2 exhibits match" in done.stdout
    with Vault.open(vault.path, passphrase=PASSPHRASE) as opened:
        assert stored(opened) == "gb"
    assert header_version(vault.path) == VERSION and record_magic(vault.path) == MAGIC


@pytest.mark.parametrize("which", sorted(FORMATS))
def test_opening_twice_upgrades_once_and_the_generation_only_grows(
    vault: Vault, tmp_path: Path, which: str
):
    old_case(vault, tmp_path, which)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as first:
        generation = first.generation
    with Vault.open(vault.path, passphrase=PASSPHRASE) as second:
        assert second.generation == generation, "nothing rewritten the second time"
        add_file(second, make_png(tmp_path / "more.png", color="navy"))
        assert second.generation == generation + 1


def test_an_upgrade_that_fails_leaves_the_old_case_as_it_was(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.core.vault import store

    old_case(vault, tmp_path, "second")
    before = vault_bytes(vault.path)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(store, "atomic_write", full_disk)
        with pytest.raises(OSError):
            Vault.open(vault.path, passphrase=PASSPHRASE)
    assert vault_bytes(vault.path) == before
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert record_magic(vault.path) == MAGIC and len(list_exhibits(reopened)) == 2


@pytest.mark.parametrize("which", sorted(FORMATS))
def test_the_place_leaves_the_letter_facts_for_the_case_settings(
    vault: Vault, tmp_path: Path, which: str
):
    """Formats 1 to 3 kept where the person lives among the letter facts; opening moves it
    to the case settings, keeps every other letter fact, and says format 4."""
    old_case(vault, tmp_path, which)
    with Vault.open(vault.path, passphrase=PASSPHRASE, upgrade=False) as untouched:
        (facts,) = untouched.table("letter_facts").all()
        assert facts["jurisdiction"] == "gb" and not untouched.table("case_settings").all()
    with Vault.open(vault.path, passphrase=PASSPHRASE) as opened:
        assert header_version(vault.path) == VERSION == 4
        (facts,) = opened.table("letter_facts").all()
        assert "jurisdiction" not in facts
        assert (facts["name"], facts["under_18"]) == ("Sam", "no"), "the other facts stay"
        assert [dict(doc) for doc in opened.table("case_settings").all()] == [
            {"jurisdiction": "gb"}
        ]
        assert stored(opened) == "gb"
        assert custody.verify(opened.table(custody.TABLE)) == []
    before = vault_bytes(vault.path)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as again:
        assert stored(again) == "gb" and get_facts(again).name == "Sam"
    assert vault_bytes(vault.path) == before, "a second open changes nothing"


def test_a_third_format_case_that_never_said_its_place_stays_unsaid(vault: Vault):
    """A case made before Reclaim asked has no place to move: it is still read as assumed."""
    save_facts(vault, name="Sam")
    downgrade_to_third_format(vault)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as opened:
        assert header_version(vault.path) == VERSION
        assert stored(opened) == "" and get_facts(opened).name == "Sam"
        assert not opened.table("case_settings").all()
