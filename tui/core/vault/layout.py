"""Names of the files in a vault folder, and where the default vault lives. Kept apart
from vault.py so the app can find a case without loading any cryptography."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

HEADER = "header.json"
RECORD = "case.db"
BLOBS = "blobs"
LOCK = ".lock"


def default_vault_dir() -> Path:
    """The usual case folder, or the neutral one that discreet mode made instead."""
    usual = user_data_path("reclaim", appauthor=False) / "case"
    neutral = neutral_vault_dir()
    return neutral if is_vault(neutral) and not is_vault(usual) else usual


def neutral_vault_dir() -> Path:
    """Where discreet mode keeps a new install's case: no word in it says what it is."""
    return user_data_path("notes", appauthor=False) / "notebook"


#: An empty file in a case's folder (outside its encrypted record): discreet mode was
#: chosen when the case was made, so the name is neutral before the passphrase is typed.
DISCREET_MARK = ".plain"


def made_discreet(case_folder: Path) -> bool:
    """Whether this case was made in discreet mode: its mark, or the neutral folder."""
    return case_folder == neutral_vault_dir() or (case_folder / DISCREET_MARK).is_file()


def is_vault(path: Path) -> bool:
    return (path / HEADER).is_file()
