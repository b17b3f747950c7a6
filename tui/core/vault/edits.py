"""Saving a form without overwriting what another window saved meanwhile.

A form remembers the values it loaded (its base). On save, only the fields this window
changed (mine != base) are written; a field that also changed elsewhere since this
window read it (current != base and current != mine) is a conflict: nothing is written
and the person chooses, per field, which value to keep. A field changed elsewhere that
this window did not touch is kept as the other window left it.

The command line reads and writes in one transaction, so it passes no base: every value
it gives is written, and there is nothing to conflict with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import _


@dataclass(frozen=True)
class Conflict:
    """One field changed both here and elsewhere since this window read it."""

    field: str
    base: Any
    """The value this window read."""
    mine: Any
    """What this window would save."""
    theirs: Any
    """What was saved elsewhere in the meantime (the value in the case now)."""


class EditConflict(ReclaimError):
    """Nothing was saved: fields this window changed were also changed elsewhere."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(
            _(
                "Nothing was saved: another window changed the same details since this one "
                "opened them; choose which to keep."
            )
        )
        self.conflicts = conflicts


@dataclass(frozen=True)
class Plan:
    """What one save should do."""

    write: dict[str, Any]
    """Fields to write, with this window's values (those that differ from the case now)."""
    conflicts: list[Conflict]


def plan(
    base: Mapping[str, Any] | None, mine: Mapping[str, Any], current: Mapping[str, Any]
) -> Plan:
    """Compare what this window read (`base`; None when the read is in the same
    transaction as the write), what it would save (`mine`) and what the case holds now."""
    write: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for name, value in mine.items():
        now = current.get(name)
        if value == now:
            continue
        if base is None or name not in base:
            write[name] = value
            continue
        read = base[name]
        if value == read:
            continue  # not changed in this window: whatever is there now stays
        if now != read:
            conflicts.append(Conflict(name, read, value, now))
        else:
            write[name] = value
    return Plan(write, conflicts)


def changes(current: Mapping[str, Any], write: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The custody log's record of a save: each changed field's old and new value."""
    return {name: {"from": current.get(name), "to": value} for name, value in write.items()}


def checked(
    base: Mapping[str, Any] | None, mine: Mapping[str, Any], current: Mapping[str, Any]
) -> dict[str, Any]:
    """The fields to write; raises `EditConflict` (writing nothing) on any conflict."""
    found = plan(base, mine, current)
    if found.conflicts:
        raise EditConflict(found.conflicts)
    return found.write


def resolved(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    conflicts: list[Conflict],
    keep_mine: set[str],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (base, mine) to save again once the person chose: a field whose value from this
    window they keep is saved over the other; one they leave to the other is not saved."""
    base, mine = dict(base), dict(mine)
    for conflict in conflicts:
        base[conflict.field] = conflict.theirs
        if conflict.field not in keep_mine:
            mine.pop(conflict.field, None)
    return base, mine
