"""Whether the full-screen app can run here, and the one line that suggests plain mode
when it can't (a dumb terminal, or no terminal size to read)."""

from __future__ import annotations

import os
import shutil
import sys

from tui.core.shared.i18n import N_, _

# ---- what a person reads -------------------------------------------------------------
SUGGESTION = N_(
    "reclaim: This terminal cannot show the full-screen app; "
    "run reclaim --plain for a guided walk, one line at a time."
)


def plain_hint() -> str:
    """The suggestion when TERM is dumb or no terminal size can be read, else ''."""
    if os.environ.get("TERM", "") == "dumb":
        return _(SUGGESTION)
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):
        return _(SUGGESTION)  # no terminal at all
    if not size.columns or not size.lines:
        # A size never set (0 x 0: a serial console, some screen readers' terminals) is
        # no size, unless COLUMNS and LINES say one, as the app then reads them; else
        # the app would draw at a guessed 80x24.
        said = shutil.get_terminal_size(fallback=(0, 0))
        if not said.columns or not said.lines:
            return _(SUGGESTION)
    return ""
