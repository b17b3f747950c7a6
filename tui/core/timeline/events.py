"""The person's written account: dated events in order, each with what happened, what
they did in response, who can confirm it (kept once in a people list) and the exhibits
that show it. Every change is saved in its own transaction and logged.

Dates are `fuzzy_dates.When`: kept at the precision the person knows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from tinydb import where

from tui.core.evidence.model import get_exhibit, normalize_id
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.fuzzy_dates import When
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, speaking
from tui.core.vault import custody, edits
from tui.core.vault.vault import Vault

EVENTS = "events"
PEOPLE = "people"
TEXT_FIELDS = ("title", "details", "response", "place")

#: The guide's questions, for a person who does not know where to start.
PROMPTS = {
    "title": N_("In a few words: what happened?"),
    "details": N_("What happened, in your own words? Who did it, what did they do, where?"),
    "response": N_("What did you do about it? (Told someone, reported it, saved evidence...)"),
    "witnesses": N_("Who saw it, or can confirm it? A friend, a colleague, a moderator..."),
    "evidence": N_("Which saved evidence shows it?"),
    "place": N_("Where did it happen? A site or app, or a place."),
}


@dataclass
class Person:
    id: str
    name: str
    contact: str = ""
    """How to reach them (phone, email...)."""
    role: str = ""
    """Who they are to the person: friend, colleague, moderator..."""


@dataclass
class Event:
    id: str
    when: str
    """Stored form of a `When`."""
    title: str
    details: str = ""
    response: str = ""
    place: str = ""
    witnesses: list[str] = field(default_factory=list)
    """Person ids."""
    evidence: list[str] = field(default_factory=list)
    """Exhibit ids."""

    @property
    def moment(self) -> When:
        return When.from_stored(self.when)

    @property
    def number(self) -> int:
        return int(self.id.removeprefix("T-"))

    def sort_key(self) -> tuple[Any, ...]:
        return (*self.moment.sort_key(), self.number)


def _event(record: Mapping[str, Any]) -> Event:
    known = Event.__dataclass_fields__
    return Event(**{k: v for k, v in record.items() if k in known})


def _person(record: Mapping[str, Any]) -> Person:
    known = Person.__dataclass_fields__
    return Person(**{k: v for k, v in record.items() if k in known})


# ---- people -------------------------------------------------------------------------


def list_people(vault: Vault) -> list[Person]:
    return sorted((_person(doc) for doc in vault.table(PEOPLE).all()), key=lambda p: p.id)


def find_person(vault: Vault, name: str) -> Person | None:
    wanted = " ".join(name.split()).casefold()
    return next((p for p in list_people(vault) if p.name.casefold() == wanted), None)


def save_person(vault: Vault, name: str, contact: str = "", role: str = "") -> Person:
    """Add a person, or update the contact and role of the one with that name."""
    name = " ".join(name.split())
    if not name:
        raise InputError(_("A witness needs a name (or how you know them, like 'my flatmate')."))
    with vault.transaction():
        existing = find_person(vault, name)
        if existing is not None:
            changes = {k: v.strip() for k, v in (("contact", contact), ("role", role)) if v}
            if changes:
                vault.table(PEOPLE).update(changes, where("id") == existing.id)
            return find_person(vault, name) or existing
        person = Person(
            id=f"P-{vault.next_number('person'):03d}",
            name=name,
            contact=contact.strip(),
            role=role.strip(),
        )
        vault.table(PEOPLE).insert(asdict(person))
        return person


def _people_ids(vault: Vault, names: Iterable[str]) -> list[str]:
    ids: list[str] = []
    for name in names:
        person = find_person(vault, name) or save_person(vault, name)
        if person.id not in ids:
            ids.append(person.id)
    return ids


# ---- events -------------------------------------------------------------------------


def list_events(vault: Vault) -> list[Event]:
    """Every event in time order (see `fuzzy_dates` for the rule)."""
    events = [_event(doc) for doc in vault.table(EVENTS).all()]
    return sorted(events, key=Event.sort_key)


def get_event(vault: Vault, event_id: str) -> Event:
    wanted = normalize_event_id(event_id)
    record = vault.table(EVENTS).get(where("id") == wanted)
    if not isinstance(record, Mapping):
        raise NotFound(_("There is no event {number} in the timeline.").format(number=wanted))
    return _event(record)


def normalize_event_id(text: str) -> str:
    digits = text.strip().upper().removeprefix("T").lstrip("-")
    if not digits.isdigit():
        raise InputError(
            _('"{typed}" is not an event number; they look like T-0003.').format(typed=text)
        )
    return f"T-{int(digits):04d}"


def _check_evidence(vault: Vault, exhibit_ids: Sequence[str]) -> list[str]:
    checked: list[str] = []
    for exhibit_id in exhibit_ids:
        exhibit = get_exhibit(vault, normalize_id(exhibit_id))
        if exhibit.id not in checked:
            checked.append(exhibit.id)
    return checked


def add_event(
    vault: Vault,
    when: str,
    title: str,
    *,
    details: str = "",
    response: str = "",
    place: str = "",
    witnesses: Sequence[str] = (),
    evidence: Sequence[str] = (),
) -> Event:
    """Add one event. `when` is what the person typed; `witnesses` are names."""
    moment = When.parse(when)
    if not title.strip():
        raise InputError(
            _("Give the event a short title. {prompt}").format(prompt=_(PROMPTS["title"]))
        )
    with vault.transaction():
        exhibits = _check_evidence(vault, evidence)
        people = _people_ids(vault, witnesses)
        event = Event(
            id=f"T-{vault.next_number('event'):04d}",
            when=moment.stored(),
            title=title.strip(),
            details=details.strip(),
            response=response.strip(),
            place=place.strip(),
            witnesses=people,
            evidence=exhibits,
        )
        vault.table(EVENTS).insert(asdict(event))
        custody.append(
            vault.table(custody.TABLE),
            "event added",  # i18n: not shown
            event=event.id,
        )
    return event


def update_event(
    vault: Vault,
    event_id: str,
    *,
    when: str | None = None,
    witnesses: Sequence[str] | None = None,
    evidence: Sequence[str] | None = None,
    base: Mapping[str, Any] | None = None,
    **texts: str,
) -> Event:
    """Change what is given; leave the rest as it is.

    `base` is the event's stored fields as a form read them (see `tui.core.vault.edits`):
    a given field that changed elsewhere since raises `EditConflict`, writing nothing.
    Without it (the command line reads and writes at once) all that is given is written.
    The custody log keeps each changed field's old and new value."""
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise InputError(  # i18n: not shown
            f"{', '.join(sorted(unknown))} is not part of an event."  # i18n: not shown
        )
    changes: dict[str, Any] = {name: value.strip() for name, value in texts.items()}
    if "title" in changes and not changes["title"]:
        raise InputError(_("An event needs a title. {prompt}").format(prompt=_(PROMPTS["title"])))
    if when is not None:
        changes["when"] = When.parse(when).stored()
    with vault.transaction():
        event = get_event(vault, event_id)
        if evidence is not None:
            changes["evidence"] = _check_evidence(vault, evidence)
        if witnesses is not None:
            changes["witnesses"] = _people_ids(vault, witnesses)
        current = asdict(event)
        for name in ("evidence", "witnesses"):
            # The same people or exhibits in another order are no change.
            if name in changes and sorted(changes[name]) == sorted(current[name]):
                changes[name] = current[name]
        changed = edits.checked(base, changes, current)
        if changed:
            vault.table(EVENTS).update(changed, where("id") == event.id)
            custody.append(
                vault.table(custody.TABLE),
                "event changed",  # i18n: not shown
                event=event.id,
                fields=sorted(changed),
                changes=edits.changes(current, changed),
            )
        return get_event(vault, event.id)


def remove_event(vault: Vault, event_id: str) -> Event:
    with vault.transaction():
        event = get_event(vault, event_id)
        vault.table(EVENTS).remove(where("id") == event.id)
        custody.append(
            vault.table(custody.TABLE),
            "event removed",  # i18n: not shown
            event=event.id,
        )
    return event


# ---- reading the account ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One event made ready to read: names instead of ids."""

    event: Event
    when: str
    witnesses: list[Person]


def entries(vault: Vault) -> list[Entry]:
    people = {person.id: person for person in list_people(vault)}
    return [
        Entry(
            event=event,
            when=event.moment.text(),
            witnesses=[people[p] for p in event.witnesses if p in people],
        )
        for event in list_events(vault)
    ]


def witness_text(person: Person) -> str:
    return f"{person.name} ({person.role})" if person.role else person.name


def as_records(vault: Vault) -> list[dict[str, Any]]:
    """For `reclaim timeline list --json`: events in time order (its `when_text` in
    English, as every value of `--json` is)."""
    with speaking(SOURCE_LANGUAGE):
        listed = entries(vault)
    return [
        {
            "id": entry.event.id,
            "when": entry.event.when,
            "when_text": entry.when,
            "title": entry.event.title,
            "details": entry.event.details,
            "response": entry.event.response,
            "place": entry.event.place,
            "witnesses": [person.name for person in entry.witnesses],
            "evidence": list(entry.event.evidence),
        }
        for entry in listed
    ]
