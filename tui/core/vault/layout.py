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
    return user_data_path("reclaim", appauthor=False) / "case"


def is_vault(path: Path) -> bool:
    return (path / HEADER).is_file()
