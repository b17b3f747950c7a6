"""A case made by the first vault format opens, is brought to the current format at once
and atomically, and loses nothing: exhibits, details, custody log, timeline, binder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import PASSPHRASE, make_png, run_reclaim
from tests.legacy import downgrade_to_first_format, header_version, record_magic
from tui.core import custody
from tui.core.binder import BinderChoices, make
from tui.core.evidence.cards import open_card
from tui.core.evidence.exhibits import add_file, list_exhibits, verify_all
from tui.core.timeline import add_event, list_events
from tui.core.vault import Vault


def old_case(vault: Vault, tmp_path: Path) -> dict[str, str]:
    for index, colour in enumerate(("red", "teal")):
        add_file(vault, make_png(tmp_path / f"shot{index}.png", color=colour),
                 {"platform": "Instagram", "description": f"shot {index}"})  # fmt: skip
    add_event(vault, "2024-03-05 21:14", "The photo was posted", evidence=["E-0001"])
    before = {e.id: e.sha256 for e in list_exhibits(vault)}
    downgrade_to_first_format(vault)
    assert header_version(vault.path) == 1 and record_magic(vault.path) == b"RCLCASE1"
    return before


def test_a_first_format_case_opens_and_is_brought_up_to_date(vault: Vault, tmp_path: Path):
    before = old_case(vault, tmp_path)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as reopened:
        assert header_version(vault.path) == 2 and record_magic(vault.path) == b"RCLCASE2"
        assert reopened.generation == 1
        exhibits = list_exhibits(reopened)
        assert {e.id: e.sha256 for e in exhibits} == before
        assert [e.description for e in exhibits] == ["shot 0", "shot 1"]
        assert [event.title for event in list_events(reopened)] == ["The photo was posted"]
        assert custody.verify(reopened.table(custody.TABLE)) == []
        assert open_card(reopened, exhibits[0].blob) is None, "old blobs keep their format"
        assert verify_all(reopened) == []
        assert make(reopened, BinderChoices(export_date=date(2024, 3, 7))).notices == []
        new = add_file(reopened, make_png(tmp_path / "new.png", color="gold")).exhibit
        assert new.id == "E-0003" and open_card(reopened, new.blob) is not None


def test_a_first_format_case_opens_through_the_cli(
    vault: Vault, tmp_path: Path, passphrase_file: Path
):
    old_case(vault, tmp_path)
    done = run_reclaim(
        "evidence", "verify", "--vault", str(vault.path), "--passphrase-file", str(passphrase_file)
    )
    assert done.returncode == 0 and "All 2 exhibits match" in done.stdout
    assert header_version(vault.path) == 2


def test_opening_twice_upgrades_once_and_the_generation_only_grows(vault: Vault, tmp_path: Path):
    old_case(vault, tmp_path)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as first:
        generation = first.generation
    with Vault.open(vault.path, passphrase=PASSPHRASE) as second:
        assert second.generation == generation, "nothing rewritten the second time"
        add_file(second, make_png(tmp_path / "more.png", color="navy"))
        assert second.generation == generation + 1
