"""How to capture evidence well, as data in `checklists/capture-guide.toml`, checked as
strictly as the checklists."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.shared.data_files import (
    HEADING,
    ChecklistError,
    Guide,
    check_choice,
    check_fields,
    check_id,
    guide_heading,
    read_toml,
    tables,
    text_list,
    words,
)
from tui.core.shared.i18n import N_, language
from tui.core.shared.paths import checklists_dir

FILE = "capture-guide.toml"
KINDS = ("screenshot", "recording", "pdf", "download")
KIND_TITLES = {
    "screenshot": N_("Screenshots"),
    "recording": N_("Screen recordings"),
    "pdf": N_("Saving a page as PDF"),
    "download": N_("Downloading whole videos and your data"),
}
REQUIRED = HEADING | {"should_show": list, "methods": list}
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
class CaptureGuide(Guide):
    should_show: tuple[str, ...]
    methods: tuple[CaptureMethod, ...]

    def by_kind(self, kind: str) -> tuple[CaptureMethod, ...]:
        return tuple(method for method in self.methods if method.kind == kind)


def parse(data: dict[str, Any], name: str = FILE) -> CaptureGuide:
    check_fields(data, REQUIRED, {}, name)
    should_show = text_list(data, "should_show", name, required=True)
    methods: list[CaptureMethod] = []
    seen: set[str] = set()
    for where, raw in tables(data["methods"], name, "method", "methods"):
        check_fields(raw, METHOD, METHOD_OPTIONAL, where)
        check_id(raw["id"], seen, where)
        check_choice(raw["kind"], KINDS, "kind", where)
        methods.append(
            CaptureMethod(
                id=raw["id"],
                kind=raw["kind"],
                device=words(raw["device"]),
                title=words(raw["title"]),
                steps=text_list(raw, "steps", where, required=True),
                tip=words(raw.get("tip", "")),
            )
        )
    missing = [kind for kind in KINDS if not any(m.kind == kind for m in methods)]
    if missing:
        raise ChecklistError(f"{name} has no method for: {', '.join(missing)}.")  # i18n: not shown
    return CaptureGuide(
        **guide_heading(data),
        should_show=should_show,
        methods=tuple(methods),
    )


def load(path: Path) -> CaptureGuide:
    return parse(read_toml(path), path.name)


def shipped() -> CaptureGuide:
    """The shipped guide, in the language spoken here and now."""
    return _shipped(language())


@cache
def _shipped(code: str) -> CaptureGuide:
    return load(checklists_dir() / FILE)
