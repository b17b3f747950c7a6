"""The lines of a WhatsApp "Export chat" text: which lines start a message, who sent it,
when, and which files it mentions.

Phones write many variants (Android or iOS, 12 or 24 hours, slashes, dots or ISO dates),
and whether `05/03` is the 5th of March or the 3rd of May can only be told from the whole
file, so the order is decided first and then every line is read with it."""

from __future__ import annotations

import functools
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from tui.core.evidence.formats.base import HEAD_BYTES, clean_line, clean_text, decode_text

#: A message longer than this is cut when read (the original keeps it whole).
MAX_MESSAGE_CHARS = 20_000

# Marks iOS puts before a line or an attachment; invisible, so they are dropped.
_MARKS = "\u200e\u200f\ufeff"
# Recent phones put a (narrow) no-break space between the time and AM/PM.
_GAP = "[ \u00a0\u202f]"
_DATE = r"(?P<date>\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))\.?"
_TIME = (
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
    rf"(?:{_GAP}?(?P<ampm>[AaPp]\.?{_GAP}?[Mm]\.?))?"
)
_ANDROID = re.compile(rf"{_DATE},?{_GAP}+{_TIME}{_GAP}+[-\u2013]{_GAP}(?P<rest>.*)")
_IOS = re.compile(rf"\[{_DATE},?{_GAP}*{_TIME}\]{_GAP}(?P<rest>.*)")
_NUMBERS = re.compile(r"[./:-]")

_ATTACHED = re.compile(r"<attached: (?P<name>[^<>\n]{1,255})>")
_FILE_ATTACHED = re.compile(r"^(?P<name>[^\n]{1,255}?) \(file attached\)", re.MULTILINE)
_OMITTED = re.compile(
    r"^(?:<Media omitted>|(?:image|video|audio|sticker|GIF|document) omitted)$",
    re.MULTILINE,
)

DAY_FIRST = "day/month"
MONTH_FIRST = "month/day"
YEAR_FIRST = "year/month/day"
ASSUMED = " (assumed)"


@dataclass(frozen=True)
class Message:
    """One message of any chat export. `when` is None when the time can't be a real
    time (31/02, month 13); `raw_time` is then what the file says, kept for a person."""

    when: datetime | None
    raw_time: str
    sender: str
    text: str
    files: tuple[str, ...] = ()
    omitted: bool = False


def lines(text: str) -> Iterator[str]:
    """The lines of a text, one at a time (a long chat is never split into a list)."""
    for line in io.StringIO(text, newline=None):
        yield line.rstrip("\n")


def _head(line: str) -> re.Match[str] | None:
    """The match when the line starts a message, else None (it continues one)."""
    line = line.lstrip(_MARKS)
    return _ANDROID.match(line) or _IOS.match(line)


def decode(data: bytes) -> tuple[str, bool] | None:
    """Text as the phone wrote it, and whether some bytes were broken: a few bad bytes
    show as \ufffd rather than losing the chat. None when it is binary."""
    text = decode_text(data)
    if text is not None:
        return text, False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), True
    if b"\x00" in data[:HEAD_BYTES]:
        return None
    return data.decode("utf-8-sig", "replace"), True


def looks_like_chat(head: bytes) -> bool:
    """Whether a file's first bytes read as a WhatsApp export: its first non-empty line
    starts a message and so does another of the next few (or it is the only line)."""
    decoded = decode(head)
    if decoded is None:
        return False
    first = list(itertools.islice((line for line in lines(decoded[0]) if line.strip()), 10))
    if not first or _head(first[0]) is None:
        return False
    return len(first) == 1 or sum(_head(line) is not None for line in first) >= 2


def date_order(text: str) -> str:
    """Day or month first, decided from the whole file: a first number over 12 must be a
    day, a second over 12 a month. When nothing decides, day first is assumed (and said)."""
    day = month = ambiguous = seen = 0
    for line in lines(text):
        match = _head(line)
        if match is None:
            continue
        seen += 1
        first, second, _ = _NUMBERS.split(match["date"])
        if len(first) == 4:
            continue
        ambiguous += 1
        day += int(first) > 12
        month += int(second) > 12
    if day and not month:
        return DAY_FIRST
    if month and not day:
        return MONTH_FIRST
    if seen and not ambiguous:
        return YEAR_FIRST
    return (MONTH_FIRST if month > day else DAY_FIRST) + ASSUMED


def _when(match: re.Match[str], day_first: bool) -> datetime | None:
    """The time a message line gives, or None when it is not a real time (31/02)."""
    day = _day(match["date"], day_first)
    clock = _clock(match["time"], match["ampm"] or "")
    return datetime.combine(day, clock) if day is not None and clock is not None else None


@functools.lru_cache(maxsize=4096)
def _day(written: str, day_first: bool) -> date | None:
    """A date as written; many messages share one, so each is read once."""
    parts = _NUMBERS.split(written)
    first, second, third = (int(part) for part in parts)
    if len(parts[0]) == 4:
        year, month, day = first, second, third
    else:
        day, month = (first, second) if day_first else (second, first)
        year = third + 2000 if third < 100 else third
    try:
        return date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _clock(written: str, ampm: str) -> time | None:
    """A time of day as written, 12 AM being midnight; None for 25:00 or 13:00 PM."""
    hour, minute, *seconds = (int(part) for part in _NUMBERS.split(written))
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm[0] in "Pp" else 0)
    try:
        return time(hour, minute, seconds[0] if seconds else 0)
    except ValueError:
        return None


def _split(rest: str) -> tuple[str, str]:
    """(sender, text). A system line ("Sam created group "X: Y"") has no sender: a name
    is short and has no quotation marks."""
    name, colon, said = rest.partition(": ")
    name = name.strip(_MARKS + " ")
    if colon and name and len(name) <= 100 and not any(mark in name for mark in '"“”'):
        return name, said
    return "", rest


@dataclass
class _Pending:
    """A message being read: its first line and the lines that continue it."""

    when: datetime | None
    raw_time: str
    sender: str
    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, line: str) -> None:
        if self.size <= MAX_MESSAGE_CHARS:
            line = line[: MAX_MESSAGE_CHARS + 1].lstrip(_MARKS)
            self.parts.append(line)
            self.size += len(line) + 1

    def done(self) -> Message:
        text = clean_text("\n".join(self.parts).strip(), MAX_MESSAGE_CHARS)
        files: list[str] = []
        if "attached" in text:  # the patterns are only tried where they can match
            files += [m["name"] for m in _ATTACHED.finditer(text)]
            files += [m["name"] for m in _FILE_ATTACHED.finditer(text)]
        return Message(
            when=self.when,
            raw_time=self.raw_time,  # digits and separators only, from the pattern
            sender=_clean_sender(self.sender),
            text=text,
            files=tuple(clean_line(name, 255) for name in files),
            omitted="omitted" in text and _OMITTED.search(text) is not None,
        )


@functools.lru_cache(maxsize=1024)
def _clean_sender(name: str) -> str:
    """A chat has a few senders and many messages: each name is cleaned once."""
    return clean_line(name, 100)


def messages(text: str, order: str) -> Iterator[Message]:
    """Every message in the file, in order, read with the day/month order given."""
    day_first = not order.startswith(MONTH_FIRST)
    pending: _Pending | None = None
    for line in lines(text):
        match = _head(line)
        if match is None:
            if pending is not None:
                pending.add(line)
            elif line.strip(_MARKS + " \t"):  # text before the first message is kept
                pending = _Pending(None, "", "")
                pending.add(line)
            continue
        if pending is not None:
            yield pending.done()
        raw_time = f"{match['date']}, {match['time']}"
        if match["ampm"]:
            raw_time += f" {match['ampm']}"
        sender, said = _split(match["rest"])
        pending = _Pending(_when(match, day_first), raw_time, sender)
        pending.add(said)
    if pending is not None:
        yield pending.done()
