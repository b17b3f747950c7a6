"""Numbers in words the same way everywhere: sizes in one unit system (KiB, MiB, GiB,
powers of 1024, as `ls -lh` and file managers on Linux show them), and counts with
their noun agreeing ("1 item", "3 copies"), and lists as a sentence says them."""

from __future__ import annotations

import unicodedata

from tui.core.shared.i18n import language, ngettext
from tui.core.shared.local_formats import decimal, sentence_list

UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB")

#: The binary units in a language that writes them its own way: French says octets,
#: hence Kio, Mio, Gio, Tio (Spanish keeps the international KiB, MiB…).
LOCAL_UNITS = {"fr": {"KiB": "Kio", "MiB": "Mio", "GiB": "Gio", "TiB": "Tio"}}

#: Between a number and its unit: a no-break space outside English, so the unit never
#: wraps away from its number ("1,5\u00a0Mio").
NO_BREAK = "\u00a0"


def size(count: int) -> str:
    """ "512 bytes", "4.0 MiB", "1.5 GiB"; in French "1,5\u00a0Mio", in Spanish
    "1,5\u00a0MiB" (a no-break space between the number and its unit)."""
    value = float(count)
    for unit in UNITS:
        if value < 1024 or unit == UNITS[-1]:
            if unit == "bytes":
                return ngettext("{count} byte", "{count} bytes", count).format(count=count)
            spoken = language()
            if spoken == "en":
                return f"{decimal(value)} {unit}"
            return decimal(value) + NO_BREAK + LOCAL_UNITS.get(spoken, {}).get(unit, unit)
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "1 item", "2 items", "1 copy", "3 copies": a number and its noun, agreeing.
    The plural is the noun with an "s" unless given."""
    return f"{count} {plural_of(count, noun, plural)}"


def listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": items as a sentence lists them (in the language
    being spoken: "a, b y c")."""
    return sentence_list(items)


def plural_of(count: int, noun: str, plural: str = "") -> str:
    """The word that agrees with `count`, without the number: "item" or "items", and
    `plural_of(n, "is", "are")` for the verb."""
    return noun if count == 1 else plural or noun + "s"


def folded(text: str) -> str:
    """Text as it is compared with what a person types: lower case, without accents
    ("Garçon" is "garcon", "Sí" is "si")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
