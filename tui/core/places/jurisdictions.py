"""Where the person lives decides the routes, the clocks, the law and who to call.

Each place is a file in `checklists/jurisdictions/<code>.toml` (schema in
`checklists/README.md`), checked as strictly as the checklists: an unknown key, a fact
without its `source` or `reviewed` date, or a child (`ca-bc`) whose parent (`ca`) is
missing is refused, naming the file. A child extends its parent: it inherits the
emergency number, adds its contacts, routes and laws to the parent's, and replaces the
parent's clocks and letter wording only where it gives its own.

The case keeps its place among the letter facts (`jurisdiction`): a code, `none` for
"I'd rather not say" (general advice only), or nothing at all in a case made before
Reclaim asked. Such a case is read as the United States, marked as assumed, because
that is what Reclaim showed it until then: the clocks of requests already sent, and
their overdue warnings and next routes, stay as the person has been relying on them
(`LEGACY`). Any step that shows the place says it was assumed and how to change it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.privacy.checklists import (
    ChecklistError,
    check_fields,
    check_id,
    check_names,
    name_key,
    prose,
    read_toml,
)
from tui.core.shared.display import acts_on_a_terminal
from tui.core.shared.errors import InputError
from tui.core.shared.paths import checklists_dir
from tui.core.takedowns.sites import KINDS as SITE_KINDS

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

FOLDER = "jurisdictions"
#: The pack for "I'd rather not say": general advice, no place's law or clock.
GENERAL = "general"
#: What the case stores for "I'd rather not say".
NOT_SAID = "none"
#: What a case made before Reclaim asked is read as (see the module's docstring).
LEGACY = "us"
CODE = re.compile(r"[a-z]{2}(-[a-z0-9]{1,3})?|general")
#: `law`: in force. `not-in-force`: passed, but not (or not known to be) in force yet.
#: `proposed`: not law. Only `law` starts a clock.
STATUSES = ("law", "not-in-force", "proposed")
STARTS = ("request", "notice")
AFTER = ("overdue", "refused", "any")
AUDIENCES = ("adults", "under-18")
#: Every fact carries these: where it was checked, and when.
FACT: dict[str, type] = {"source": str, "reviewed": date}

TOP: dict[str, type] = {"code": str, "name": str, "reviewed": date, "source": str}
TOP_OPTIONAL: dict[str, type] = {"extends": str, "aliases": list, "emergency": dict}
TOP_OPTIONAL |= {"contacts": list, "clocks": list, "routes": list, "legal": list}
TOP_OPTIONAL |= {"letter": dict}
EMERGENCY = FACT | {"number": str, "note": str}
CONTACT = FACT | {"name": str, "how": str}
CONTACT_OPTIONAL: dict[str, type] = {"note": str, "audience": str}
CLOCK = FACT | {"id": str, "law": str, "hours": int, "starts": str, "kinds": list}
CLOCK |= {"status": str, "rule": str}
CLOCK_OPTIONAL: dict[str, type] = {"from": date, "valid_request": list}
ROUTE = FACT | {"id": str, "after": str, "title": str, "how": str, "bring": list}
ROUTE_OPTIONAL: dict[str, type] = {"link": str, "audience": str}
LEGAL = FACT | {"id": str, "law": str, "what": str, "status": str}
LETTER = FACT | {"cites": str}
LETTER_OPTIONAL: dict[str, type] = {"kinds": list}
PROPOSED = "Proposed, not yet law: check with a lawyer."
NOT_IN_FORCE = "Passed, but not confirmed in force: check with a lawyer."
#: What the plain words of a fact that is not law must say, by its status.
MUST_SAY = {"proposed": "proposed", "not-in-force": "not confirmed in force"}


@dataclass(frozen=True)
class Emergency:
    number: str
    note: str
    source: str
    reviewed: date


@dataclass(frozen=True)
class PlaceContact:
    """A helpline or reporting service of one place."""

    name: str
    how: str
    source: str
    reviewed: date
    note: str = ""
    audience: str = ""
    """"under-18" or "adults" when the service is only for them; '' for anyone."""


@dataclass(frozen=True)
class Clock:
    """A removal deadline a law sets: `hours` from a valid request, or from a regulator's
    notice (`starts`), for the kinds of site it binds. Only a clock in force (`status`
    "law") ever makes a request due; a proposed one is shown as proposed."""

    id: str
    law: str
    hours: int
    starts: str
    kinds: tuple[str, ...]
    status: str
    rule: str
    source: str
    reviewed: date
    from_: date | None = None
    """The law binds from this day; a request sent earlier has no deadline."""
    valid_request: tuple[str, ...] = ()
    """What a request must contain for the clock to run."""

    @property
    def in_force(self) -> bool:
        return self.status == "law"


@dataclass(frozen=True)
class Route:
    """The regulator, tribunal or service of a place: the last rung of the ladder."""

    id: str
    after: str
    title: str
    how: str
    bring: tuple[str, ...]
    source: str
    reviewed: date
    link: str = ""
    audience: str = ""
    """"under-18" or "adults" when the route is only for them."""


@dataclass(frozen=True)
class Law:
    id: str
    law: str
    what: str
    status: str
    source: str
    reviewed: date

    @property
    def text(self) -> str:
        if self.status == "law":
            return self.what
        return f"{self.what} {PROPOSED if self.status == 'proposed' else NOT_IN_FORCE}"


@dataclass(frozen=True)
class LetterWording:
    cites: str
    source: str
    reviewed: date
    kinds: tuple[str, ...] = SITE_KINDS
    """The kinds of site the law binds, and so the letters that cite it."""


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    reviewed: date
    source: str
    emergency: Emergency
    contacts: tuple[PlaceContact, ...] = ()
    clocks: tuple[Clock, ...] = ()
    routes: tuple[Route, ...] = ()
    legal: tuple[Law, ...] = ()
    letter: LetterWording | None = None
    aliases: tuple[str, ...] = ()
    extends: str = ""

    def under_18_help(self) -> str:
        """Who else helps with images of someone under 18 where the person lives (its
        under-18 services), as a sentence; '' where the pack names none."""
        services = [c for c in self.contacts if c.audience == "under-18"]
        if not services:
            return ""
        listed = "; ".join(f"{c.name} ({c.how})" for c in services)
        return f"Where you live, these can help too: {listed}."

    def clock_for(self, kind: str) -> Clock | None:
        """The clock in force for a kind of site, if the place has one."""
        return next((c for c in self.clocks if c.in_force and kind in c.kinds), None)

    def name_keys(self) -> frozenset[str]:
        return frozenset(name_key(name) for name in (self.code, self.name, *self.aliases))


# ---- reading the files ------------------------------------------------------------


def _strings(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = raw.get(key, [])
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise ChecklistError(f"{where}: {key} should be a list of short sentences.")
    return tuple(prose(item) for item in items)


def _link(raw: dict[str, Any], where: str) -> None:
    if not str(raw.get("link", "https://")).startswith("https://"):
        raise ChecklistError(f"{where}: the link should start with https://.")


def _table(raw: object, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ChecklistError(f"{where} should be a table.")
    return raw


def _texts(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: prose(v) if isinstance(v, str) and k != "id" else v for k, v in raw.items()}


def _choice(value: str, allowed: tuple[str, ...], key: str, where: str) -> None:
    if value not in allowed:
        raise ChecklistError(f"{where}: {key} should be one of {', '.join(allowed)}.")


def _contacts(entries: list[Any], where: str) -> tuple[PlaceContact, ...]:
    found = []
    for number, entry in enumerate(entries, start=1):
        here = f"{where}, contact {number}"
        raw = _table(entry, here)
        check_fields(raw, CONTACT, CONTACT_OPTIONAL, here)
        if "audience" in raw:
            _choice(raw["audience"], AUDIENCES, "audience", here)
        found.append(PlaceContact(**_texts(raw)))
    return tuple(found)


def _clocks(entries: list[Any], where: str) -> tuple[Clock, ...]:
    found = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        here = f"{where}, clock {number}"
        raw = _table(entry, here)
        check_fields(raw, CLOCK, CLOCK_OPTIONAL, here)
        check_id(raw["id"], seen, here)
        _choice(raw["status"], STATUSES, "status", here)
        _choice(raw["starts"], STARTS, "starts", here)
        if isinstance(raw["hours"], bool) or raw["hours"] <= 0:
            raise ChecklistError(f"{here}: hours should be a positive number.")
        kinds = _strings(raw, "kinds", here)
        for kind in kinds:
            _choice(kind, SITE_KINDS, "each of kinds", here)
        if (words := MUST_SAY.get(raw["status"])) and words not in raw["rule"].casefold():
            raise ChecklistError(
                f'{here}: a clock that is {raw["status"]} should say so in its rule ("{words}").'
            )
        fields = _texts({k: v for k, v in raw.items() if k != "from"})
        fields |= {"kinds": kinds, "valid_request": _strings(raw, "valid_request", here)}
        found.append(Clock(**fields, from_=raw.get("from")))
    return tuple(found)


def _routes(entries: list[Any], where: str) -> tuple[Route, ...]:
    found = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        here = f"{where}, route {number}"
        raw = _table(entry, here)
        check_fields(raw, ROUTE, ROUTE_OPTIONAL, here)
        check_id(raw["id"], seen, here)
        _choice(raw["after"], AFTER, "after", here)
        if "audience" in raw:
            _choice(raw["audience"], AUDIENCES, "audience", here)
        _link(raw, here)
        bring = _strings(raw, "bring", here)
        if not bring:
            raise ChecklistError(f"{here}: bring should say what to have ready.")
        found.append(Route(**{**_texts(raw), "bring": bring}))
    return tuple(found)


def _legal(entries: list[Any], where: str) -> tuple[Law, ...]:
    found = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        here = f"{where}, law {number}"
        raw = _table(entry, here)
        check_fields(raw, LEGAL, {}, here)
        check_id(raw["id"], seen, here)
        _choice(raw["status"], STATUSES, "status", here)
        found.append(Law(**_texts(raw)))
    return tuple(found)


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise ChecklistError(f"{where}: {key} should be [[{key}]] tables.")
    return entries


def parse(data: dict[str, Any], name: str, parent: Jurisdiction | None = None) -> Jurisdiction:
    """One file's place; `parent` is the place it extends, already read."""
    check_fields(data, TOP, TOP_OPTIONAL, name)
    code = data["code"]
    if not CODE.fullmatch(code):
        raise ChecklistError(f"{name}: code should be a lowercase ISO code like gb or ca-bc.")
    if ("extends" in data) != (parent is not None):
        raise ChecklistError(f"{name}: extends names a place that has no file.")
    emergency = None
    if "emergency" in data:
        raw = _table(data["emergency"], f"{name}, [emergency]")
        check_fields(raw, EMERGENCY, {}, f"{name}, [emergency]")
        emergency = Emergency(**_texts(raw))
    elif parent is not None:
        emergency = parent.emergency
    if emergency is None:
        raise ChecklistError(f"{name} needs an [emergency] number (or extends a place).")
    letter = parent.letter if parent else None
    if "letter" in data:
        raw = _table(data["letter"], f"{name}, [letter]")
        check_fields(raw, LETTER, LETTER_OPTIONAL, f"{name}, [letter]")
        kinds = _strings(raw, "kinds", f"{name}, [letter]") or SITE_KINDS
        for kind in kinds:
            _choice(kind, SITE_KINDS, "each of kinds", f"{name}, [letter]")
        letter = LetterWording(**{**_texts(raw), "kinds": kinds})
    clocks = _clocks(_list(data, "clocks", name), name)
    aliases = _strings(data, "aliases", name)
    return Jurisdiction(
        code=code,
        name=prose(data["name"]),
        reviewed=data["reviewed"],
        source=prose(data["source"]),
        emergency=emergency,
        contacts=(parent.contacts if parent else ())
        + _contacts(_list(data, "contacts", name), name),
        clocks=clocks or (parent.clocks if parent else ()),
        routes=(parent.routes if parent else ()) + _routes(_list(data, "routes", name), name),
        legal=(parent.legal if parent else ()) + _legal(_list(data, "legal", name), name),
        letter=letter,
        aliases=aliases,
        extends=data.get("extends", ""),
    )


#: A place's file is a few KiB; one far larger is not a place's file.
MAX_FILE_BYTES = 512 * 1024


def _read_place(path: Path) -> dict[str, Any]:
    """One place's file: too large, unreadable, not UTF-8, nested too deep or broken
    TOML is one sentence naming the file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChecklistError(f"{path.name} is too large to be a place's file.")
        return read_toml(path)
    except (OSError, UnicodeDecodeError, RecursionError):
        raise ChecklistError(f"{path.name} can't be read as a place's file.") from None


def _check_values(value: object, where: str) -> None:
    """Every date a day (not a time), every text free of control characters."""
    if isinstance(value, dict):
        for item in value.values():
            _check_values(item, where)
    elif isinstance(value, list):
        for item in value:
            _check_values(item, where)
    elif isinstance(value, datetime | time):
        raise ChecklistError(f"{where}: a date should be a day (2026-12-01), not a time.")
    # Nothing in a place's text may act on a terminal or reorder what is shown (a copied
    # folder may have been tampered with).
    elif isinstance(value, str) and acts_on_a_terminal(value):
        raise ChecklistError(f"{where}: a text holds a control character.")


def load_folder(folder: Path) -> dict[str, Jurisdiction]:
    """Every place in `folder`, parents read before their children; the file name is the
    code. A child whose parent has no file is refused, as is a name two places share."""
    raw: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.toml")):
        data = _read_place(path)
        try:
            _check_values(data, path.name)
        except RecursionError:
            raise ChecklistError(f"{path.name} can't be read as a place's file.") from None
        if data.get("code") != path.stem:
            raise ChecklistError(f"{path.name}: code should match the file name ({path.stem}).")
        raw[path.stem] = data
    places: dict[str, Jurisdiction] = {}

    def read(code: str, chain: tuple[str, ...] = ()) -> Jurisdiction:
        if code in places:
            return places[code]
        data = raw[code]
        parent = None
        if "extends" in data:
            wanted = data["extends"]
            if not isinstance(wanted, str) or wanted not in raw:
                raise ChecklistError(
                    f"{code}.toml extends {wanted}, but there is no {wanted}.toml."
                )
            if wanted in chain:
                raise ChecklistError(f"{code}.toml extends itself through {wanted}.toml.")
            parent = read(wanted, (*chain, code))
        places[code] = parse(data, f"{code}.toml", parent)
        return places[code]

    for code in raw:
        read(code)
    owners: dict[str, str] = {}
    for place in places.values():
        check_names(owners, place.code, (place.code, place.name, *place.aliases), FOLDER)
    if GENERAL not in places:
        raise ChecklistError(f"{FOLDER} needs {GENERAL}.toml, the advice for a place not said.")
    return places


@cache
def shipped() -> dict[str, Jurisdiction]:
    return load_folder(checklists_dir() / FOLDER)


def places() -> list[Jurisdiction]:
    """The places a person can choose, in the order of their names."""
    return sorted((p for p in shipped().values() if p.code != GENERAL), key=lambda p: p.name)


def resolve(code: str) -> Jurisdiction:
    """The place for a code, a name or an alias in any case ("uk" is gb); a province or
    member state without a file of its own is its country's or union's ("ca-on" is ca).
    "none" (or '') is the general advice."""
    known = shipped()
    wanted = code.strip().casefold()
    if wanted in ("", NOT_SAID, GENERAL):
        return known[GENERAL]
    if wanted in known:
        return known[wanted]
    key = name_key(wanted)
    for place in known.values():
        if key in place.name_keys():
            return place
    head = wanted.split("-", 1)[0]
    if re.fullmatch(r"[a-z]{2}-[a-z0-9]{1,3}", wanted) and head in known:
        return known[head]
    typed = code if len(code) <= 40 else code[:40] + "…"
    raise InputError(
        f'"{typed}" is not a place Reclaim knows; the places are: '
        f"{', '.join(p.code for p in places())}, or none (I'd rather not say)."
    )


def check_code(code: str) -> str:
    """The code to store for what was typed: a place's code, a province or member state
    that falls back to its country's rules (kept as typed, "ca-on"), or "none"."""
    place = resolve(code)
    if place.code == GENERAL:
        return NOT_SAID
    typed = code.strip().casefold()
    if typed.startswith(place.code + "-") and re.fullmatch(r"[a-z]{2}-[a-z0-9]{1,3}", typed):
        return typed
    return place.code


# ---- the case's place ---------------------------------------------------------------


def stored(vault: Vault) -> str:
    """What the case holds: a code, "none", or '' (made before Reclaim asked)."""
    from tui.core.takedowns.letters import get_facts

    return get_facts(vault).jurisdiction


def case_code(vault: Vault) -> str:
    """The code whose rules apply to the case: '' is read as `LEGACY`, "none" as general."""
    return stored(vault) or LEGACY


def case_jurisdiction(vault: Vault) -> Jurisdiction:
    return resolve(case_code(vault))


def set_case_place(vault: Vault, code: str) -> Jurisdiction:
    """Keep where the person lives (or "none") in the case, and work the deadlines of its
    requests out again with the new place's clock."""
    from tui.core.takedowns.letters import save_facts
    from tui.core.takedowns.requests import restamp_place

    stored_code = check_code(code)
    with vault.transaction():
        save_facts(vault, jurisdiction=stored_code)
        restamp_place(vault, stored_code)
    return resolve(stored_code)


def display_name(code: str) -> str:
    """How a stored code reads: a place's name, a province shown as its country with its
    own code, or the general advice."""
    place = resolve(code)
    if place.code == GENERAL:
        return "not said (general advice)"
    if code and code != place.code and code.startswith(place.code + "-"):
        return f"{place.name} ({code.upper()}: {place.name}'s rules)"
    return place.name


def case_place(vault: Vault) -> str:
    """The case's place in a few words, for the binder's cover and the screens."""
    code = stored(vault)
    if not code:
        return f"{resolve(LEGACY).name} (assumed: where you live hasn't been said for this case)"
    return display_name(code)


def lawyer_line(vault: Vault) -> str:
    """One line for the lawyer's notes: where the person lives, and what Reclaim used."""
    code = stored(vault)
    if code == NOT_SAID:
        return "Where the person lives: not said; Reclaim showed general advice only."
    place = resolve(code or LEGACY)
    laws = "; ".join(law.law for law in place.legal if law.status == "law")
    assumed = " (assumed: not said in the case)" if not code else ""
    name = display_name(code or LEGACY)
    return f"Where the person lives: {name}{assumed}. Laws Reclaim showed: {laws}."


def with_clock(place: Jurisdiction, site: Any) -> Any:
    """A site (`takedown_sites.Site`) carrying the place's clock for its kind, or none."""
    clock = place.clock_for(site.kind)
    if clock is None:
        return replace(site, deadline_hours=None, deadline_rule="", deadline_from=None)
    return replace(
        site,
        deadline_hours=clock.hours,
        deadline_rule=clock.rule,
        deadline_from=clock.from_,
        deadline_starts=clock.starts,
    )


def with_the(name: str) -> str:
    """A place's name as it reads after "in": "the United Kingdom", "Australia"."""
    first = name.split(" ", 1)[0]
    return f"the {name}" if first in {"United", "European"} else name
