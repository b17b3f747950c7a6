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
from datetime import datetime
from email import policy
from email.feedparser import BytesFeedParser
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

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

DAMAGED = "This email can't be read: it may be damaged."
TOO_MANY_PARTS = "This file has too many parts to read here."
TOO_LARGE = "This file is too large to read here."

_HEADER_NAME = re.compile(rb"[!-9;-~]+:")
_CONTAINER = re.compile(rb"(?im)^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/")
_BOUNDARY = re.compile(rb"(?m)^--\S")
#: Headers that make a block of "Name: value" lines a message, not just any text.
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "date", "subject", "message-id", "received", "return-path"}
    | {"mime-version", "delivered-to", "reply-to", "in-reply-to", "references"}
)


def header_block(head: bytes) -> dict[str, str] | None:
    """The headers a MIME file starts with (lower-case names, first of each, folded lines
    joined), or None when it doesn't start with headers."""
    ends = [at for at in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if at >= 0]
    lines = head[: min(ends)].splitlines() if ends else head.splitlines()[:-1]
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
        elif size > MAX_HEADER_CHARS:  # a folded line of a field already cut
            continue
        size += len(text)
        if size > MAX_HEADER_CHARS:
            ending = text[len(text.rstrip("\r\n")) :]
            text = text[: max(0, len(text) - (size - MAX_HEADER_CHARS))].rstrip("\r\n")
            text += HEADER_CUT + (ending or "\n")
        kept.append(text)
    return kept


class _Parser(BytesFeedParser):
    """The standard parser, with each header block bounded before it is filed."""

    def _parse_headers(self, lines: list[str]) -> None:
        super()._parse_headers(bounded_headers(lines))  # type: ignore[misc]


def parse(data: bytes, damaged: str = DAMAGED) -> Message:
    """A MIME message, refusing one with too many parts before the parser (which recurses
    for each level) ever sees it."""
    if len(data) > MAX_INFLATED_BYTES:
        raise Unreadable(TOO_LARGE)
    if _more_than(_CONTAINER, data, MAX_PARTS) or _more_than(_BOUNDARY, data, MAX_BOUNDARIES):
        raise Unreadable(TOO_MANY_PARTS)
    try:
        parser = _Parser(policy=policy.compat32)
        parser.feed(data)
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


def payload(part: Message) -> bytes | None:
    """A leaf part's content, decoded; None when it is too large or can't be decoded."""
    try:
        raw = part.get_payload()
        if isinstance(raw, list):  # an attached message/rfc822
            return b"".join(inner.as_bytes() for inner in raw if isinstance(inner, Message))
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


def local_time(moment: datetime | None) -> str | None:
    """A time as the person's local clock shows it; a time without a zone as written."""
    if moment is None:
        return None
    try:
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
        return moment.isoformat(timespec="seconds")
    except (OverflowError, ValueError, OSError):
        return None


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
