"""Checklists as data: the TOML files in `checklists/privacy/`, read and checked.

The schema is documented in `checklists/README.md`. Loading is strict, so that a typo
made while updating a file (an unknown key, a missing field, a repeated id) is caught
by the tests and, on a clinic's machine, reported in one sentence naming the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.errors import ReclaimError
from tui.core.shared.paths import checklists_dir

FOLDER = "privacy"
KINDS = ("privacy", "security")
#: Steps that block, report or delete: the evidence must be saved before them.
ACTIONS = ("block", "report", "delete")
#: Checklist and step ids: the file name, and what `reclaim checklist done` accepts.
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

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


class ChecklistError(ReclaimError):
    """A checklist file does not follow the schema."""


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


def name_key(name: str) -> str:
    """A name as it is compared: any case, and only its letters and digits, so that
    "Google Search", "google-search" and "GOOGLE search" are one name, as are "X.com"
    and "x com". People type names as they say them, not as the data file spells ids."""
    return "".join(char for char in name.casefold() if char.isalnum())


def check_names(owners: dict[str, str], owner: str, names: tuple[str, ...], where: str) -> None:
    """Record in `owners` (name key -> id) the names of `owner`; a name that is empty as a
    key, or that already names something else, is refused: one name, one thing."""
    for name in names:
        key = name_key(name)
        if not key:
            raise ChecklistError(f"{where}: the name {name!r} has no letters or digits.")
        other = owners.setdefault(key, owner)
        if other != owner:
            raise ChecklistError(f"{where}: the name {name!r} already names {other}.")


def check_fields(
    table: dict[str, Any], required: dict[str, type], optional: dict[str, type], where: str
) -> None:
    unknown = sorted(set(table) - set(required) - set(optional))
    if unknown:
        raise ChecklistError(f"{where} has an unknown key: {', '.join(unknown)}.")
    missing = [key for key in required if key not in table]
    if missing:
        raise ChecklistError(f"{where} is missing: {', '.join(missing)}.")
    for key, value in table.items():
        expected = required.get(key) or optional[key]
        if not isinstance(value, expected):
            raise ChecklistError(f"{where}: {key} should be a {expected.__name__}.")
        if isinstance(value, str) and not value.strip():
            raise ChecklistError(f"{where}: {key} is empty.")


def check_id(value: str, seen: set[str], where: str) -> None:
    """An id is lowercase words joined by dashes and used once in its file; a good one is
    added to `seen`."""
    if not ID.fullmatch(value):
        raise ChecklistError(
            f"{where}: the id {value!r} should be lowercase words joined by dashes."
        )
    if value in seen:
        raise ChecklistError(f"{where}: the id {value} is used twice.")
    seen.add(value)


def prose(text: str) -> str:
    """Text as the screen should wrap it: the file's line breaks inside a paragraph are
    only there to keep the file readable, so they become spaces; blank lines stay."""
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def parse(data: dict[str, Any], name: str) -> Checklist:
    """Check one file's contents against the schema and build the checklist."""
    check_fields(data, REQUIRED, OPTIONAL, name)
    if not ID.fullmatch(data["id"]):
        raise ChecklistError(f"{name}: the id should be lowercase letters, digits and dashes.")
    if data["kind"] not in KINDS:
        raise ChecklistError(f"{name}: kind should be one of {', '.join(KINDS)}.")
    if not all(isinstance(alias, str) and alias.strip() for alias in data.get("aliases", [])):
        raise ChecklistError(f"{name}: aliases should be a list of names.")
    check_names({}, data["id"], (data["platform"], *data.get("aliases", [])), name)
    if not data["steps"]:
        raise ChecklistError(f"{name} has no steps.")
    steps: list[ChecklistStep] = []
    for number, raw in enumerate(data["steps"], start=1):
        where = f"{name}, step {number}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{where} should be a [[steps]] table.")
        check_fields(raw, STEP_REQUIRED, STEP_OPTIONAL, where)
        if raw.get("action", ACTIONS[0]) not in ACTIONS:
            raise ChecklistError(f"{where}: action should be one of {', '.join(ACTIONS)}.")
        if not raw.get("link", "https://").startswith("https://"):
            raise ChecklistError(f"{where}: link should start with https://.")
        if not ID.fullmatch(raw["id"]):
            raise ChecklistError(
                f"{where}: the id should be lowercase letters, digits and dashes."
            )
        if any(s.id == raw["id"] for s in steps):
            raise ChecklistError(f"{name} has two steps with the id {raw['id']!r}.")
        steps.append(ChecklistStep(**{k: prose(v) for k, v in raw.items()}))
    return Checklist(
        id=data["id"],
        title=data["title"],
        platform=data["platform"],
        kind=data["kind"],
        reviewed=data["reviewed"],
        source=data["source"].strip(),
        intro=prose(data["intro"]),
        steps=tuple(steps),
        aliases=tuple(data.get("aliases", ())),
    )


def read_toml(path: Path) -> dict[str, Any]:
    """A data file's contents; broken TOML is one sentence naming the file."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(f"{path.name} is not valid TOML ({error}).") from None


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


@cache
def shipped() -> tuple[Checklist, ...]:
    """The checklists installed with Reclaim."""
    return load_folder(checklists_dir() / FOLDER)


def find(checklist_id: str) -> Checklist:
    """A checklist by its id or by any name of its platform, in any case: people type
    "Twitter" or "IG", not the file's id."""
    wanted = name_key(checklist_id)
    for checklist in shipped():
        if checklist.id == checklist_id or wanted in checklist.name_keys():
            return checklist
    known = ", ".join(c.id for c in shipped())
    raise ChecklistError(f"There is no checklist called {checklist_id!r}. Known: {known}.")
