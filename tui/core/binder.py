"""The police binder: one printable PDF with a cover, contents, an evidence index, the
timeline, every exhibit with its details, and an appendix of hashes and the custody log.

Every page carries a consecutive control number (`RCL-000001`) and "page N of M". PDF
evidence is merged page by page (pikepdf) onto numbered pages; images are scaled to the
page width and tall ones split across pages without losing a row of pixels.

The same case, choices and export date give a byte-identical file (fixed dates, a
document id derived from the content, stable order), unless it is encrypted."""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import custody
from tui.core.atomic import atomic_write, check_new_file
from tui.core.errors import InputError, VaultDamaged
from tui.core.evidence import formats
from tui.core.evidence.exhibits import Exhibit, list_exhibits, normalize_id, read_original
from tui.core.evidence.formats import base as blocks
from tui.core.fuzzy_dates import as_written
from tui.core.paths import fonts_dir
from tui.core.vault import Vault

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.outline import OutlineSection

FONT_DIR = fonts_dir()
PAPERS = {"a4": "A4", "letter": "Letter"}
AUDIENCES = {"police": "the police", "lawyer": "a lawyer", "court": "the court"}
MARGIN = 15.0
IMAGE_COMPRESSION = 1
FOOTER_SPACE = 14.0
#: Progress: (exhibits done, exhibits in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BinderChoices:
    prepared_for: str = "police"
    prepared_by: str = ""
    case_title: str = "Image-based abuse: evidence"
    export_date: date = field(default_factory=lambda: datetime.now(UTC).date())
    paper: str = "a4"
    order: str = "exhibit"
    """"exhibit" (by number) or "time" (by capture or posting time)."""
    exclude: frozenset[str] = frozenset()
    prefix: str = "RCL"
    attach_originals: bool = False
    password: str | None = None
    packaged: bool = False
    """Made for a package, whose originals folder holds every original."""

    def check(self) -> None:
        if self.prepared_for not in AUDIENCES:
            raise InputError("The binder can be prepared for the police, a lawyer or the court.")
        if self.paper not in PAPERS:
            raise InputError("Paper is A4 or Letter.")
        if self.order not in ("exhibit", "time"):
            raise InputError("Exhibits are ordered by number (exhibit) or by time.")
        if not self.prefix.isalnum() or len(self.prefix) > 8:
            raise InputError("The control-number prefix is up to 8 letters or digits, like RCL.")


@dataclass(frozen=True)
class BinderResult:
    path: Path
    pages: int
    exhibits: list[str]
    sha256: str
    notices: list[tuple[str, str]] = field(default_factory=list)
    """Exhibits whose content could not be shown, only named with a notice: (id, why)."""

    def notice_lines(self) -> list[str]:
        """A sentence saying which exhibits are shown only as a notice, then one line each."""
        if not self.notices:
            return []
        count = len(self.notices)
        head = (
            f"{count} exhibit{'s are' if count != 1 else ' is'} named in the binder with a "
            "notice instead of {0} content:".format("their" if count != 1 else "its")
        )
        return [head, *(f"  {ident}: {why}" for ident, why in self.notices)]


def chosen_exhibits(vault: Vault, choices: BinderChoices) -> list[Exhibit]:
    excluded = {normalize_id(text) for text in choices.exclude}
    exhibits = [e for e in list_exhibits(vault) if not e.excluded and e.id not in excluded]
    if choices.order == "time":
        exhibits.sort(key=lambda e: (e.posted_at or e.captured_at or "~", e.number))
    return exhibits


class _Document:
    """Builds the fpdf2 document; PDF evidence pages are left as numbered placeholders."""

    def __init__(self, vault: Vault, choices: BinderChoices) -> None:
        from fpdf import FPDF

        self.vault = vault
        self.choices = choices
        prefix = choices.prefix

        class Paged(FPDF):
            def footer(inner) -> None:  # fpdf2's hook, drawn on every page
                inner.set_y(-12)
                inner.set_font("DejaVu", size=8)
                inner.cell(0, 5, f"{prefix}-{inner.page_no():06d}", align="L")
                inner.set_x(MARGIN)
                inner.cell(0, 5, f"Page {inner.page_no()} of {{nb}}", align="R")

        pdf = Paged(format=PAPERS[choices.paper], unit="mm")
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=FOOTER_SPACE + 4)
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.set_font("DejaVu", size=10)
        moment = datetime.combine(choices.export_date, datetime.min.time(), UTC)
        pdf.set_creation_date(moment)
        pdf.set_title(choices.case_title)
        pdf.set_producer("Reclaim")
        pdf.set_creator("Reclaim")
        pdf.set_author(choices.prepared_by)
        self.pdf: FPDF = pdf
        self.placeholders: list[tuple[int, str, int]] = []
        """(page number, PDF exhibit's id, page index in it) to fill in afterwards."""
        self.pdf_sources: dict[str, bytes] = {}
        """The PDF evidence whose pages are merged, by exhibit id."""
        self.notices: list[tuple[str, str]] = []
        """Exhibits shown only as a notice, and why."""
        if choices.attach_originals:
            self.where_originals = "The original file is attached to this PDF, byte for byte."
        elif choices.packaged:
            self.where_originals = "The original file is in this package's originals folder."
        else:
            self.where_originals = (
                "The original is kept in the encrypted case file and can be exported from it."
            )
        self.pictures: list[tuple[int, bytes, tuple[float, float, float, float]]] = []
        """(page number, one-page PDF of a picture, x, y, width, height in mm)."""

    @property
    def width(self) -> float:
        return float(self.pdf.w - 2 * MARGIN)

    def heading(self, text: str, size: int = 16) -> None:
        self.pdf.set_font("DejaVu", "B", size)
        self.pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)
        self.pdf.set_font("DejaVu", size=10)

    def para(self, text: str, size: int = 10, height: float = 5) -> None:
        self.pdf.set_font("DejaVu", size=size)
        self.pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    def labelled(self, label: str, text: str) -> None:
        self.pdf.set_font("DejaVu", "B", 9)
        self.pdf.multi_cell(0, 5, label, new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font("DejaVu", size=9)
        self.pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font("DejaVu", "B", 16)
    pdf.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    for section in outline:
        indent = 6 * section.level
        pdf.set_x(MARGIN + indent)
        name = str(section.name)
        pdf.cell(pdf.w - 2 * MARGIN - indent - 16, 6, name)
        pdf.cell(16, 6, str(section.page_number), align="R", new_x="LMARGIN", new_y="NEXT")


def _cover(doc: _Document, exhibits: list[Exhibit]) -> None:
    choices = doc.choices
    pdf = doc.pdf
    pdf.add_page()
    pdf.ln(30)
    doc.heading(choices.case_title, 22)
    lines = [
        ("Prepared for", AUDIENCES[choices.prepared_for]),
        ("Prepared by", choices.prepared_by or "the person this happened to"),
        ("Date", choices.export_date.strftime("%-d %B %Y")),
        ("Exhibits", str(len(exhibits))),
    ]
    for label, text in lines:
        doc.labelled(label, text)
    pdf.ln(8)
    doc.heading("Integrity statement", 12)
    doc.para(
        "Each exhibit was copied into an encrypted case file with Reclaim and its SHA-256 "
        "hash was taken as it was copied, before anything else was done with it. The "
        "hashes in this binder were checked against the stored copies when it was made. "
        "Anyone can hash an original file and compare it with the value printed here; a "
        "match means the file is the same, bit for bit. The custody log in the appendix "
        "records every time evidence was added, exported or checked. Every page carries "
        f"a control number ({choices.prefix}-000001 onwards) so that none can go missing "
        "unnoticed.",
        9,
    )


def _index(doc: _Document, exhibits: list[Exhibit]) -> None:
    pdf = doc.pdf
    pdf.start_section("Evidence index")
    doc.heading("Evidence index")
    if not exhibits:
        doc.para("No evidence is in this binder yet; it holds the written account only.", 9)
        return
    pdf.set_font("DejaVu", size=7)
    with pdf.table(
        col_widths=(12, 18, 18, 40, 40, 52),
        text_align=("LEFT",) * 6,
        line_height=3.6,
    ) as table:
        header = table.row()
        for title in ("No.", "Captured", "Platform", "Description", "Significance", "SHA-256"):
            header.cell(title)
        for exhibit in exhibits:
            row = table.row()
            row.cell(exhibit.id)
            row.cell(as_written(exhibit.captured_at)[:22] or "not given")
            row.cell(exhibit.platform or "")
            row.cell(exhibit.description or exhibit.original_name)
            row.cell(exhibit.significance or "")
            row.cell(f"{exhibit.sha256[:32]}\n{exhibit.sha256[32:]}")


def _timeline(doc: _Document) -> None:
    from tui.core.account import parts

    found = parts(doc.vault)
    if not found:
        return
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Timeline of events")
    doc.heading("Timeline of events")
    for part in found:
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(0, 5, part.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=9)
        for label, text in part.lines:
            line = f"{label}: {text}" if label else text
            pdf.multi_cell(0, 4.6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


DETAILS = (
    ("description", "What it shows"),
    ("significance", "Why it matters"),
    ("platform", "Site or app"),
    ("poster", "Posted by"),
    ("posted_at", "Posted"),
    ("captured_at", "Captured"),
    ("url", "Web address"),
    ("caption", "Captions and comments"),
)


def _exhibit_details(doc: _Document, exhibit: Exhibit, kind: str, notice_only: bool) -> None:
    pdf = doc.pdf
    pdf.add_page()
    title = f"Exhibit {exhibit.id}: {exhibit.description or exhibit.original_name}"
    pdf.start_section(title[:76] + " (notice only)" if notice_only else title[:90])
    doc.heading(f"Exhibit {exhibit.id}", 14)
    pdf.set_font("DejaVu", size=9)
    for name, label in DETAILS:
        value = getattr(exhibit, name)
        if value:
            text = as_written(value) if name.endswith("_at") else value
            if name in exhibit.guesses:
                text += " (estimated from the file, not confirmed)"
            pdf.multi_cell(0, 4.6, f"{label}: {text}", new_x="LMARGIN", new_y="NEXT", align="L")
    facts = (
        f"Original file: {exhibit.original_name} ({kind}, {exhibit.media_type}, "
        f"{exhibit.size:,} bytes)"
        f"\nAdded to the case: {exhibit.added_at.replace('T', ' ').removesuffix('Z')} UTC"
        f"\nSHA-256: {exhibit.sha256}"
        f"\n{doc.where_originals}"
    )
    if exhibit.derived_from:
        facts += f"\nMade by joining: {', '.join(exhibit.derived_from)} (kept as they were)"
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(0, 4.2, facts, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)


#: A picture is shrunk to fit a page down to this share of the page width; taller ones
#: (long stitched chats) are split across pages at full width instead.
MIN_WIDTH_SHARE = 0.45


def _image(doc: _Document, exhibit: Exhibit, picture: blocks.Picture) -> None:
    """Fit the picture on a page; split very tall ones (long chats) at full width.

    A picture that fits is embedded by img2pdf, which copies the file's own compressed
    data without decoding it (lossless and quick), and drawn onto its numbered page
    afterwards, as PDF evidence is. Others are drawn by fpdf2 from the decoded pixels."""
    pdf = doc.pdf
    width_px, height_px = max(1, picture.width), max(1, picture.height)
    width_mm = doc.width
    page_bottom = pdf.h - FOOTER_SPACE - 4
    aspect = height_px / width_px
    for top in (pdf.get_y(), None):
        if top is None:
            pdf.add_page()
            top = pdf.get_y()
        fitted = min(width_mm, (page_bottom - top) / aspect)
        if fitted >= width_mm * MIN_WIDTH_SHARE:
            x = MARGIN + (width_mm - fitted) / 2
            embedded = _img2pdf_page(picture.original) if picture.original else None
            if embedded is not None:
                doc.pictures.append((pdf.page_no(), embedded, (x, top, fitted, fitted * aspect)))
            else:
                pdf.image(picture.decode(), x=x, y=top, w=fitted)
            return
    image = picture.decode()
    mm_per_px = width_mm / image.width
    full_height = page_bottom - pdf.get_y() - 8
    rows_per_page = max(1, math.floor(full_height / mm_per_px))
    slices = math.ceil(image.height / rows_per_page)
    for index in range(slices):
        if index:
            pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        label = f"Exhibit {exhibit.id}, part {index + 1} of {slices}"
        pdf.cell(0, 5, label, new_x="LMARGIN", new_y="NEXT")
        part = image.crop(
            (0, index * rows_per_page, image.width, min(image.height, (index + 1) * rows_per_page))
        )
        pdf.image(part, x=MARGIN, y=pdf.get_y(), w=width_mm)


def _img2pdf_page(data: bytes) -> bytes | None:
    """A one-page PDF holding the picture as it is, or None where img2pdf declines
    (a transparent PNG, say)."""
    import img2pdf

    try:
        return bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
    except Exception:  # img2pdf has many refusals; fpdf2 draws those pictures instead
        return None


def _pdf_pages(doc: _Document, exhibit: Exhibit, pages: blocks.PdfPages) -> None:
    pdf = doc.pdf
    doc.pdf_sources[exhibit.id] = pages.data
    for index in range(pages.count):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.cell(
            0, 5, f"Exhibit {exhibit.id}, page {index + 1} of {pages.count} of the original PDF"
        )
        doc.placeholders.append((pdf.page_no(), exhibit.id, index))


def _fields(doc: _Document, fields: blocks.Fields) -> None:
    """Labels in a column as wide as the longest (within reason), values beside them;
    a long label wraps in its column rather than running into its value."""
    pdf = doc.pdf
    pdf.set_font("DejaVu", "B", 9)
    widest = max((pdf.get_string_width(label) for label, _ in fields.rows), default=0)
    column = min(widest + 2 * pdf.c_margin + 4, doc.width * 0.35)
    for label, value in fields.rows:
        top = pdf.get_y()
        if top + 5 > pdf.h - FOOTER_SPACE - 4:
            pdf.add_page()
            top = pdf.get_y()
        pdf.set_font("DejaVu", "B", 9)
        label_height = pdf.multi_cell(column - 3, 4.6, label, dry_run=True, output="HEIGHT")
        pdf.multi_cell(column - 3, 4.6, label, new_x="RIGHT", new_y="TOP", align="L")
        pdf.set_xy(MARGIN + column, top)
        pdf.set_font("DejaVu", size=9)
        pdf.multi_cell(0, 4.6, value or " ", new_x="LMARGIN", new_y="NEXT", align="L")
        assert isinstance(label_height, float | int)
        pdf.set_y(max(pdf.get_y(), top + label_height))
    pdf.ln(2)


def _text(doc: _Document, text: blocks.Text) -> None:
    doc.pdf.set_font("DejaVu", size=7.5 if text.mono else 9)
    doc.pdf.multi_cell(
        0, 3.8 if text.mono else 4.4, text.text, new_x="LMARGIN", new_y="NEXT", align="L"
    )
    doc.pdf.ln(2)


def _notice(doc: _Document, notice: blocks.Notice) -> None:
    doc.pdf.set_font("DejaVu", size=9)
    doc.pdf.multi_cell(
        0, 5, notice.text, border=1, padding=2, new_x="LMARGIN", new_y="NEXT", align="L"
    )
    doc.pdf.ln(3)


def _subheading(doc: _Document, heading: blocks.Heading) -> None:
    doc.pdf.ln(2)
    doc.heading(heading.text, 11)


#: A table cell longer than this is continued on the next row, so no row outgrows a page.
CELL_CHARS = 900


def _table(doc: _Document, table: blocks.Table) -> None:
    pdf = doc.pdf
    pdf.set_font("DejaVu", size=7.5)
    widths = tuple(share * doc.width for share in table.widths)
    with pdf.table(
        col_widths=widths, text_align=("LEFT",) * len(widths), line_height=3.6, width=doc.width
    ) as drawn:
        header = drawn.row()
        for title in table.headers:
            header.cell(title)
        for row in table.rows:
            pieces = [
                [text[at : at + CELL_CHARS] for at in range(0, max(1, len(text)), CELL_CHARS)]
                for text in row
            ]
            for line in range(max(len(piece) for piece in pieces)):
                out = drawn.row()
                for piece in pieces:
                    out.cell(piece[line] if line < len(piece) else "")
    pdf.ln(3)


FRAMES_PER_ROW = 3


def _frames(doc: _Document, frames: blocks.Frames) -> None:
    """A contact sheet: stills in rows of three, each with its time code under it."""
    pdf = doc.pdf
    gap = 4.0
    cell = (doc.width - gap * (FRAMES_PER_ROW - 1)) / FRAMES_PER_ROW
    page_bottom = pdf.h - FOOTER_SPACE - 4
    for start in range(0, len(frames.frames), FRAMES_PER_ROW):
        row = frames.frames[start : start + FRAMES_PER_ROW]
        tallest = max(cell * image.height / max(1, image.width) for _, image in row)
        tallest = min(tallest, cell * 1.8)
        if pdf.get_y() + tallest + 6 > page_bottom:
            pdf.add_page()
        top = pdf.get_y()
        for column, (code, image) in enumerate(row):
            x = MARGIN + column * (cell + gap)
            scale = min(cell / max(1, image.width), tallest / max(1, image.height))
            pdf.image(image.convert("RGB"), x=x, y=top, w=image.width * scale)
            pdf.set_xy(x, top + tallest + 0.5)
            pdf.set_font("DejaVu", size=7)
            pdf.cell(cell, 4, code, align="C")
        pdf.set_xy(MARGIN, top + tallest + 6)


def _draw(doc: _Document, exhibit: Exhibit, block: blocks.Block) -> None:
    if isinstance(block, blocks.Picture):
        _image(doc, exhibit, block)
    elif isinstance(block, blocks.PdfPages):
        _pdf_pages(doc, exhibit, block)
    elif isinstance(block, blocks.Fields):
        _fields(doc, block)
    elif isinstance(block, blocks.Text):
        _text(doc, block)
    elif isinstance(block, blocks.Heading):
        _subheading(doc, block)
    elif isinstance(block, blocks.Table):
        _table(doc, block)
    elif isinstance(block, blocks.Frames):
        _frames(doc, block)
    else:
        _notice(doc, block)


def _exhibit(doc: _Document, exhibit: Exhibit) -> tuple[bytes | None, str]:
    """Print one exhibit: its details, then what its format prints. Returns the original
    bytes (None when the stored copy is damaged) and why its content is shown only as a
    notice ('' when it is shown)."""
    try:
        data: bytes | None = read_original(doc.vault, exhibit)
    except VaultDamaged as damage:
        data, reason = None, str(damage)
        content: list[blocks.Block] = [blocks.Notice(reason)]
        kind = str(exhibit.facts.get("kind") or exhibit.media_type)
    else:
        assert data is not None
        content, reason = formats.printable(data, exhibit.original_name)
        kind = str(
            exhibit.facts.get("kind") or formats.identify_bytes(data, exhibit.original_name).kind
        )
    _exhibit_details(doc, exhibit, kind or exhibit.media_type, notice_only=bool(reason))
    for block in content:
        try:
            _draw(doc, exhibit, block)
        except Exception:  # a block that can't be drawn becomes a notice, never a stop
            formats.log.debug("drawing failed", exc_info=True)
            _notice(doc, blocks.Notice(formats.DAMAGED))
            reason = reason or formats.DAMAGED
    return data, reason


def _appendix(doc: _Document, exhibits: list[Exhibit]) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Appendix: hash manifest")
    doc.heading("Appendix: hash manifest")
    if not exhibits:
        doc.para("No exhibits, so no hashes.", 9)
    pdf.set_font("DejaVu", size=7)
    for exhibit in exhibits:
        pdf.multi_cell(
            0,
            3.8,
            f"{exhibit.id}  {exhibit.sha256}  {exhibit.size:>12,} bytes  {exhibit.original_name}",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.add_page()
    pdf.start_section("Appendix: custody log")
    doc.heading("Appendix: custody log")
    doc.para(
        "Every entry is chained to the one before by its hash (#). Entries recording "
        "earlier binders and packages are left out, so that making this binder again from "
        "the same case gives the same file.",
        8,
    )
    pdf.ln(2)
    pdf.set_font("DejaVu", size=7)
    for entry in custody.entries(doc.vault.table(custody.TABLE)):
        if entry["action"] in ("binder", "package"):
            continue
        details = ", ".join(f"{k}={_short(v)}" for k, v in sorted(entry["details"].items()))
        chained = f"#{entry['hash'][:12]}"
        pdf.multi_cell(
            0,
            3.8,
            f"{entry['seq']:>4}  {entry['at']}  {entry['action']}  {details}  {chained}",
            new_x="LMARGIN",
            new_y="NEXT",
        )


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 70 else text[:67] + "..."


@dataclass(frozen=True)
class Made:
    data: bytes
    notices: list[tuple[str, str]]
    """(exhibit, why) for each exhibit shown only as a notice."""


def build(vault: Vault, choices: BinderChoices, progress: Progress | None = None) -> bytes:
    """The binder's bytes, checking every exhibit's hash as it goes."""
    return make(vault, choices, progress).data


def make(vault: Vault, choices: BinderChoices, progress: Progress | None = None) -> Made:
    """The binder and the exhibits it could only name. One exhibit that can't be read
    (damaged, locked, crafted) gets a page saying so; it never stops the binder.

    The libraries' own warnings (an alpha channel dropped, a large picture) are kept off
    the terminal, where they would scribble over the app's screen."""
    import logging
    import warnings

    for name in ("img2pdf", "fpdf", "PIL"):
        logging.getLogger(name).setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _make(vault, choices, progress)


def _make(vault: Vault, choices: BinderChoices, progress: Progress | None = None) -> Made:
    import pikepdf

    choices.check()
    exhibits = chosen_exhibits(vault, choices)
    if not exhibits:
        from tui.core.timeline import list_events

        if not list_events(vault):  # a written account alone is worth printing
            raise InputError(
                "There is no evidence to put in a binder yet (or all of it is removed)."
            )
    from fpdf import image_parsing

    # Screenshots are mostly flat colour: zlib's fastest level packs them nearly as well
    # as the default, in a fraction of the time. Lossless either way.
    image_parsing.SETTINGS.compression_level = IMAGE_COMPRESSION
    doc = _Document(vault, choices)
    _cover(doc, exhibits)
    doc.pdf.add_page()
    lines = 6 + len(exhibits)
    # Reserves the contents pages and breaks to a fresh page for the index.
    doc.pdf.insert_toc_placeholder(_render_contents, pages=max(1, math.ceil(lines / 38)))
    _index(doc, exhibits)
    _timeline(doc)
    originals: dict[str, bytes] = {}
    for number, exhibit in enumerate(exhibits, start=1):
        data, reason = _exhibit(doc, exhibit)
        if reason:
            doc.notices.append((exhibit.id, reason))
        if choices.attach_originals and data is not None:
            originals[exhibit.id] = data
        if progress is not None:
            progress(number, len(exhibits))
    _appendix(doc, exhibits)
    base = bytes(doc.pdf.output())

    with pikepdf.open(io.BytesIO(base)) as binder:
        _merge_pdf_pages(binder, doc)
        _place_pictures(binder, doc)
        if choices.attach_originals:
            stamp = f"D:{choices.export_date.strftime('%Y%m%d')}000000Z"
            for exhibit in exhibits:
                if exhibit.id not in originals:
                    continue  # its stored copy is damaged: named in the binder instead
                name = f"{exhibit.id}-{Path(exhibit.original_name).name or 'original'}"
                binder.attachments[name] = pikepdf.AttachedFileSpec(
                    binder,
                    originals[exhibit.id],
                    description=f"Exhibit {exhibit.id}, SHA-256 {exhibit.sha256}",
                    filename=name,
                    mime_type=exhibit.media_type,
                    creation_date=stamp,
                    mod_date=stamp,
                )
        out = io.BytesIO()
        if choices.password:
            binder.save(
                out,
                encryption=pikepdf.Encryption(
                    owner=choices.password, user=choices.password, R=6, aes=True
                ),
            )
        else:
            binder.save(out, deterministic_id=True)
    return Made(out.getvalue(), doc.notices)


def _merge_pdf_pages(binder: Any, doc: _Document) -> None:
    """Draw each page of PDF evidence onto its numbered placeholder page, scaled to fit."""
    import pikepdf

    opened: dict[str, Any] = {}
    try:
        for page_number, exhibit_id, index in doc.placeholders:
            if exhibit_id not in opened:
                opened[exhibit_id] = pikepdf.open(io.BytesIO(doc.pdf_sources[exhibit_id]))
            source = opened[exhibit_id].pages[index]
            target = binder.pages[page_number - 1]
            box = target.mediabox
            points = 72 / 25.4
            rect = pikepdf.Rectangle(
                MARGIN * points,
                (FOOTER_SPACE + 2) * points,
                float(box[2]) - MARGIN * points,
                float(box[3]) - (MARGIN + 8) * points,
            )
            # Like Page.add_overlay, but with a fixed resource name (add_overlay picks a
            # random one), so that the same binder comes out byte for byte the same.
            form = binder.copy_foreign(source.as_form_xobject())
            name = target.add_resource(
                form, pikepdf.Name.XObject, pikepdf.Name(f"/Exhibit{page_number}")
            )
            placement = target.calc_form_xobject_placement(form, name, rect)
            target.contents_add(pikepdf.Stream(binder, b"q\n" + placement + b"\nQ\n"))
    finally:
        for source in opened.values():
            source.close()


def _place_pictures(binder: Any, doc: _Document) -> None:
    import pikepdf

    points = 72 / 25.4
    for number, (page_number, one_page, (x, y, width, height)) in enumerate(doc.pictures):
        target = binder.pages[page_number - 1]
        page_height = float(target.mediabox[3])
        rect = pikepdf.Rectangle(
            x * points,
            page_height - (y + height) * points,
            (x + width) * points,
            page_height - y * points,
        )
        with pikepdf.open(io.BytesIO(one_page)) as picture:
            form = binder.copy_foreign(picture.pages[0].as_form_xobject())
        name = target.add_resource(form, pikepdf.Name.XObject, pikepdf.Name(f"/Picture{number}"))
        placement = target.calc_form_xobject_placement(form, name, rect, allow_expand=True)
        target.contents_add(pikepdf.Stream(binder, b"q\n" + placement + b"\nQ\n"))


def write_binder(
    vault: Vault, destination: Path, choices: BinderChoices, progress: Progress | None = None
) -> BinderResult:
    """Build the binder and write it to `destination` (private, atomic, logged)."""
    import pikepdf

    if destination.suffix.lower() != ".pdf":
        raise InputError(f"{destination.name}: the binder is a PDF; end the name with .pdf.")
    check_new_file(destination)
    made = make(vault, choices, progress)
    data = made.data
    atomic_write(destination, data)
    with pikepdf.open(io.BytesIO(data), password=choices.password or "") as check:
        pages = len(check.pages)
    exhibits = [exhibit.id for exhibit in chosen_exhibits(vault, choices)]
    digest = hashlib.sha256(data).hexdigest()
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "binder",
            destination=str(destination),
            sha256=digest,
            pages=pages,
            exhibits=exhibits,
            encrypted=bool(choices.password),
            **({"notice_only": [ident for ident, _ in made.notices]} if made.notices else {}),
        )
    return BinderResult(destination, pages, exhibits, digest, made.notices)
