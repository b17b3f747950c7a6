"""Which country or territory a person typed, for a place file that lists those its rules
`covers` (the European Union's member states, the United States' territories): its
two-letter code, or its name in any language Reclaim speaks ("France", "Francia",
"Espagne", "España", "espana", "Puerto Rico"). Someone in Spain who types where they live
is then given the Union's rules, kept as `eu-es`.

Countries' names come from Babel's locale data (the Unicode CLDR), not from a list of
our own; a country Reclaim has no file for is named back in the person's language."""

from __future__ import annotations

from functools import cache

from babel import Locale

from tui.core.shared.data_files import name_key
from tui.core.shared.i18n import LANGUAGES, language
from tui.core.shared.text import folded


def _key(name: str) -> str:
    """`name_key` without accents: people type "Espana" for "España"."""
    return name_key(folded(name))


@cache
def _countries() -> dict[str, str]:
    """Every country's name (in each language Reclaim speaks) and code, to its code."""
    found: dict[str, str] = {}
    for spoken in LANGUAGES:
        for code, name in Locale.parse(spoken).territories.items():
            if len(code) == 2 and code.isalpha():  # countries, not regions ("419")
                found.setdefault(_key(name), code.lower())
                found.setdefault(code.lower(), code.lower())
    return found


def country_typed(typed: str) -> str:
    """The two-letter code of the country typed, by its code or name; '' if none."""
    return _countries().get(_key(typed), "")


def covered_typed(typed: str, covers: tuple[str, ...]) -> str:
    """The code of the country or territory `typed` names, when it is one of `covers`;
    else ''."""
    country = country_typed(typed)
    return country if country in covers else ""


def country_name(code: str) -> str:
    """A country's name in the language spoken now ("fr" is "Francia" in Spanish)."""
    return str(Locale.parse(language()).territories.get(code.upper(), code.upper()))


def part_typed(typed: str, parts: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The code of the state or province `typed` names ("Nuevo México" is "nm"), by
    name, accents aside; '' if none."""
    wanted = _key(typed)
    return next((code for code, names in parts if wanted in {_key(n) for n in names}), "")


def names_match(typed: str, names: tuple[str, ...]) -> bool:
    """Whether `typed` is one of `names`, accents aside, or one of them without its
    parenthesis ("irlanda del norte" for "Irlanda del Norte (Reino Unido)")."""
    wanted = _key(typed)
    bare = (name.split(" (", 1)[0] for name in names)
    return bool(wanted) and wanted in {_key(name) for name in (*names, *bare)}
