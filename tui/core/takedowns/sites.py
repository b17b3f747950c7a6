"""Takedown directions per site and the hash-matching services, as data in
`checklists/takedowns.toml`, checked as strictly as the checklists. A site's deadline is
the law of the person's place, not the site's: see `deadlines.for_place`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.places.model import SITE_KINDS
from tui.core.shared.data_files import (
    ChecklistError,
    check_choice,
    check_fields,
    check_id,
    check_link,
    check_names,
    name_key,
    prose,
    read_toml,
    tables,
    text_list,
    texts,
    words,
)
from tui.core.shared.i18n import _, language
from tui.core.shared.paths import checklists_dir

FILE = "takedowns.toml"
REQUIRED: dict[str, type] = {"reviewed": date, "source": str, "intro": str, "under_18": str}
REQUIRED |= {"sites": list, "hash_services": list}
OPTIONAL: dict[str, type] = {"escalations": list}
SITE: dict[str, type] = {"id": str, "name": str, "kind": str, "route": str, "how": str}
SITE |= {"asks_for": list, "expect": str}
#: Words of one language for a site (`aliases_fr = ["autre"]`): shown only to whoever
#: speaks it, found whatever the language spoken (a name typed is never translated).
LANGUAGE_ALIASES = {f"aliases_{code}": list for code in ("en", "es", "fr")}
SITE_OPTIONAL: dict[str, type] = {"link": str, "aliases": list, **LANGUAGE_ALIASES}
#: Deadlines belong to the law of a place: `checklists/jurisdictions/`, not this file.
DEADLINE_KEYS = ("deadline_hours", "deadline_rule", "deadline_from")
SERVICE: dict[str, type] = {"id": str, "name": str, "who": str, "how": str, "link": str}
SERVICE_OPTIONAL: dict[str, type] = {"aliases": list, **LANGUAGE_ALIASES}
ESCALATION: dict[str, type] = {"id": str, "after": str, "title": str, "how": str}
AFTER = ("overdue", "refused")


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    kind: str
    route: str
    how: str
    asks_for: tuple[str, ...]
    expect: str
    deadline_hours: int | None = None
    """Hours a site has to remove content after a valid request, where a rule says so."""
    deadline_rule: str = ""
    link: str = ""
    deadline_from: date | None = None
    """The rule applies to requests sent from this day (when the law took effect)."""
    deadline_starts: str = "request"
    """The clock runs from the request ("request") or from a regulator's notice ("notice")."""
    deadline_by_law: bool = True
    """False where the clock is a regulator's guidance on when to go to it, not a law: a
    letter then asks for no number of hours."""
    aliases: tuple[str, ...] = ()
    """Other names people use for it ("instagram", "ig" for `meta`), in every language."""
    english_name: str = ""
    """Its name in the file, which finds it in every language (not shown)."""
    worded: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Other names in one language each ("fr", ("autre", "hébergeur")): all are found,
    those of the language spoken are shown."""

    def name_keys(self) -> frozenset[str]:
        return _keys(self.id, self.name, self.english_name, *self.aliases, *_all(self.worded))

    def shown_aliases(self) -> tuple[str, ...]:
        """Its other names as the person reads them: those of every language, then those
        of the language spoken."""
        return self.aliases + dict(self.worded).get(language(), ())


@dataclass(frozen=True)
class HashService:
    id: str
    name: str
    who: str
    how: str
    link: str
    aliases: tuple[str, ...] = ()
    english_name: str = ""
    """Its name in the file, which finds it in every language (not shown)."""
    worded: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def name_keys(self) -> frozenset[str]:
        return _keys(self.id, self.name, self.english_name, *self.aliases, *_all(self.worded))


def _keys(*names: str) -> frozenset[str]:
    return frozenset(name_key(name) for name in names if name)


def _all(worded: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    return tuple(name for _code, names in worded for name in names)


def _worded(raw: dict[str, Any], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A table's `aliases_<language>` lists, as (language, names)."""
    return tuple(
        (key.removeprefix("aliases_"), text_list(raw, key, where, "names"))
        for key in LANGUAGE_ALIASES
        if key in raw
    )


@dataclass(frozen=True)
class Escalation:
    """A next route for a request that is overdue or was refused."""

    id: str
    after: str
    title: str
    how: str
    link: str = ""
    bring: tuple[str, ...] = ()
    """What to have ready for it."""


@dataclass(frozen=True)
class Directions:
    reviewed: date
    source: str
    intro: str
    under_18: str
    sites: tuple[Site, ...]
    hash_services: tuple[HashService, ...]
    escalations: tuple[Escalation, ...] = ()

    def route(self, route_id: str) -> Site | HashService:
        """A site, or a hash-matching service (which the tracker also keeps requests for),
        by its id, its name or an alias, in any case (see `Site.name_keys`)."""
        wanted = name_key(route_id)
        for service in self.hash_services:
            if wanted in service.name_keys():
                return service
        return self.site(route_id)

    def after(self, state: str) -> tuple[Escalation, ...]:
        return tuple(step for step in self.escalations if step.after == state)

    def site(self, site_id: str) -> Site:
        """A site by its id, its name or an alias, in any case: people type "Instagram"
        or "twitter", not the file's `meta` or `x`."""
        wanted = name_key(site_id)
        for site in self.sites:
            if wanted in site.name_keys():
                return site
        raise ChecklistError(
            _(
                '"{site}" is not a site Reclaim has directions for; they are: {sites}, and '
                "the hash services {services} (a site's usual name works too, like instagram "
                "or twitter)."
            ).format(
                site=site_id,
                sites=", ".join(s.id for s in self.sites),
                services=", ".join(s.id for s in self.hash_services),
            )
        )


def _ids(entries: list[Any], where: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        check_id(entry["id"], seen, where)


def _names(entries: list[Site | HashService], name: str) -> None:
    """No name (id, name or alias) may name two routes: `route` must know which one the
    person meant, and a typo in the file must not silently send a request elsewhere."""
    owners: dict[str, str] = {}
    for entry in entries:
        names = (entry.id, entry.name, entry.english_name, *entry.aliases, *_all(entry.worded))
        check_names(owners, entry.id, tuple(n for n in names if n), name)


def parse(data: dict[str, Any], name: str = FILE) -> Directions:
    check_fields(data, REQUIRED, OPTIONAL, name)
    sites: list[Site] = []
    for where, raw in tables(data["sites"], name, "site", "sites"):
        if moved := [key for key in DEADLINE_KEYS if key in raw]:
            raise ChecklistError(
                # For whoever edits the shipped file, as are the checks below.
                f"{where}: {', '.join(moved)} belongs in "  # i18n: not shown
                "checklists/jurisdictions/ (a deadline is the law of a place, "  # i18n: not shown
                "not of a site).",
            )
        check_fields(raw, SITE, SITE_OPTIONAL, where)
        check_choice(raw["kind"], SITE_KINDS, "kind", where)
        asks_for = text_list(
            raw,
            "asks_for",
            where,
            "what the site needs",  # i18n: not shown
            required=True,
        )
        check_link(raw, where)
        aliases = text_list(raw, "aliases", where, "names")
        english = {"aliases": aliases, "english_name": prose(raw["name"])}
        named = {**_without_worded(texts(raw)), "worded": _worded(raw, where)}
        sites.append(Site(**{**named, "asks_for": asks_for, **english}))
    services: list[HashService] = []
    for where, raw in tables(
        data["hash_services"],
        name,
        "hash service",  # i18n: not shown
        "hash_services",
    ):
        check_fields(raw, SERVICE, SERVICE_OPTIONAL, where)
        check_link(raw, where)
        aliases = text_list(raw, "aliases", where, "names")
        english = {"aliases": aliases, "english_name": prose(raw["name"])}
        named = {**_without_worded(texts(raw)), "worded": _worded(raw, where)}
        services.append(HashService(**{**named, **english}))
    escalations = _escalations(data.get("escalations", []), name)
    _ids(data["sites"] + data["hash_services"], name)
    _names([*sites, *services], name)
    if not sites or not services:
        raise ChecklistError(
            f"{name} needs at least one site and one hash service.",  # i18n: not shown
        )
    return Directions(
        reviewed=data["reviewed"],
        source=words(data["source"]),
        intro=words(data["intro"]),
        under_18=words(data["under_18"]),
        sites=tuple(sites),
        hash_services=tuple(services),
        escalations=escalations,
    )


def _without_worded(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k not in LANGUAGE_ALIASES}


def _escalations(entries: Any, name: str) -> tuple[Escalation, ...]:
    if not isinstance(entries, list):
        raise ChecklistError(
            f"{name}: escalations should be [[escalations]] tables.",  # i18n: not shown
        )
    steps = []
    for where, raw in tables(entries, name, "escalation", "escalations"):
        check_fields(raw, ESCALATION, {"link": str, "bring": list}, where)
        check_choice(raw["after"], AFTER, "after", where)
        check_link(raw, where)
        bring = text_list(raw, "bring", where, "what to have ready")  # i18n: not shown
        steps.append(Escalation(**{**texts(raw), "bring": bring}))
    _ids(entries, f"{name}, escalations")
    return tuple(steps)


def load(path: Path) -> Directions:
    return parse(read_toml(path), path.name)


def shipped() -> Directions:
    """The sites as the file has them: no deadlines (see `deadlines.for_place`), in the
    language spoken here and now."""
    return _shipped(language())


@cache
def _shipped(code: str) -> Directions:
    return load(checklists_dir() / FILE)
