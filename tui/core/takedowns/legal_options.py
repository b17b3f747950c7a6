"""The legal options in plain words, as data in `checklists/legal-options.toml`, checked
as strictly as the checklists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.places.model import Jurisdiction
from tui.core.shared.data_files import (
    HEADING,
    ChecklistError,
    Guide,
    check_fields,
    check_id,
    guide_heading,
    read_toml,
    tables,
    text_list,
    texts,
)
from tui.core.shared.i18n import _, language
from tui.core.shared.local_formats import long_date
from tui.core.shared.paths import checklists_dir

FILE = "legal-options.toml"
REQUIRED = HEADING | {"options": list}
OPTION: dict[str, type] = {"id": str, "title": str, "what": str, "good_for": str}
OPTION |= {"keep_in_mind": list}
OPTION_OPTIONAL: dict[str, type] = {"next": str}


@dataclass(frozen=True)
class LegalOption:
    id: str
    title: str
    what: str
    good_for: str
    keep_in_mind: tuple[str, ...]
    next: str = ""


@dataclass(frozen=True)
class LegalOptions(Guide):
    options: tuple[LegalOption, ...]

    def option(self, option_id: str) -> LegalOption:
        for option in self.options:
            if option.id == option_id:
                return option
        raise ChecklistError(
            _('"{option}" is not one of the legal options.').format(option=option_id)
        )


def parse(data: dict[str, Any], name: str = FILE) -> LegalOptions:
    check_fields(data, REQUIRED, {}, name)
    options: list[LegalOption] = []
    seen: set[str] = set()
    for where, raw in tables(data["options"], name, "option", "options"):
        check_fields(raw, OPTION, OPTION_OPTIONAL, where)
        check_id(raw["id"], seen, where)
        keep = text_list(raw, "keep_in_mind", where, required=True)
        options.append(LegalOption(**{**texts(raw), "keep_in_mind": keep}))
    if not options:
        raise ChecklistError(_("{file} needs at least one option.").format(file=name))
    return LegalOptions(**guide_heading(data), options=tuple(options))


def load(path: Path) -> LegalOptions:
    return parse(read_toml(path), path.name)


def shipped() -> LegalOptions:
    """The shipped legal options, in the language spoken here and now."""
    return _shipped(language())


@cache
def _shipped(code: str) -> LegalOptions:
    return load(checklists_dir() / FILE)


def place_lines(place: Jurisdiction) -> list[str]:
    """The laws where the person lives, each with its name, as plain text; none for the
    general advice (each face says, in its own words, how to say where you live)."""
    if place.general:
        return []
    heading = _("The law where you live: {place}").format(place=place.name)
    out = [heading, "-" * len(heading)]
    for law in place.legal:
        checked = _("(source: {source}, checked {date})").format(
            source=law.source, date=long_date(law.reviewed)
        )
        out += [_("{law}: {text}").format(law=law.law, text=law.text), f"  {checked}"]
    return out


def as_text(
    options: LegalOptions,
    laws: Sequence[str] = (),
    next_steps: Mapping[str, str] | None = None,
    instead: Mapping[str, str] | None = None,
) -> str:
    """The whole page as plain text; `laws` (the lines about the law where the person
    lives, as the face words them: see `place_lines`) come first. `next_steps` says an
    option's next step the face's way, by the option's id, and `instead` a point to keep
    in mind, by its words as shown (the data names the app's steps and keys: a command
    line says the command instead)."""
    out = [options.title, "=" * len(options.title), "", options.intro, ""]
    if laws:
        out += [*laws, ""]
    for option in options.options:
        out += [option.title, "-" * len(option.title), option.what, ""]
        out.append(_("Good for: {what}").format(what=option.good_for))
        out.append(_("Keep in mind:"))
        out += [f"- {(instead or {}).get(item, item)}" for item in option.keep_in_mind]
        step = (next_steps or {}).get(option.id, option.next)
        if step:
            out.append(_("Next: {step}").format(step=step))
        out.append("")
    out.append(
        _("Last checked {date}. Not legal advice.").format(date=long_date(options.reviewed))
    )
    return "\n".join(out)
