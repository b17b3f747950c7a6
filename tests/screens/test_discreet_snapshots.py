"""Discreet mode at 80x24 (issue 29): the lock screen and F12's cover say only "Notes".
Update after a deliberate change with `--snapshot-update`, and look at the SVGs."""

from pathlib import Path

from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.vault.vault import Vault

SIZE = (80, 24)
DISCREET = Settings(discreet=True)


def test_discreet_unlock_screen(snap_compare, vault: Vault):
    vault.close()
    assert snap_compare(ReclaimApp(vault.path, DISCREET), terminal_size=SIZE)


def test_discreet_make_screen(snap_compare, tmp_path: Path):
    assert snap_compare(ReclaimApp(tmp_path / "new", DISCREET), terminal_size=SIZE)


def test_the_notes_cover(snap_compare, vault: Vault):
    vault.close()

    assert snap_compare(ReclaimApp(vault.path, DISCREET), press=["f12"], terminal_size=SIZE)
