"""The password-manager guidance, as data in `checklists/password-managers.toml`,
checked as strictly as the checklists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.data_files import ChecklistError, check_fields, prose, read_toml
from tui.core.shared.paths import checklists_dir

FILE = "password-managers.toml"
REQUIRED: dict[str, type] = {"title": str, "reviewed": date, "source": str, "intro": str}
REQUIRED |= {"look_for": list, "options": list}
OPTION: dict[str, type] = {"name": str, "cost": str, "note": str}


@dataclass(frozen=True)
class Option:
    name: str
    cost: str
    note: str


@dataclass(frozen=True)
class Guidance:
    title: str
    reviewed: date
    source: str
    intro: str
    look_for: tuple[str, ...]
    options: tuple[Option, ...]


def parse(data: dict[str, Any], name: str = FILE) -> Guidance:
    check_fields(data, REQUIRED, {}, name)
    if not data["options"] or not data["look_for"]:
        raise ChecklistError(f"{name} needs at least one option and one thing to look for.")
    if not all(isinstance(item, str) and item.strip() for item in data["look_for"]):
        raise ChecklistError(f"{name}: look_for should be a list of sentences.")
    options = []
    for number, raw in enumerate(data["options"], start=1):
        if not isinstance(raw, dict):
            raise ChecklistError(f"{name}, option {number} should be an [[options]] table.")
        check_fields(raw, OPTION, {}, f"{name}, option {number}")
        options.append(Option(**{k: prose(v) for k, v in raw.items()}))
    return Guidance(
        title=data["title"],
        reviewed=data["reviewed"],
        source=prose(data["source"]),
        intro=prose(data["intro"]),
        look_for=tuple(prose(item) for item in data["look_for"]),
        options=tuple(options),
    )


def load(path: Path) -> Guidance:
    return parse(read_toml(path), path.name)


@cache
def shipped() -> Guidance:
    return load(checklists_dir() / FILE)
