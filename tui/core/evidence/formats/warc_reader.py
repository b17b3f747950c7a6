"""Reading a WARC safely: gunzipped member by member, inflated no further than a budget,
no line longer than a real one, each record's headers bounded, and warcio's own readers
given only what they can take in reasonable time. `scan` finds the first page (or the
one wanted) and counts the records; a damaged or endless archive gives a plain sentence.

Archives can be crafted to inflate without end, so every read here is bounded: records,
inflated bytes, line lengths, header lines and gzip members."""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.statusandheaders import (
    StatusAndHeaders,
    StatusAndHeadersParser,
    StatusAndHeadersParserException,
)

from tui.core.evidence.formats.base import MAX_INFLATED_BYTES, Unreadable
from tui.core.evidence.formats.mime_headers import line
from tui.core.evidence.formats.saved_pages import MAX_HTML_BYTES, SavedPage, capture_time
from tui.core.evidence.formats.warc_bodies import Refused, brotli_body
from tui.core.shared.i18n import N_, _, ngettext

#: Records of a WARC looked at; a capture of one page holds tens.
MAX_RECORDS = 10_000
#: warcio joins a long line piece by piece (quadratic): a crafted endless line would take
#: many minutes.
MAX_LINE = 32 * 1024 * 1024
#: gzip members of a `.warc.gz` read (one a record, as a rule).
MAX_GZIP_MEMBERS = 2 * MAX_RECORDS
_GZIP_CHUNK = 1 << 16
#: Header lines of one record (its WARC headers, or its HTTP headers) and their bytes; a
#: real record has tens of lines. warcio would read millions, one by one.
MAX_HEADER_LINES = 1000
MAX_HEADER_BYTES = 1024 * 1024
#: Lines warcio reads in all (headers, and the blank lines between records) while one
#: archive is scanned: `MAX_RECORDS` real records take a few hundred thousand.
MAX_LINES_READ = 600_000

DAMAGED_ARCHIVE = N_("This web archive can't be read: it may be damaged or cut short.")
TOO_BIG = N_("Only the first part of this archive could be read: it is very large.")
GZIP = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


class Exhausted(Exception):
    """The archive inflates past what may be read."""


@dataclass
class Budget:
    """What is left to spend on one archive's records (a WACZ's WARCs share one)."""

    lines: int = field(default_factory=lambda: MAX_LINES_READ)
    members: int = field(default_factory=lambda: MAX_GZIP_MEMBERS)


class Gunzip:
    """The gzip members of a file, one after another, no more than `MAX_GZIP_MEMBERS`.
    (`gzip.GzipFile` spends some microseconds on each member, and a crafted file holds
    hundreds of thousands of empty ones.) Like it, it skips zeros between members, and
    raises EOFError for a member cut short and OSError for what is not gzip."""

    def __init__(self, handle: BinaryIO, budget: Budget) -> None:
        self.handle = handle
        self.inflater = zlib.decompressobj(31)
        self.input = b""
        self.budget = budget
        self.between = False
        budget.members -= 1

    def read1(self, size: int) -> bytes:
        while True:
            if self.between:  # zeros, then another member or the end
                self.input = self.input.lstrip(b"\x00")
                if len(self.input) < 2:
                    more = self.handle.read(_GZIP_CHUNK)
                    if not more:
                        if self.input:
                            raise OSError("Not a gzipped file")  # i18n: not shown
                        return b""
                    self.input += more
                    continue
                if self.input[:2] != GZIP:
                    raise OSError("Not a gzipped file")  # i18n: not shown
                self.budget.members -= 1
                if self.budget.members < 0:
                    raise Exhausted
                self.inflater, self.between = zlib.decompressobj(31), False
            if not self.input:
                self.input = self.handle.read(_GZIP_CHUNK)
                if not self.input:
                    raise EOFError("A gzip member is cut short.")  # i18n: not shown
            data = self.inflater.decompress(self.input, max(1, size))
            if self.inflater.eof:
                self.input, self.between = self.inflater.unused_data, True
            else:
                self.input = self.inflater.unconsumed_tail
            if data:
                return data


class Inflated:
    """A WARC as plain text, gunzipped when it is `.warc.gz` (member after member), no
    more than `limit` bytes and no line longer than `MAX_LINE`. warcio then never
    decompresses anything itself, so it can't be made to inflate without end."""

    def __init__(self, handle: BinaryIO, limit: int, budget: Budget) -> None:
        handle.seek(0)
        gzipped = handle.read(2) == GZIP
        handle.seek(0)
        # read1: a member cut short loses only what follows the last whole piece
        self.source: Any = Gunzip(handle, budget).read1 if gzipped else handle.read
        self.left, self.run, self.broken, self.started = limit, 0, False, False

    def next(self, size: int) -> bytes:
        if self.left <= 0:
            raise Exhausted
        try:
            data: bytes = self.source(min(size, self.left)) if not self.broken else b""
        except (EOFError, OSError, zlib.error):  # cut short, or not gzip after all
            self.broken, data = True, b""
        self.left -= len(data)
        first = data.find(b"\n")
        if first >= 0 and self.run + first > MAX_LINE:
            raise Exhausted
        self.run = self.run + len(data) if first < 0 else len(data) - data.rfind(b"\n") - 1
        if self.run > MAX_LINE:
            raise Exhausted
        return data

    def read(self, size: int = -1) -> bytes:
        data = self.next(size if size > 0 else 1 << 20)
        if not self.started and data[:2] == GZIP:
            raise Unreadable(_(DAMAGED_ARCHIVE))  # gzip within gzip: warcio would inflate it
        self.started = True
        return data


class _Overgrown(Exception):
    """A record whose headers go on past any real one's."""


class HeaderParser(StatusAndHeadersParser):  # type: ignore[misc]
    """warcio's reader of a record's status line and headers, reading no more than
    `MAX_HEADER_LINES` lines of `MAX_HEADER_BYTES` in all. (Its own reads lines until a
    blank one, however many, and joins folded lines one by one, in quadratic time.) It
    gives what warcio's would."""

    def __init__(self, like: Any) -> None:
        super().__init__(like.statuslist, like.verify)

    def parse(self, stream: Any, full_statusline: Any = None) -> Any:
        if full_statusline is None:
            full_statusline = _read_line(stream)
        full_statusline = self.decode_header(full_statusline)
        statusline, total = full_statusline.rstrip(), len(full_statusline)
        if total == 0:
            raise EOFError
        if not statusline:
            return StatusAndHeaders(statusline="", headers=[], protocol="", total_len=total)
        if self.verify:
            protocol_status = self.split_prefix(statusline, self.statuslist)
            if not protocol_status:
                message = (
                    f"Expected Status Line starting with {self.statuslist}"  # i18n: not shown
                )
                raise StatusAndHeadersParserException(message, full_statusline)
        else:
            protocol_status = statusline.split(" ", 1)
        lines: list[str] = []
        while True:
            raw = self.decode_header(_read_line(stream))
            total += len(raw)
            text = raw.rstrip()
            if not text:
                break
            lines.append(text)
            if len(lines) > MAX_HEADER_LINES or total > MAX_HEADER_BYTES:
                raise _Overgrown
        status = protocol_status[1].strip() if len(protocol_status) > 1 else ""
        headers = _fields(lines)
        return StatusAndHeaders(
            statusline=status, headers=headers, protocol=protocol_status[0], total_len=total
        )


def _read_line(stream: Any) -> bytes:
    line: bytes = stream.readline(MAX_HEADER_BYTES + 1)
    if len(line) > MAX_HEADER_BYTES:
        raise _Overgrown
    return line


def _fields(lines: list[str]) -> list[tuple[str, str]]:
    """(name, value) of header lines as warcio reads them: a folded line joins the one
    before, and a line without a colon (and what is folded into it) is dropped."""
    headers: list[tuple[str, str]] = []
    at = 0
    while at < len(lines):
        name, colon, value = lines[at].partition(":")
        parts = [value.lstrip()] if colon else None
        at += 1
        while at < len(lines) and lines[at].startswith((" ", "\t")):
            if parts is not None:
                parts.append(lines[at])
            at += 1
        if parts is not None:
            headers.append((name.rstrip(" \t"), "".join(parts)))
    return headers


def _records(stream: Inflated, budget: Budget) -> Any:
    """warcio's record iterator over `stream`, with its header readers bounded, and each
    line it reads (headers, blank lines between records) taken from the budget."""
    records = ArchiveIterator(stream, block_size=1 << 20)
    loader = records.loader
    for parser in ("warc_parser", "http_parser", "http_req_parser"):
        setattr(loader, parser, HeaderParser(getattr(loader, parser)))
    readline = records.reader.readline

    def counted(length: int | None = None) -> bytes:
        budget.lines -= 1
        if budget.lines < 0:
            raise Exhausted
        line: bytes = readline(length)
        return line

    records.reader.readline = counted
    return records


class _Quiet(io.TextIOBase):
    """Where warcio's warnings go while an archive is read: it writes them to stderr,
    which would scribble over the terminal's screen. (The redirect is process-wide for
    that moment; nothing else here writes to stderr.)"""

    def write(self, text: str) -> int:
        return len(text)


def scan(
    handle: BinaryIO,
    want: str = "",
    count: bool = False,
    limit: int = 0,
    budget: Budget | None = None,
    every: bool = False,
) -> SavedPage:
    """The first HTML page of a WARC (or the one at `want`), and, if `count`, how many
    records and pages there are; if `every`, the pages after it too (`SavedPage.more`,
    bounded); inflating no more than `limit` bytes (or `MAX_INFLATED_BYTES`) and
    spending no more than `budget` (or a fresh one)."""
    limit = limit or MAX_INFLATED_BYTES
    budget = budget or Budget()
    page = SavedPage(records=0)
    stream = Inflated(handle, limit, budget)
    try:
        with contextlib.redirect_stderr(_Quiet()):
            for record in _records(stream, budget):
                page.records = (page.records or 0) + 1
                taken = _take(page, record, want, every)
                if (taken and not count and not every) or page.records >= MAX_RECORDS:
                    break
    except Exhausted:
        page.problem = _(TOO_BIG)
    except Exception as error:  # warcio has many ways to say a record is broken
        if not page.records:
            raise Unreadable(_(DAMAGED_ARCHIVE)) from error
        stream.broken = True
    if stream.broken and not page.records:
        raise Unreadable(_(DAMAGED_ARCHIVE))
    page.inflated = limit - stream.left
    if stream.broken:
        page.problem = ngettext(
            "The archive is damaged or cut short after {count} record.",
            "The archive is damaged or cut short after {count} records.",
            page.records or 0,
        ).format(count=page.records or 0)
    elif page.records == MAX_RECORDS:
        page.problem = _("Only the first {count:,} records were looked at.").format(
            count=MAX_RECORDS
        )
    return page


#: Pages of one archive printed after its first, and the HTML kept for them in all;
#: pages past either are named (address and time) but not printed.
MAX_MORE_PAGES = 50
MAX_MORE_HTML = 2 * MAX_HTML_BYTES
#: Pages named without being printed.
MAX_NAMED_PAGES = 1000


def _readable_date(date: str) -> str:
    """An ARC's `20140216050221` (UTC) written as a WARC's `2014-02-16T05:02:21Z`."""
    if len(date) == 14 and date.isdigit():
        return f"{date[:4]}-{date[4:6]}-{date[6:8]}T{date[8:10]}:{date[10:12]}:{date[12:]}Z"
    return date


def _html_record(record: Any) -> tuple[str, str, str] | None:
    """(address, WARC-Date, content type) of a record that holds a web page: an HTML
    `response` that is not a redirect, or an HTML `resource` (stored without HTTP)."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or (http.get_statuscode() or "").startswith("3"):  # a redirect
            return None
        kind = http.get_header("Content-Type") or ""  # i18n: not shown
    elif record.rec_type == "resource":
        kind = record.rec_headers.get_header("Content-Type") or ""  # i18n: not shown
    else:
        return None
    if kind.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    headers = record.rec_headers  # an ARC record's are `uri` and `archive-date`
    target = headers.get_header("WARC-Target-URI")  # i18n: not shown
    uri = target or headers.get_header("uri") or ""
    date = headers.get_header("WARC-Date") or headers.get_header("archive-date") or ""
    return uri, date, kind


def _coding(record: Any) -> str:
    """The HTTP `Content-Encoding` of a response ('' when none)."""
    http = record.http_headers if record.rec_type == "response" else None
    named = http.get_header("Content-Encoding") if http is not None else ""  # i18n: not shown
    coding = (named or "").strip()
    return "" if coding.lower() == "identity" else coding


def _packed(coding: str) -> str:
    """A `Content-Encoding` that can't be undone here (`zstd`, …), else '': warcio
    passes such bytes on as they are. Brotli (`br`) is undone by `warc_bodies`."""
    if not coding or coding.lower() == "br" or coding.lower() in BufferedReader.DECOMPRESSORS:
        return ""
    return line(coding)[:40]


def _body(record: Any, coding: str) -> bytes:
    """A page's body, its compression undone: brotli here, within bounds (warcio's own
    would unpack a bomb whole), gzip and deflate by warcio."""
    if coding.lower() == "br":
        return brotli_body(record, MAX_HTML_BYTES)
    return bytes(record.content_stream().read(MAX_HTML_BYTES + 1))


def _take(page: SavedPage, record: Any, want: str, every: bool = False) -> bool:
    """Keep this record's page if it is the first HTML page (or the one wanted), and,
    with `every`, each one after it in `page.more`. True when the wanted page is kept."""
    found = _html_record(record)
    if found is None:
        return False
    uri, date, kind = found
    page.pages += 1
    wanted = not want or uri == want
    if page.html is not None and not (want and wanted):
        if not every:
            return False
        if len(page.more) >= MAX_MORE_PAGES or page.kept >= MAX_MORE_HTML:
            if len(page.named) < MAX_NAMED_PAGES:
                page.named.append((line(uri), line(date)))
            return False
        target = SavedPage()
    else:
        target = page
    coding = _coding(record)
    packed = _packed(coding)
    try:
        body = b"" if packed else _body(record, coding)
    except Refused as refused:  # a brotli bomb, or damaged: said, and the archive goes on
        body, target.problem = b"", _(refused.args[0])
    except Exhausted:
        raise
    except Exception:  # an encoding warcio can't undo: look further
        page.pages -= 1
        return False
    if packed:  # said, not printed as the compressed bytes it is
        target.problem = _(
            "This page was stored compressed ({coding}) in a way Reclaim can't undo; "
            "it is kept in the original file."
        ).format(coding=packed)
    target.url, target.captured = line(uri), _readable_date(line(date))
    target.captured_at = capture_time(date.strip())
    charset = _CHARSET.search(kind)
    target.html, target.charset = body, charset.group(1) if charset else None
    if target is not page:
        page.more.append(target)
        page.kept += len(body)
    return wanted
