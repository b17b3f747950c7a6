"""Messages the screens send up to the app, which owns the open case."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault


@dataclass
class CaseOpened(Message):
    vault: Vault
    remember: bool = False
    """The person asked to keep the key in this device's keyring."""
    by_recovery_code: bool = False
    """Opened with the recovery code: a new passphrase (and code) is asked for at once."""


@dataclass
class CaseCreated(Message):
    vault: Vault
    recovery_code: str
    case_number: str = ""
    """Kiosk only: the number that finds this case again."""


@dataclass
class CaseChosen(Message):
    """Kiosk: a client typed the number of an existing case."""

    path: Path


class NewCaseRequested(Message):
    """Kiosk: a client wants to start a new case."""
