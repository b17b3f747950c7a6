"""Finding words across the case: in what was read in pictures and in typed details."""

from __future__ import annotations

from tui.core.evidence.reading.model import Hit
from tui.core.vault.vault import Vault


def search(vault: Vault, words: str) -> list[Hit]:
    """Every exhibit line (read or typed) holding all the words, in exhibit order."""
    raise NotImplementedError
