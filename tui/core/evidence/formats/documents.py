"""Documents: PDF (pages merged into the binder as they are), Word (DOCX) and
OpenDocument (ODT) text, plain text and CSV, SVG drawings (printed as their source,
never drawn: an SVG can load things from outside the file) and other zip archives
(their listing).

Office files are zips: every member's declared size is checked before anything is
decompressed, so a zip bomb is refused without being opened."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

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
    Table,
    Text,
    Unreadable,
    clean_line,
    clean_text,
    decode_text,
    local_time,
    read_member,
)
from tui.core.shared import clock
from tui.core.shared.text import size

LOCKED = "This PDF is locked with a password, so its pages can't be shown."
#: Pages of one PDF printed in the binder; a longer one (or one that only claims to be,
#: repeating one page thousands of times) is printed in part, with a notice.
MAX_PDF_PAGES = 300
PDF_DAMAGED = "This PDF can't be read: it is damaged or is not really a PDF."
PDF_REPAIRED = (
    "This PDF is damaged (it may be cut short): its pages are shown as far as they "
    "could be read, and some may be blank or incomplete."
)


class Pdf(Format):
    kind = "PDF document"
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
            raise Unreadable(LOCKED) from None
        except (pikepdf.PdfError, OSError, ValueError, RecursionError):
            raise Unreadable(PDF_DAMAGED) from None

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
            if document.get_warnings():
                facts.problem = PDF_REPAIRED
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        with self._open(io.BytesIO(data)) as document:
            count = len(document.pages)
            damaged = bool(document.get_warnings())
        if count == 0:
            raise Unreadable("This PDF has no pages that can be read.")
        blocks: list[Block] = [Notice(PDF_REPAIRED)] if damaged else []
        if count > MAX_PDF_PAGES:
            blocks.append(
                Notice(
                    f"This PDF has {count:,} pages; the first {MAX_PDF_PAGES} are printed here. "
                    "The whole file is kept with the case, and its hash is above."
                )
            )
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
        raise Unreadable("This document can't be read: it is damaged or cut short.")
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED_BYTES or any(
        info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO
        for info in infos
    ):
        raise Unreadable(
            "This document can't be opened safely: it claims to unpack to far more than "
            "its size (a zip bomb?)."
        )
    return archive


class Docx(Format):
    kind = "Word document (DOCX)"
    family = "document"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extensions = (".docx", ".docm")

    def recognise(self, probe: Probe) -> int:
        names = set(probe.zip_names())
        return 2 if {"[Content_Types].xml", "word/document.xml"} <= names else 0

    def _document(self, source: Probe | bytes) -> Any:
        import docx

        _checked_zip(source)
        data = source.handle if isinstance(source, Probe) else io.BytesIO(source)
        data.seek(0)
        try:
            return docx.Document(data)
        except Exception:  # python-docx raises many kinds for a damaged file
            raise Unreadable("This Word document can't be read: it may be damaged.") from None

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        properties = self._document(probe).core_properties
        if properties.author:
            facts.shown["author"] = clean_line(properties.author)
        if properties.title:
            facts.shown["title"] = clean_line(properties.title)
        for key, moment in (("created", properties.created), ("modified", properties.modified)):
            if isinstance(moment, datetime) and (shown := local_time(moment)):
                facts.shown[key] = shown
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        document = self._document(data)
        text = clean_text(_paragraph_text(document.element.body)).strip()
        properties = document.core_properties
        rows = [
            (label, clean_line(str(value)))
            for label, value in (
                ("Author", properties.author),
                ("Title", properties.title),
                ("Created", properties.created),
                ("Last changed", properties.modified),
            )
            if value
        ]
        return [Fields(rows), Text(text or "(The document has no text.)")]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(body: Any) -> str:
    """Every paragraph's text (tables' too: their cells hold paragraphs), in order,
    walked once. python-docx's table API is not used: it expands a cell's declared span
    (`gridSpan` 2,000,000,000 in a crafted file) into that many cells."""
    lines: list[str] = []
    size = 0
    for paragraph in body.iter(f"{_W}p"):
        line = "".join(
            (node.text or "") if node.tag == f"{_W}t" else "\t"
            for node in paragraph.iter(f"{_W}t", f"{_W}tab")
        )
        lines.append(line)
        size += len(line) + 1
        if size > MAX_PRINTED_CHARS:
            break
    return "\n".join(lines)


_ODF = "{urn:oasis:names:tc:opendocument:xmlns:%s}"
_TEXT_TAGS = {_ODF % "text:1.0" + tag for tag in ("p", "h")}


class Odt(Format):
    kind = "OpenDocument text (ODT)"
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
        from xml.etree import ElementTree

        facts = Facts(kind=self.kind, media_type=self.media_type)
        archive = _checked_zip(probe)
        try:
            meta = ElementTree.fromstring(  # noqa: S314 -- expat refuses entity bombs
                read_member(archive, archive.getinfo("meta.xml"), 1024 * 1024)
            )
        except (KeyError, Unreadable, ElementTree.ParseError):
            return facts
        for key, tag in (
            ("author", "{http://purl.org/dc/elements/1.1/}creator"),
            ("title", "{http://purl.org/dc/elements/1.1/}title"),
            ("created", _ODF % "meta:1.0" + "creation-date"),
            ("modified", "{http://purl.org/dc/elements/1.1/}date"),
        ):
            found = meta.find(f".//{tag}")
            if found is not None and found.text:
                facts.shown[key] = clean_line(found.text)
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        from xml.etree import ElementTree

        archive = _checked_zip(data)
        try:
            content = read_member(archive, archive.getinfo("content.xml"), MAX_INFLATED_BYTES)
            root = ElementTree.fromstring(content)  # noqa: S314 -- expat refuses entity bombs
        except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
            raise Unreadable("This document can't be read: it may be damaged.") from None
        lines = [
            "".join(element.itertext()) for element in root.iter() if element.tag in _TEXT_TAGS
        ]
        text = clean_text("\n".join(lines)).strip()
        return [Text(text or "(The document has no text.)")]


# ---- text -------------------------------------------------------------------------------


class PlainText(Format):
    kind = "text file"
    family = "document"
    media_type = "text/plain"
    extensions: tuple[str, ...] = (".txt", ".text", ".log", ".md")

    def recognise(self, probe: Probe) -> int:
        return 1 if probe.head and probe.text() is not None else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type)

    def printable(self, data: bytes, name: str) -> list[Block]:
        text = decode_text(data[: MAX_PRINTED_CHARS * 4])
        if text is None:
            text = data[: MAX_PRINTED_CHARS * 4].decode("utf-8", errors="replace")
        return [Text(clean_text(text), mono=self.family == "data")]


class Csv(PlainText):
    kind = "table (CSV)"
    media_type = "text/csv"
    extensions = (".csv", ".tsv")
    family = "data"


class Svg(PlainText):
    kind = "SVG drawing"
    media_type = "image/svg+xml"
    extensions = (".svg", ".svgz")

    def recognise(self, probe: Probe) -> int:
        text = probe.text()
        return 2 if text is not None and "<svg" in text[:4096].lower() else 0

    def printable(self, data: bytes, name: str) -> list[Block]:
        return [
            Notice(
                "This is an SVG drawing. It is not drawn here, because drawing it could "
                "load things from outside the file; its source is printed instead."
            ),
            *[Text(block.text, mono=True) for block in super().printable(data, name)
              if isinstance(block, Text)],
        ]  # fmt: skip


class Archive(Format):
    kind = "zip archive"
    family = "document"
    media_type = "application/zip"
    extensions = (".zip",)

    def recognise(self, probe: Probe) -> int:
        return 1 if probe.zip() is not None else 0

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        facts.shown["files"] = len(probe.zip_names())
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise Unreadable(
                "This zip archive can't be read: it is damaged or cut short."
            ) from None
        rows: list[tuple[str, ...]] = [
            (clean_line(info.filename), size(info.file_size)) for info in infos[:5000]
        ]
        blocks: list[Block] = [
            Notice("This is a zip archive; the files inside it are listed, not shown."),
            Table(("File", "Size"), rows, (0.75, 0.25)),
        ]
        if len(infos) > len(rows):
            blocks.append(Text(f"… and {len(infos) - len(rows):,} more files."))
        return blocks


HANDLERS: list[Format] = [Pdf(), Docx(), Odt(), Svg(), Csv(), PlainText(), Archive()]
