"""The language a document is to be written in, as chosen on its screen (F3), kept for
its case while Reclaim runs.

A letter's facts are kept in the case as they are typed (and at a lock); the language
the person chose for it is kept here, so that the letter opened again, after a lock or
an idle lock and the unlock, or after leaving it, is in that language still. Only the
open case's own choices are found: a kiosk's next client sees none of another's. Kept in
memory only (a language's code says nothing of the case)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault


class ChosenLanguages:
    """Each case's documents' chosen languages, by document ("letter:takedown:T-0001")."""

    def __init__(self) -> None:
        self._chosen: dict[tuple[str, str], str] = {}

    def remember(self, vault: Vault, document: str, code: str) -> None:
        self._chosen[(vault.header.vault_id, document)] = code

    def recall(self, vault: Vault, document: str) -> str:
        """The language chosen for `document` of this case; '' when none was."""
        return self._chosen.get((vault.header.vault_id, document), "")
