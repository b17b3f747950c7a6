"""Dates as a person remembers them: an exact time, a day, a month, a year, or "about"
one of those. Kept at the precision given, never filled out into a false precision.

Stored form in the timeline: `2024-03-05T21:14`, `2024-03-05`, `2024-03`, `2024`, with a
leading `~` for "about" (`~2023`, `~2024-03`); seconds only when given
(`2024-03-05T21:14:09`, from a photo's own data, say).

Exhibits keep the same dates in ISO 8601-2 (EDTF) form instead, `~` at the end
(`2023~`, `2024-03~`; see `When.edtf`): exhibit dates are sorted and cut as plain text,
and a trailing mark keeps them in time order there, and still a date when cut short.

Order: by the start of the period; when two start together, the wider one comes first
(March 2024 before 1 March 2024, before 1 March 2024 at 09:00), and "about" comes after
the same date given exactly. So a month heads the days inside it, as a heading would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from tui.core.shared.clock import stated, utc_now
from tui.core.shared.errors import InputError

PRECISIONS = ("year", "month", "day", "minute", "second")
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
#: A time after the date: "21:14", "at 9.14", "T21:14:09" (the text is lowercased first,
#: so an ISO "T" arrives as "t").
_TIME = r"(?:[ t,]+(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?"
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})" + _TIME + r")?)?$", re.IGNORECASE)
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
            raise InputError(f"When did it happen? {HINT}")
        about = False
        if match := _ABOUT.match(cleaned):
            about, cleaned = True, cleaned[match.end() :].strip()
        if cleaned.endswith("~"):
            about, cleaned = True, cleaned.removesuffix("~").strip()
        when = replace(cls._read(cleaned, text.strip()), about=about)
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
                    f'Is "{original}" {a} {MONTH_NAMES[b - 1]} or {b} {MONTH_NAMES[a - 1]}? '
                    f"Write the month as a word, like {a} {MONTH_NAMES[b - 1]} {year}."
                )
            day_number, month_number = (a, b) if a > 12 or a == b else (b, a)
            return _dated(int(year), month_number, day_number, clock)
        raise InputError(f'"{original}" is not a date Reclaim can read. {HINT}')

    def _check(self, original: str, future: bool = False) -> None:
        try:
            self.start()
        except ValueError:
            raise InputError(f"{original} is not a real date or time. {HINT}") from None
        if self.year < 1900:
            raise InputError(f"{self.year} is too long ago to be right. {HINT}")
        if not future and self.start().date() > (utc_now() + timedelta(days=1)).date():
            raise InputError(f"{self.text()} is in the future. {HINT}")

    @classmethod
    def from_stored(cls, stored: str) -> When:
        """Read a stored date back: the timeline's form (`~2023`) or an exhibit's
        (`2023~`, `2024-03-05T21:14:09`)."""
        about = stored.startswith("~") or stored.endswith("~")
        match = _ISO.match(stored.strip("~"))
        if not match:
            raise ValueError(f"not a stored date: {stored!r}")
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
        """For people: `5 March 2024, 21:14`, `March 2024`, `about 2023`."""
        if self.month is None:
            words = str(self.year)
        elif self.day is None:
            words = f"{MONTH_NAMES[self.month - 1]} {self.year}"
        else:
            words = f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
            if self.hour is not None:
                words += f", {self.hour:02d}:{self.minute:02d}"
                if self.second is not None:
                    words += f":{self.second:02d}"
        return f"about {words}" if self.about else words

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
    hour, minute, second = (int(part) if part else None for part in clock)
    if hour is None or minute is None:
        return When(year, month, day)
    return When(year, month, day, hour, minute, second=second)


def _month(name: str, original: str) -> int:
    number = MONTHS.get(name.rstrip("."))
    if number is None:
        raise InputError(f'"{original}": "{name}" is not a month Reclaim knows. {HINT}')
    return number


def as_written(stored: str) -> str:
    """An exhibit's stored date as people read it in lists and printouts: the ISO form
    with a space for the `T`, and "about" in words (`2023~` is "about 2023")."""
    if not stored:
        return ""
    about = stored.endswith("~") or stored.startswith("~")
    text = stored.strip("~").replace("T", " ")
    return f"about {text}" if about else text


def short_date(stored: str) -> str:
    """An exhibit's stored date cut to its day for a narrow column, "about" kept as a
    leading `~` (`2024-03-05`, `2024-03`, `~2023`, `~2024-03-05`), never cut mid-way."""
    about = stored.endswith("~") or stored.startswith("~")
    day = stored.strip("~")[:10]
    return f"~{day}" if about and day else day
