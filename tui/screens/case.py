"""How a screen reaches the open case: through the app, each time, never kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from tui.core.vault import Vault


def open_case(node: DOMNode) -> Vault:
    """The app's open vault. Locking pops every case screen, so one is always there."""
    vault: Vault | None = getattr(node.app, "vault", None)
    assert vault is not None, "a case screen outlived the lock"
    return vault


def case_is_open(node: DOMNode) -> bool:
    return getattr(node.app, "vault", None) is not None
