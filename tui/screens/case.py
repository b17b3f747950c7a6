"""How a screen reaches the open case: through the app, each time, never kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.i18n import SOURCE_LANGUAGE, _, language
from tui.core.shared.local_formats import long_date
from tui.host import host

if TYPE_CHECKING:
    from datetime import date

    from textual.dom import DOMNode

    from tui.core.kiosk.save_folders import SaveFolders
    from tui.core.vault.vault import Vault


def open_case(node: DOMNode) -> Vault:
    """The app's open vault. Locking pops every case screen, so one is always there."""
    vault = host(node).vault
    assert vault is not None, "a case screen outlived the lock"  # i18n: not shown
    return vault


def checked_on(day: date) -> str:
    """The day a guide was last checked, as a person reads it ("05 March 2024" in
    English, as it always was; "5 de marzo de 2024" in Spanish)."""
    return f"{day:%d %B %Y}" if language() == SOURCE_LANGUAGE else long_date(day)


def case_is_open(node: DOMNode) -> bool:
    return host(node).vault is not None


def save_folders(node: DOMNode) -> SaveFolders:
    """Where this app offers to save and browse (a kiosk has its own rules)."""
    return host(node).save_folders


def save_as_field(node: DOMNode, stem: str, suffix: str = "") -> tuple[str, str]:
    """(value, placeholder) for a "Save as" field: a default where there is one; on a
    kiosk without an export folder, empty, asking for the client's own drive."""
    folders = save_folders(node)
    target = folders.default_target(stem, suffix)
    if target is not None:
        return str(target), ""
    if folders.neutral:  # discreet mode: a name that says nothing of what it is
        return "", _("where to save it: your own drive, e.g. /media/usb/notes{suffix}").format(
            suffix=suffix
        )
    from tui.core.kiosk.offered_names import offered_stem

    return "", _(
        "where to save it: your own drive, e.g. /media/usb/reclaim-{stem}{suffix}"
    ).format(stem=offered_stem(stem), suffix=suffix)
