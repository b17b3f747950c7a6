"""Checklists as data: the TOML files in `checklists/privacy/`, read and checked.

The schema is documented in `checklists/README.md`. Loading is strict, so that a typo
made while updating a file (an unknown key, a missing field, a repeated id) is caught
by the tests and, on a clinic's machine, reported in one sentence naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.data_files import (
    ID,
    ChecklistError,
    check_choice,
    check_fields,
    check_link,
    check_names,
    name_key,
    read_toml,
    tables,
    text_list,
    texts,
    words,
)
from tui.core.shared.i18n import _, language
from tui.core.shared.paths import checklists_dir

FOLDER = "privacy"
KINDS = ("privacy", "security")
#: Steps that block, report or delete: the evidence must be saved before them.
ACTIONS = ("block", "report", "delete")
REQUIRED: dict[str, type] = {
    "id": str,
    "title": str,
    "platform": str,
    "kind": str,
    "reviewed": date,
}
REQUIRED |= {"source": str, "intro": str, "steps": list}
OPTIONAL: dict[str, type] = {"aliases": list}
STEP_REQUIRED: dict[str, type] = {"id": str, "title": str, "do": str, "why": str}
STEP_OPTIONAL: dict[str, type] = {"warning": str, "link": str, "action": str}


@dataclass(frozen=True)
class ChecklistStep:
    id: str
    title: str
    do: str
    """What to do, and where it is in the app's menus."""
    why: str
    warning: str = ""
    link: str = ""
    action: str = ""
    """"block", "report" or "delete" when the step needs the evidence saved first."""


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    platform: str
    kind: str
    reviewed: date
    source: str
    intro: str
    steps: tuple[ChecklistStep, ...]
    aliases: tuple[str, ...] = ()

    def step(self, step_id: str) -> ChecklistStep:
        return next(s for s in self.steps if s.id == step_id)

    def names(self) -> tuple[str, ...]:
        """The platform's names, as a person may have typed them on an exhibit."""
        return (self.platform, *self.aliases)

    def name_keys(self) -> frozenset[str]:
        """Everything that names this checklist (id, platform, aliases), as `name_key`s."""
        return frozenset(name_key(name) for name in (self.id, *self.names()))


def parse(data: dict[str, Any], name: str) -> Checklist:
    """Check one file's contents against the schema and build the checklist."""
    check_fields(data, REQUIRED, OPTIONAL, name)
    if not ID.fullmatch(data["id"]):
        raise ChecklistError(f"{name}: the id should be lowercase letters, digits and dashes.")
    check_choice(data["kind"], KINDS, "kind", name)
    text_list(data, "aliases", name, "names")
    check_names({}, data["id"], (data["platform"], *data.get("aliases", [])), name)
    if not data["steps"]:
        raise ChecklistError(f"{name} has no steps.")
    steps: list[ChecklistStep] = []
    for where, raw in tables(data["steps"], name, "step", "steps"):
        check_fields(raw, STEP_REQUIRED, STEP_OPTIONAL, where)
        check_choice(raw.get("action", ACTIONS[0]), ACTIONS, "action", where)
        check_link(raw, where)
        if not ID.fullmatch(raw["id"]):
            raise ChecklistError(
                f"{where}: the id should be lowercase letters, digits and dashes."
            )
        if any(s.id == raw["id"] for s in steps):
            raise ChecklistError(f"{name} has two steps with the id {raw['id']!r}.")
        steps.append(ChecklistStep(**texts(raw)))
    return Checklist(
        id=data["id"],
        title=words(data["title"]),
        platform=data["platform"],
        kind=data["kind"],
        reviewed=data["reviewed"],
        source=words(data["source"]),
        intro=words(data["intro"]),
        steps=tuple(steps),
        aliases=tuple(data.get("aliases", ())),
    )


def load_file(path: Path) -> Checklist:
    checklist = parse(read_toml(path), path.name)
    if checklist.id != path.stem:
        raise ChecklistError(f"{path.name}: the id should match the file name ({path.stem}).")
    return checklist


def load_folder(folder: Path) -> tuple[Checklist, ...]:
    """Every checklist in `folder`: account security first, then platforms by name.
    No name (id, platform or alias) may name two checklists: `find` must know which."""
    found = [load_file(path) for path in sorted(folder.glob("*.toml"))]
    if not found:
        raise ChecklistError(f"No checklists were found in {folder}.")
    owners: dict[str, str] = {}
    for checklist in found:
        names = (checklist.id, *checklist.names())
        check_names(owners, checklist.id, names, f"{checklist.id}.toml")
    return tuple(sorted(found, key=lambda c: (c.kind != "security", c.platform.casefold())))


def shipped() -> tuple[Checklist, ...]:
    """The checklists installed with Reclaim, their words in the language spoken here
    and now (each language's loaded once)."""
    return _shipped(language())


@cache
def _shipped(code: str) -> tuple[Checklist, ...]:
    return load_folder(checklists_dir() / FOLDER)


def find(checklist_id: str) -> Checklist:
    """A checklist by its id or by any name of its platform, in any case: people type
    "Twitter" or "IG", not the file's id."""
    wanted = name_key(checklist_id)
    for checklist in shipped():
        if checklist.id == checklist_id or wanted in checklist.name_keys():
            return checklist
    known = ", ".join(c.id for c in shipped())
    raise ChecklistError(
        _("There is no checklist called {name}. Known: {known}.").format(
            name=repr(checklist_id), known=known
        )
    )
