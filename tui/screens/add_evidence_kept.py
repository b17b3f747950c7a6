"""What the add-evidence screen held at a lock (the paths being typed, the files chosen),
kept in memory for that case (`tui.kept_for_case`), never on disk, and given back once,
when the screen is next opened in that case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.host import host
from tui.screens.case import case_is_open, open_case

KEPT_AS = "add-evidence"


def keep_choice(screen: Screen[Any], typed: str, chosen: list[Path]) -> None:
    """At a lock: the words in the paths field and the files chosen, if any."""
    if case_is_open(screen) and (typed or chosen):
        paths = tuple(str(path) for path in chosen)
        host(screen).kept_for_case.keep_typing(open_case(screen), KEPT_AS, (typed, paths))


def kept_choice(screen: Screen[Any]) -> tuple[str, list[Path]] | None:
    """What the screen held at the case's last lock (given back once), or None."""
    kept = host(screen).kept_for_case.typing(open_case(screen), KEPT_AS)
    if not isinstance(kept, tuple):
        return None
    typed, paths = kept
    return str(typed), [Path(path) for path in paths]
