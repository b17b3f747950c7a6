"""Dates as a person remembers them: an exact time, a day, a month, a year, or "about"
one of those. Kept at the precision given, never filled out into a false precision.

Stored form: `2024-03-05T21:14`, `2024-03-05`, `2024-03`, `2024`, with a leading `~`
for "about" (`~2023`, `~2024-03`).

Order: by the start of the period; when two start together, the wider one comes first
(March 2024 before 1 March 2024, before 1 March 2024 at 09:00), and "about" comes after
the same date given exactly. So a month heads the days inside it, as a heading would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui.core.clock import utc_now
from tui.core.errors import InputError

PRECISIONS = ("year", "month", "day", "minute")
HINT = 'Write it like "5 March 2024", "2024-03-05 21:14", "March 2024", "2024" or "about 2023".'
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
_ABOUT = re.compile(r"^(about|around|approx\.?|approximately|roughly|circa|c\.|ca\.|~)\s*")
_TIME = r"(?:[ T,]+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::\d{2})?)?"
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})" + _TIME + r")?)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})" + _TIME + "$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME + "$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})" + _TIME + "$")


@dataclass(frozen=True, order=False)
class When:
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    about: bool = False

    # ---- reading ----------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> When:
        """Read what a person typed; raise InputError with a plain sentence otherwise."""
        cleaned = " ".join(text.strip().lower().split())
        if not cleaned:
            raise InputError(f"When did it happen? {HINT}")
        about = False
        if match := _ABOUT.match(cleaned):
            about, cleaned = True, cleaned[match.end() :].strip()
        when = cls._read(cleaned, text.strip())
        when = When(when.year, when.month, when.day, when.hour, when.minute, about)
        when._check(text.strip())
        return when

    @classmethod
    def _read(cls, cleaned: str, original: str) -> When:
        if match := _ISO.match(cleaned):
            return _from_numbers(match.groups())
        if match := _DAY_MONTH.match(cleaned):
            day, name, year, hour, minute = match.groups()
            return When(int(year), _month(name, original), int(day), *_clock(hour, minute))
        if match := _MONTH_DAY.match(cleaned):
            name, day, year, hour, minute = match.groups()
            return When(int(year), _month(name, original), int(day), *_clock(hour, minute))
        if match := _MONTH_YEAR.match(cleaned):
            name, year = match.groups()
            return When(int(year), _month(name, original))
        if match := _NUMERIC.match(cleaned):
            first, second, year, hour, minute = match.groups()
            a, b = int(first), int(second)
            if a <= 12 and b <= 12 and a != b:
                raise InputError(
                    f'Is "{original}" {a} {MONTH_NAMES[b - 1]} or {b} {MONTH_NAMES[a - 1]}? '
                    f"Write the month as a word, like {a} {MONTH_NAMES[b - 1]} {year}."
                )
            day_number, month_number = (a, b) if a > 12 or a == b else (b, a)
            return When(int(year), month_number, day_number, *_clock(hour, minute))
        raise InputError(f'"{original}" is not a date Reclaim can read. {HINT}')

    def _check(self, original: str) -> None:
        try:
            datetime(self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0)
        except ValueError:
            raise InputError(f'"{original}" is not a real date or time. {HINT}') from None
        if self.year < 1900:
            raise InputError(f"{self.year} is too long ago to be right. {HINT}")
        if self.start().date() > (utc_now() + timedelta(days=1)).date():
            raise InputError(f"{self.text()} is in the future. {HINT}")

    @classmethod
    def from_stored(cls, stored: str) -> When:
        about = stored.startswith("~")
        match = _ISO.match(stored.removeprefix("~"))
        if not match:
            raise ValueError(f"not a stored date: {stored!r}")
        plain = _from_numbers(match.groups())
        return When(plain.year, plain.month, plain.day, plain.hour, plain.minute, about)

    # ---- writing ----------------------------------------------------------------

    @property
    def precision(self) -> str:
        if self.minute is not None:
            return "minute"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def stored(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None and self.minute is not None:
            text += f"T{self.hour:02d}:{self.minute:02d}"
        return ("~" if self.about else "") + text

    def text(self) -> str:
        """For people: `5 March 2024, 21:14`, `March 2024`, `about 2023`."""
        if self.month is None:
            words = str(self.year)
        elif self.day is None:
            words = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        else:
            words = f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
            if self.hour is not None:
                words += f", {self.hour:02d}:{self.minute:02d}"
        return f"about {words}" if self.about else words

    def start(self) -> datetime:
        return datetime(
            self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0
        )

    def sort_key(self) -> tuple[datetime, int, bool]:
        return (self.start(), PRECISIONS.index(self.precision), self.about)

    def on(self) -> date:
        return self.start().date()


def _from_numbers(groups: Sequence[str | None]) -> When:
    year, month, day, hour, minute = (int(g) if g else None for g in groups)
    assert year is not None
    return When(year, month, day, hour, minute)


def _month(name: str, original: str) -> int:
    number = MONTHS.get(name.rstrip("."))
    if number is None:
        raise InputError(f'"{original}": "{name}" is not a month Reclaim knows. {HINT}')
    return number


def _clock(hour: str | None, minute: str | None) -> tuple[int | None, int | None]:
    if hour is None or minute is None:
        return None, None
    return int(hour), int(minute)
