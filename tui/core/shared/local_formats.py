"""Dates and numbers as the language being spoken writes them ("5 March 2024",
"5 de marzo de 2024", "5 mars 2024"; "4.0 MiB", "4,0 MiB"), through Babel's locale data
(CLDR), so that no date or number pattern is written by hand per language.

Babel is imported on first use in another language (it takes ~70 ms), so that English,
the source language, starts as fast as before."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.core.shared.i18n import SOURCE_LANGUAGE, language

if TYPE_CHECKING:
    from babel import Locale


def locale() -> Locale:
    """Babel's locale for the language spoken here and now."""
    from babel import Locale

    return Locale.parse(language())


def long_date(day: date) -> str:
    """ "5 March 2024", "5 de marzo de 2024", "5 mars 2024"."""
    if language() == SOURCE_LANGUAGE:
        return f"{day.day} {day:%B %Y}"
    from babel.dates import format_date

    return format_date(day, "long", locale=locale())


def short_time(moment: datetime) -> str:
    """ "21:14" in every language Reclaim speaks (a 24-hour clock, as evidence is
    compared in)."""
    return f"{moment:%H:%M}"


def decimal(value: float, places: int = 1) -> str:
    """ "4.0" or "4,0": a number with `places` digits after the decimal mark."""
    if language() == SOURCE_LANGUAGE:
        return f"{value:.{places}f}"
    from babel.numbers import format_decimal

    pattern = "0." + "0" * places if places else "0"
    return format_decimal(value, pattern, locale=locale())


def whole_number(value: int) -> str:
    """ "14,262" in English, "14.262" in Spanish, "14 262" in French: a count, grouped."""
    if language() == SOURCE_LANGUAGE:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return format_decimal(value, "#,##0", locale=locale())


def sentence_list(items: list[str]) -> str:
    """ "a, b and c", "a, b y c", "a, b et c"."""
    if language() == SOURCE_LANGUAGE:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    from babel.lists import format_list

    return format_list(items, locale=locale())
