"""Reading and checking the data files in `checklists/` (privacy checklists, places,
takedown sites, legal options, password managers, the capture guide).

Every loader is strict in the same way, so that a typo made while updating a file (an
unknown key, a missing field, a repeated id or name) is caught by the tests and, on a
clinic's machine, reported in one sentence naming the file and the place in it."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import _

#: Ids in data files: lowercase words joined by dashes (also a checklist's file name).
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: Keys whose values are not words a person reads: ids, addresses, codes and kinds the
#: program matches on, other names people type, when a fact was checked (where it was
#: checked, `source`, is words: only its names and addresses stay as they are). Every
#: other text of a data file is words, looked up in the catalogues when it is loaded (its
#: English, as `prose`, is the message id: see checklists/README.md); the translation
#: catalogues are extracted with the same keys left out.
NOT_WORDS = frozenset(
    {
        "id",
        "url",
        "link",
        "links",
        "sources",
        "reviewed",
        "email",
        "phone",
        "kind",
        "kinds",
        "jurisdiction",
        "places",
        "form",
        "type",
        "key",
        "country",
        "region",
        "code",
        "codes",
        "hours",
        "id_prefix",
        "after",
        "aliases",
        "aliases_en",
        "aliases_es",
        "aliases_fr",
        "parts",
        "covers",
        "audience",
        "extends",
        "starts",
        "status",
        "action",
        "platform",
    }
)
#: What a guide's file (the capture guide, legal options, password managers) opens with.
HEADING: dict[str, type] = {"title": str, "reviewed": date, "source": str, "intro": str}


class ChecklistError(ReclaimError):
    """A data file in `checklists/` does not follow its schema."""


@dataclass(frozen=True)
class Guide:
    """What a guide's file opens with (the `HEADING` keys); each guide adds its own."""

    title: str
    reviewed: date
    """The day the guide was last checked against its sources."""
    source: str
    intro: str


def guide_heading(data: dict[str, Any]) -> dict[str, Any]:
    """A checked guide file's heading, as the `Guide` fields (its texts as `prose`)."""
    return texts({key: data[key] for key in HEADING})


def read_toml(path: Path) -> dict[str, Any]:
    """A data file's contents; broken TOML is one sentence naming the file."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(f"{path.name} is not valid TOML ({error}).") from None


def name_key(name: str) -> str:
    """A name as it is compared: any case, and only its letters and digits, so that
    "Google Search", "google-search" and "GOOGLE search" are one name, as are "X.com"
    and "x com". People type names as they say them, not as the data file spells ids."""
    return "".join(char for char in name.casefold() if char.isalnum())


def check_names(owners: dict[str, str], owner: str, names: tuple[str, ...], where: str) -> None:
    """Record in `owners` (name key -> id) the names of `owner`; a name that is empty as a
    key, or that already names something else, is refused: one name, one thing."""
    for name in names:
        key = name_key(name)
        if not key:
            raise ChecklistError(f"{where}: the name {name!r} has no letters or digits.")
        other = owners.setdefault(key, owner)
        if other != owner:
            raise ChecklistError(f"{where}: the name {name!r} already names {other}.")


def check_fields(
    table: dict[str, Any], required: dict[str, type], optional: dict[str, type], where: str
) -> None:
    """A table has every required key, no unknown one, each of its type and none empty."""
    unknown = sorted(set(table) - set(required) - set(optional))
    if unknown:
        raise ChecklistError(f"{where} has an unknown key: {', '.join(unknown)}.")
    missing = [key for key in required if key not in table]
    if missing:
        raise ChecklistError(f"{where} is missing: {', '.join(missing)}.")
    for key, value in table.items():
        expected = required.get(key) or optional[key]
        if not isinstance(value, expected):
            raise ChecklistError(f"{where}: {key} should be a {expected.__name__}.")
        if isinstance(value, str) and not value.strip():
            raise ChecklistError(f"{where}: {key} is empty.")


def check_id(value: str, seen: set[str], where: str) -> None:
    """An id is lowercase words joined by dashes and used once in its file; a good one is
    added to `seen`."""
    if not ID.fullmatch(value):
        raise ChecklistError(
            f"{where}: the id {value!r} should be lowercase words joined by dashes."
        )
    if value in seen:
        raise ChecklistError(f"{where}: the id {value} is used twice.")
    seen.add(value)


def check_choice(value: object, allowed: tuple[str, ...], key: str, where: str) -> None:
    """A value is one of the words the schema allows for `key`."""
    if value not in allowed:
        raise ChecklistError(f"{where}: {key} should be one of {', '.join(allowed)}.")


def check_link(table: dict[str, Any], where: str) -> None:
    """A table's `link`, where it has one, is an https address."""
    if not str(table.get("link", "https://")).startswith("https://"):
        raise ChecklistError(f"{where}: the link should start with https://.")


def tables(entries: list[Any], where: str, item: str, key: str) -> Iterator[tuple[str, Any]]:
    """Each `[[key]]` table of a list, with where it is in the file ("file, `item` 3");
    anything in the list that is not a table is refused."""
    article = "an" if key[0] in "aeiou" else "a"
    for number, table in enumerate(entries, start=1):
        here = f"{where}, {item} {number}"
        if not isinstance(table, dict):
            raise ChecklistError(f"{here} should be {article} [[{key}]] table.")
        yield here, table


def text_list(
    table: dict[str, Any],
    key: str,
    where: str,
    described: str = "sentences",
    *,
    required: bool = False,
) -> tuple[str, ...]:
    """A table's list of texts under `key` (none when it has no `key`), each as `prose`;
    a text that is not one, or empty, and an empty list where one is `required`, are
    refused, saying the list should be one of what it `described`."""
    items = table.get(key, [])
    if (required and not items) or not all(
        isinstance(item, str) and item.strip() for item in items
    ):
        raise ChecklistError(f"{where}: {key} should be a list of {described}.")
    shown = prose if key in NOT_WORDS else words
    return tuple(shown(item) for item in items)


def texts(table: dict[str, Any]) -> dict[str, Any]:
    """A table with each of its texts but its id as `prose`, in the language spoken here
    and now unless its key is in `NOT_WORDS`; the rest as they are."""
    return {
        k: (prose(v) if k in NOT_WORDS else words(v)) if isinstance(v, str) and k != "id" else v
        for k, v in table.items()
    }


def words(text: str) -> str:
    """A data file's text as a person reads it: as `prose`, in the language spoken here
    and now (a text with no translation yet stays English). A loader that shows words
    keeps what it loaded per language, so that a change of language is seen at once."""
    shown = prose(text)
    # gettext gives the catalogue's header for "", never a person's words.
    return _(shown) if shown else shown


def prose(text: str) -> str:
    """Text as the screen should wrap it: the file's line breaks inside a paragraph are
    only there to keep the file readable, so they become spaces; blank lines stay."""
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
