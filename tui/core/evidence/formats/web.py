"""Saved web pages: MHTML (a browser's "save as one file"), plain HTML, and web archives
(WARC, and WACZ from tools such as ArchiveWeb.page or Webrecorder).

A page is evidence of what was online at an address and when: the binder prints the
address, the capture time, the title and the words a visitor saw, never markup, scripts
or embedded files. Archives can be crafted to inflate without end, so every read here is
bounded: records, inflated bytes, line lengths and the zip's own claims."""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import (
    StatusAndHeaders,
    StatusAndHeadersParser,
    StatusAndHeadersParserException,
)

from tui.core.evidence.formats import emails as mail
from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    MAX_INFLATED_BYTES,
    MAX_ZIP_MEMBERS,
    Block,
    Facts,
    Fields,
    Format,
    Notice,
    Probe,
    Text,
    Unreadable,
    local_time,
    read_member,
)
from tui.core.evidence.formats.emails import header, header_block, line
from tui.core.evidence.formats.html_text import (
    MAX_HTML_CHARS,
    decode_html,
    page_title,
    visible_text,
)

#: Records of a WARC looked at; a capture of one page holds tens.
MAX_RECORDS = 10_000
#: Bytes of a page's HTML kept (the parser reads fewer characters than this).
MAX_HTML_BYTES = 2 * MAX_HTML_CHARS
#: warcio joins a long line piece by piece (quadratic): a crafted endless line would take
#: many minutes.
MAX_LINE = 32 * 1024 * 1024
#: WARC files of a WACZ looked at (a capture has one or a few; each costs a little).
MAX_WACZ_WARCS = 1000
#: gzip members of a `.warc.gz` read (one a record, as a rule).
MAX_GZIP_MEMBERS = 2 * MAX_RECORDS
_GZIP_CHUNK = 1 << 16
#: `pages/pages.jsonl` of a WACZ read at most.
MAX_PAGES_BYTES = 8 * 1024 * 1024
#: Header lines of one record (its WARC headers, or its HTTP headers) and their bytes; a
#: real record has tens of lines. warcio would read millions, one by one.
MAX_HEADER_LINES = 1000
MAX_HEADER_BYTES = 1024 * 1024
#: Lines warcio reads in all (headers, and the blank lines between records) while one
#: archive is scanned: `MAX_RECORDS` real records take a few hundred thousand.
MAX_LINES_READ = 600_000

DAMAGED_PAGE = "This saved page can't be read: it may be damaged."
DAMAGED_ARCHIVE = "This web archive can't be read: it may be damaged or cut short."
NO_PAGE = "This web archive holds no web page that can be shown."
TOO_BIG = "Only the first part of this archive could be read: it is very large."
_GZIP = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(\S+?) -->")
#: Headers of mail that was sent, which a saved page does not have.
_MAILED = frozenset({"to", "message-id", "received", "delivered-to", "return-path"})


@dataclass
class _Page:
    url: str = ""
    title: str = ""
    captured: str = ""
    captured_at: str | None = None
    html: bytes | None = None
    charset: str | None = None
    records: int | None = None
    problem: str = ""
    inflated: int = 0

    def source(self) -> str:
        data = self.html or b""
        return decode_html(data[:MAX_HTML_BYTES], self.charset, cut=len(data) > MAX_HTML_BYTES)

    def facts(self, handler: Format) -> Facts:
        title = self.title or (page_title(self.source()) if self.html else "")
        shown: dict[str, Any] = {"url": self.url, "title": title, "captured": self.captured}
        shown["records"] = self.records
        facts = Facts(kind=handler.kind, media_type=handler.media_type, problem=self.problem)
        facts.shown = {key: value for key, value in shown.items() if value not in ("", None)}
        facts.guess("captured_at", self.captured_at, "page")
        facts.guess("url", self.url, "page")
        return facts

    def blocks(self) -> list[Block]:
        title, text = visible_text(self.source()) if self.html else ("", "")
        rows = (("Address", self.url), ("Captured", self.captured), ("Title", self.title or title))
        shown = [(label, value) for label, value in rows if value]
        blocks: list[Block] = [Fields(shown)] if shown else []
        blocks.append(Text(text) if text else Notice("This page holds no text to show."))
        if self.problem:
            blocks.append(Notice(self.problem))
        return blocks


def _when(text: str) -> str | None:
    """A WARC or WACZ time (ISO 8601, or 14 digits in UTC) on the local clock."""
    try:
        if re.fullmatch(r"\d{14}", text):
            return local_time(datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC))
        return local_time(datetime.fromisoformat(text))
    except ValueError:
        return None


class Mhtml(Format):
    kind = "saved web page (MHTML)"
    family = "web capture"
    media_type = "multipart/related"
    extensions = (".mhtml", ".mht")

    def recognise(self, probe: Probe) -> int:
        headers = header_block(probe.head)
        if not headers:
            return 0
        if "snapshot-content-location" in headers or "saved by" in headers.get("from", "").lower():
            return 2
        kind = headers.get("content-type", "").lower()
        if kind.startswith("multipart/related"):
            return 2 if "text/html" in kind and not _MAILED & headers.keys() else 1
        return 0

    def describe(self, probe: Probe) -> Facts:
        return self._read(mail.read_whole(probe)).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        return self._read(data).blocks()

    @staticmethod
    def _read(data: bytes) -> _Page:
        if not header_block(data[:HEAD_BYTES]):
            raise Unreadable(DAMAGED_PAGE)
        message = mail.parse(data, DAMAGED_PAGE)
        page = _Page(header(message, "Snapshot-Content-Location"), header(message, "Subject"))
        page.captured = mail.raw_header(message, "Date")
        page.captured_at = mail.header_time(message)
        parts, _cut = mail.leaves(message)
        html = next((part for part in parts if part.get_content_type() == "text/html"), None)
        if html is not None:
            page.html, page.charset = mail.payload(html), html.get_content_charset()
            page.url = page.url or header(html, "Content-Location")
        return page


class Html(Format):
    kind = "web page (HTML)"
    family = "web capture"
    media_type = "text/html"
    extensions = (".html", ".htm", ".xhtml")

    def recognise(self, probe: Probe) -> int:
        text = probe.text()
        if text is None and b"\x00" not in probe.head:
            text = probe.head.decode("latin-1")  # a page in a legacy charset
        start = (text or "").lstrip("\ufeff \t\r\n")
        while start.startswith(("<!--", "<?xml")):  # comments, an XML declaration
            closer = "-->" if start.startswith("<!--") else "?>"
            end = start.find(closer)
            start = start[end + len(closer) :].lstrip() if end >= 0 else ""
        if start[:14].lower().startswith(("<!doctype html", "<html")):
            return 2
        return int(start.startswith("<") and probe.extension in self.extensions)

    def describe(self, probe: Probe) -> Facts:
        probe.handle.seek(0)
        return self._read(probe.handle.read(MAX_HTML_BYTES + 1)).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        return self._read(data).blocks()

    @staticmethod
    def _read(data: bytes) -> _Page:
        """The page; its address only if the browser noted it (`<!-- saved from url=…`)."""
        saved = _SAVED_FROM.search(data[:4096])
        url = line(saved.group(1).decode("latin-1")) if saved else ""
        return _Page(url=url if "://" in url else "", html=data)


class _Exhausted(Exception):
    """The archive inflates past what may be read."""


@dataclass
class _Budget:
    """What is left to spend on one archive's records (a WACZ's WARCs share one)."""

    lines: int = field(default_factory=lambda: MAX_LINES_READ)
    members: int = field(default_factory=lambda: MAX_GZIP_MEMBERS)


class _Gunzip:
    """The gzip members of a file, one after another, no more than `MAX_GZIP_MEMBERS`.
    (`gzip.GzipFile` spends some microseconds on each member, and a crafted file holds
    hundreds of thousands of empty ones.) Like it, it skips zeros between members, and
    raises EOFError for a member cut short and OSError for what is not gzip."""

    def __init__(self, handle: BinaryIO, budget: _Budget) -> None:
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
                            raise OSError("Not a gzipped file")
                        return b""
                    self.input += more
                    continue
                if self.input[:2] != _GZIP:
                    raise OSError("Not a gzipped file")
                self.budget.members -= 1
                if self.budget.members < 0:
                    raise _Exhausted
                self.inflater, self.between = zlib.decompressobj(31), False
            if not self.input:
                self.input = self.handle.read(_GZIP_CHUNK)
                if not self.input:
                    raise EOFError("A gzip member is cut short.")
            data = self.inflater.decompress(self.input, max(1, size))
            if self.inflater.eof:
                self.input, self.between = self.inflater.unused_data, True
            else:
                self.input = self.inflater.unconsumed_tail
            if data:
                return data


class _Inflated:
    """A WARC as plain text, gunzipped when it is `.warc.gz` (member after member), no
    more than `limit` bytes and no line longer than `MAX_LINE`. warcio then never
    decompresses anything itself, so it can't be made to inflate without end."""

    def __init__(self, handle: BinaryIO, limit: int, budget: _Budget) -> None:
        handle.seek(0)
        gzipped = handle.read(2) == _GZIP
        handle.seek(0)
        # read1: a member cut short loses only what follows the last whole piece
        self.source: Any = _Gunzip(handle, budget).read1 if gzipped else handle.read
        self.left, self.run, self.broken, self.started = limit, 0, False, False

    def next(self, size: int) -> bytes:
        if self.left <= 0:
            raise _Exhausted
        try:
            data: bytes = self.source(min(size, self.left)) if not self.broken else b""
        except (EOFError, OSError, zlib.error):  # cut short, or not gzip after all
            self.broken, data = True, b""
        self.left -= len(data)
        first = data.find(b"\n")
        if first >= 0 and self.run + first > MAX_LINE:
            raise _Exhausted
        self.run = self.run + len(data) if first < 0 else len(data) - data.rfind(b"\n") - 1
        if self.run > MAX_LINE:
            raise _Exhausted
        return data

    def read(self, size: int = -1) -> bytes:
        data = self.next(size if size > 0 else 1 << 20)
        if not self.started and data[:2] == _GZIP:
            raise Unreadable(DAMAGED_ARCHIVE)  # gzip within gzip: warcio would inflate it
        self.started = True
        return data


class _Overgrown(Exception):
    """A record whose headers go on past any real one's."""


class _Headers(StatusAndHeadersParser):  # type: ignore[misc]
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
                message = f"Expected Status Line starting with {self.statuslist}"
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


def _records(stream: _Inflated, budget: _Budget) -> Any:
    """warcio's record iterator over `stream`, with its header readers bounded, and each
    line it reads (headers, blank lines between records) taken from the budget."""
    records = ArchiveIterator(stream, block_size=1 << 20)
    loader = records.loader
    for parser in ("warc_parser", "http_parser", "http_req_parser"):
        setattr(loader, parser, _Headers(getattr(loader, parser)))
    readline = records.reader.readline

    def counted(length: int | None = None) -> bytes:
        budget.lines -= 1
        if budget.lines < 0:
            raise _Exhausted
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


def _scan(
    handle: BinaryIO,
    want: str = "",
    count: bool = False,
    limit: int = 0,
    budget: _Budget | None = None,
) -> _Page:
    """The first HTML page of a WARC (or the one at `want`), and, if `count`, how many
    records there are; inflating no more than `limit` bytes (or `MAX_INFLATED_BYTES`)
    and spending no more than `budget` (or a fresh one)."""
    limit = limit or MAX_INFLATED_BYTES
    budget = budget or _Budget()
    page = _Page(records=0)
    stream = _Inflated(handle, limit, budget)
    try:
        with contextlib.redirect_stderr(_Quiet()):
            for record in _records(stream, budget):
                page.records = (page.records or 0) + 1
                if (_take(page, record, want) and not count) or page.records >= MAX_RECORDS:
                    break
    except _Exhausted:
        page.problem = TOO_BIG
    except Exception as error:  # warcio has many ways to say a record is broken
        if not page.records:
            raise Unreadable(DAMAGED_ARCHIVE) from error
        stream.broken = True
    if stream.broken and not page.records:
        raise Unreadable(DAMAGED_ARCHIVE)
    page.inflated = limit - stream.left
    if stream.broken:
        records = f"{page.records} record" + ("s" if page.records != 1 else "")
        page.problem = f"The archive is damaged or cut short after {records}."
    elif page.records == MAX_RECORDS:
        page.problem = f"Only the first {MAX_RECORDS:,} records were looked at."
    return page


def _take(page: _Page, record: Any, want: str) -> bool:
    """Keep this record's page if it is the first HTML response (or the one wanted)."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return False
    kind = http.get_header("Content-Type") or ""
    if kind.split(";")[0].strip().lower() not in _HTML_TYPES:
        return False
    if (http.get_statuscode() or "").startswith("3"):  # a redirect, not the page
        return False
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    wanted = not want or uri == want
    if page.html is not None and not wanted:
        return False
    try:
        body = record.content_stream().read(MAX_HTML_BYTES + 1)
    except _Exhausted:
        raise
    except Exception:  # an encoding warcio can't undo (e.g. brotli): look further
        return False
    date = record.rec_headers.get_header("WARC-Date") or ""
    page.url, page.captured, page.captured_at = line(uri), line(date), _when(date.strip())
    charset = _CHARSET.search(kind)
    page.html, page.charset = body, charset.group(1) if charset else None
    return wanted


class Warc(Format):
    kind = "web archive (WARC)"
    family = "web capture"
    media_type = "application/warc"
    extensions = (".warc", ".warc.gz")

    def recognise(self, probe: Probe) -> int:
        head = probe.head
        if head[:2] == _GZIP:
            try:
                head = zlib.decompressobj(31).decompress(head, 64)
            except zlib.error:
                return 0
            if len(head) < 8:  # cut off too soon to tell: the name decides
                return int(probe.extension in self.extensions)
        return 2 if head.startswith(b"WARC/1.") else 0

    def describe(self, probe: Probe) -> Facts:
        return _scan(probe.handle, count=True).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        page = _scan(io.BytesIO(data))
        if page.html is None:
            raise Unreadable(page.problem or NO_PAGE)
        page.records = None
        return page.blocks()


_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error)


def _is_warc(name: str) -> bool:
    return name.startswith("archive/") and name.endswith((".warc.gz", ".warc"))


class Wacz(Format):
    kind = "web archive (WACZ)"
    family = "web capture"
    media_type = "application/wacz"
    extensions = (".wacz",)

    def recognise(self, probe: Probe) -> int:
        names = probe.zip_names()
        if "datapackage.json" in names and any(_is_warc(name) for name in names):
            return 2
        return int(bool(names) and probe.extension in self.extensions)

    def describe(self, probe: Probe) -> Facts:
        try:
            archive = probe.zip()
        except _ZIP_ERRORS as error:
            raise Unreadable(DAMAGED_ARCHIVE) from error
        if archive is None:
            raise Unreadable(DAMAGED_ARCHIVE)
        return self._read(archive).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS as error:
            raise Unreadable(DAMAGED_ARCHIVE) from error
        if len(archive.infolist()) > MAX_ZIP_MEMBERS:
            raise Unreadable(DAMAGED_ARCHIVE)
        page = self._read(archive)
        if page.html is None:
            raise Unreadable(page.problem or NO_PAGE)
        return page.blocks()

    @staticmethod
    def _read(archive: zipfile.ZipFile) -> _Page:
        """The page `pages.jsonl` names first, from the first WARC inside that has it."""
        url, title, when = _first_page(archive)
        page, left, budget = _Page(), MAX_INFLATED_BYTES, _Budget()
        warcs = sorted((i for i in archive.infolist() if _is_warc(i.filename)), key=str)
        for info in warcs[:MAX_WACZ_WARCS]:
            try:
                data = read_member(archive, info, left)  # a zip bomb is refused here
            except _ZIP_ERRORS as error:  # a bad CRC, a member cut short, …
                raise Unreadable(DAMAGED_ARCHIVE) from error
            found = _scan(io.BytesIO(data), want=url, limit=left, budget=budget)
            left -= len(data) + found.inflated
            if found.html is not None and (page.html is None or found.url == line(url)):
                page = found
            spent = left <= 0 or budget.lines <= 0 or budget.members <= 0
            if (page.html is not None and (not url or page.url == line(url))) or spent:
                break
        page.records = None
        page.url = page.url or line(url)
        page.title, page.captured = line(title), line(when) or page.captured
        page.captured_at = _when(when.strip()) or page.captured_at
        return page


def _first_page(archive: zipfile.ZipFile) -> tuple[str, str, str]:
    """(url, title, ts) of the first page listed in `pages/pages.jsonl`, if any."""
    try:
        data = read_member(archive, archive.getinfo("pages/pages.jsonl"), MAX_PAGES_BYTES)
    except (KeyError, Unreadable, *_ZIP_ERRORS):  # the list is a help, not a must
        return "", "", ""
    for raw in data.splitlines()[:1000]:
        try:
            item = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            return item["url"], str(item.get("title") or ""), str(item.get("ts") or "")
    return "", "", ""


HANDLERS: list[Format] = [Wacz(), Warc(), Mhtml(), Html()]
