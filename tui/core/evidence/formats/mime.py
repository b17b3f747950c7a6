"""MIME messages (emails, saved web pages) walked safely: parsed with the standard
library's parser behind bounds a crafted file can't get past (parts, depth, boundaries,
bytes), and each leaf part's content decoded on request. Any failure to parse becomes one
plain sentence. The message is read with the plain `compat32` policy; its headers are
bounded as they are filed (see `mime_headers`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from email.feedparser import FeedParser
from email.message import Message
from email.policy import Compat32
from typing import TYPE_CHECKING, Any

from tui.core.evidence.formats import mime_headers
from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    MAX_PRINTED_CHARS,
    Probe,
    Unreadable,
    clean_text,
)
from tui.core.evidence.formats.encodings import better_reading, codec_for, decoded
from tui.core.evidence.formats.html_text import decode_html, to_text, visible_text
from tui.core.evidence.formats.mime_headers import bounded_headers, safe, unraw
from tui.core.shared.i18n import N_, _

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

DAMAGED = N_("This email can't be read: it may be damaged.")
TOO_MANY_PARTS = N_("This file has too many parts to read here.")
TOO_LARGE = N_("This file is too large to read here.")

# The parser ends a line at CR, LF or CRLF: counting must too. A boundary line is "--",
# then the boundary, which may start with (but never is only) white space. (Each pattern
# starts with a plain character, which the regex engine finds quickly, and then looks
# back for the line's start.)
_CONTAINER = re.compile(
    rb"[Cc](?<![^\r\n][Cc])(?i:ontent-type:)[ \t]*(?:(?:\r\n|\r|\n)[ \t]+)*"
    rb"(?i:multipart|message)/"
)
_BOUNDARY = re.compile(rb"-(?<![^\r\n]-)-[\t\x0b\x0c\x1c-\x1f ]*[^\s\x1c-\x1f]")


def read_whole(probe: Probe) -> bytes:
    """The whole file, when it is small enough to parse in memory."""
    if probe.size > MAX_INFLATED_BYTES:
        raise Unreadable(_(TOO_LARGE))
    probe.handle.seek(0)
    return probe.handle.read(MAX_INFLATED_BYTES + 1)


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
            elif self.fields > mime_headers.MAX_HEADERS + 10 and _HEADER_LINE.match(text, at):
                end = _FIELDS_END.search(text, at)  # all dropped: make it quick
            else:
                end = _EOL.search(text, at)
            stop = end.end(end.lastindex or 0) if end else len(text)
        self.at = stop
        return text[at:stop]


class _RawHeaders(Compat32):
    """The plain policy, but a header (and so a parameter, such as an attachment's
    `filename=`) is handed back with its raw 8-bit bytes kept (as the parser keeps
    them), for `mime_headers.unraw` to decode: the standard one turns each into "�"."""

    def header_fetch_parse(self, name: str, value: str) -> str:
        return value


_RAW_HEADERS = _RawHeaders()


if TYPE_CHECKING:
    _FeedParser = FeedParser[Message]
else:
    _FeedParser = FeedParser  # not subscriptable at run time


class _Parser(_FeedParser):
    """The standard parser, reading through `_Lines`, with each header block bounded
    before it is filed."""

    _cur: Message

    def __init__(self) -> None:
        super().__init__(policy=_RAW_HEADERS)
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
        raise Unreadable(_(TOO_LARGE))
    if _more_than(_CONTAINER, data, MAX_PARTS) or _more_than(_BOUNDARY, data, MAX_BOUNDARIES):
        raise Unreadable(_(TOO_MANY_PARTS))
    try:
        parser = _Parser()
        parser.load(data)
        return parser.close()
    except Exception as error:  # RecursionError, or a parser bug a crafted file finds
        raise Unreadable(_(damaged)) from error


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
        # `get_payload()` (not decoding) would decode an 8-bit leaf in the charset its
        # header names, whatever codec that is: only a container's list is taken.
        children = part.get_payload() if part.is_multipart() else None
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
        if part.is_multipart():  # an attached message/rfc822, written back as read
            raw = part.get_payload()
            inner = (m.as_bytes(policy=_AS_WRITTEN) for m in raw if isinstance(m, Message))
            return b"".join(inner)
        # Never `get_payload()` without decoding: it decodes an 8-bit part in whatever
        # codec its header names (`charset=punycode` takes minutes).
        data = part.get_payload(decode=True)
    except Exception:
        return None
    return data if isinstance(data, bytes) and len(data) <= MAX_PART_BYTES else None


def part_text(part: Message, guess: bool = True) -> str:
    """A text part as text: a plain one as it is, an HTML one as its visible words; read
    in a better encoding when its declared one is wrong (`guess`: with the detector too)."""
    return part_reading(part, guess)[0]


def part_reading(part: Message, guess: bool = True) -> tuple[str, bool]:
    """`part_text`, and whether it was read otherwise than its declared charset says."""
    data = payload(part) or b""
    cut = len(data) > _TEXT_BYTES
    charset, data = content_charset(part), data[:_TEXT_BYTES]
    if part.get_content_type() == "text/html":
        html, other = better_reading(data, charset, decode_html(data, charset, cut=cut), guess)
        return visible_text(html)[1], other
    text, other = better_reading(data, charset, to_text(data, charset, cut=cut), guess)
    return clean_text(safe(text)), other


def content_charset(part: Message) -> str | None:
    """The charset a part names, when it is a real web or mail encoding (see
    `encodings`), else None. The standard `get_content_charset` would decode an RFC 2231
    value (`charset*=punycode''…`) in the codec it names."""
    try:
        value = part.get_param("charset")
    except Exception:
        return None
    if isinstance(value, tuple):
        value = value[2]
    return value.strip() if isinstance(value, str) and codec_for(value) else None


def filename(part: Message) -> str:
    """The name a part gives its file (`filename`, else `name`), '' when none; an RFC 2231
    value is decoded only in an allowed encoding (the standard `get_filename` would use
    any codec it names, `punycode` included), a name in raw 8-bit bytes as `unraw` reads
    it (its `=?…?=` words are left for the caller)."""
    try:
        value = part.get_param("filename", None, "content-disposition")
        if value is None:
            value = part.get_param("name", None)
        if isinstance(value, tuple):
            charset, _language, text = value
            data = text.encode("latin-1", "surrogateescape")  # as `decode_params` read it
            try:
                return decoded(data, charset or "us-ascii", "strict").strip()
            except UnicodeDecodeError:  # not in the encoding it names: read as raw bytes
                return unraw(data.decode("ascii", "surrogateescape")).strip()
    except Exception:  # a crafted parameter the standard library can't take
        return ""
    return unraw(value).strip() if isinstance(value, str) else ""
