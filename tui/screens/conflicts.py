"""Asking, from any form, which value to keep when a save met fields that another window
(or a command) changed since this one read them (see `tui.core.vault.edits`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from tui.core.shared.display import shown
from tui.core.shared.i18n import _

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.vault.edits import EditConflict


def ask_which(
    screen: Screen[Any],
    what: str,
    conflict: EditConflict,
    labels: Mapping[str, str],
    answered: Callable[[set[str] | None], None],
    visible: Callable[[str, object], str] = lambda _name, value: str(value or ""),
) -> None:
    """Show each field's two values (`visible` words a stored value) and pass the fields
    whose value from this window the person keeps to `answered` (None: keep editing)."""
    from tui.dialogs.conflict import Both, ConflictDialog

    both = [
        Both(
            item.field,
            _(labels.get(item.field, item.field)),
            shown(visible(item.field, item.theirs)),
            shown(visible(item.field, item.mine)),
        )
        for item in conflict.conflicts
    ]
    screen.app.push_screen(ConflictDialog(what, both), answered)
