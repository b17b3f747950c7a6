"""The catalogue of places: each is a file in `checklists/jurisdictions/<code>.toml`
(schema in `checklists/README.md`), checked as strictly as the checklists: an unknown key,
a fact without its `source` or `reviewed` date, or a child (`ca-bc`) whose parent (`ca`)
is missing is refused, naming the file. A child extends its parent: it inherits the
emergency number, adds its contacts, routes and laws to the parent's, and replaces the
parent's clocks and letter wording only where it gives its own.

`resolve` finds a place by its code, name or alias; `check_code` says what a case stores
for what a person typed."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.places.covered import (
    country_name,
    country_typed,
    covered_typed,
    names_match,
    part_typed,
)
from tui.core.places.model import (
    GENERAL,
    GUIDANCE,
    NOT_SAID,
    SITE_KINDS,
    Clock,
    Emergency,
    Jurisdiction,
    Law,
    LetterWording,
    PlaceContact,
    Route,
)
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
from tui.core.shared.display import acts_on_a_terminal
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import LANGUAGES, _, language, translations
from tui.core.shared.paths import checklists_dir

FOLDER = "jurisdictions"
CODE = re.compile(r"[a-z]{2}(-[a-z0-9]{1,3})?|general")
#: `law`: in force. `not-in-force`: passed, but not (or not known to be) in force yet.
#: `proposed`: not law. Only `law` starts a clock.
STATUSES = ("law", "not-in-force", "proposed")
#: A clock may also be a regulator's own guidance: when to go to it (it makes a request
#: overdue, and a letter never cites it as a deadline).
CLOCK_STATUSES = (*STATUSES, GUIDANCE)
STARTS = ("request", "notice")
AFTER = ("overdue", "refused", "any")
AUDIENCES = ("adults", "under-18")
#: Every fact carries these: where it was checked, and when.
FACT: dict[str, type] = {"source": str, "reviewed": date}

TOP: dict[str, type] = {"code": str, "name": str, "reviewed": date, "source": str}
TOP_OPTIONAL: dict[str, type] = {"extends": str, "aliases": list, "covers": list}
TOP_OPTIONAL |= {"emergency": dict, "parts": dict}
TOP_OPTIONAL |= {"contacts": list, "clocks": list, "routes": list, "legal": list}
TOP_OPTIONAL |= {"letter": dict}
EMERGENCY = FACT | {"number": str, "note": str}
CONTACT = FACT | {"name": str, "how": str}
CONTACT_OPTIONAL: dict[str, type] = {"note": str, "audience": str}
CLOCK = FACT | {"id": str, "law": str, "hours": int, "starts": str, "kinds": list}
CLOCK |= {"status": str, "rule": str}
CLOCK_OPTIONAL: dict[str, type] = {"from": date, "valid_request": list}
ROUTE = FACT | {"id": str, "after": str, "title": str, "how": str, "bring": list}
ROUTE_OPTIONAL: dict[str, type] = {"link": str, "audience": str, "first": bool}
LEGAL = FACT | {"id": str, "law": str, "what": str, "status": str}
LETTER = FACT | {"cites": str}
LETTER_OPTIONAL: dict[str, type] = {"kinds": list, "helpline": str}
#: What the plain words of a fact that is not law must say, by its status.
MUST_SAY = {
    "proposed": "proposed",
    "not-in-force": "not confirmed in force",
    GUIDANCE: "guidance",
}
#: A province or member state typed as a code of its own ("ca-on").
SUBDIVISION = re.compile(r"[a-z]{2}-[a-z0-9]{1,3}")


def _strings(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    return text_list(raw, key, where, "short sentences")


def _table(raw: object, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ChecklistError(f"{where} should be a table.")
    return raw


def _contacts(entries: list[Any], where: str) -> tuple[PlaceContact, ...]:
    found = []
    for here, raw in tables(entries, where, "contact", "contacts"):
        check_fields(raw, CONTACT, CONTACT_OPTIONAL, here)
        if "audience" in raw:
            check_choice(raw["audience"], AUDIENCES, "audience", here)
        found.append(PlaceContact(**texts(raw)))
    return tuple(found)


def _clocks(entries: list[Any], where: str) -> tuple[Clock, ...]:
    found = []
    seen: set[str] = set()
    for here, raw in tables(entries, where, "clock", "clocks"):
        check_fields(raw, CLOCK, CLOCK_OPTIONAL, here)
        check_id(raw["id"], seen, here)
        check_choice(raw["status"], CLOCK_STATUSES, "status", here)
        check_choice(raw["starts"], STARTS, "starts", here)
        if isinstance(raw["hours"], bool) or raw["hours"] <= 0:
            raise ChecklistError(f"{here}: hours should be a positive number.")
        kinds = _strings(raw, "kinds", here)
        for kind in kinds:
            check_choice(kind, SITE_KINDS, "each of kinds", here)
        if (words := MUST_SAY.get(raw["status"])) and words not in raw["rule"].casefold():
            raise ChecklistError(
                f'{here}: a clock that is {raw["status"]} should say so in its rule ("{words}").'
            )
        fields = texts({k: v for k, v in raw.items() if k != "from"})
        fields |= {"kinds": kinds, "valid_request": _strings(raw, "valid_request", here)}
        found.append(Clock(**fields, from_=raw.get("from")))
    return tuple(found)


def _routes(entries: list[Any], where: str) -> tuple[Route, ...]:
    found = []
    seen: set[str] = set()
    for here, raw in tables(entries, where, "route", "routes"):
        check_fields(raw, ROUTE, ROUTE_OPTIONAL, here)
        check_id(raw["id"], seen, here)
        check_choice(raw["after"], AFTER, "after", here)
        if "audience" in raw:
            check_choice(raw["audience"], AUDIENCES, "audience", here)
        check_link(raw, here)
        bring = _strings(raw, "bring", here)
        if not bring:
            raise ChecklistError(f"{here}: bring should say what to have ready.")
        found.append(Route(**{**texts(raw), "bring": bring}))
    return tuple(found)


def _legal(entries: list[Any], where: str) -> tuple[Law, ...]:
    found = []
    seen: set[str] = set()
    for here, raw in tables(entries, where, "law", "legal"):
        check_fields(raw, LEGAL, {}, here)
        check_id(raw["id"], seen, here)
        check_choice(raw["status"], STATUSES, "status", here)
        found.append(Law(**texts(raw)))
    return tuple(found)


def _with_own_laws(inherited: tuple[Law, ...], own: tuple[Law, ...]) -> tuple[Law, ...]:
    """The parent's laws then the child's; a child's law with the id of one of its
    parent's replaces it where it stood (Scotland's own offence for the UK's)."""
    by_id = {law.id: law for law in own}
    kept = tuple(by_id.get(law.id, law) for law in inherited)
    return kept + tuple(law for law in own if law.id not in {k.id for k in inherited})


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
        emergency = Emergency(**texts(raw))
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
            check_choice(kind, SITE_KINDS, "each of kinds", f"{name}, [letter]")
        # A child's wording keeps its parent's helpline sentence unless it gives its own.
        helpline = letter.helpline if letter else ""
        letter = LetterWording(**{"helpline": helpline, **texts(raw), "kinds": kinds})
    clocks = _clocks(_list(data, "clocks", name), name)
    aliases = _strings(data, "aliases", name)
    covers = _strings(data, "covers", name)
    for member in covers:
        if not re.fullmatch(r"[a-z]{2}", member):
            raise ChecklistError(f"{name}: each of covers must be a two-letter country code.")
    parts = _parts(data.get("parts", {}), name)
    return Jurisdiction(
        code=code,
        name=words(data["name"]),
        reviewed=data["reviewed"],
        source=words(data["source"]),
        emergency=emergency,
        contacts=(parent.contacts if parent else ())
        + _contacts(_list(data, "contacts", name), name),
        clocks=clocks or (parent.clocks if parent else ()),
        routes=(parent.routes if parent else ()) + _routes(_list(data, "routes", name), name),
        legal=_with_own_laws(
            parent.legal if parent else (), _legal(_list(data, "legal", name), name)
        ),
        letter=letter,
        aliases=aliases,
        covers=covers,
        parts=parts,
        extends=data.get("extends", ""),
        english_name=prose(data["name"]),
    )


def _parts(raw: dict[str, Any], name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`[parts]`: each state or province's ISO 3166-2 code (its part after the dash) to
    its names."""
    found = []
    for code, names in raw.items():
        if not re.fullmatch(r"[a-z0-9]{1,3}", code):
            raise ChecklistError(f"{name}: each of parts is a code like tx or qc.")
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            raise ChecklistError(f"{name}: parts.{code} should be a list of names.")
        found.append((code, tuple(prose(n) for n in names)))  # names: never translated
    return tuple(found)


def _named_in_any_language(typed: str, known: dict[str, Jurisdiction]) -> Jurisdiction | None:
    """The place whose name in any language Reclaim speaks, or an alias, `typed` is,
    accents and the name's parenthesis aside ("Irlanda del Norte", "Écosse")."""
    for place in known.values():
        names = {translations(code).gettext(place.english_name) for code in LANGUAGES}
        if names_match(typed, (*names, place.english_name, *place.aliases)):
            return place
    return None


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
        names = (place.code, place.name, place.english_name, *place.aliases)
        check_names(owners, place.code, names, FOLDER)
    if GENERAL not in places:
        raise ChecklistError(f"{FOLDER} needs {GENERAL}.toml, the advice for a place not said.")
    return places


def shipped() -> dict[str, Jurisdiction]:
    """Every shipped place, its words in the language spoken here and now."""
    return _shipped(language())


@cache
def _shipped(code: str) -> dict[str, Jurisdiction]:
    return load_folder(checklists_dir() / FOLDER)


def places() -> list[Jurisdiction]:
    """The places a person can choose, in the order of their names, each country's parts
    right after it ("United Kingdom", then "England and Wales (United Kingdom)", ...)."""
    known = shipped()

    def order(place: Jurisdiction) -> tuple[str, bool, str]:
        parent = known.get(place.extends)
        return (parent.name if parent else place.name, parent is not None, place.name)

    return sorted((p for p in known.values() if p.code != GENERAL), key=order)


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
    if SUBDIVISION.fullmatch(wanted) and head in known:
        return known[head]
    if named := _named_in_any_language(wanted, known):
        return named
    for place in known.values():
        if part_typed(wanted, place.parts):
            return place  # "Texas", "Québec": a state or province without its own file
    country = country_typed(wanted)
    if country in known:
        return known[country]  # "Reino Unido", "Royaume-Uni": a country with its own file
    for place in known.values():
        if country and country in place.covers:
            return place  # "España" is the European Union's rules
    # What was typed is never repeated back: it may be a passphrase typed in the wrong
    # place, and a message is seen by whoever looks at the screen or a log. A country
    # Reclaim has no file for is named, from the list of countries, not from the typing.
    if country:
        raise InputError(
            _(
                "Reclaim has no advice of its own for {country} yet. Choose none (I'd rather "
                "not say) for general advice; it is for everyone, wherever they live."
            ).format(country=country_name(country))
        )
    raise InputError(
        _(
            "That is not a place Reclaim knows; the places are: {codes}, or none (I'd rather "
            "not say)."
        ).format(codes=", ".join(p.code for p in places()))
    )


def check_code(code: str) -> str:
    """The code to store for what was typed: a place's code, a province or member state
    that falls back to its country's rules (kept as typed, "ca-on"), or "none"."""
    place = resolve(code)
    if place.code == GENERAL:
        return NOT_SAID
    typed = code.strip().casefold()
    if typed.startswith(place.code + "-") and SUBDIVISION.fullmatch(typed):
        return typed
    member = covered_typed(typed, place.covers) or part_typed(typed, place.parts)
    return f"{place.code}-{member}" if member else place.code
