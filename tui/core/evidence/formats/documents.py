"""Documents: PDF (pages merged into the binder as they are), Word (DOCX) and
OpenDocument (ODT) text, plain text and CSV, SVG drawings (printed as their source,
never drawn: an SVG can load things from outside the file) and other zip archives
(their listing).

Office files are zips: every member's declared size is checked before anything is
decompressed, so a zip bomb is refused without being opened."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Collection
from datetime import datetime
from typing import Any

from tui.core.evidence.formats import document_words as said
from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    MAX_PRINTED_CHARS,
    MAX_ZIP_RATIO,
    Block,
    Facts,
    Fields,
    Format,
    Notice,
    PdfPages,
    Probe,
    Text,
    Unreadable,
    clean_line,
    clean_text,
    local_time,
    read_member,
)
from tui.core.evidence.formats.document_tables import table_blocks
from tui.core.evidence.formats.encodings import text_of
from tui.core.evidence.formats.inner_files import (
    Archive,
    Inner,
    list_pictures,
    listed,
    pdf_attachments,
    printed_pictures,
    zip_members,
)
from tui.core.evidence.formats.office_xml import NOT_SHOWN, Words, document_parts, fields
from tui.core.shared import clock
from tui.core.shared.i18n import N_, _

LOCKED = N_("This PDF is locked with a password, so its pages can't be shown.")
#: Pages of one PDF printed in the binder; a longer one (or one that only claims to be,
#: repeating one page thousands of times) is printed in part, with a notice.
MAX_PDF_PAGES = 300
PDF_DAMAGED = N_("This PDF can't be read: it is damaged or is not really a PDF.")
PDF_REPAIRED = N_(
    "This PDF is damaged (it may be cut short): its pages are shown as far as they "
    "could be read, and some may be blank or incomplete."
)


class Pdf(Format):
    kind = N_("PDF document")
    family = "document"
    media_type = "application/pdf"
    extensions = (".pdf",)

    def recognise(self, probe: Probe) -> int:
        return 2 if b"%PDF-" in probe.head[:1024] else 0

    def _open(self, source: Any) -> Any:
        import pikepdf

        try:
            return pikepdf.open(source)
        except pikepdf.PasswordError:
            raise Unreadable(_(LOCKED)) from None
        except (pikepdf.PdfError, OSError, ValueError, RecursionError):
            raise Unreadable(_(PDF_DAMAGED)) from None

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        with self._open(probe.handle) as document:
            facts.shown["pages"] = len(document.pages)
            try:
                info = document.open_metadata()
                author = info.get("dc:creator")
                title = info.get("dc:title")
                created = info.get("xmp:CreateDate")
            except Exception:  # metadata is a nicety; a damaged block is no metadata
                author = title = created = None
            docinfo = document.docinfo
            author = author or docinfo.get("/Author")
            title = title or docinfo.get("/Title")
            for key, value in (("author", author), ("title", title)):
                if value:
                    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
                    facts.shown[key] = clean_line(text)
            stamp = _pdf_date(str(created or docinfo.get("/CreationDate") or ""))
            if stamp:
                facts.shown["created"] = stamp
                facts.guess("captured_at", stamp, "document")
            attached = pdf_attachments(document)
            if attached:
                facts.shown["attachments"] = [each.fact() for each in attached]
            if document.get_warnings():
                facts.problem = PDF_REPAIRED
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """Its attachments (embedded files), by their keys."""
        with self._open(probe.handle) as document:
            return pdf_attachments(document, take)

    def printable(self, data: bytes, name: str) -> list[Block]:
        with self._open(io.BytesIO(data)) as document:
            count = len(document.pages)
            damaged = bool(document.get_warnings())
            attached = pdf_attachments(document)
        if count == 0:
            raise Unreadable(_(said.NO_PAGES))
        blocks: list[Block] = [Notice(_(PDF_REPAIRED))] if damaged else []
        if attached:
            blocks.append(Notice(said.files_inside(len(attached))))
            blocks += listed(attached, _(said.FILES_ATTACHED))
        if count > MAX_PDF_PAGES:
            blocks.append(Notice(said.pages_cut(count, MAX_PDF_PAGES)))
        return [*blocks, PdfPages(data, min(count, MAX_PDF_PAGES))]


_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def _pdf_date(text: str) -> str | None:
    """A PDF date (`D:20240305211400+01'00'`) or an XMP one as local ISO, else None."""
    text = text.strip()
    try:
        return local_time(datetime.fromisoformat(text))
    except ValueError:
        pass
    match = _PDF_DATE.match(text)
    if not match or not match.group(3):
        return None
    parts = [int(part) if part else 0 for part in match.groups()]
    try:
        return clock.stated(*parts).isoformat(timespec="seconds")
    except ValueError:
        return None


# ---- office files ---------------------------------------------------------------------


def _checked_zip(probe_or_data: Probe | bytes) -> zipfile.ZipFile:
    """The zip with every member's declared size checked: a bomb is refused unopened."""
    if isinstance(probe_or_data, Probe):
        archive = probe_or_data.zip()
    else:
        try:
            archive = zipfile.ZipFile(io.BytesIO(probe_or_data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            archive = None
    if archive is None:
        raise Unreadable(_(said.CUT_SHORT))
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED_BYTES or any(
        info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO
        for info in infos
    ):
        raise Unreadable(_(said.ZIP_BOMB))
    return archive


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
#: Word's text: paragraphs (in tables and text boxes too), their `w:t` runs, tabs and
#: breaks inside runs (not the tab stops in a paragraph's properties, nor deleted text).
_WORD_TEXT = Words(
    paragraphs=frozenset({f"{_W}p"}),
    text=frozenset({f"{_W}t"}),
    tabs=frozenset({f"{_W}tab"}),
    breaks=frozenset({f"{_W}br", f"{_W}cr"}),
    inline=frozenset({f"{_W}r"}),
    rows=frozenset({f"{_W}tr"}),
    cells=frozenset({f"{_W}tc"}),
    tables=frozenset({f"{_W}tbl"}),
)
_ODF = "{urn:oasis:names:tc:opendocument:xmlns:%s}"
_ODF_TEXT = _ODF % "text:1.0"
_OPEN_TEXT = Words(
    paragraphs=frozenset({_ODF_TEXT + "p", _ODF_TEXT + "h"}),
    text=None,
    tabs=frozenset({_ODF_TEXT + "tab"}),
    breaks=frozenset({_ODF_TEXT + "line-break"}),
    spaces=frozenset({_ODF_TEXT + "s"}),
    rows=frozenset({_ODF % "table:1.0" + "table-row"}),
    cells=frozenset({_ODF % "table:1.0" + "table-cell"}),
    tables=frozenset({_ODF % "table:1.0" + "table"}),
)
#: Where an office file keeps the pictures it shows.
_DOCX_PICTURES = ("word/media/",)
_ODT_PICTURES = ("Pictures/",)
#: A document's properties read, and how they are shown.
_PROPERTIES = (
    ("author", "Author", f"{_DC}creator"),
    ("title", "Title", f"{_DC}title"),
    ("created", N_("Created"), f"{_DCTERMS}created"),
    ("modified", "Last changed", f"{_DCTERMS}modified"),  # i18n: not shown
)
_ODF_PROPERTIES = (
    ("author", "Author", f"{_DC}creator"),
    ("title", "Title", f"{_DC}title"),
    ("created", "Created", _ODF % "meta:1.0" + "creation-date"),
    ("modified", "Last changed", f"{_DC}date"),  # i18n: not shown
)
#: A properties part larger than this is not read (real ones are a few kilobytes).
_PROPERTIES_BYTES = 1024 * 1024


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """One part of an office file, or None when it has none by that name."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    return read_member(archive, info, limit)


def _properties(
    archive: zipfile.ZipFile, name: str, wanted: tuple[tuple[str, str, str], ...]
) -> dict[str, str]:
    """A document's author, title and dates (key -> text as written), from its properties
    part, streamed; {} when it has none or they can't be read."""
    try:
        xml = _member(archive, name, _PROPERTIES_BYTES)
    except Unreadable:
        return {}
    found = fields(xml, (tag for _, _, tag in wanted)) if xml else {}
    return {key: found[tag] for key, _, tag in wanted if tag in found}


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _shown(properties: dict[str, str]) -> dict[str, str]:
    """Properties as facts: names on one clean line, dates as local times."""
    shown = {}
    for key, text in properties.items():
        dated = key in ("created", "modified")
        value = local_time(_moment(text)) if dated else clean_line(text)
        if value:
            shown[key] = value
    return shown


def _rows(
    properties: dict[str, str], wanted: tuple[tuple[str, str, str], ...]
) -> list[tuple[str, str]]:
    """Properties as printed rows; a date as it was read (`2024-03-05 21:14:00+00:00`)."""
    rows = []
    for key, label, _unused in wanted:
        text = properties.get(key)
        if text:
            moment = _moment(text) if key in ("created", "modified") else None
            rows.append((_(label), clean_line(str(moment) if moment else text)))
    return rows


def _body(archive: zipfile.ZipFile, name: str, words: Words) -> list[Block]:
    """The document's text and tables, streamed from the zip as it is inflated
    (`_checked_zip` has checked every member's sizes), and a notice when a bound stopped
    it short."""
    try:
        with archive.open(name) as member:
            parts, cut = document_parts(iter(functools.partial(member.read, 65_536), b""), words)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise Unreadable(_(DOCUMENT_DAMAGED)) from None
    except RuntimeError:  # a member locked with a password
        raise Unreadable(_(DOCUMENT_DAMAGED)) from None
    blocks: list[Block] = []
    for part in parts:
        if isinstance(part, str):
            text = clean_text(part).strip()
            blocks += [Text(text)] if text else []
        else:
            blocks += table_blocks(part)
    blocks = blocks or [Text(_(said.NO_TEXT))]
    return [*blocks, Notice(_(NOT_SHOWN))] if cut else blocks


_CORE_PART = "docProps/core.xml"  # i18n: not shown
DOCUMENT_DAMAGED = N_("This document can't be read: it may be damaged.")


class Docx(Format):
    """Word's text and properties are read from its XML as a stream (`office_xml`):
    python-docx builds the whole tree, gigabytes for millions of empty paragraphs, and
    expands a table cell's declared span (`gridSpan` 2,000,000,000) into that many."""

    kind = N_("Word document (DOCX)")
    family = "document"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extensions = (".docx", ".docm")

    def recognise(self, probe: Probe) -> int:
        names = set(probe.zip_names())
        return 2 if {"[Content_Types].xml", "word/document.xml"} <= names else 0

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        archive = _checked_zip(probe)
        facts.shown.update(_shown(_properties(archive, _CORE_PART, _PROPERTIES)))
        list_pictures(facts, archive, _DOCX_PICTURES)
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """Its pictures, by their paths in the zip."""
        return zip_members(_checked_zip(probe), _DOCX_PICTURES, keep=False, take=take)

    def printable(self, data: bytes, name: str) -> list[Block]:
        archive = _checked_zip(data)
        properties = _properties(archive, _CORE_PART, _PROPERTIES)  # i18n: not shown
        body = _body(archive, "word/document.xml", _WORD_TEXT)
        return [
            Fields(_rows(properties, _PROPERTIES)),
            *body,
            *printed_pictures(archive, _DOCX_PICTURES),
        ]


class Odt(Format):
    kind = N_("OpenDocument text (ODT)")
    family = "document"
    media_type = "application/vnd.oasis.opendocument.text"
    extensions = (".odt",)

    def recognise(self, probe: Probe) -> int:
        archive = probe.zip()
        if archive is None or "content.xml" not in probe.zip_names():
            return 0
        try:
            mimetype = read_member(archive, archive.getinfo("mimetype"), 200)
        except (KeyError, Unreadable, zipfile.BadZipFile, OSError):
            return 1 if probe.extension == ".odt" else 0
        return 2 if mimetype.strip() == self.media_type.encode() else 0

    def describe(self, probe: Probe) -> Facts:
        """Author and dates from the document's own `meta.xml`, when it has one."""
        facts = Facts(kind=self.kind, media_type=self.media_type)
        properties = _properties(_checked_zip(probe), "meta.xml", _ODF_PROPERTIES)
        facts.shown.update({key: clean_line(text) for key, text in properties.items()})
        list_pictures(facts, _checked_zip(probe), _ODT_PICTURES)
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """Its pictures, by their paths in the zip."""
        return zip_members(_checked_zip(probe), _ODT_PICTURES, keep=False, take=take)

    def printable(self, data: bytes, name: str) -> list[Block]:
        archive = _checked_zip(data)
        return _body(archive, "content.xml", _OPEN_TEXT) + printed_pictures(archive, _ODT_PICTURES)


# ---- text -------------------------------------------------------------------------------


class PlainText(Format):
    kind = N_("text file")
    family = "document"
    media_type = "text/plain"
    extensions: tuple[str, ...] = (".txt", ".text", ".log", ".md")

    def recognise(self, probe: Probe) -> int:
        """Text in UTF-8, UTF-16 or a legacy encoding (Latin-1, Mac Roman, …)."""
        return 1 if probe.head and text_of(probe.head) is not None else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type)

    def printable(self, data: bytes, name: str) -> list[Block]:
        text = text_of(data[: MAX_PRINTED_CHARS * 4])
        if text is None:
            text = data[: MAX_PRINTED_CHARS * 4].decode("utf-8", errors="replace")
        return [Text(clean_text(text), mono=self.family == "data")]


class Csv(PlainText):
    """Only a file named as a table: any other text (JSON, XML, code, a letter) is not."""

    kind = N_("table (CSV)")
    media_type = "text/csv"
    extensions = (".csv", ".tsv")
    family = "data"

    def recognise(self, probe: Probe) -> int:
        return super().recognise(probe) if probe.extension in self.extensions else 0


class Svg(PlainText):
    kind = N_("SVG drawing")
    media_type = "image/svg+xml"
    extensions = (".svg", ".svgz")

    def recognise(self, probe: Probe) -> int:
        text = probe.text()
        return 2 if text is not None and "<svg" in text[:4096].lower() else 0

    def printable(self, data: bytes, name: str) -> list[Block]:
        return [
            Notice(_(said.SVG_NOT_DRAWN)),
            *[Text(block.text, mono=True) for block in super().printable(data, name)
              if isinstance(block, Text)],
        ]  # fmt: skip


HANDLERS: list[Format] = [Pdf(), Docx(), Odt(), Svg(), Csv(), PlainText(), Archive()]
