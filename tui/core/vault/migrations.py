"""The steps that bring the record of a case made by an earlier vault format up to this
one. `Vault._upgrade` runs them on the whole record when such a case is opened, then
writes the record back in one atomic step, and only then the header's new version: a
case is either all of the old format or all of the new, and nothing in it is lost.

A step moves data between tables by their names, as the record holds them, never
through the feature that owns them: the vault imports no feature, and a step keeps
doing exactly what it did when it was written, whatever the features become. Each step
is safe to run again: the second time it finds nothing to move."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The record: table name -> document id -> document.
Tables = dict[str, dict[str, dict[str, Any]]]
Step = Callable[[Tables], bool]

LETTER_FACTS = "letter_facts"
CASE_SETTINGS = "case_settings"
PLACE = "jurisdiction"


def place_into_case_settings(tables: Tables) -> bool:
    """Format 4: where the person lives leaves the letter facts (where it was kept from
    when Reclaim first asked) for the case's own settings. The other letter facts stay
    as they were. True when the record changed."""
    facts = tables.get(LETTER_FACTS, {})
    held = [doc for doc in facts.values() if PLACE in doc]
    if not held:
        return False
    # The letter facts are one document; letters read the first, so its place is kept.
    place = held[0][PLACE]
    for doc in held:
        del doc[PLACE]
    settings = tables.setdefault(CASE_SETTINGS, {})
    if place and not any(PLACE in doc for doc in settings.values()):
        if settings:
            next(iter(settings.values()))[PLACE] = place
        else:
            settings["1"] = {PLACE: place}
    if not settings:
        del tables[CASE_SETTINGS]
    return True


#: Each step by the format version it brings the record to.
STEPS: dict[int, Step] = {4: place_into_case_settings}


def migrate(tables: Tables, from_version: int) -> bool:
    """Run, in order, every step after `from_version` on `tables` (changed in place);
    True when any of them changed the record."""
    changed = False
    for version, step in sorted(STEPS.items()):
        if version > from_version:
            changed = step(tables) or changed
    return changed
