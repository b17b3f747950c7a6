"""Reading an exhibit's pictures and keeping what was read in its record."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.evidence.reading.model import Reading
from tui.core.vault.vault import Vault


def read_exhibit(
    vault: Vault, exhibit_id: str, *, stop: Callable[[], bool] | None = None
) -> Reading:
    """Read the words in one exhibit's pictures and keep them in its record."""
    raise NotImplementedError


def unread_exhibits(vault: Vault) -> list[str]:
    """The exhibits with pictures whose words were never read, in number order."""
    raise NotImplementedError
