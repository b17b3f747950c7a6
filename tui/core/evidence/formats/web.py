"""Web archives: WARC (and the older ARC), and WACZ from tools such as ArchiveWeb.page
or Webrecorder, and the registry's list of every web capture (saved pages are
`saved_pages`' handlers).

A capture is evidence of what was online at an address and when; the binder prints
every page a WARC holds (bounded), each with its own address and time, or the page a
WACZ's page list names, read by `warc_reader`
within bounds a crafted archive can't get past."""

from __future__ import annotations

import io
import json
import zipfile
import zlib

from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    Block,
    Facts,
    Format,
    Heading,
    Notice,
    Probe,
    Table,
    Unreadable,
    open_zip,
    read_member,
)
from tui.core.evidence.formats.mime_headers import line
from tui.core.evidence.formats.saved_pages import Html, Mhtml, SavedPage, capture_time
from tui.core.evidence.formats.warc_reader import DAMAGED_ARCHIVE, GZIP, Budget, scan
from tui.core.shared.i18n import N_, _

#: WARC files of a WACZ looked at (a capture has one or a few; each costs a little).
MAX_WACZ_WARCS = 1000
#: `pages/pages.jsonl` of a WACZ read at most.
MAX_PAGES_BYTES = 8 * 1024 * 1024

NO_PAGE = N_("This web archive holds no web page that can be shown.")


def first_record(head: bytes) -> bytes | None:
    """The start of a web archive's first record: gzip's first member inflated (a few
    bytes), else the head as it is; None when it says gzip but isn't."""
    if head[:2] != GZIP:
        return head
    try:
        return zlib.decompressobj(31).decompress(head, 64)
    except zlib.error:
        return None


class Warc(Format):
    kind = N_("web archive (WARC)")
    family = "web capture"  # i18n: not shown
    media_type = "application/warc"
    extensions = (".warc", ".warc.gz")

    def recognise(self, probe: Probe) -> int:
        head = first_record(probe.head)
        if head is None:
            return 0
        if probe.head[:2] == GZIP and len(head) < 8:  # cut off too soon to tell: the name
            return int(probe.extension in self.extensions)
        return 2 if head.startswith(b"WARC/1.") else 0

    def describe(self, probe: Probe) -> Facts:
        return scan(probe.handle, count=True).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        page = scan(io.BytesIO(data), every=True)
        if page.html is None:
            raise Unreadable(page.problem or _(NO_PAGE))
        page.records = None
        return every_page(page)


def every_page(page: SavedPage) -> list[Block]:
    """Each page of an archive under its own heading, with its own address and time;
    those past what is printed are named in a table."""
    pages = [page, *page.more]
    if len(pages) == 1 and not page.named:
        return page.blocks()
    total = len(pages) + len(page.named)
    blocks: list[Block] = [
        Notice(
            _("This web archive holds {total:,} web pages; each is printed.").format(total=total)
        )
    ]
    problem, page.problem = page.problem, ""
    for number, each in enumerate(pages, start=1):
        heading = _("Web page {number} of {total:,}").format(number=number, total=total)
        blocks += [Heading(heading), *each.blocks()]
    if page.named:
        blocks[0] = Notice(
            _(
                "This web archive holds {total:,} web pages; the first {printed:,} are "
                "printed, and the others named below."
            ).format(total=total, printed=len(pages))
        )
        blocks.append(Table((_("Address"), _("Captured")), page.named, (0.7, 0.3)))
    return blocks + ([Notice(problem)] if problem else [])


class Arc(Warc):
    """The Internet Archive's older format (ARC), which warcio reads as it reads WARC."""

    kind = N_("web archive (ARC)")
    media_type = "application/x-internet-archive"
    extensions = (".arc", ".gz")

    def recognise(self, probe: Probe) -> int:
        head = first_record(probe.head)
        return 2 if head is not None and head.startswith(b"filedesc://") else 0


_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error)


def _is_warc(name: str) -> bool:
    return name.startswith("archive/") and name.endswith((".warc.gz", ".warc"))


class Wacz(Format):
    kind = N_("web archive (WACZ)")
    family = "web capture"  # i18n: not shown
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
            raise Unreadable(_(DAMAGED_ARCHIVE)) from error
        if archive is None:
            raise Unreadable(_(DAMAGED_ARCHIVE))
        return self._read(archive).facts(self)

    def printable(self, data: bytes, name: str) -> list[Block]:
        try:
            archive = open_zip(io.BytesIO(data), len(data))
        except _ZIP_ERRORS as error:
            raise Unreadable(_(DAMAGED_ARCHIVE)) from error
        if archive is None:
            raise Unreadable(_(DAMAGED_ARCHIVE))
        page = self._read(archive)
        if page.html is None:
            raise Unreadable(page.problem or _(NO_PAGE))
        return page.blocks()

    @staticmethod
    def _read(archive: zipfile.ZipFile) -> SavedPage:
        """The page `pages.jsonl` names first, from the first WARC inside that has it."""
        url, title, when = _first_page(archive)
        page, left, budget = SavedPage(), MAX_INFLATED_BYTES, Budget()
        warcs = sorted((i for i in archive.infolist() if _is_warc(i.filename)), key=str)
        for info in warcs[:MAX_WACZ_WARCS]:
            try:
                data = read_member(archive, info, left)  # a zip bomb is refused here
            except _ZIP_ERRORS as error:  # a bad CRC, a member cut short, …
                raise Unreadable(_(DAMAGED_ARCHIVE)) from error
            found = scan(io.BytesIO(data), want=url, limit=left, budget=budget)
            left -= len(data) + found.inflated
            if found.html is not None and (page.html is None or found.url == line(url)):
                page = found
            spent = left <= 0 or budget.lines <= 0 or budget.members <= 0
            if (page.html is not None and (not url or page.url == line(url))) or spent:
                break
        page.records, page.pages = None, 0  # only the WARCs up to the page were read
        page.url = page.url or line(url)
        page.title, page.captured = line(title), line(when) or page.captured
        page.captured_at = capture_time(when.strip()) or page.captured_at
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


HANDLERS: list[Format] = [Wacz(), Warc(), Arc(), Mhtml(), Html()]
