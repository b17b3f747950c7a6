"""How a screen reaches the open case: through the app, each time, never kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from tui.core.shared.save_folders import Places
    from tui.core.vault.vault import Vault


def open_case(node: DOMNode) -> Vault:
    """The app's open vault. Locking pops every case screen, so one is always there."""
    vault: Vault | None = getattr(node.app, "vault", None)
    assert vault is not None, "a case screen outlived the lock"
    return vault


def case_is_open(node: DOMNode) -> bool:
    return getattr(node.app, "vault", None) is not None


def places(node: DOMNode) -> Places:
    """Where this app offers to save and browse (a kiosk has its own rules)."""
    from tui.core.shared.save_folders import Places

    found = getattr(node.app, "places", None)
    return found if isinstance(found, Places) else Places()


def save_as_field(node: DOMNode, stem: str, suffix: str = "") -> tuple[str, str]:
    """(value, placeholder) for a "Save as" field: a default where there is one; on a
    kiosk without an export folder, empty, asking for the client's own drive."""
    target = places(node).default_target(stem, suffix)
    if target is not None:
        return str(target), ""
    return "", f"where to save it: your own drive, e.g. /media/usb/reclaim-{stem}{suffix}"
