"""Dates as a person remembers them: an exact time, a day, a month, a year, or "about"
one of those. Kept at the precision given, never filled out into a false precision.

Stored form in the timeline: `2024-03-05T21:14`, `2024-03-05`, `2024-03`, `2024`, with a
leading `~` for "about" (`~2023`, `~2024-03`); seconds only when given
(`2024-03-05T21:14:09`, from a photo's own data, say).

Exhibits keep the same dates in ISO 8601-2 (EDTF) form instead, `~` at the end
(`2023~`, `2024-03~`; see `When.edtf`): exhibit dates are sorted and cut as plain text,
and a trailing mark keeps them in time order there, and still a date when cut short.

People type dates in the language they speak: "5 de marzo de 2024", "marzo de 2024",
"hacia 2023", "5 mars 2024", "le 1er mars 2024 à 21h14", "vers 2023". The month names
of Spanish and French come from Babel's locale data (CLDR), with or without accents,
looked up only when a word is not an English month; English always works too. `text`
writes a date back in the language spoken, in a form `parse` reads again.

Order: by the start of the period; when two start together, the wider one comes first
(March 2024 before 1 March 2024, before 1 March 2024 at 09:00), and "about" comes after
the same date given exactly. So a month heads the days inside it, as a heading would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from tui.core.shared.clock import stated, utc_now
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, language
from tui.core.shared.text import folded

PRECISIONS = ("year", "month", "day", "minute", "second")
HINT = N_(
    'Write it like "5 March 2024", "2024-03-05 21:14", "March 2024", "2024" or "about 2023".'
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
#: "about" in English, Spanish and French (whatever the language spoken: a person may
#: mix them, and none of these words means anything else in a date).
_ABOUT = re.compile(
    r"^(about|around|approx\.?|approximately|roughly|circa|c\.|ca\.|~"
    r"|hacia|alrededor de|aproximadamente|aprox\.?|cerca de|en torno a"
    r"|vers|environ|env\.|autour de|aux alentours de|approximativement)\s*"
)
#: Little words around the parts of a date in Spanish and French ("5 de marzo de 2024",
#: "le 1er mars 2024"), dropped before reading.
_LINKS = re.compile(r"(?:^le\s+|\b(?:de|del)\s+)")
#: A time after the date: "21:14", "at 9.14", "T21:14:09", "a las 21:14", "à 21h14" (the
#: text is lowercased first, so an ISO "T" arrives as "t").
#: Also French spaced hours ("21 h 14") and a 12-hour clock as phones print it ("9:14 pm",
#: Spanish "9:14 p. m.").
_TIME = (
    r"(?:[ t,]+(?:(?:at|a las|a la|à|a)\s+)?(\d{1,2})(?:\s?h\s?|[:.])(\d{2})(?::(\d{2}))?"
    r"(?:\s?([ap])\.?\s?m\.?)?)?"
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})" + _TIME + r")?)?$", re.IGNORECASE)
_ORDINAL = r"(?:st|nd|rd|th|er|o|º|\.º)?"
_WORD = r"([^\W\d_]+)"
_DAY_MONTH = re.compile(
    r"^(\d{1,2})" + _ORDINAL + r"\s+" + _WORD + r"\.?,?\s+(\d{4})" + _TIME + "$"
)
_MONTH_DAY = re.compile(
    r"^" + _WORD + r"\.?\s+(\d{1,2})" + _ORDINAL + r",?\s+(\d{4})" + _TIME + "$"
)
_MONTH_YEAR = re.compile(r"^" + _WORD + r"\.?,?\s+(\d{4})$")
#: "05/03/2024", "05.03.2024", "05-03-2024" (the year last: never ISO's year-month-day).
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})" + _TIME + "$")
#: A weekday leading a date, as WhatsApp and mail print it ("mardi 5 mars 2024",
#: "martes, 5 de marzo de 2024", "Tue, 5 Mar 2024"): dropped before reading.
_LEADING_WORD = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\S)")


@dataclass(frozen=True, order=False)
class When:
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    about: bool = False
    second: int | None = None
    """Only when given (a photo's own data gives it; people rarely do)."""

    # ---- reading ----------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, future: bool = False) -> When:
        """Read what a person typed; raise InputError with a plain sentence otherwise.
        Past events can't be in the future; plans (`future=True`, a follow-up) can.

        "about" (or "around", "~") may lead, and a `~` may also end the date, so that
        the EDTF form an exhibit keeps (`2024-03~`) reads back as itself when edited."""
        cleaned = " ".join(text.strip().lower().split())
        if not cleaned:
            raise InputError(_("When did it happen? {hint}").format(hint=_(HINT)))
        about = False
        if match := _ABOUT.match(cleaned):
            about, cleaned = True, cleaned[match.end() :].strip()
        if cleaned.endswith("~"):
            about, cleaned = True, cleaned.removesuffix("~").strip()
        cleaned = " ".join(_LINKS.sub(" ", cleaned).split())
        read = cls._read(cleaned, text.strip()) if not _weekday_first(cleaned) else None
        if read is None:  # a weekday names a day: read what follows it, if that is a day
            rest = cls._read(cleaned[_weekday_first(cleaned) :], text.strip())
            read = rest if rest.day is not None else cls._read(cleaned, text.strip())
        when = replace(read, about=about)
        when._check(text.strip(), future)
        return when

    @classmethod
    def _read(cls, cleaned: str, original: str) -> When:
        if match := _ISO.match(cleaned):
            return _from_numbers(match.groups())
        if match := _DAY_MONTH.match(cleaned):
            day, name, year, *clock = match.groups()
            return _dated(int(year), _month(name, original), int(day), clock)
        if match := _MONTH_DAY.match(cleaned):
            name, day, year, *clock = match.groups()
            return _dated(int(year), _month(name, original), int(day), clock)
        if match := _MONTH_YEAR.match(cleaned):
            name, year = match.groups()
            return When(int(year), _month(name, original))
        if match := _NUMERIC.match(cleaned):
            first, second, year, *clock = match.groups()
            a, b = int(first), int(second)
            if a <= 12 and b <= 12 and a != b:
                raise InputError(
                    _(
                        'Is "{typed}" {one} or {other}? Write the month as a word, like {example}.'
                    ).format(
                        typed=original,
                        one=_day_and_month(a, b),
                        other=_day_and_month(b, a),
                        example=When(int(year), b, a).text(),
                    )
                )
            day_number, month_number = (a, b) if a > 12 or a == b else (b, a)
            return _dated(int(year), month_number, day_number, clock)
        raise InputError(
            _('"{typed}" is not a date Reclaim can read. {hint}').format(
                typed=original, hint=_(HINT)
            )
        )

    def _check(self, original: str, future: bool = False) -> None:
        try:
            self.start()
        except ValueError:
            raise InputError(
                _("{typed} is not a real date or time. {hint}").format(
                    typed=original, hint=_(HINT)
                )
            ) from None
        if self.year < 1900:
            raise InputError(
                _("{year} is too long ago to be right. {hint}").format(
                    year=self.year, hint=_(HINT)
                )
            )
        if not future and self.start().date() > (utc_now() + timedelta(days=1)).date():
            raise InputError(
                _("{date} is in the future. {hint}").format(date=self.text(), hint=_(HINT))
            )

    @classmethod
    def from_stored(cls, stored: str) -> When:
        """Read a stored date back: the timeline's form (`~2023`) or an exhibit's
        (`2023~`, `2024-03-05T21:14:09`)."""
        about = stored.startswith("~") or stored.endswith("~")
        match = _ISO.match(stored.strip("~"))
        if not match:
            raise ValueError(f"not a stored date: {stored!r}")  # i18n: not shown
        return replace(_from_numbers(match.groups()), about=about)

    # ---- writing ----------------------------------------------------------------

    @property
    def precision(self) -> str:
        if self.second is not None:
            return "second"
        if self.minute is not None:
            return "minute"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def _iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
            if self.second is not None:
                text += f":{self.second:02d}"
        return text

    def stored(self) -> str:
        """The timeline's form: `2024-03-05T21:14`, `2024-03`, `~2023`."""
        return ("~" if self.about else "") + self._iso()

    def edtf(self) -> str:
        """An exhibit's form (ISO 8601-2, EDTF level 1): `2024-03-05T21:14`, `2024-03`,
        `2023~` for "about 2023".

        Exhibit dates are compared and cut as plain text (the binder's time order, the
        evidence table, letters show the first ten characters), and an empty date sorts
        as `~`, after every date. So "about" can't lead as it does in the timeline: it
        would put "about 2023" among the undated. At the end, text order is time order:
        a year before its months, a month before its days, a day before its times, and
        "about" after what is given exactly in that period."""
        return self._iso() + ("~" if self.about else "")

    def text(self) -> str:
        """For people, in the language spoken: `5 March 2024, 21:14`, `March 2024`,
        `about 2023` ("5 de marzo de 2024, 21:14", "marzo de 2024", "hacia 2023")."""
        if self.month is None:
            words = str(self.year)
        elif self.day is None:
            words = _month_and_year(self.month, self.year)
        else:
            words = _day_month_year(self.day, self.month, self.year)
            if self.hour is not None:
                words += f", {self.hour:02d}:{self.minute:02d}"
                if self.second is not None:
                    words += f":{self.second:02d}"
        return _("about {date}").format(date=words) if self.about else words

    def start(self) -> datetime:
        """The first moment it can mean, as stated (naive: a typed date names no zone)."""
        return stated(
            self.year,
            self.month or 1,
            self.day or 1,
            self.hour or 0,
            self.minute or 0,
            self.second or 0,
        )

    def sort_key(self) -> tuple[datetime, int, bool]:
        return (self.start(), PRECISIONS.index(self.precision), self.about)

    def on(self) -> date:
        return self.start().date()


def _from_numbers(groups: Sequence[str | None]) -> When:
    year, month, day, *clock = groups
    assert year is not None
    return _dated(int(year), int(month) if month else None, int(day) if day else None, clock)


def _dated(year: int, month: int | None, day: int | None, clock: Sequence[str | None]) -> When:
    """A date with the time as the regular expressions found it: hour, minute and
    (optionally) second, or nothing."""
    hour, minute, second = (int(part) if part else None for part in clock[:3])
    if hour is None or minute is None:
        return When(year, month, day)
    if half := (clock[3:] or (None,))[0]:  # "a" or "p" of a 12-hour clock
        # 1-12 only: a "13:00 pm" is left as an hour no day has, said to be no real time.
        hour = hour % 12 + (12 if half == "p" else 0) if 1 <= hour <= 12 else 99
    return When(year, month, day, hour, minute, second=second)


def _month(name: str, original: str) -> int:
    number = MONTHS.get(name.rstrip(".")) or _months_in_other_languages().get(_plain(name))
    if number is None:
        raise InputError(
            _('"{typed}": "{word}" is not a month Reclaim knows. {hint}').format(
                typed=original, word=name, hint=_(HINT)
            )
        )
    return number


def _plain(word: str) -> str:
    """A word lowercased, without accents or a final dot ("Févr." is "fevr")."""
    return folded(word.rstrip("."))


@cache
def _months_in_other_languages() -> dict[str, int]:
    """Every month name and abbreviation of the languages Reclaim speaks besides English
    (from CLDR through Babel: "marzo", "mar", "février", "févr", "août"), without
    accents. No two of them name different months. Babel is loaded only here, when a
    word is not an English month."""
    from babel.dates import get_month_names

    found: dict[str, int] = {}
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=code).items():
                    found.setdefault(_plain(name), number)
    found.setdefault("setiembre", 9)  # Spanish as written in much of Latin America
    return found


def _weekday_first(cleaned: str) -> int:
    """Where a date led by a weekday starts ("mardi 5 mars 2024" at 6); 0 if none leads."""
    match = _LEADING_WORD.match(cleaned)
    return match.end() if match and _plain(match[1]) in _weekdays() else 0


@cache
def _weekdays() -> frozenset[str]:
    """The weekdays' names and abbreviations in every language Reclaim speaks, without
    accents, leaving out any that is also a month ("mar", Spanish and French Tuesday, is
    March): a weekday before a date only repeats what the date says."""
    from babel.dates import get_day_names

    names = {
        _plain(name)
        for code in LANGUAGES
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for name in get_day_names(width, context, locale=code).values()
    }
    names |= {"tues", "thur", "thurs"}
    return frozenset(names - set(MONTHS) - set(_months_in_other_languages()))


def _day_and_month(day: int, month: int) -> str:
    """ "3 April", "3 de abril", "3 avril"."""
    if language() == SOURCE_LANGUAGE:
        return f"{day} {MONTH_NAMES[month - 1]}"
    return _babel_date(date(2000, month, day), "dMMMM")


def _month_and_year(month: int, year: int) -> str:
    """ "March 2024", "marzo de 2024", "mars 2024"."""
    if language() == SOURCE_LANGUAGE:
        return f"{MONTH_NAMES[month - 1]} {year}"
    return _babel_date(date(year, month, 1), "yMMMM")


def _day_month_year(day: int, month: int, year: int) -> str:
    """ "5 March 2024", "5 de marzo de 2024", "5 mars 2024"."""
    if language() == SOURCE_LANGUAGE:
        return f"{day} {MONTH_NAMES[month - 1]} {year}"
    return _babel_date(date(year, month, day), "long")


def _babel_date(day: date, form: str) -> str:
    from babel.dates import format_date, format_skeleton

    if form == "long":
        return format_date(day, "long", locale=language())
    return format_skeleton(form, day, locale=language())


def as_written(stored: str) -> str:
    """An exhibit's stored date as people read it in lists and printouts: the ISO form
    with a space for the `T`, and "about" in words (`2023~` is "about 2023")."""
    if not stored:
        return ""
    about = stored.endswith("~") or stored.startswith("~")
    text = stored.strip("~").replace("T", " ")
    return _("about {date}").format(date=text) if about else text


def short_date(stored: str) -> str:
    """An exhibit's stored date cut to its day for a narrow column, "about" kept as a
    leading `~` (`2024-03-05`, `2024-03`, `~2023`, `~2024-03-05`), never cut mid-way."""
    about = stored.endswith("~") or stored.startswith("~")
    day = stored.strip("~")[:10]
    return f"~{day}" if about and day else day
