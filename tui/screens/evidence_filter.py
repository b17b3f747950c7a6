"""The Evidence step's filter words, kept over a lock in memory for that case
(`tui.kept_for_case`), never on disk, and given back once, when the step is next shown."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Input

from tui.host import host
from tui.screens.case import case_is_open, open_case

KEPT_AS = "evidence-filter"


def keep_filter(screen: Screen[Any]) -> None:
    """At a lock: the words typed in the filter, and whether it had the focus."""
    field = screen.query_one("#filter", Input)
    if case_is_open(screen) and field.value:
        kept = (field.value, field.has_focus)
        host(screen).kept_for_case.keep_typing(open_case(screen), KEPT_AS, kept)


def give_back_filter(screen: Screen[Any]) -> None:
    """Once the step is built: the filter as the case last locked, focused as it was."""
    kept = host(screen).kept_for_case.typing(open_case(screen), KEPT_AS)
    if not isinstance(kept, tuple):
        return
    words, focused = kept
    field = screen.query_one("#filter", Input)
    field.value = str(words)
    if focused:
        field.focus()
        # The cursor after the words, not all of them selected: the next key goes on.
        field.call_after_refresh(lambda: setattr(field, "cursor_position", len(field.value)))
