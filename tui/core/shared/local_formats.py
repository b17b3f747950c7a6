"""Dates and numbers as the language being spoken writes them ("5 March 2024",
"5 de marzo de 2024", "5 mars 2024"; "4.0 MiB", "4,0 MiB"), through Babel's locale data
(CLDR), so that no date or number pattern is written by hand per language.

Babel is imported on first use in another language (it takes ~70 ms), so that English,
the source language, starts as fast as before."""

from __future__ import annotations

import re
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

    said = format_date(day, "long", locale=locale())
    if language() == "fr" and day.day == 1 and said.startswith("1 "):
        said = "1er " + said[2:]  # French writes the first of the month "1er décembre"
    return said


def short_date(day: date) -> str:
    """A day in a table, a side panel or a list, short and never ambiguous: "2024-03-07"
    in English (as it always was), "7 mar 2024" in Spanish, "7 mars 2024" in French
    (never "03/07", which a US and a Spanish reader read as different days)."""
    if language() == SOURCE_LANGUAGE:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, "medium", locale=locale())


def short_month(year: int, month: int) -> str:
    """ "2024-03", "mar 2024", "mars 2024": a month given without its day."""
    if language() == SOURCE_LANGUAGE:
        return f"{year:04d}-{month:02d}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMM", date(year, month, 1), locale=locale())


def short_moment(moment: datetime) -> str:
    """ "2024-03-07 09:30", "7 mar 2024 09:30", "7 mars 2024 09:30": a day and its time
    (on the clock `moment` is on) in a table or a sentence."""
    return f"{short_date(moment.date())} {short_time(moment)}"


#: An ISO date as stored ("2024-03-07", "2024-03", "2024-03-07T09:30:00Z"), alone.
_STORED = re.compile(
    r"(?<![\d-])(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(Z)?(?![\d-])"
)


def dates_in(text: str) -> str:
    """`text` with every stored ISO date in it written the short way of the language
    spoken ("~2024-03-05" is "~5 mar 2024", "2024-03-07T09:30:00Z" is "7 mars 2024
    09:30:00 UTC"); English and anything that is not a real date are left as they are."""
    if language() == SOURCE_LANGUAGE:
        return text
    return _STORED.sub(_short_stored, text)


def _short_stored(match: re.Match[str]) -> str:
    year, month, day, clock, utc = match.groups()
    try:
        words = (
            short_date(date(int(year), int(month), int(day)))
            if day
            else short_month(int(year), int(month))
        )
    except ValueError:
        return match.group(0)
    if clock:
        words += f" {clock}"
    return words + (" UTC" if utc else "")


def short_date_width() -> int:
    """Room for the longest `short_date` of the language spoken (10 in English, 12 in
    Spanish: "28 sept 2024", 13 in French: "28 sept. 2024"): a column of dates."""
    return max(len(short_date(date(2024, month, 28))) for month in range(1, 13))


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
