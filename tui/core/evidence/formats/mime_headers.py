"""The headers of a MIME file (an email, a saved web page), read from bounded text.

The standard library is slowest at headers: its modern policy parses a header fully when
it is asked for, in time that grows with the square of its length (or worse), and a
million tiny headers take seconds to file. So every header block (the message's and each
part's) is cut to `MAX_HEADERS` fields of `MAX_HEADER_CHARS` before the parser files it
(`bounded_headers`), and the few headers shown are decoded here (`=?utf-8?…?=` words,
dates) from bounded text."""

from __future__ import annotations

import re
from datetime import datetime
from email.header import decode_header
from email.message import Message
from email.utils import parsedate_to_datetime

from tui.core.evidence.formats.base import clean_line, local_time
from tui.core.evidence.formats.encodings import codec_for, guessed_codec

#: Header fields kept from one header block (the message's or a part's); real ones have
#: tens. Those past it are dropped before the parser files them.
MAX_HEADERS = 1000
#: Characters kept of one header field, its folded lines joined; the rest is cut off and
#: the cut marked with `HEADER_CUT`.
MAX_HEADER_CHARS = 8192
HEADER_CUT = " [...]"
#: Characters of a header read for an address or a date (no real one is longer).
ADDRESS_CHARS = 1000
_DATE_CHARS = 200
_NAME_CHARS = 1000

_HEADER_NAME = re.compile(rb"[!-9;-~]+:")


def header_block(head: bytes) -> dict[str, str] | None:
    """The headers a MIME file starts with (lower-case names, first of each, folded lines
    joined), or None when it doesn't start with headers."""
    ends = [at for at in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if at >= 0]
    lines = head[: min(ends)].splitlines() if ends else head.splitlines()
    if not ends and lines and not _HEADER_NAME.match(lines[-1]):
        lines.pop()  # cut off, and not a header line (one longer than `head` is kept)
    if lines and lines[0].startswith(b"From "):  # an mbox "From sender date" line
        lines = lines[1:]
    headers: dict[str, str] = {}
    last = ""
    for line in lines:
        if line[:1] in (b" ", b"\t") and last:
            headers[last] += " " + line.strip().decode("latin-1")
            continue
        name = _HEADER_NAME.match(line)
        if not name:
            return None
        last = name.group()[:-1].decode("ascii").lower()
        if last in headers:
            last = "\x00"  # a repeated header: keep the first, skip its folded lines
        headers.setdefault(last, line[name.end() :].strip().decode("latin-1"))
    headers.pop("\x00", None)
    return headers or None


_LINE_END = re.compile(rb"\r\n|\r|\n")


def mended(data: bytes, limit: int = 65536) -> bytes:
    """A MIME file whose first header block holds a line that is neither a header nor
    a fold (a browser's badly folded title), with that line folded into the header
    before it, so the parser reads the block to its end; other files as they are. Only
    the first `limit` bytes are looked at."""
    head = data[:limit]
    end = min((at for at in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if at >= 0), default=-1)
    if end < 0:
        return data
    block = head[:end]
    lines = _LINE_END.split(block)
    if not lines or not _HEADER_NAME.match(lines[0]):
        return data
    fixed = [
        line if _HEADER_NAME.match(line) or line[:1] in (b" ", b"\t") else b" " + line
        for line in lines
    ]
    if fixed == lines:
        return data
    eol = b"\r\n" if b"\r\n" in block else b"\n"
    return eol.join(fixed) + data[end:]


#: A byte the parser could not read as ASCII, which it keeps as a lone surrogate.
_RAW_BYTE = re.compile("[\udc80-\udcff]")
#: The detector's guesses trusted for a header's few bytes: the East Asian encodings,
#: whose byte pairs few other texts form. Between the single-byte encodings it can't
#: choose from so little (`Café mañana` comes out as Central European `mańana`).
_MULTIBYTE = frozenset({"cp932", "euc_jp", "gb18030", "big5", "cp949"})
_HIGH = re.compile(rb"[\x80-\xff]+")


def unraw(text: str) -> str:
    """A header (or a part of one) written in raw 8-bit bytes, which mail should not
    hold but often does, decoded rather than printed as "�": as UTF-8, else as the East
    Asian encoding `charset-normalizer` finds, else as Windows-1252 (Latin-1 for the
    few bytes it lacks). `emails` may then read a Latin-1 reading again in the
    encoding the message names for its text (`encodings.mended_header`)."""
    if not _RAW_BYTE.search(text):
        return text
    data = text.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    runs = [len(run) for run in _HIGH.findall(data)]
    # East Asian letters are pairs of high bytes; accented Latin ones stand alone
    # (`fotó_mañana` would read as Big5, `ó_` and `ña` being pairs in it).
    paired = sum(n for n in runs if n > 1) * 2 >= sum(runs)
    guess = guessed_codec(data[:_NAME_CHARS]) if paired else None
    for codec in (*((guess,) if guess in _MULTIBYTE else ()), "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def safe(text: str) -> str:
    """Text fit to print: bytes the parser could not decode become U+FFFD (`clean_line`
    and `clean_text` then remove control codes and direction overrides)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def line(text: object) -> str:
    return clean_line(safe(str(text)))


def bounded_headers(lines: list[str]) -> list[str]:
    """The lines of one header block, cut to `MAX_HEADERS` fields of `MAX_HEADER_CHARS`
    each (the start kept, the cut marked); the parser files only these."""
    kept: list[str] = []
    fields = size = 0
    for text in lines:
        if text[:1] not in (" ", "\t"):  # a new field (or the mbox "From " line)
            fields += 1
            if fields > MAX_HEADERS:
                break
            size = 0
            if text.find(":", 0, _NAME_CHARS) < 0 and not text.startswith("From "):
                size = MAX_HEADER_CHARS + 1  # a name longer than any real one: dropped
                continue
        elif size > MAX_HEADER_CHARS:  # a folded line of a field already cut
            continue
        size += len(text)
        if size > MAX_HEADER_CHARS:
            ending = text[len(text.rstrip("\r\n")) :]
            text = text[: len(text) - (size - MAX_HEADER_CHARS)].rstrip("\r\n")
            text += HEADER_CUT + ending
        kept.append(text)
    return kept


# An encoded word (RFC 2047: no spaces or question marks inside), and a run of them with
# only white space between (which is dropped when they are joined).
_WORD = r"=\?[!->@-~]{1,80}\?[BbQq]\?[!->@-~]*\?="
_WORDS = re.compile(rf"{_WORD}(?:\s+{_WORD})*")


def decode_words(text: str) -> str:
    """Text with its `=?charset?B|Q?…?=` words decoded; a word that can't be decoded is
    kept as written."""
    return _WORDS.sub(_decode_run, text) if "=?" in text else text


def _decode_run(run: re.Match[str]) -> str:
    try:
        pieces = decode_header(run.group())
    except Exception:  # bad base64, …
        return run.group()
    words = []
    for piece, charset in pieces:
        data = piece if isinstance(piece, bytes) else piece.encode("ascii", "replace")
        # Only a real encoding: a word may name any codec (`punycode` takes minutes).
        codec = (codec_for(charset) or "utf-8") if charset else "ascii"
        words.append(data.decode(codec, "replace"))
    return "".join(words)


def first_header(message: Message, name: str) -> str | None:
    """A header's first value as written (folded lines kept), or None when absent."""
    wanted = name.lower()
    return next((str(value) for key, value in message.raw_items() if key.lower() == wanted), None)


def header(message: Message, name: str) -> str:
    """A header decoded (raw 8-bit bytes, then `=?utf-8?…?=` words), on one clean line;
    '' when absent."""
    value = first_header(message, name)
    return line(decode_words(unraw(value))) if value is not None else ""


def raw_header(message: Message, name: str) -> str:
    """A header exactly as written (a date keeps its own zone and wording)."""
    value = first_header(message, name)
    return line(unraw(value)) if value is not None else ""


def _date(message: Message) -> datetime | None:
    value = first_header(message, "Date")
    if value is None:
        return None
    try:
        return parsedate_to_datetime(" ".join(value[:_DATE_CHARS].split()))
    except Exception:  # not a date (ValueError), or one past what datetime holds
        return None


def header_time(message: Message) -> str | None:
    """The Date on the local clock (a saved page's: when this computer saved it)."""
    return local_time(_date(message))


def sent_time(message: Message) -> tuple[str | None, str]:
    """An email's Date on the sender's own clock, as written (`2016-08-22T16:56:09`),
    and that clock's offset from UTC (`UTC+03:00`; '' when the Date names none): a
    mail's time is not moved to the clock of the computer it is added on."""
    moment = _date(message)
    if moment is None:
        return None, ""
    offset = moment.utcoffset()
    clock_name = ""
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        clock_name = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return moment.replace(tzinfo=None).isoformat(timespec="seconds"), clock_name
