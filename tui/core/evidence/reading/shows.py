"""What an exhibit's pictures show of what the guide asks a screenshot to show: the
poster's username or handle, when it was posted, a caption or comments, the web address,
and the screenshot's own date and time.

Dates are found as people's phones and sites write them in English, Spanish and French:
"5 March 2024 21:14", "Mar 5, 2024 at 9:14 PM", "05/03/2024" (day first, as in Europe,
unless the second number can only be a day), "2024-03-05", "5 mars 2024 à 21 h 14",
"5 de marzo de 2024". A relative time ("2h", "Yesterday", "hace 3 días") is no date, and
a date without its year is not taken either: both are said, never guessed. A time alone
in the status bar (the phone's clock) is a time without a date, and is said so."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.core.evidence.kept_words import said_again
from tui.core.evidence.reading.model import Line, Reading, Shows
from tui.core.shared.i18n import _
from tui.core.shared.text import listed

#: The kinds, in the order the guide lists them (and a sentence names them).
KINDS = ("handle", "posted_at", "caption", "address", "screenshot_time")
#: The status bar: the top of a screenshot, where the phone's clock is.
STATUS_BAR = 0.06

_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "enero", "ene", "janvier", "janv"),
    2: ("february", "feb", "febrero", "février", "fevrier", "févr", "fevr", "fév", "fev"),
    3: ("march", "mar", "marzo", "mars"),
    4: ("april", "apr", "abril", "abr", "avril", "avr"),
    5: ("may", "mayo", "mai"),
    6: ("june", "jun", "junio", "juin"),
    7: ("july", "jul", "julio", "juillet", "juil"),
    8: ("august", "aug", "agosto", "ago", "août", "aout"),
    9: ("september", "sep", "sept", "septiembre", "setiembre", "septembre"),
    10: ("october", "oct", "octubre", "octobre"),
    11: ("november", "nov", "noviembre", "novembre"),
    12: ("december", "dec", "diciembre", "dic", "décembre", "decembre", "déc"),
}
MONTHS = {word: number for number, words in _MONTH_WORDS.items() for word in words}
_MONTH = "(" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
#: A time after a date: "21:14", "at 9:14 PM", "à 21 h 14", "a las 21:14", ", 21.14".
_CLOCK = r"(\d{1,2})\s?(?::|\.|h)\s?(\d{2})(?:\s?([ap])\.?\s?m\.?)?"
_AFTER = r"(?:\s*(?:,|·|-|\u2013|\||at|à|a\s+las|a\s+la|um)?\s*" + _CLOCK + r")?"
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?(\d{4})" + _AFTER,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _AFTER, re.IGNORECASE
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b" + _AFTER, re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_DAY_MONTH_ONLY = re.compile(
    r"\b(?:\d{1,2}\s+(?:de\s+)?" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2})\b", re.IGNORECASE
)
_RELATIVE = re.compile(
    r"(?<![\w:./])(?:\d{1,2}\s?(?:s|m|min|mins|h|hr|hrs|d|j|w|sem|wk|mo)\b(?:\s+ago)?"
    r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+ago"
    r"|yesterday|today|just now|ayer|hoy|hier|aujourd'hui|maintenant|ahora"
    r"|hace\s+\d+\s+\w+|il\s+y\s+a\s+\d+\s+\w+)(?![\w/])",
    re.IGNORECASE,
)
_TIME_ALONE = re.compile(r"(?<![\d:/.])" + _CLOCK + r"(?![\d:])", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_URL = re.compile(
    r"(?:\bhttps?:?//?|\bwww\.)[^\s<>\"'«»]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|me|tv|app|ly|gl|gg|uk|fr|es|de|mx|ca|be)"
    r"/[^\s<>\"'«»]*",
    re.IGNORECASE,
)
#: A username written without its "@", as Instagram heads a post ("jordan_m_1987 • Follow"):
#: letters with digits, "_" or "." in one word, alone on its line or before a "•" or
#: "Follow". A domain name ("instagram.com") is none.
_BARE_NAME = re.compile(
    r"^((?=(?:[\w.]*[A-Za-z]){3})(?=[\w.]*[._\d])[A-Za-z0-9_][A-Za-z0-9._]{1,28}[A-Za-z0-9_])"
    r"(?:\s*(?:[•·|]|(?:follow|following|seguir|siguiendo|suivre|abonné|verified)\b).*)?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"\.(?:com|net|org|io|co|me|tv|app|ly|gl|gg|uk|fr|es|de|mx|ca|be"
    r"|png|jpe?g|gif|heic|webp|pdf|mp4|mov|txt|docx?)$",
    re.IGNORECASE,
)
#: A web address's scheme as a recogniser may read it ("https//", "https:/"): mended.
_SCHEME = re.compile(r"^(https?):?//?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A token that is no word of a sentence: an address, a file or a domain name.
_NO_WORD = re.compile(r"[@/\\]|\w\.\w")


@dataclass(frozen=True)
class Dated:
    """A date found in a line: as written, and as the details keep it."""

    shown: str
    iso: str
    timed: bool


def find_date(text: str, month_first: bool = False) -> Dated | None:
    """The first full date (with its year) in `text`, with its time if one follows. A
    date in numbers is read day first ("05/03/2024" is 5 March), or `month_first` (where
    the person lives writes them so, as in the US); one that can only be read the other
    way is read that way ("12/25/2023")."""
    found: list[tuple[int, Dated]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year, *clock = match.groups()
        dated = _dated(match.group(0), int(year), MONTHS[month.lower()], int(day), clock)
        if dated:
            found.append((match.start(), dated))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month, day, year, *clock = match.groups()
        dated = _dated(match.group(0), int(year), MONTHS[month.lower()], int(day), clock)
        if dated:
            found.append((match.start(), dated))
    for match in _NUMERIC.finditer(text):
        first, second, year, *clock = match.groups()
        day, month = (int(second), int(first)) if month_first else (int(first), int(second))
        if month > 12 >= day:  # it can only be read the other way
            day, month = month, day
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        dated = _dated(match.group(0), full_year, month, day, clock)
        if dated:
            found.append((match.start(), dated))
    for match in _ISO.finditer(text):
        year, month, day, hour, minute = match.groups()
        clock = [hour, minute, None] if hour else [None, None, None]
        dated = _dated(match.group(0), int(year), int(month), int(day), clock)
        if dated:
            found.append((match.start(), dated))
    return min(found, key=lambda item: item[0])[1] if found else None


def _dated(shown: str, year: int, month: int, day: int, clock: list[str | None]) -> Dated | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= 2100:
        return None
    hour_text, minute_text, half = [*clock, None, None, None][:3]
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if hour_text is None or minute_text is None:
        return Dated(shown.strip(" ,·-|"), iso, False)
    hour, minute = int(hour_text), int(minute_text)
    if half:
        if not 1 <= hour <= 12:
            return Dated(_before_clock(shown), iso, False)
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return Dated(_before_clock(shown), iso, False)
    return Dated(shown.strip(" ,·-|"), f"{iso}T{hour:02d}:{minute:02d}", True)


def _before_clock(shown: str) -> str:
    return re.split(r"\s*(?:,|·|\bat\b|\bà\b)\s*|\s+\d{1,2}[:h.]\d{2}", shown)[0].strip()


def in_status_bar(line: Line, height: int) -> bool:
    return line.box[3] <= max(1, height) * STATUS_BAR


def what_it_shows(
    reading: Reading, record: Mapping[str, Any], *, month_first: bool = False
) -> Shows:
    """What the read words show: a handle, a posting time, a caption, a web address, the
    screenshot's own date and time, each with its value; and the sentence that says what
    they show and do not."""
    found: dict[str, str] = {}
    values: dict[str, str] = {}
    relative = ""
    clock = ""
    bare = ""  # a username without its "@", taken only when no "@handle" is shown
    for picture in reading.pictures:
        screenshot = picture.source == "picture"
        for line in picture.lines:
            text = line.text
            top = screenshot and in_status_bar(line, picture.height)
            dated = find_date(text, month_first)
            if top:
                if dated and "screenshot_time" not in found:
                    found["screenshot_time"] = dated.shown
                    values["captured_at"] = dated.iso
                elif not clock and (alone := _TIME_ALONE.search(text)):
                    clock = alone.group(0).strip()
                continue
            if dated and "posted_at" not in found:
                found["posted_at"] = dated.shown
                values["posted_at"] = dated.iso
            if "handle" not in found and (handle := _HANDLE.search(text)):
                found["handle"] = handle.group(0)
                values["poster"] = handle.group(0)
            elif not bare and not dated and (name := _bare_name(text)):
                bare = name
            if "address" not in found and (address := _URL.search(text)):
                url = _SCHEME.sub(r"\1://", address.group(0).rstrip(".,;:!?)]}"))
                found["address"] = url
                values["url"] = url
            near = None if dated or relative else _RELATIVE.search(text)
            if near and not _DAY_MONTH_ONLY.search(text):
                relative = near.group(0)
            if "caption" not in found and _prose(text):
                found["caption"] = text
                values["caption"] = text
    if bare and "handle" not in found:
        found["handle"] = values["poster"] = bare
    if clock and "screenshot_time" not in found:
        found["clock"] = clock
    if relative and "posted_at" not in found:
        found["relative_time"] = relative
    missing = tuple(kind for kind in KINDS if kind not in found)
    sentence = _sentence(reading, record, found, missing)
    return Shows(found=found, sentence=sentence, missing=missing, values=values)


def _bare_name(text: str) -> str:
    """A username written without its "@" heading the line, or ''."""
    found = _BARE_NAME.match(text.strip())
    if not found or _DOMAIN.search(found.group(1)) or found.group(1).replace(".", "").isdigit():
        return ""
    return found.group(1)


def _prose(text: str) -> bool:
    """A line that reads as words someone wrote (a caption, a comment, a message): three
    words or more, and no handle, address or date in it."""
    if _HANDLE.search(text) or _URL.search(text) or find_date(text):
        return False
    words = [token for token in text.split() if _WORD.search(token) and not _NO_WORD.search(token)]
    return len(words) >= 3


def _sentence(
    reading: Reading, record: Mapping[str, Any], found: dict[str, str], missing: tuple[str, ...]
) -> str:
    if not reading.lines:
        if reading.problem:  # kept in the language spoken when it was read
            return said_again(reading.problem)
        if not reading.pictures:  # not "no words found": there was nothing to look at
            if str(record.get("media_type", "")).startswith("video/"):
                return _("There was nothing to read: no still could be taken from the recording.")
            return _("There was nothing to read: no picture was found in it.")
        return _("No words were found in the picture.")
    shown = [_shown(kind, found[kind]) for kind in KINDS if kind in found]
    lacking = [_lacking(kind, found) for kind in missing]
    media = str(record.get("media_type", ""))
    if media == "application/pdf":
        subject = _("The pages show {shown}")
        nothing = _("The pages show none of what the guide asks a capture to show")
    elif media.startswith("video/"):
        subject = _("The recording's stills show {shown}")
        nothing = _("The recording's stills show none of what the guide asks a capture to show")
    else:
        subject = _("The picture shows {shown}")
        nothing = _("The picture shows none of what the guide asks a capture to show")
    if not shown:
        return _("{nothing}: it does not show {lacking}.").format(
            nothing=nothing, lacking=listed(lacking)
        )
    said = subject.format(shown=listed(shown))
    if not lacking:
        return said + "."
    return _("{said}; it does not show {lacking}.").format(said=said, lacking=listed(lacking))


def _shown(kind: str, value: str) -> str:
    if kind == "handle":
        return _("a username ({value})").format(value=value)
    if kind == "posted_at":
        if find_date(value) and find_date(value).timed:  # type: ignore[union-attr]
            return _("a posting time ({value})").format(value=value)
        return _("a posting date ({value})").format(value=value)
    if kind == "caption":
        return _("a caption or comment")
    if kind == "address":
        return _("a web address")
    return _("the date and time the screenshot was taken ({value})").format(value=value)


def _lacking(kind: str, found: dict[str, str]) -> str:
    if kind == "handle":
        return _("a username")
    if kind == "posted_at":
        if "relative_time" in found:
            return _('when it was posted (only "{value}", which is not a date)').format(
                value=found["relative_time"]
            )
        return _("when it was posted")
    if kind == "caption":
        return _("a caption or comment")
    if kind == "address":
        return _("a web address")
    if "clock" in found:
        return _(
            "the date the screenshot was taken (its clock shows {value}, a time without a date)"
        ).format(value=found["clock"])
    return _("the date the screenshot was taken")
