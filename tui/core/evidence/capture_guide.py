"""How to capture evidence well, as data in `checklists/capture-guide.toml`, checked as
strictly as the checklists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.data_files import ChecklistError, check_fields, check_id, prose, read_toml
from tui.core.shared.paths import checklists_dir

FILE = "capture-guide.toml"
KINDS = ("screenshot", "recording", "pdf", "download")
KIND_TITLES = {
    "screenshot": "Screenshots",
    "recording": "Screen recordings",
    "pdf": "Saving a page as PDF",
    "download": "Downloading whole videos and your data",
}
REQUIRED: dict[str, type] = {"title": str, "reviewed": date, "source": str, "intro": str}
REQUIRED |= {"should_show": list, "methods": list}
METHOD: dict[str, type] = {"id": str, "kind": str, "device": str, "title": str, "steps": list}
METHOD_OPTIONAL: dict[str, type] = {"tip": str}


@dataclass(frozen=True)
class CaptureMethod:
    id: str
    kind: str
    device: str
    title: str
    steps: tuple[str, ...]
    tip: str = ""


@dataclass(frozen=True)
class CaptureGuide:
    title: str
    reviewed: date
    source: str
    intro: str
    should_show: tuple[str, ...]
    methods: tuple[CaptureMethod, ...]

    def by_kind(self, kind: str) -> tuple[CaptureMethod, ...]:
        return tuple(method for method in self.methods if method.kind == kind)


def _sentences(items: list[Any], where: str) -> tuple[str, ...]:
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        raise ChecklistError(f"{where} should be a list of sentences.")
    return tuple(prose(item) for item in items)


def parse(data: dict[str, Any], name: str = FILE) -> CaptureGuide:
    check_fields(data, REQUIRED, {}, name)
    should_show = _sentences(data["should_show"], f"{name}: should_show")
    methods: list[CaptureMethod] = []
    seen: set[str] = set()
    for number, raw in enumerate(data["methods"], start=1):
        where = f"{name}, method {number}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{where} should be a [[methods]] table.")
        check_fields(raw, METHOD, METHOD_OPTIONAL, where)
        check_id(raw["id"], seen, where)
        if raw["kind"] not in KINDS:
            raise ChecklistError(f"{where}: kind should be one of {', '.join(KINDS)}.")
        methods.append(
            CaptureMethod(
                id=raw["id"],
                kind=raw["kind"],
                device=prose(raw["device"]),
                title=prose(raw["title"]),
                steps=_sentences(raw["steps"], f"{where}: steps"),
                tip=prose(raw.get("tip", "")),
            )
        )
    missing = [kind for kind in KINDS if not any(m.kind == kind for m in methods)]
    if missing:
        raise ChecklistError(f"{name} has no method for: {', '.join(missing)}.")
    return CaptureGuide(
        title=data["title"],
        reviewed=data["reviewed"],
        source=prose(data["source"]),
        intro=prose(data["intro"]),
        should_show=should_show,
        methods=tuple(methods),
    )


def load(path: Path) -> CaptureGuide:
    return parse(read_toml(path), path.name)


@cache
def shipped() -> CaptureGuide:
    return load(checklists_dir() / FILE)
