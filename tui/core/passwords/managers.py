"""The password-manager guidance, as data in `checklists/password-managers.toml`,
checked as strictly as the checklists."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.data_files import (
    HEADING,
    ChecklistError,
    Guide,
    check_fields,
    guide_heading,
    read_toml,
    tables,
    text_list,
    texts,
)
from tui.core.shared.i18n import language
from tui.core.shared.paths import checklists_dir

FILE = "password-managers.toml"
REQUIRED = HEADING | {"look_for": list, "options": list}
OPTION: dict[str, type] = {"name": str, "cost": str, "note": str}


@dataclass(frozen=True)
class Option:
    name: str
    cost: str
    note: str


@dataclass(frozen=True)
class Guidance(Guide):
    look_for: tuple[str, ...]
    options: tuple[Option, ...]


def parse(data: dict[str, Any], name: str = FILE) -> Guidance:
    check_fields(data, REQUIRED, {}, name)
    if not data["options"] or not data["look_for"]:
        raise ChecklistError(
            f"{name} needs at least one option and one thing to look for."  # i18n: not shown
        )
    look_for = text_list(data, "look_for", name)
    options = []
    for where, raw in tables(data["options"], name, "option", "options"):
        check_fields(raw, OPTION, {}, where)
        options.append(Option(**texts(raw)))
    return Guidance(**guide_heading(data), look_for=look_for, options=tuple(options))


def load(path: Path) -> Guidance:
    return parse(read_toml(path), path.name)


def shipped() -> Guidance:
    """The shipped guidance, in the language spoken here and now."""
    return _shipped(language())


@cache
def _shipped(code: str) -> Guidance:
    return load(checklists_dir() / FILE)
