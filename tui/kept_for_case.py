"""What a person chose or typed for their case that the case itself has no place for,
kept in memory while Reclaim runs, for that case only.

- The language a document is to be written in, as chosen on its screen (F3): a letter
  opened again, after a lock and the unlock or after leaving it, is still in it.
- What was typed on a screen with nothing to save it to (the binder's choices, an
  answer being typed in a question) when the case locked: given back once, when that
  screen is next shown in the same case (`tui.host.KeepsOverLock`). Never a password.

Only the open case's own are found: a kiosk's next client sees none of another's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault


class KeptForCase:
    """Each case's chosen languages, by document ("letter:takedown:T-0001"), and what
    its screens held at the last lock, by screen ("binder")."""

    def __init__(self) -> None:
        self._languages: dict[tuple[str, str], str] = {}
        self._typed: dict[tuple[str, str], object] = {}

    def remember_language(self, vault: Vault, document: str, code: str) -> None:
        self._languages[(vault.header.vault_id, document)] = code

    def language(self, vault: Vault, document: str) -> str:
        """The language chosen for `document` of this case; '' when none was."""
        return self._languages.get((vault.header.vault_id, document), "")

    def keep_typing(self, vault: Vault, screen: str, typed: object) -> None:
        """What `screen` held as the case locked."""
        self._typed[(vault.header.vault_id, screen)] = typed

    def typing(self, vault: Vault, screen: str) -> object | None:
        """What `screen` held at the last lock of this case, given back once."""
        return self._typed.pop((vault.header.vault_id, screen), None)
