"""Takedown directions per site and the hash-matching services, as data in
`checklists/takedowns.toml`, checked as strictly as the checklists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.checklists import ChecklistError, check_fields, check_id, prose, read_toml
from tui.core.paths import checklists_dir

FILE = "takedowns.toml"
KINDS = ("platform", "search", "adult", "fallback")
REQUIRED: dict[str, type] = {"reviewed": date, "source": str, "intro": str, "under_18": str}
REQUIRED |= {"sites": list, "hash_services": list}
OPTIONAL: dict[str, type] = {"escalations": list}
SITE: dict[str, type] = {"id": str, "name": str, "kind": str, "route": str, "how": str}
SITE |= {"asks_for": list, "expect": str}
SITE_OPTIONAL: dict[str, type] = {"deadline_hours": int, "deadline_rule": str, "link": str}
SITE_OPTIONAL |= {"deadline_from": date}
SERVICE: dict[str, type] = {"id": str, "name": str, "who": str, "how": str, "link": str}
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


@dataclass(frozen=True)
class HashService:
    id: str
    name: str
    who: str
    how: str
    link: str


@dataclass(frozen=True)
class Escalation:
    """A next route for a request that is overdue or was refused."""

    id: str
    after: str
    title: str
    how: str
    link: str = ""


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
        """A site, or a hash-matching service (which the tracker also keeps requests for)."""
        wanted = route_id.strip().lower()
        for service in self.hash_services:
            if service.id == wanted:
                return service
        return self.site(wanted)

    def after(self, state: str) -> tuple[Escalation, ...]:
        return tuple(step for step in self.escalations if step.after == state)

    def site(self, site_id: str) -> Site:
        wanted = site_id.strip().lower()
        for site in self.sites:
            if site.id == wanted:
                return site
        raise ChecklistError(
            f'"{site_id}" is not a site Reclaim has directions for; '
            f"they are: {', '.join(s.id for s in self.sites)}, "
            f"and the hash services {', '.join(s.id for s in self.hash_services)}."
        )


def _ids(entries: list[Any], where: str) -> None:
    seen: set[str] = set()
    for entry in entries:
        check_id(entry["id"], seen, where)


def parse(data: dict[str, Any], name: str = FILE) -> Directions:
    check_fields(data, REQUIRED, OPTIONAL, name)
    sites: list[Site] = []
    for number, raw in enumerate(data["sites"], start=1):
        where = f"{name}, site {number}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{where} should be a [[sites]] table.")
        check_fields(raw, SITE, SITE_OPTIONAL, where)
        if raw["kind"] not in KINDS:
            raise ChecklistError(f"{where}: kind should be one of {', '.join(KINDS)}.")
        asks = raw["asks_for"]
        if not asks or not all(isinstance(item, str) and item.strip() for item in asks):
            raise ChecklistError(f"{where}: asks_for should be a list of what the site needs.")
        if raw.get("deadline_hours", 1) <= 0:
            raise ChecklistError(f"{where}: deadline_hours should be a positive number.")
        if "deadline_hours" in raw and "deadline_rule" not in raw:
            raise ChecklistError(f"{where}: a deadline needs the rule it comes from.")
        if "deadline_from" in raw and "deadline_hours" not in raw:
            raise ChecklistError(f"{where}: deadline_from needs deadline_hours.")
        if not str(raw.get("link", "https://")).startswith("https://"):
            raise ChecklistError(f"{where}: the link should start with https://.")
        texts = {k: prose(v) for k, v in raw.items() if isinstance(v, str) and k != "id"}
        sites.append(
            Site(
                **{**raw, **texts, "asks_for": tuple(prose(item) for item in asks)},
            )
        )
    services: list[HashService] = []
    for number, raw in enumerate(data["hash_services"], start=1):
        where = f"{name}, hash service {number}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{where} should be a [[hash_services]] table.")
        check_fields(raw, SERVICE, {}, where)
        if not raw["link"].startswith("https://"):
            raise ChecklistError(f"{where}: the link should start with https://.")
        services.append(HashService(**{k: prose(v) if k != "id" else v for k, v in raw.items()}))
    escalations = _escalations(data.get("escalations", []), name)
    _ids(data["sites"] + data["hash_services"], name)
    if not sites or not services:
        raise ChecklistError(f"{name} needs at least one site and one hash service.")
    return Directions(
        reviewed=data["reviewed"],
        source=prose(data["source"]),
        intro=prose(data["intro"]),
        under_18=prose(data["under_18"]),
        sites=tuple(sites),
        hash_services=tuple(services),
        escalations=escalations,
    )


def _escalations(entries: Any, name: str) -> tuple[Escalation, ...]:
    if not isinstance(entries, list):
        raise ChecklistError(f"{name}: escalations should be [[escalations]] tables.")
    steps = []
    for number, raw in enumerate(entries, start=1):
        where = f"{name}, escalation {number}"
        if not isinstance(raw, dict):
            raise ChecklistError(f"{where} should be an [[escalations]] table.")
        check_fields(raw, ESCALATION, {"link": str}, where)
        if raw["after"] not in AFTER:
            raise ChecklistError(f"{where}: after should be one of {', '.join(AFTER)}.")
        if not raw.get("link", "https://").startswith("https://"):
            raise ChecklistError(f"{where}: the link should start with https://.")
        steps.append(Escalation(**{k: prose(v) if k != "id" else v for k, v in raw.items()}))
    _ids(entries, f"{name}, escalations")
    return tuple(steps)


def load(path: Path) -> Directions:
    return parse(read_toml(path), path.name)


@cache
def shipped() -> Directions:
    return load(checklists_dir() / FILE)
