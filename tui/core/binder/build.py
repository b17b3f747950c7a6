"""The police binder: one printable PDF with a cover, contents, an evidence index, the
timeline, every exhibit with its details, and an appendix of hashes and the custody log.

Every page carries a consecutive control number (`RCL-000001`) and "page N of M". The file
is PDF/A-2b (PDF/A-3b when the originals are attached), which courts' filing systems and
archives ask for; a password makes it an ordinary encrypted PDF, since PDF/A forbids
encryption. PDF evidence is merged page by page (pikepdf) onto numbered pages, framed;
a page that PDF/A can't hold as it is (a font not embedded, CMYK colour, form fields) is
printed as a picture at print resolution with its words laid invisibly over it. Images
are scaled to the page and tall ones split across pages without losing a row of pixels.

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

from tui.core.binder import pdfa
from tui.core.binder.typesetting import (
    MISSING,
    MONO,
    SANS,
    Bold,
    Mono,
    Row,
    Setting,
    drawable,
    grid,
    pairs,
    paragraph,
)
from tui.core.evidence import formats
from tui.core.evidence.digests import Digests, digests_of
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.model import Exhibit, list_exhibits, normalize_id
from tui.core.evidence.original import open_original
from tui.core.places.jurisdictions import NOT_SAID, case_place, stored
from tui.core.shared import clock
from tui.core.shared.atomic import atomic_write, check_new_file
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.shared.fuzzy_dates import as_written
from tui.core.shared.paths import fonts_dir
from tui.core.vault import custody
from tui.core.vault.vault import Vault

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.outline import OutlineSection
    from PIL import Image

FONT_DIR = fonts_dir()
PAPERS = {"a4": "A4", "letter": "Letter"}
AUDIENCES = {"police": "the police", "lawyer": "a lawyer", "court": "the court"}
MARGIN = 15.0
IMAGE_COMPRESSION = 1
FOOTER_SPACE = 14.0
#: An original larger than this is not attached to the PDF (readers and mail systems
#: choke on such files); the binder says so and the package holds it.
ATTACH_LIMIT = 256 * 1024 * 1024
ATTACH_TOTAL = 1024 * 1024 * 1024
#: Beside every time that was read from the file rather than given by the person.
ESTIMATED = " (estimated)"
FRAME_GREY = 120
#: Progress: (exhibits done, exhibits in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BinderChoices:
    prepared_for: str = "police"
    prepared_by: str = ""
    case_title: str = "Image-based abuse: evidence"
    export_date: date = field(default_factory=lambda: clock.utc_now().date())
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

    @property
    def pdfa_part(self) -> int | None:
        """2 (PDF/A-2b), 3 (PDF/A-3b, which may hold the originals), or None: PDF/A
        forbids encryption, so a binder with a password is an ordinary PDF."""
        if self.password:
            return None
        return 3 if self.attach_originals else 2


@dataclass(frozen=True)
class BinderResult:
    path: Path
    pages: int
    exhibits: list[str]
    sha256: str
    notices: list[tuple[str, str]] = field(default_factory=list)
    """Exhibits whose content could not be shown, only named with a notice: (id, why)."""
    unattached: list[tuple[str, str]] = field(default_factory=list)
    """Originals asked for but not attached to the PDF: (id, why)."""

    def notice_lines(self) -> list[str]:
        """A sentence saying which exhibits are shown only as a notice, then one line each;
        the same for originals too large to attach."""
        lines = []
        if self.notices:
            count = len(self.notices)
            lines.append(
                f"{count} exhibit{'s are' if count != 1 else ' is'} named in the binder with "
                "a notice instead of {0} content:".format("their" if count != 1 else "its")
            )
            lines += [f"  {ident}: {why}" for ident, why in self.notices]
        if self.unattached:
            lines.append("Not attached to the PDF:")
            lines += [f"  {ident}: {why}" for ident, why in self.unattached]
        return lines


def chosen_exhibits(vault: Vault, choices: BinderChoices) -> list[Exhibit]:
    excluded = {normalize_id(text) for text in choices.exclude}
    exhibits = [e for e in list_exhibits(vault) if not e.excluded and e.id not in excluded]
    if choices.order == "time":
        exhibits.sort(key=lambda e: (e.posted_at or e.captured_at or "~", e.number))
    return exhibits


def not_attached(exhibits: list[Exhibit], choices: BinderChoices) -> dict[str, str]:
    """The originals asked for that the PDF won't hold, and why: each over ATTACH_LIMIT,
    and, in order, those that would take the PDF past ATTACH_TOTAL (a PDF of gigabytes
    is no use to anyone it is sent to). Decided from the sizes before anything is read,
    so that each exhibit's page can say where its original is."""
    if not choices.attach_originals:
        return {}
    where = (
        "it is in this package's originals folder"
        if choices.packaged
        else "it is kept in the encrypted case file and can be exported from it"
    )
    reasons: dict[str, str] = {}
    held = 0
    for exhibit in exhibits:
        if exhibit.size > ATTACH_LIMIT:
            reasons[exhibit.id] = (
                f"too large to attach to the PDF (over {ATTACH_LIMIT // 2**20} MiB); {where}"
            )
        elif held + exhibit.size > ATTACH_TOTAL:
            reasons[exhibit.id] = (
                f"not attached: the PDF already holds {ATTACH_TOTAL // 2**20} MiB of "
                f"originals; {where}"
            )
        else:
            held += exhibit.size
    return reasons


@dataclass
class _Placed:
    """A page of a PDF, or a picture as a one-page PDF, to draw onto a numbered page."""

    page_number: int
    box: tuple[float, float, float, float]
    """x, y, width, height in mm from the top-left corner."""
    source: str
    """The PDF exhibit's id, or '' for a picture."""
    index: int = 0
    one_page: bytes = b""


class _Document:
    """Builds the fpdf2 document; PDF evidence pages and pictures are placed afterwards."""

    def __init__(self, vault: Vault, choices: BinderChoices) -> None:
        from fpdf import FPDF

        self.vault = vault
        self.choices = choices
        prefix = choices.prefix

        class Paged(FPDF):
            def footer(inner) -> None:  # fpdf2's hook, drawn on every page
                inner.set_y(-12)
                inner.set_font(SANS, size=8)
                inner.cell(0, 5, f"{prefix}-{inner.page_no():06d}", align="L")
                inner.set_x(MARGIN)
                inner.cell(0, 5, f"Page {inner.page_no()} of {{nb}}", align="R")

        part = choices.pdfa_part
        pdf = Paged(
            format=PAPERS[choices.paper],
            unit="mm",
            enforce_compliance=f"PDFA_{part}B" if part else None,
        )
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=FOOTER_SPACE + 4)
        pdf.add_font(SANS, "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font(SANS, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf.add_font(MONO, "", str(FONT_DIR / "DejaVuSansMono.ttf"))
        pdf.set_font(SANS, size=10)
        self.moment = datetime.combine(choices.export_date, datetime.min.time(), UTC)
        pdf.set_creation_date(self.moment)
        pdf.set_title(choices.case_title)
        pdf.set_producer("Reclaim")
        pdf.set_creator("Reclaim")
        pdf.set_author(choices.prepared_by)
        if part:  # fpdf2's own XMP carries the time it is written: no longer reproducible
            pdf.set_xmp_metadata(
                pdfa.xmp_body(part, choices.case_title, choices.prepared_by, self.moment)
            )
        self.pdf: FPDF = pdf
        self.placed: list[_Placed] = []
        self.pdf_sources: dict[str, bytes] = {}
        """The PDF evidence whose pages are merged, by exhibit id."""
        self.notices: list[tuple[str, str]] = []
        """Exhibits shown only as a notice, and why."""
        self.not_attached: dict[str, str] = {}
        """Originals asked for that the PDF won't hold, and why (see `not_attached`)."""
        self.digests: dict[str, Digests] = {}
        """MD5 and SHA-1 beside SHA-256, for the originals that could be read."""
        self.media_types: dict[str, str] = {}
        """What the content is, where an earlier version recorded another type (a HEIC
        taken in as video/mp4)."""
        if choices.attach_originals:
            self.where_originals = "Attached to this PDF, byte for byte."
        elif choices.packaged:
            self.where_originals = "In this package's originals folder."
        else:
            self.where_originals = "Kept in the encrypted case file; it can be exported from it."

    def media_type(self, exhibit: Exhibit) -> str:
        return self.media_types.get(exhibit.id, exhibit.media_type)

    @property
    def width(self) -> float:
        return float(self.pdf.w - 2 * MARGIN)

    @property
    def bottom(self) -> float:
        """The lowest point content may reach above the footer."""
        return float(self.pdf.h - FOOTER_SPACE - 4)

    @property
    def setting(self) -> Setting:
        return Setting(MARGIN, self.width, self.bottom)

    def heading(self, text: str, size: int = 16) -> None:
        paragraph(self.pdf, self.setting, Bold(text), size, size * 0.5)
        self.pdf.set_y(self.pdf.get_y() + 2)

    def para(self, text: str, size: float = 10, height: float | None = None) -> None:
        paragraph(self.pdf, self.setting, text, size, height or size * 0.48)

    def frame(self, x: float, y: float, width: float, height: float) -> None:
        """The thin line around a page of evidence, so that its own edges show."""
        self.pdf.set_draw_color(FRAME_GREY)
        self.pdf.set_line_width(0.2)
        self.pdf.rect(x - 0.3, y - 0.3, width + 0.6, height + 0.6)


def _render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font(SANS, "B", 16)
    pdf.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(SANS, size=10)
    for section in outline:
        indent = 6 * section.level
        pdf.set_x(MARGIN + indent)
        room = pdf.w - 2 * MARGIN - indent - 18
        name = drawable(pdf, str(section.name))
        while len(name) > 8 and pdf.get_string_width(name) > room:
            name = name[: int(len(name) * 0.9)].rstrip() + "\u2026"
        pdf.cell(pdf.w - 2 * MARGIN - indent - 16, 6, name)
        pdf.cell(16, 6, str(section.page_number), align="R", new_x="LMARGIN", new_y="NEXT")
    reserved = pdf.toc_placeholder
    while reserved is not None and pdf.page < reserved.start_page + reserved.pages - 1:
        pdf.add_page()  # fpdf2 asks for exactly the pages reserved, no fewer


CONTENTS_LINE = 6.0


def _contents_pages(doc: _Document, exhibits: list[Exhibit]) -> int:
    """The pages the contents will take: a line each for the index, timeline, exhibits
    and the two appendices, and two for the heading."""
    per_page = max(1, int((doc.bottom - MARGIN) // CONTENTS_LINE))
    return max(1, math.ceil((len(exhibits) + 4 + 2) / per_page))


def _cover(doc: _Document, exhibits: list[Exhibit]) -> None:
    choices = doc.choices
    pdf = doc.pdf
    pdf.add_page()
    pdf.ln(30)
    doc.heading(choices.case_title, 22)
    pdf.ln(2)
    part = choices.pdfa_part
    pairs(
        pdf,
        doc.setting,
        [
            ("Prepared for", AUDIENCES[choices.prepared_for]),
            ("Prepared by", choices.prepared_by or "the person this happened to"),
            ("Date", choices.export_date.strftime("%-d %B %Y")),
            *(
                [("Where the person lives", case_place(doc.vault))]
                if stored(doc.vault) != NOT_SAID  # "I'd rather not say" stays unsaid
                else []
            ),
            ("Exhibits", str(len(exhibits))),
            (
                "Format",
                f"PDF/A-{part}b (ISO 19005), for filing and archiving"
                if part
                else "PDF, encrypted with a password (so not PDF/A, which forbids encryption)",
            ),
        ],
        size=10,
        label_share=0.25,
    )
    pdf.ln(8)
    doc.heading("Integrity statement", 12)
    doc.para(
        "Each exhibit was copied into an encrypted case file with Reclaim and its SHA-256 "
        "hash was taken as it was copied, before anything else was done with it. The "
        "hashes in this binder were checked against the stored copies when it was made. "
        "Anyone can hash an original file and compare it with the value printed here; a "
        "match means the file is the same, bit for bit. SHA-1 and MD5 are given as well, "
        "for older forensic tools; SHA-256 is the reference. The custody log in the "
        "appendix records every time evidence was added, exported or checked. Every page "
        f"carries a control number ({choices.prefix}-000001 onwards) so that none can go "
        "missing unnoticed. Times marked \u201c(estimated)\u201d were read from the file "
        "(its own metadata or name), not confirmed by the person. A character the "
        f"binder's typeface can't show (an emoji, say) is printed as {MISSING}; the "
        "original file holds it.",
        9,
        4.6,
    )


def _time(exhibit: Exhibit, name: str) -> str:
    """A stored time as people read it, marked when it was guessed from the file."""
    value = str(getattr(exhibit, name) or "")
    if not value:
        return ""
    return as_written(value) + (ESTIMATED if name in exhibit.guesses else "")


INDEX_WIDTHS = (16.0, 37.0, 24.0, 52.0, 51.0)


def _index(doc: _Document, exhibits: list[Exhibit]) -> None:
    """Two rows an exhibit: its facts, then its whole SHA-256 on one line."""
    pdf = doc.pdf
    pdf.start_section("Evidence index")
    doc.heading("Evidence index")
    if not exhibits:
        doc.para("No evidence is in this binder yet; it holds the written account only.", 9)
        return
    scale = doc.width / sum(INDEX_WIDTHS)
    widths = [share * scale for share in INDEX_WIDTHS]
    hash_widths = (widths[0], doc.width - widths[0])
    groups = [
        (
            Row([
                Bold(exhibit.id),
                _time(exhibit, "captured_at") or "not given",
                exhibit.platform or "",
                exhibit.description or exhibit.original_name,
                exhibit.significance or "",
            ]),
            Row(["", Mono(f"SHA-256 {exhibit.sha256}")], hash_widths),
        )
        for exhibit in exhibits
    ]  # fmt: skip
    header = ("No.", "Captured", "Platform", "Description", "Significance")
    grid(pdf, doc.setting, widths, header, groups, size=7.5)


def _timeline(doc: _Document) -> None:
    from tui.core.timeline.written_account import parts

    found = parts(doc.vault)
    if not found:
        return
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Timeline of events")
    doc.heading("Timeline of events")
    for part in found:
        paragraph(pdf, doc.setting, Bold(part.heading), 10, 5)
        pdf.ln(0.5)
        pairs(pdf, doc.setting, part.lines, size=9, label_share=0.22)
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


def _exhibit_details(
    doc: _Document, exhibit: Exhibit, kind: str, digests: Digests | None, notice_only: bool
) -> None:
    pdf = doc.pdf
    pdf.add_page()
    title = f"Exhibit {exhibit.id}: {exhibit.description or exhibit.original_name}"
    pdf.start_section(title[:76] + " (notice only)" if notice_only else title[:90])
    doc.heading(f"Exhibit {exhibit.id}", 14)
    rows: list[tuple[str, str]] = []
    for name, label in DETAILS:
        value = getattr(exhibit, name)
        if not value:
            continue
        if name.endswith("_at"):
            rows.append((label, _time(exhibit, name)))
        elif name in exhibit.guesses:
            rows.append((label, f"{value} (read from the file, not confirmed)"))
        else:
            rows.append((label, value))
    rows += [
        ("Original file", exhibit.original_name),
        ("Kind", f"{kind or 'file'}, {doc.media_type(exhibit)}, {exhibit.size:,} bytes"),
        ("Added to the case", exhibit.added_at.replace("T", " ").removesuffix("Z") + " UTC"),
        ("SHA-256", Mono(exhibit.sha256)),
    ]
    if digests is not None:
        rows += [
            ("SHA-1 (for older tools)", Mono(digests.sha1)),
            ("MD5 (for older tools)", Mono(digests.md5)),
        ]
    unattached = doc.not_attached.get(exhibit.id, "")
    rows.append(("The original", unattached[:1].upper() + unattached[1:] or doc.where_originals))
    if exhibit.derived_from:
        rows.append(("Made by joining", f"{', '.join(exhibit.derived_from)} (kept as they were)"))
    pairs(pdf, doc.setting, rows, size=8.5, label_share=0.27)
    pdf.ln(3)


#: A picture is shrunk to fit a page of its own down to this share of the page width;
#: taller ones (long stitched chats) are split across pages at full width instead.
MIN_WIDTH_SHARE = 0.45
#: Below the details a picture may be smaller, down to about a phone's own width, rather
#: than leave the details alone on a page, but not less than this share of its size on
#: a page of its own.
BELOW_DETAILS_SHARE = 0.33
BELOW_DETAILS_OF_FRESH = 0.6
#: No slice of a split picture is shorter than this share of a page.
LEAST_SLICE = 1 / 6
LABEL_HEIGHT = 5.0


def _image(doc: _Document, exhibit: Exhibit, picture: blocks.Picture) -> None:
    """Fit the picture on the page, below the details where it can be read there; split
    very tall ones (long chats) at full width.

    A picture that fits is embedded by img2pdf, which copies the file's own compressed
    data without decoding it (lossless and quick), and drawn onto its numbered page
    afterwards, as PDF evidence is. Others are drawn by fpdf2 from the decoded pixels."""
    pdf = doc.pdf
    aspect = max(1, picture.height) / max(1, picture.width)
    fresh = min(doc.width, (doc.bottom - MARGIN) / aspect)
    here = min(doc.width, (doc.bottom - pdf.get_y()) / aspect)
    if here >= max(doc.width * BELOW_DETAILS_SHARE, fresh * BELOW_DETAILS_OF_FRESH):
        _place_picture(doc, picture, here, aspect)
    elif fresh >= doc.width * MIN_WIDTH_SHARE:
        pdf.add_page()
        _place_picture(doc, picture, fresh, aspect)
    else:
        _split_picture(doc, exhibit, picture)


def _place_picture(doc: _Document, picture: blocks.Picture, width: float, aspect: float) -> None:
    pdf = doc.pdf
    x, top = MARGIN + (doc.width - width) / 2, pdf.get_y()
    embedded = _img2pdf_page(picture.original) if picture.original else None
    if embedded is not None:
        box = (x, top, width, width * aspect)
        doc.placed.append(_Placed(pdf.page_no(), box, "", one_page=embedded))
    else:
        pdf.image(_printable(picture.decode()), x=x, y=top, w=width, h=width * aspect)
    pdf.set_y(top + width * aspect + 3)


def slices(total: int, first: int, full: int, least: int) -> list[int]:
    """Rows on each page for a picture `total` rows tall: `first` fit on this page and
    `full` on each page after. A last slice under `least` rows is avoided by sharing the
    rows out evenly instead."""
    if total <= first:
        return [total]
    count = 1 + math.ceil((total - first) / full)
    heights = [first] + [full] * (count - 2)
    heights.append(total - sum(heights))
    if heights[-1] >= least:
        return heights
    head = min(first, total // count)
    each, extra = divmod(total - head, count - 1)
    return [head] + [each + (1 if number < extra else 0) for number in range(count - 1)]


def _split_picture(doc: _Document, exhibit: Exhibit, picture: blocks.Picture) -> None:
    pdf = doc.pdf
    image = _printable(picture.decode())
    mm_per_px = doc.width / image.width
    full = max(1, math.floor((doc.bottom - MARGIN - LABEL_HEIGHT - 1) / mm_per_px))
    least = max(1, math.ceil(full * LEAST_SLICE))
    first = math.floor((doc.bottom - pdf.get_y() - LABEL_HEIGHT - 1) / mm_per_px)
    if first < least:
        pdf.add_page()
        first = full
    heights = slices(image.height, first, full, least)
    top = 0
    for number, rows in enumerate(heights):
        if number:
            pdf.add_page()
        pdf.set_font(SANS, size=8)
        label = f"Exhibit {exhibit.id}, part {number + 1} of {len(heights)}"
        pdf.text(MARGIN, pdf.get_y() + LABEL_HEIGHT * 0.7, label)
        y = pdf.get_y() + LABEL_HEIGHT
        part = image.crop((0, top, image.width, top + rows))
        pdf.image(part, x=MARGIN, y=y, w=doc.width, h=rows * mm_per_px)
        pdf.set_y(y + rows * mm_per_px + 3)
        top += rows


def _printable(image: Image.Image) -> Image.Image:
    """Pixels a PDF/A file printed in sRGB can hold: CMYK and odd modes become RGB."""
    if image.mode in ("RGB", "L", "RGBA", "LA", "P", "1"):
        return image
    return image.convert("RGB")


def _img2pdf_page(data: bytes) -> bytes | None:
    """A one-page PDF holding the picture as it is, or None where img2pdf declines (a
    transparent PNG, say) or would keep CMYK, which an sRGB binder can't hold."""
    import img2pdf

    try:
        made = bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
    except Exception:  # img2pdf has many refusals; fpdf2 draws those pictures instead
        return None
    return None if b"/DeviceCMYK" in made else made


def _shown_size(page: Any) -> tuple[float, float]:
    """A page's size in points as a viewer shows it: its trim box, turned by /Rotate
    (a /Rotate that isn't a multiple of 90, or isn't a number, is ignored, as viewers
    do)."""
    box = [float(value) for value in page.trimbox]
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    if width < 1 or height < 1:
        width, height = 612.0, 792.0
    turn = page.obj.get("/Rotate", 0)
    if isinstance(turn, int) and turn % 180 == 90:
        width, height = height, width
    return width, height


#: The most drawing (decoded) one page may hand the renderer or a reader's viewer, and
#: one PDF exhibit in all: a crafted page can hold gigabytes of drawing in kilobytes.
DRAW_LIMIT = 8 * 1024 * 1024
DRAW_TOTAL = 64 * 1024 * 1024
TOO_MUCH_DRAWING = (
    "this page holds more drawing than can be printed here; it is in the original file."
)
UNDRAWABLE = "this page can't be drawn; it is in the original file."


def _pdf_pages(doc: _Document, exhibit: Exhibit, pages: blocks.PdfPages) -> None:
    """Each page framed on a numbered page (the first below the details); one PDF/A
    can't hold as it is, printed as a picture with its words laid invisibly over it."""
    import pikepdf

    pdf = doc.pdf
    doc.pdf_sources[exhibit.id] = pages.data
    plan: list[tuple[str, tuple[float, float]]] = []
    drawing = 0
    with pikepdf.open(io.BytesIO(pages.data)) as source:
        for page in list(source.pages)[: pages.count]:
            measured = pdfa.drawing_size(page, min(DRAW_LIMIT, DRAW_TOTAL - drawing))
            if measured is None:
                plan.append((TOO_MUCH_DRAWING, (0.0, 0.0)))
                continue
            drawing += measured
            problem = pdfa.page_problem(page) if doc.choices.pdfa_part else ""
            plan.append((problem, _shown_size(page)))
    for index, (problem, size) in enumerate(plan):
        rendered = None
        if problem and problem != TOO_MUCH_DRAWING:
            try:
                from tui.core.binder.rendered_pages import render

                rendered = render(pages.data, index)
                size = (rendered.width, rendered.height)
            except Exception:
                formats.log.debug("rendering failed", exc_info=True)
                problem = UNDRAWABLE
        if index or doc.bottom - pdf.get_y() < (doc.bottom - MARGIN) * 0.45:
            pdf.add_page()
        label = f"Exhibit {exhibit.id}, page {index + 1} of {pages.count} of the original PDF"
        if problem in (UNDRAWABLE, TOO_MUCH_DRAWING):
            doc.para(f"{label}: {problem}", 8)
            continue
        if problem:
            label += f", shown as a picture of the page because {problem}"
        doc.para(label, 8, 4)
        top = pdf.get_y() + 1.5
        scale = min(doc.width / size[0], (doc.bottom - top) / size[1])
        width, height = size[0] * scale, size[1] * scale
        x = MARGIN + (doc.width - width) / 2
        doc.frame(x, top, width, height)
        if rendered is None:
            doc.placed.append(_Placed(pdf.page_no(), (x, top, width, height), exhibit.id, index))
        else:
            _draw_rendered(doc, rendered, (x, top), scale)
        pdf.set_y(top + height + 2)


def _draw_rendered(doc: _Document, rendered: Any, at: tuple[float, float], scale: float) -> None:
    """The picture of a page, and its words over it, invisible but found by a search."""
    from fpdf.enums import TextMode

    pdf = doc.pdf
    x, y = at
    box = (x, y, rendered.width * scale, rendered.height * scale)
    embedded = _img2pdf_page(_page_png(rendered.image))
    if embedded is not None:  # placed afterwards, like a picture that fits
        doc.placed.append(_Placed(pdf.page_no(), box, "", one_page=embedded))
    else:
        pdf.image(rendered.image, x=x, y=y, w=box[2], h=box[3])
    pdf.text_mode = TextMode.INVISIBLE
    try:
        for run in rendered.runs:
            size = max(1.0, round(run.height * scale / 0.3528 * 2) / 2)
            pdf.set_font(SANS, size=size)
            words = drawable(pdf, run.text)
            pdf.text(x + run.left * scale, y + (run.top + run.height * 0.8) * scale, words)
    finally:
        pdf.text_mode = TextMode.FILL


def _page_png(image: Any) -> bytes:
    """A drawn page as PNG: grey where every pixel is grey (most documents), a third of
    the data to compress and embed; PIL's encoder is much quicker than fpdf2's own."""
    from PIL import ImageChops

    grey = image.convert("L")
    if ImageChops.difference(image, grey.convert("RGB")).getbbox() is None:
        image = grey
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _fields(doc: _Document, fields: blocks.Fields) -> None:
    pairs(doc.pdf, doc.setting, fields.rows, size=9, label_share=0.35)
    doc.pdf.ln(2)


def _text(doc: _Document, text: blocks.Text) -> None:
    if text.mono:
        paragraph(doc.pdf, doc.setting, Mono(text.text), 7.5, 3.8)
    else:
        doc.para(text.text, 9, 4.4)
    doc.pdf.ln(2)


def _notice(doc: _Document, notice: blocks.Notice) -> None:
    pdf = doc.pdf
    inner = Setting(MARGIN + 2.5, doc.width - 5, doc.bottom)
    if pdf.get_y() + 14 > doc.bottom:
        pdf.add_page()
    top = pdf.get_y()
    pdf.set_y(top + 2)
    paragraph(pdf, inner, notice.text, 9, 4.6)
    pdf.set_draw_color(FRAME_GREY)
    pdf.set_line_width(0.2)
    if pdf.get_y() > top:
        pdf.rect(MARGIN, top, doc.width, pdf.get_y() - top + 2)
    pdf.set_y(pdf.get_y() + 5)


def _subheading(doc: _Document, heading: blocks.Heading) -> None:
    doc.pdf.ln(2)
    doc.heading(heading.text, 11)


#: A table cell longer than this is continued on the next row, so no row outgrows a page.
CELL_CHARS = 900


def _table(doc: _Document, table: blocks.Table) -> None:
    widths = [share * doc.width for share in table.widths]
    groups = []
    for row in table.rows:
        pieces = [
            [text[at : at + CELL_CHARS] for at in range(0, max(1, len(text)), CELL_CHARS)]
            for text in row
        ]
        for line in range(max(len(piece) for piece in pieces)):
            groups.append([Row([piece[line] if line < len(piece) else "" for piece in pieces])])
    grid(doc.pdf, doc.setting, widths, table.headers, groups, size=7.5)
    doc.pdf.ln(3)


FRAMES_PER_ROW = 3


def _frames(doc: _Document, frames: blocks.Frames) -> None:
    """A contact sheet: stills in rows of three, each with its time code under it."""
    pdf = doc.pdf
    gap = 4.0
    cell = (doc.width - gap * (FRAMES_PER_ROW - 1)) / FRAMES_PER_ROW
    for start in range(0, len(frames.frames), FRAMES_PER_ROW):
        row = frames.frames[start : start + FRAMES_PER_ROW]
        tallest = max(cell * image.height / max(1, image.width) for _, image in row)
        tallest = min(tallest, cell * 1.8)
        if pdf.get_y() + tallest + 6 > doc.bottom:
            pdf.add_page()
        top = pdf.get_y()
        for column, (code, image) in enumerate(row):
            x = MARGIN + column * (cell + gap)
            scale = min(cell / max(1, image.width), tallest / max(1, image.height))
            pdf.image(image.convert("RGB"), x=x, y=top, w=image.width * scale)
            pdf.set_xy(x, top + tallest + 0.5)
            pdf.set_font(SANS, size=7)
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
    bytes when they are to be attached (b"" when not, None when the stored copy is
    damaged) and why its content is shown only as a notice ('' when it is shown).

    The original is read as a file decrypted as it is read: one pass checks its hash and
    takes MD5 and SHA-1, and a recording is read in place, never whole in memory."""
    attach = doc.choices.attach_originals and exhibit.id not in doc.not_attached
    data: bytes | None = b""
    kind = str(exhibit.facts.get("kind") or "")
    with open_original(doc.vault, exhibit) as original:
        try:  # one pass checks the hash; an original to attach is read whole in it
            if attach:
                data = original.read()
                digests: Digests | None = digests_of(data)
            else:
                digests = original.digests()
        except VaultDamaged as damage:
            data, digests, reason = None, None, str(damage)
            content: list[blocks.Block] = [blocks.Notice(reason)]
        else:
            content, reason = formats.printable(original, exhibit.original_name)
            if not kind:  # recorded by an earlier version: what the content is, once
                handler = formats.identify_source(original, exhibit.original_name)
                kind = handler.kind
                doc.media_types[exhibit.id] = handler.media_type or exhibit.media_type
    if digests is not None:
        doc.digests[exhibit.id] = digests
    _exhibit_details(doc, exhibit, kind, digests, notice_only=bool(reason))
    for block in content:
        try:
            _draw(doc, exhibit, block)
        except Exception:  # a block that can't be drawn becomes a notice, never a stop
            formats.log.debug("drawing failed", exc_info=True)
            _notice(doc, blocks.Notice(formats.DAMAGED))
            reason = reason or formats.DAMAGED
    return data, reason


MANIFEST_WIDTHS = (50.0, 24.0, 106.0)
LOG_WIDTHS = (11.0, 29.0, 17.0, 17.0, 106.0)


def _appendix(doc: _Document, exhibits: list[Exhibit]) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Appendix: hash manifest")
    doc.heading("Appendix: hash manifest")
    if not exhibits:
        doc.para("No exhibits, so no hashes.", 9)
    else:
        doc.para(
            "SHA-256 is the reference: it was taken as each file came into the case. SHA-1 "
            "and MD5 are given for older forensic tools that still ask for them.",
            8.5,
            4.2,
        )
        pdf.ln(2)
        scale = doc.width / sum(MANIFEST_WIDTHS)
        groups: list[list[Row]] = []
        for exhibit in exhibits:
            found = doc.digests.get(exhibit.id)
            digests = f"SHA-256 {exhibit.sha256}"
            if found is not None:
                digests += f"\nSHA-1   {found.sha1}\nMD5     {found.md5}"
            cells = [f"{exhibit.id} {exhibit.original_name}", f"{exhibit.size:,} bytes"]
            groups.append([Row([*cells, Mono(digests)])])
        header = ("File", "Size", "Hashes")
        grid(pdf, doc.setting, [w * scale for w in MANIFEST_WIDTHS], header, groups, size=6.5)
    _custody_log(doc)


def _custody_log(doc: _Document) -> None:
    """The log as a table; each entry's details one to a line, in the monospaced face
    so that a hash in them stands whole on its line."""
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Appendix: custody log")
    doc.heading("Appendix: custody log")
    doc.para(
        "Every entry is chained to the one before by its hash (#, the first 16 characters). "
        "Entries recording earlier binders and packages are left out, so that making this "
        "binder again from the same case gives the same file.",
        8.5,
        4.2,
    )
    pdf.ln(2)
    groups: list[list[Row]] = []
    for entry in custody.entries(doc.vault.table(custody.TABLE)):
        if entry["action"] in ("binder", "package"):
            continue
        details = dict(entry["details"])
        exhibit = str(details.pop("exhibit", ""))
        said = "\n".join(f"{key}: {_short(value)}" for key, value in sorted(details.items()))
        chained = f"#{entry['hash'][:16]}"
        row: list[str] = [
            str(entry["seq"]),
            str(entry["at"]).replace("T", " ").removesuffix("Z"),
            str(entry["action"]),
            exhibit,
            Mono(f"{said}\n{chained}" if said else chained),
        ]
        groups.append([Row(row)])
    scale = doc.width / sum(LOG_WIDTHS)
    header = ("Entry", "Time (UTC)", "Action", "Exhibit", "Details")
    grid(pdf, doc.setting, [w * scale for w in LOG_WIDTHS], header, groups, size=6.5)


def _short(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return text if len(text) <= 200 else text[:197] + "..."


@dataclass(frozen=True)
class Made:
    data: bytes
    notices: list[tuple[str, str]]
    """(exhibit, why) for each exhibit shown only as a notice."""
    unattached: list[tuple[str, str]] = field(default_factory=list)
    """(exhibit, why) for each original asked for but not attached."""
    pages: int = 0
    exhibits: list[str] = field(default_factory=list)
    """The exhibits in the binder, by number."""

    def log(self, vault: Vault, action: str, choices: BinderChoices, **where: str) -> None:
        """The custody entry for this binder written out (alone, or in a package)."""
        with vault.transaction():
            custody.append(
                vault.table(custody.TABLE),
                action,
                **where,
                pages=self.pages,
                exhibits=self.exhibits,
                encrypted=bool(choices.password),
                **({"notice_only": [ident for ident, _ in self.notices]} if self.notices else {}),
            )


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
        from tui.core.timeline.events import list_events

        if not list_events(vault):  # a written account alone is worth printing
            raise InputError(
                "There is no evidence to put in a binder yet (or all of it is removed)."
            )
    from fpdf import image_parsing

    # Screenshots are mostly flat colour: zlib's fastest level packs them nearly as well
    # as the default, in a fraction of the time. Lossless either way.
    image_parsing.SETTINGS.compression_level = IMAGE_COMPRESSION
    doc = _Document(vault, choices)
    doc.not_attached = not_attached(exhibits, choices)
    _cover(doc, exhibits)
    doc.pdf.add_page()
    # Reserves the contents pages and breaks to a fresh page for the index.
    doc.pdf.insert_toc_placeholder(_render_contents, pages=_contents_pages(doc, exhibits))
    _index(doc, exhibits)
    _timeline(doc)
    originals: dict[str, bytes] = {}
    unattached: list[tuple[str, str]] = []
    for number, exhibit in enumerate(exhibits, start=1):
        data, reason = _exhibit(doc, exhibit)
        if reason:
            doc.notices.append((exhibit.id, reason))
        if choices.attach_originals and data is not None:
            if why := doc.not_attached.get(exhibit.id):
                unattached.append((exhibit.id, why))
            else:
                originals[exhibit.id] = data
        if progress is not None:
            progress(number, len(exhibits))
    _appendix(doc, exhibits)
    base = bytes(doc.pdf.output())

    with pikepdf.open(io.BytesIO(base)) as binder:
        _place(binder, doc)
        stamp = f"D:{choices.export_date.strftime('%Y%m%d')}000000Z"
        for exhibit in exhibits:
            if exhibit.id in originals:  # else damaged, or too large: said in the binder
                pdfa.attach(
                    binder,
                    f"{exhibit.id}-{Path(exhibit.original_name).name or 'original'}",
                    originals[exhibit.id],
                    f"Exhibit {exhibit.id}, SHA-256 {exhibit.sha256}",
                    doc.media_type(exhibit),
                    stamp,
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
            if part := choices.pdfa_part:
                pdfa.finish(binder, part, choices.case_title, choices.prepared_by, doc.moment)
            binder.save(out, deterministic_id=True)
        pages = len(binder.pages)
    ids = [exhibit.id for exhibit in exhibits]
    return Made(out.getvalue(), doc.notices, unattached, pages, ids)


POINTS_PER_MM = 72 / 25.4


def _place(binder: Any, doc: _Document) -> None:
    """Draw each merged PDF page and each picture into its box on its numbered page.

    Like Page.add_overlay, but with fixed resource names (add_overlay picks random ones),
    so that the same binder comes out byte for byte the same."""
    import pikepdf

    opened: dict[str, Any] = {}
    wrapped: set[int] = set()
    try:
        for number, placed in enumerate(doc.placed):
            target = binder.pages[placed.page_number - 1]
            if placed.page_number not in wrapped:
                # The page's own drawing is closed off, so that the evidence starts from
                # the default state (black, thin lines) it was made for, not ours.
                wrapped.add(placed.page_number)
                target.contents_add(pikepdf.Stream(binder, b"q\n"), prepend=True)
                target.contents_add(pikepdf.Stream(binder, b"\nQ\n"))
            page_height = float(target.mediabox[3])
            x, y, width, height = placed.box
            rect = pikepdf.Rectangle(
                x * POINTS_PER_MM,
                page_height - (y + height) * POINTS_PER_MM,
                (x + width) * POINTS_PER_MM,
                page_height - y * POINTS_PER_MM,
            )
            if placed.source:
                if placed.source not in opened:
                    opened[placed.source] = pikepdf.open(
                        io.BytesIO(doc.pdf_sources[placed.source])
                    )
                page = opened[placed.source].pages[placed.index]
                form = binder.copy_foreign(page.as_form_xobject())
                name = pikepdf.Name(f"/Exhibit{placed.page_number}")
            else:
                with pikepdf.open(io.BytesIO(placed.one_page)) as picture:
                    form = binder.copy_foreign(picture.pages[0].as_form_xobject())
                name = pikepdf.Name(f"/Picture{number}")
            name = target.add_resource(form, pikepdf.Name.XObject, name)
            placement = target.calc_form_xobject_placement(form, name, rect, allow_expand=True)
            target.contents_add(pikepdf.Stream(binder, b"q\n" + placement + b"\nQ\n"))
    finally:
        for source in opened.values():
            source.close()


def write_binder(
    vault: Vault, destination: Path, choices: BinderChoices, progress: Progress | None = None
) -> BinderResult:
    """Build the binder and write it to `destination` (private, atomic, logged)."""

    if destination.suffix.lower() != ".pdf":
        raise InputError(f"{destination.name}: the binder is a PDF; end the name with .pdf.")
    check_new_file(destination)
    made = make(vault, choices, progress)
    atomic_write(destination, made.data)
    digest = hashlib.sha256(made.data).hexdigest()
    made.log(vault, "binder", choices, destination=str(destination), sha256=digest)
    return BinderResult(
        destination, made.pages, made.exhibits, digest, made.notices, made.unattached
    )
