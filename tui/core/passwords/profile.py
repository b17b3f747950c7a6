"""The case profile: words that say who the person is (names, family, pets, dates,
places, usernames). Kept in the vault and fed to the strength check, so a password
built on them scores lower and the feedback says why."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from tui.core.shared.i18n import N_

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

TABLE = "profile"

#: Field -> how the strength check names a word from it ("a pet's name").
KINDS = {
    "names": N_("your name or a nickname"),
    "family": N_("a family member's name"),
    "friends": N_("a friend's name"),
    "pets": N_("a pet's name"),
    "dates": N_("a date that matters to you"),
    "places": N_("a place you know"),
    "usernames": N_("one of your usernames"),
}
LABELS = {
    "names": N_("Your names and nicknames"),
    "family": N_("Family"),
    "friends": N_("Friends"),
    "pets": N_("Pets"),
    "dates": N_("Important dates (birthdays, anniversaries)"),
    "places": N_("Places (town, street, school, team)"),
    "usernames": N_("Usernames and email names"),
}
MIN_WORD = 3


@dataclass
class Profile:
    names: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    friends: list[str] = field(default_factory=list)
    pets: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    usernames: list[str] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: Mapping[str, Any] | None) -> Profile:
        record = record or {}
        return cls(**{f.name: [str(v) for v in record.get(f.name, [])] for f in fields(cls)})

    def to_record(self) -> dict[str, list[str]]:
        return {f.name: list(getattr(self, f.name)) for f in fields(self)}

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def personal_words(self) -> dict[str, str]:
        """Every word a guesser who knows the person would try -> what kind it is."""
        found: dict[str, str] = {}
        for name, kind in KINDS.items():
            for entry in getattr(self, name):
                variants = date_variants(entry) if name == "dates" else word_variants(entry)
                for word in variants:
                    found.setdefault(word, kind)
        return found


def word_variants(entry: str) -> set[str]:
    """ "Mary-Jane Smith" -> mary, jane, smith, maryjane, janesmith, maryjanesmith."""
    parts = [p for p in re.split(r"[^\w]+|_", entry.casefold()) if p]
    variants = {p for p in parts if len(p) >= MIN_WORD}
    variants |= {re.sub(r"\d+", "", p) for p in parts if len(re.sub(r"\d+", "", p)) >= MIN_WORD}
    for start in range(len(parts)):  # every run of neighbouring parts, joined
        for end in range(start + 2, len(parts) + 1):
            variants.add("".join(parts[start:end]))
    return variants


def date_variants(entry: str) -> set[str]:
    """The ways a date turns up in passwords: 1990, 0503, 0305, 050390, 05031990 ..."""
    variants = set(re.findall(r"\d{4}", entry))
    try:
        day = date.fromisoformat(entry.strip())
    except ValueError:
        return variants | {p for p in re.findall(r"\d+", entry) if len(p) >= MIN_WORD}
    d, m, y, yy = f"{day.day:02}", f"{day.month:02}", f"{day.year}", f"{day.year % 100:02}"
    return variants | {d + m, m + d, d + m + yy, m + d + yy, d + m + y, m + d + y, y + m + d}


def split_entries(text: str) -> list[str]:
    """What a person types in one field: entries separated by commas or new lines."""
    return [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]


def load(vault: Vault) -> Profile:
    record = vault.table(TABLE).get(doc_id=1)
    return Profile.from_record(record if isinstance(record, Mapping) else None)


def save(vault: Vault, profile: Profile) -> None:
    """Keep the whole profile as given (see `change` for a form's save)."""
    change(vault, profile.to_record())


def change(
    vault: Vault, changes: Mapping[str, list[str]], base: Mapping[str, Any] | None = None
) -> Profile:
    """Keep the given fields, read and written in one transaction. `base` is the profile
    as a form read it (see `tui.core.vault.edits`): a given field changed elsewhere since
    raises `EditConflict`, writing nothing; fields not given are left as they are. The
    custody log keeps each changed field's old and new entries."""
    from tui.core.vault import custody, edits

    unknown = set(changes) - set(LABELS)
    if unknown:
        raise ValueError(f"unknown profile fields {sorted(unknown)}")  # i18n: not shown
    with vault.transaction():
        current = load(vault).to_record()
        write = edits.checked(base, {k: list(v) for k, v in changes.items()}, current)
        if not write:
            return Profile.from_record(current)
        updated = {**current, **write}
        table = vault.table(TABLE)
        if table.contains(doc_id=1):
            table.update(updated, doc_ids=[1])
        else:
            table.insert(updated)
        custody.append(
            vault.table(custody.TABLE),
            "profile",
            fields=sorted(write),
            changes=edits.changes(current, write),
        )
        return Profile.from_record(updated)
