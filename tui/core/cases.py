"""A clinic kiosk keeps each client's case in its own folder under one cases folder.
Folders are named by a random case number, never by a name, and no screen lists them:
a client opens theirs by typing its number."""

from __future__ import annotations

import secrets
from pathlib import Path

from tui.core.atomic import make_private_dir
from tui.core.errors import InputError
from tui.core.layout import is_vault

DIGITS = 6


def new_case_dir(cases_dir: Path) -> tuple[Path, str]:
    """A fresh, unused folder for a new case, and the number that names it."""
    make_private_dir(cases_dir)
    while True:
        number = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
        path = cases_dir / number
        if not path.exists():
            return path, number


def find_case_dir(cases_dir: Path, typed: str) -> Path:
    number = "".join(ch for ch in typed if not ch.isspace())
    if len(number) != DIGITS or not number.isdigit():
        raise InputError(f"A case number has {DIGITS} digits, like 482913.")
    path = cases_dir / number
    if not is_vault(path):
        raise InputError("There is no case with that number on this computer. Check the number.")
    return path
