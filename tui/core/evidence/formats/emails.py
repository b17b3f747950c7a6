"""Emails saved as `.eml` (RFC 5322 with MIME parts), read with the standard library.

An email shows who wrote what and when: the binder prints its headers, its words and a
SHA-256 of each attachment (attachments are listed, never opened). A crafted email can
nest parts without end or make bodies huge, so every walk over it is bounded, and any
failure to parse it becomes one plain sentence. Saved web pages (MHTML) are MIME too:
`web` reuses the reading helpers here.

Headers are where the standard library is slowest: its modern policy parses a header
fully when it is asked for, in time that grows with the square of its length (or worse),
and a million tiny headers take seconds to file. So every header block (the message's
and each part's) is cut to `MAX_HEADERS` fields of `MAX_HEADER_CHARS` before the parser
files it, the message is read with the plain `compat32` policy, and the few headers shown
are decoded here (`=?utf-8?…?=` words, the sender's address) from bounded text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from email import policy
from email.feedparser import FeedParser
from email.header import decode_header
from email.message import Message
from email.policy import Compat32
from email.utils import getaddresses, parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    MAX_INFLATED_BYTES,
    MAX_PRINTED_CHARS,
    Block,
    Facts,
    Fields,
    Format,
    Heading,
    Notice,
    Probe,
    Table,
    Text,
    Unreadable,
    clean_line,
    clean_text,
    local_time,
)
from tui.core.evidence.formats.html_text import decode_html, to_text, visible_text

#: Parts walked, and how deep: real emails have a handful; a crafted one, thousands.
MAX_PARTS = 500
MAX_DEPTH = 32
#: Boundary lines parsed at most (a saved page may hold a few thousand resources); the
#: parser takes about a second for each few thousand parts.
MAX_BOUNDARIES = 5000
#: A part larger than this (encoded) is listed but not decoded.
MAX_PART_BYTES = MAX_INFLATED_BYTES
#: Bytes of a text part decoded for the binder (its characters are bounded anyway).
_TEXT_BYTES = MAX_PRINTED_CHARS * 4
#: Header fields kept from one header block (the message's or a part's); real ones have
#: tens. Those past it are dropped before the parser files them.
MAX_HEADERS = 1000
#: Characters kept of one header field, its folded lines joined; the rest is cut off and
#: the cut marked with `HEADER_CUT`.
MAX_HEADER_CHARS = 8192
HEADER_CUT = " [...]"
#: Characters of a header read for an address or a date (no real one is longer).
_ADDRESS_CHARS = 1000
_DATE_CHARS = 200
_NAME_CHARS = 1000

DAMAGED = "This email can't be read: it may be damaged."
TOO_MANY_PARTS = "This file has too many parts to read here."
TOO_LARGE = "This file is too large to read here."

_HEADER_NAME = re.compile(rb"[!-9;-~]+:")
# The parser ends a line at CR, LF or CRLF: counting must too. A boundary line is "--",
# then the boundary, which may start with (but never is only) white space. (Each pattern
# starts with a plain character, which the regex engine finds quickly, and then looks
# back for the line's start.)
_CONTAINER = re.compile(
    rb"[Cc](?<![^\r\n][Cc])(?i:ontent-type:)[ \t]*(?:(?:\r\n|\r|\n)[ \t]+)*"
    rb"(?i:multipart|message)/"
)
_BOUNDARY = re.compile(rb"-(?<![^\r\n]-)-[\t\x0b\x0c\x1c-\x1f ]*[^\s\x1c-\x1f]")
#: Headers that make a block of "Name: value" lines a message, not just any text.
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "date", "subject", "message-id", "received", "return-path"}
    | {"mime-version", "delivered-to", "reply-to", "in-reply-to", "references"}
)


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


def safe(text: str) -> str:
    """Text fit to print: bytes the parser could not decode become U+FFFD (`clean_line`
    and `clean_text` then remove control codes and direction overrides)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def line(text: object) -> str:
    return clean_line(safe(str(text)))


def read_whole(probe: Probe) -> bytes:
    """The whole file, when it is small enough to parse in memory."""
    if probe.size > MAX_INFLATED_BYTES:
        raise Unreadable(TOO_LARGE)
    probe.handle.seek(0)
    return probe.handle.read(MAX_INFLATED_BYTES + 1)


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


# What `_Lines` looks for. Line ends are those of the parser: CRLF, CR or LF.
_EOL = re.compile(r"\r\n|\r|\n")
_HEADER_LINE = re.compile(r"From |[!-9;-~]*:|[\t ]")  # the parser's own test
#: A line that may be a boundary: "--" and something not white space (a boundary is
#: stripped at its end, so it always holds such a character).
_MAYBE_BOUNDARY = re.compile(r"--[^\S\r\n]*\S")
_BODY_END = re.compile(r"(\r\n|\r(?!\n)|\n)(?=--[^\S\r\n]*\S)")
_FOLDS_END = re.compile(r"(\r\n|\r(?!\n)|\n)(?![ \t])")
_FIELDS_END = re.compile(r"(\r\n|\r(?!\n)|\n)(?!(?!--[^\S\r\n]*\S)(?:From |[!-9;-~]*:|[\t ]))")


class _Lines:
    """The parser's input (in place of its `BufferedSubFile`), handing it many lines at
    once where that can't change what it reads: the parser takes a microsecond or so for
    each line, and ten megabytes of empty lines would take many seconds.

    In a body, lines up to the next one that may be a boundary come as one; in a header
    block, folded lines come as one, and past `MAX_HEADERS` fields, the rest of the block
    (which `bounded_headers` drops). A line that may be a boundary (`_MAYBE_BOUNDARY`),
    which the parser compares with its boundaries and its "false end of file" tests,
    always comes alone, and after it the headers of a part may follow. The parser says
    when a header block has ended (`_Parser._parse_headers`); a line that isn't a header
    ends one too. A `message/delivery-status` part (header blocks split by empty lines,
    which the parser tests one by one) turns joining bodies off."""

    def __init__(self) -> None:
        self.text = ""
        self.at = 0
        self.back: list[str] = []
        self.eofstack: list[Callable[[str], object]] = []
        self.closed = False
        self.body = False
        self.bodies = True
        self.fields = 0

    def push(self, data: str) -> None:
        self.text += data

    def close(self) -> None:
        self.closed = True

    def push_eof_matcher(self, test: Callable[[str], object]) -> None:
        self.eofstack.append(test)

    def pop_eof_matcher(self) -> Callable[[str], object]:
        return self.eofstack.pop()

    def unreadline(self, line: str) -> None:
        self.back.append(line)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if line == "":
            raise StopIteration
        return line

    def readline(self) -> str:
        if self.back:
            line = self.back.pop()
        elif self.at < len(self.text) and self.closed:
            line = self._next()
        else:
            return ""  # `_Parser` feeds everything before it lets the parser read
        for at_end in reversed(self.eofstack):
            if at_end(line):
                self.back.append(line)
                return ""
        if _MAYBE_BOUNDARY.match(line):
            self.body, self.fields = False, 0
        elif not self.body:
            if not _HEADER_LINE.match(line):  # no header block goes on past this line
                self.body, self.fields = self.bodies, 0
            elif line[:1] not in (" ", "\t"):
                self.fields += 1
        return line

    def _next(self) -> str:
        text, at = self.text, self.at
        end: re.Match[str] | None
        if _MAYBE_BOUNDARY.match(text, at):
            end = _EOL.search(text, at)
            stop = end.end() if end else len(text)
        else:
            if self.body:
                end = _BODY_END.search(text, at)
            elif text.startswith((" ", "\t"), at):
                end = _FOLDS_END.search(text, at)
            elif self.fields > MAX_HEADERS + 10 and _HEADER_LINE.match(text, at):
                end = _FIELDS_END.search(text, at)  # all dropped: make it quick
            else:
                end = _EOL.search(text, at)
            stop = end.end(end.lastindex or 0) if end else len(text)
        self.at = stop
        return text[at:stop]


if TYPE_CHECKING:
    _FeedParser = FeedParser[Message]
else:
    _FeedParser = FeedParser  # not subscriptable at run time


class _Parser(_FeedParser):
    """The standard parser, reading through `_Lines`, with each header block bounded
    before it is filed."""

    _cur: Message

    def __init__(self) -> None:
        super().__init__(policy=policy.compat32)
        self._input = _Lines()

    def load(self, data: bytes) -> None:
        """Take the whole message (as `BytesFeedParser` would); `close` then reads it."""
        self._input.push(data.decode("ascii", "surrogateescape"))

    def _parse_headers(self, lines: list[str]) -> None:
        super()._parse_headers(bounded_headers(lines))  # type: ignore[misc]
        if self._cur.get_content_type() == "message/delivery-status":
            self._input.bodies = False
        # A message/rfc822 part's body starts with the headers of the message inside.
        self._input.body = self._input.bodies and self._cur.get_content_maintype() != "message"
        self._input.fields = 0


def parse(data: bytes, damaged: str = DAMAGED) -> Message:
    """A MIME message, refusing one with too many parts before the parser (which recurses
    for each level) ever sees it."""
    if len(data) > MAX_INFLATED_BYTES:
        raise Unreadable(TOO_LARGE)
    if _more_than(_CONTAINER, data, MAX_PARTS) or _more_than(_BOUNDARY, data, MAX_BOUNDARIES):
        raise Unreadable(TOO_MANY_PARTS)
    try:
        parser = _Parser()
        parser.load(data)
        return parser.close()
    except Exception as error:  # RecursionError, or a parser bug a crafted file finds
        raise Unreadable(damaged) from error


def _more_than(pattern: re.Pattern[bytes], data: bytes, limit: int) -> bool:
    return any(count >= limit for count, _ in enumerate(pattern.finditer(data)))


def leaves(message: Message) -> tuple[list[Message], bool]:
    """The message's leaf parts in order, and whether the walk stopped at a bound."""
    found: list[Message] = []
    stack: list[tuple[Message, int]] = [(message, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            return found, True
        children = part.get_payload()
        if part.get_content_maintype() == "multipart" and isinstance(children, list):
            if depth >= MAX_DEPTH:
                return found, True
            inner = [child for child in children[:MAX_PARTS] if isinstance(child, Message)]
            stack.extend((child, depth + 1) for child in reversed(inner))
        else:
            found.append(part)
    return found, False


class _AsWritten(Compat32):
    """Headers written back as they were read (folded lines and all). The standard way
    refolds a long header through `email.header.Header`, which takes minutes for the
    headers of one crafted message."""

    def fold(self, name: str, value: Any) -> str:
        return f"{name}: {value}{self.linesep}"

    def fold_binary(self, name: str, value: Any) -> bytes:
        return self.fold(name, value).encode("ascii", "surrogateescape")


_AS_WRITTEN = _AsWritten()


def payload(part: Message) -> bytes | None:
    """A leaf part's content, decoded; None when it is too large or can't be decoded."""
    try:
        raw = part.get_payload()
        if isinstance(raw, list):  # an attached message/rfc822, written back as read
            inner = (m.as_bytes(policy=_AS_WRITTEN) for m in raw if isinstance(m, Message))
            return b"".join(inner)
        if len(raw) > MAX_PART_BYTES:
            return None
        data = part.get_payload(decode=True)
    except Exception:
        return None
    return data if isinstance(data, bytes) else None


def part_text(part: Message) -> str:
    """A text part as text: a plain one as it is, an HTML one as its visible words."""
    data = payload(part) or b""
    cut = len(data) > _TEXT_BYTES
    charset = part.get_content_charset()
    if part.get_content_type() == "text/html":
        return visible_text(decode_html(data[:_TEXT_BYTES], charset, cut=cut))[1]
    return clean_text(safe(to_text(data[:_TEXT_BYTES], charset, cut=cut)))


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
        try:
            words.append(data.decode(charset or "ascii", "replace"))
        except LookupError:  # a charset Python doesn't know, or not a text codec
            words.append(data.decode("utf-8", "replace"))
    return "".join(words)


def _first(message: Message, name: str) -> str | None:
    """A header's first value as written (folded lines kept), or None when absent."""
    wanted = name.lower()
    return next((str(value) for key, value in message.raw_items() if key.lower() == wanted), None)


def header(message: Message, name: str) -> str:
    """A header decoded (`=?utf-8?…?=` words), on one clean line; '' when absent."""
    value = _first(message, name)
    return line(decode_words(value)) if value is not None else ""


def raw_header(message: Message, name: str) -> str:
    """A header exactly as written (a date keeps its own zone and wording)."""
    value = _first(message, name)
    return line(value) if value is not None else ""


def header_time(message: Message) -> str | None:
    value = _first(message, "Date")
    if value is None:
        return None
    try:
        moment = parsedate_to_datetime(" ".join(value[:_DATE_CHARS].split()))
    except Exception:  # not a date (ValueError), or one past what datetime holds
        return None
    return local_time(moment)


def _filename(part: Message) -> str:
    try:
        return line(decode_words(part.get_filename() or ""))
    except Exception:
        return ""


def _attached(part: Message) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:
        return False


def _size(count: int) -> str:
    """2048 -> '2.0 KB'."""
    if count < 1024:
        return f"{count} B"
    amount, unit = count / 1024, "KB"
    for bigger in ("MB", "GB"):
        if amount >= 1024:
            amount, unit = amount / 1024, bigger
    return f"{amount:.1f} {unit}"


#: Headers printed, as (header, key in `Facts.shown`).
_FIELDS = (
    ("From", "from"),
    ("To", "to"),
    ("Cc", "cc"),
    ("Date", "date"),
    ("Subject", "subject"),
    ("Message-ID", "message_id"),
)


class Email(Format):
    kind = "email"
    family = "email"
    media_type = "message/rfc822"
    extensions = (".eml",)

    def recognise(self, probe: Probe) -> int:
        headers = header_block(probe.head)
        if not headers:
            return 0
        if "snapshot-content-location" in headers or "saved by" in headers.get("from", "").lower():
            return 1  # a saved web page (MHTML): `web` knows it better
        known = len(_MAIL_HEADERS & headers.keys())
        if ("from" in headers or "received" in headers) and known >= 3:
            return 2
        return int(known >= 1 and probe.extension in self.extensions)

    def describe(self, probe: Probe) -> Facts:
        message = parse(read_whole(probe))
        shown, _body, attachments, cut = self._read(message, with_body=False)
        facts = Facts(kind=self.kind, media_type=self.media_type, shown=shown)
        facts.guess("posted_at", header_time(message), "email")
        facts.guess("poster", self._poster(message), "email")
        facts.shown["attachments"] = attachments
        if cut:
            facts.problem = f"Only the first {MAX_PARTS} parts of this email were read."
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        if not header_block(data[:HEAD_BYTES]):
            raise Unreadable(DAMAGED)
        shown, body, attachments, cut = self._read(parse(data), with_body=True)
        rows = [(label, shown[key]) for label, key in _FIELDS if shown.get(key)]
        blocks: list[Block] = [Fields(rows)] if rows else []
        blocks.append(Text(body) if body else Notice("This email has no written text."))
        if attachments:
            blocks.append(Heading("Attachments"))
            table = [
                (a["name"], a["type"], _size(a["size"]) if a["sha256"] else "?", a["sha256"])
                for a in attachments
            ]
            blocks.append(
                Table(("Name", "Type", "Size", "SHA-256"), table, (0.3, 0.15, 0.1, 0.45))
            )
        if cut:
            blocks.append(Notice(f"Only the first {MAX_PARTS} parts of this email are shown."))
        return blocks

    @staticmethod
    def _read(
        message: Message, with_body: bool
    ) -> tuple[dict[str, Any], str, list[dict[str, Any]], bool]:
        """Headers, body text, attachments and whether the walk was cut short."""
        shown: dict[str, Any] = {}
        for name, key in _FIELDS:
            value = raw_header(message, name) if key == "date" else header(message, name)
            if value:
                shown[key] = value
        parts, cut = leaves(message)
        texts: list[str] = []
        html: Message | None = None
        attachments: list[dict[str, Any]] = []
        for part in parts:
            kind, filename = part.get_content_type(), _filename(part)
            if kind in ("text/plain", "text/html") and not filename and not _attached(part):
                if kind == "text/html":
                    html = html or part
                elif with_body:
                    texts.append(part_text(part))
                continue
            data = payload(part)
            attachments.append(
                {
                    "name": filename or "(no name)",
                    "type": line(kind),
                    "size": len(data) if data is not None else 0,
                    "sha256": hashlib.sha256(data).hexdigest() if data is not None else "",
                }
            )
        if not any(texts) and html is not None and with_body:
            texts = [part_text(html)]
        body = clean_text("\n\n".join(text.strip() for text in texts if text.strip()))
        return shown, body, attachments, cut

    @staticmethod
    def _poster(message: Message) -> str | None:
        """The sender as `Name <address>` (or the address alone)."""
        value = _first(message, "From")
        if not value:
            return None
        try:  # the name is decoded after parsing: a decoded comma must not split it
            found = getaddresses([" ".join(value[:_ADDRESS_CHARS].split())])
            name, address = line(decode_words(found[0][0])), line(found[0][1])
        except Exception:  # RecursionError on nested comments, …
            return None
        return f"{name} <{address}>" if name and address else (address or name or None)


HANDLERS: list[Format] = [Email()]
