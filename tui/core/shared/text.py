"""Numbers in words the same way everywhere: sizes in one unit system (KiB, MiB, GiB,
powers of 1024, as `ls -lh` and file managers on Linux show them), and counts with
their noun agreeing ("1 item", "3 copies"), and lists as a sentence says them."""

from __future__ import annotations

from tui.core.shared.i18n import ngettext
from tui.core.shared.local_formats import decimal, sentence_list

UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB")


def size(count: int) -> str:
    """ "512 bytes", "4.0 MiB", "1.5 GiB"."""
    value = float(count)
    for unit in UNITS:
        if value < 1024 or unit == UNITS[-1]:
            if unit == "bytes":
                return ngettext("{count} byte", "{count} bytes", count).format(count=count)
            return f"{decimal(value)} {unit}"
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
