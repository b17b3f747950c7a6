"""Saved web pages: MHTML (a browser's "save as one file") and plain HTML, and the page
any web capture comes down to (`SavedPage`: its address, when it was captured, its title
and the words a visitor saw).

A page is evidence of what was online at an address and when: the binder prints the
address, the capture time, the title and the words, never markup, scripts or embedded
files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tui.core.evidence.formats import mime
from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    Block,
    Facts,
    Fields,
    Format,
    Notice,
    Probe,
    Text,
    Unreadable,
    local_time,
)
from tui.core.evidence.formats.html_text import (
    MAX_HTML_CHARS,
    decode_html,
    page_title,
    visible_text,
)
from tui.core.evidence.formats.mime_headers import (
    header,
    header_block,
    line,
    mended,
    raw_header,
)
from tui.core.evidence.formats.mime_headers import header_time as mime_header_time
from tui.core.shared.i18n import N_, _

#: Bytes of a page's HTML kept (the parser reads fewer characters than this).
MAX_HTML_BYTES = 2 * MAX_HTML_CHARS

DAMAGED_PAGE = N_("This saved page can't be read: it may be damaged.")
_SAVED_FROM = re.compile(rb"<!-- saved from url=\(\d+\)(\S+?) -->")
#: Headers of mail that was sent, which a saved page does not have.
_MAILED = frozenset({"to", "message-id", "received", "delivered-to", "return-path"})


@dataclass
class SavedPage:
    url: str = ""
    title: str = ""
    captured: str = ""
    captured_at: str | None = None
    html: bytes | None = None
    charset: str | None = None
    records: int | None = None
    problem: str = ""
    inflated: int = 0
    pages: int = 0
    """Web pages an archive holds (counted when asked)."""
    more: list[SavedPage] = field(default_factory=list)
    """An archive's pages after this one, when they were asked for (bounded)."""
    kept: int = 0
    """Bytes of HTML kept in `more`."""
    named: list[tuple[str, str]] = field(default_factory=list)
    """(address, time) of pages past those kept in `more`."""

    def source(self) -> str:
        data = self.html or b""
        return decode_html(data[:MAX_HTML_BYTES], self.charset, cut=len(data) > MAX_HTML_BYTES)

    def facts(self, handler: Format) -> Facts:
        title = self.title or (page_title(self.source()) if self.html else "")
        shown: dict[str, Any] = {"url": self.url, "title": title, "captured": self.captured}
        shown["records"] = self.records
        if self.pages > 1:
            shown["web_pages"] = self.pages
        facts = Facts(kind=handler.kind, media_type=handler.media_type, problem=self.problem)
        facts.shown = {key: value for key, value in shown.items() if value not in ("", None)}
        facts.guess("captured_at", self.captured_at, "page")
        facts.guess("url", self.url, "page")
        return facts

    def blocks(self) -> list[Block]:
        title, text = visible_text(self.source()) if self.html else ("", "")
        rows = (
            (_("Address"), self.url),
            (_("Captured"), self.captured),
            (_("Title"), self.title or title),
        )
        shown = [(label, value) for label, value in rows if value]
        blocks: list[Block] = [Fields(shown)] if shown else []
        if text or not self.problem:  # a problem says itself why there is no text
            blocks.append(Text(text) if text else Notice(_("This page holds no text to show.")))
        if self.problem:
            blocks.append(Notice(self.problem))
        return blocks


def capture_time(text: str) -> str | None:
    """A WARC or WACZ time (ISO 8601, or 14 digits in UTC) on the local clock."""
    try:
        if re.fullmatch(r"\d{14}", text):
            return local_time(datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=UTC))
        return local_time(datetime.fromisoformat(text))
    except ValueError:
        return None


class Mhtml(Format):
    kind = N_("saved web page (MHTML)")
    family = "web capture"  # i18n: not shown
    media_type = "multipart/related"
    extensions = (".mhtml", ".mht")

    def recognise(self, probe: Probe) -> int:
        headers = header_block(mended(probe.head))
        if not headers:
            return 0
        if "snapshot-content-location" in headers or "saved by" in headers.get("from", "").lower():
            return 2
        kind = headers.get("content-type", "").lower()
        if kind.startswith("multipart/related"):
            return 2 if "text/html" in kind and not _MAILED & headers.keys() else 1
        return 0

    def describe(self, probe: Probe) -> Facts:
        return self._read(mime.read_whole(probe)).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        return self._read(data).blocks()

    @staticmethod
    def _read(data: bytes) -> SavedPage:
        data = mended(data)
        if not header_block(data[:HEAD_BYTES]):
            raise Unreadable(_(DAMAGED_PAGE))
        message = mime.parse(data, DAMAGED_PAGE)
        location = header(message, "Snapshot-Content-Location")  # i18n: not shown
        page = SavedPage(location, header(message, "Subject"))
        page.captured = raw_header(message, "Date")
        page.captured_at = mime_header_time(message)
        parts, _cut = mime.leaves(message)
        html = next((part for part in parts if part.get_content_type() == "text/html"), None)
        if html is not None:
            page.html, page.charset = mime.payload(html), mime.content_charset(html)
            page.url = page.url or header(html, "Content-Location")  # i18n: not shown
        return page


class Html(Format):
    kind = N_("web page (HTML)")
    family = "web capture"  # i18n: not shown
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
    def _read(data: bytes) -> SavedPage:
        """The page; its address only if the browser noted it (`<!-- saved from url=…`)."""
        saved = _SAVED_FROM.search(data[:4096])
        url = line(saved.group(1).decode("latin-1")) if saved else ""
        return SavedPage(url=url if "://" in url else "", html=data)
