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
from tui.core.atomic import atomic_write, check_new_file, fsync_dir, open_private
from tui.core.errors import InputError
from tui.core.evidence.exhibits import Exhibit, list_exhibits, normalize_id, read_original
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


def chosen_exhibits(vault: Vault, choices: BinderChoices) -> list[Exhibit]:
    excluded = {normalize_id(text) for text in choices.exclude}
    exhibits = [e for e in list_exhibits(vault) if not e.excluded and e.id not in excluded]
    if choices.order == "time":
        exhibits.sort(key=lambda e: (e.posted_at or e.captured_at or "~", e.number))
    return exhibits


def _kind(exhibit: Exhibit) -> str:
    media = exhibit.media_type
    if media == "application/pdf":
        return "pdf"
    if media.startswith("image/"):
        return "image"
    if media.startswith("text/"):
        return "text"
    return "other"


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
        self.placeholders: list[tuple[int, Exhibit, int]] = []
        """(page number, PDF exhibit, page index in it) to fill in afterwards."""
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
            row.cell(exhibit.captured_at.replace("T", " ")[:16] or "not given")
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


def _exhibit_details(doc: _Document, exhibit: Exhibit) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section(f"Exhibit {exhibit.id}: {exhibit.description or exhibit.original_name}"[:90])
    doc.heading(f"Exhibit {exhibit.id}", 14)
    pdf.set_font("DejaVu", size=9)
    for name, label in DETAILS:
        value = getattr(exhibit, name)
        if value:
            text = value.replace("T", " ") if name.endswith("_at") else value
            if name in exhibit.guesses:
                text += " (estimated from the file, not confirmed)"
            pdf.multi_cell(0, 4.6, f"{label}: {text}", new_x="LMARGIN", new_y="NEXT")
    facts = (
        f"Original file: {exhibit.original_name} ({exhibit.media_type}, {exhibit.size:,} bytes)"
        f"\nAdded to the case: {exhibit.added_at.replace('T', ' ').removesuffix('Z')} UTC"
        f"\nSHA-256: {exhibit.sha256}"
    )
    if exhibit.derived_from:
        facts += f"\nMade by joining: {', '.join(exhibit.derived_from)} (kept as they were)"
    pdf.set_font("DejaVu", size=8)
    pdf.multi_cell(0, 4.2, facts, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


#: A picture is shrunk to fit a page down to this share of the page width; taller ones
#: (long stitched chats) are split across pages at full width instead.
MIN_WIDTH_SHARE = 0.45


def _image(doc: _Document, exhibit: Exhibit, data: bytes) -> None:
    """Fit the picture on a page; split very tall ones (long chats) at full width.

    A picture that fits is embedded by img2pdf, which copies the file's own compressed
    data without decoding it (lossless and quick), and drawn onto its numbered page
    afterwards, as PDF evidence is. Others are drawn by fpdf2 from the decoded pixels."""
    from PIL import Image

    pdf = doc.pdf
    with Image.open(io.BytesIO(data)) as opened:
        width_px, height_px = opened.size
        if opened.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
            width_px, height_px = height_px, width_px
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
            embedded = _img2pdf_page(data)
            if embedded is not None:
                doc.pictures.append((pdf.page_no(), embedded, (x, top, fitted, fitted * aspect)))
            else:
                pdf.image(_decoded(data), x=x, y=top, w=fitted)
            return
    image = _decoded(data)
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


ORIENTATION = 0x0112


def _decoded(data: bytes) -> Any:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        return ImageOps.exif_transpose(opened).convert("RGB")


def _img2pdf_page(data: bytes) -> bytes | None:
    """A one-page PDF holding the picture as it is, or None where img2pdf declines
    (a transparent PNG, say)."""
    import img2pdf

    try:
        return bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
    except Exception:  # img2pdf has many refusals; fpdf2 draws those pictures instead
        return None


def _pdf_pages(doc: _Document, exhibit: Exhibit, data: bytes) -> None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as source:
            count = len(source.pages)
    except pikepdf.PdfError:
        _notice(doc, exhibit, "This PDF can't be read (it may be damaged or password-protected).")
        return
    pdf = doc.pdf
    for index in range(count):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 5, f"Exhibit {exhibit.id}, page {index + 1} of {count} of the original PDF")
        doc.placeholders.append((pdf.page_no(), exhibit, index))


def _text(doc: _Document, data: bytes) -> None:
    doc.pdf.set_font("DejaVu", size=8)
    doc.pdf.multi_cell(0, 4, data.decode("utf-8", errors="replace"), new_x="LMARGIN")


def _notice(doc: _Document, exhibit: Exhibit, why: str) -> None:
    where = (
        "It is attached to this PDF, byte for byte."
        if doc.choices.attach_originals
        else "The original is kept in the encrypted case file and can be exported from it."
    )
    doc.para(f"{why} SHA-256 of the original: {exhibit.sha256}. {where}", 9)


def _appendix(doc: _Document, exhibits: list[Exhibit]) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section("Appendix: hash manifest")
    doc.heading("Appendix: hash manifest")
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


def build(vault: Vault, choices: BinderChoices, progress: Progress | None = None) -> bytes:
    """The binder's bytes (before encryption), checking every exhibit's hash as it goes."""
    import pikepdf

    choices.check()
    exhibits = chosen_exhibits(vault, choices)
    if not exhibits:
        raise InputError("There is no evidence to put in a binder yet (or all of it is removed).")
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
        data = read_original(vault, exhibit)  # raises if the stored copy is damaged
        _exhibit_details(doc, exhibit)
        kind = _kind(exhibit)
        if kind == "image":
            _image(doc, exhibit, data)
        elif kind == "pdf":
            _pdf_pages(doc, exhibit, data)
            originals[exhibit.id] = data
        elif kind == "text":
            _text(doc, data)
        else:
            _notice(doc, exhibit, f"This is a {exhibit.media_type} file, which can't be printed.")
        if choices.attach_originals:
            originals[exhibit.id] = data
        if progress is not None:
            progress(number, len(exhibits))
    _appendix(doc, exhibits)
    base = bytes(doc.pdf.output())

    with pikepdf.open(io.BytesIO(base)) as binder:
        _merge_pdf_pages(binder, doc, originals)
        _place_pictures(binder, doc)
        if choices.attach_originals:
            stamp = f"D:{choices.export_date.strftime('%Y%m%d')}000000Z"
            for exhibit in exhibits:
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
    return out.getvalue()


def _merge_pdf_pages(binder: Any, doc: _Document, originals: dict[str, bytes]) -> None:
    """Draw each page of PDF evidence onto its numbered placeholder page, scaled to fit."""
    import pikepdf

    opened: dict[str, Any] = {}
    try:
        for page_number, exhibit, index in doc.placeholders:
            if exhibit.id not in opened:
                opened[exhibit.id] = pikepdf.open(io.BytesIO(originals[exhibit.id]))
            source = opened[exhibit.id].pages[index]
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
    data = build(vault, choices, progress)
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
        )
    return BinderResult(destination, pages, exhibits, digest)


PACKAGE_README = """\
This folder was made with Reclaim on {day} for {audience}.

It is a BagIt bag (RFC 8493, the Library of Congress packaging standard):
  data/binder.pdf         the numbered binder: index, timeline, every exhibit, hashes
  data/originals/         each exhibit's original file, exactly as it was saved
{extra}  manifest-sha256.txt     the SHA-256 of every file under data/

To check that nothing was changed or lost, with Python's bagit tool:
  pip install bagit && bagit.py --validate THIS_FOLDER
or compare the manifest with: sha256sum -c manifest-sha256.txt (run inside this folder).
The same SHA-256 values are printed in the binder's evidence index.

The originals are not encrypted. Keep this folder, and the drive it is on, safe.
"""


def write_package(
    vault: Vault,
    folder: Path,
    choices: BinderChoices,
    progress: Progress | None = None,
    extra: dict[str, tuple[bytes, str]] | None = None,
) -> BinderResult:
    """The USB package: the binder, the originals and a README, as a BagIt bag. `extra`
    adds files next to the binder: name → (content, what it is, for the README)."""
    import bagit

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder} already exists and is not empty; choose a new folder.")
    if not folder.parent.is_dir():
        raise InputError(f"There is no folder {folder.parent} to make the package in.")
    folder.mkdir(mode=0o700, exist_ok=True)
    try:
        result = write_binder(vault, folder / "binder.pdf", choices, progress)
        originals = folder / "originals"
        originals.mkdir(mode=0o700)
        for exhibit in chosen_exhibits(vault, choices):
            name = f"{exhibit.id}-{Path(exhibit.original_name).name or 'original'}"
            with open_private(originals / name) as handle:
                handle.write(read_original(vault, exhibit))
        listed = ""
        for name, (content, what) in (extra or {}).items():
            with open_private(folder / name) as handle:
                handle.write(content)
            listed += f"  {'data/' + name:<24}{what}\n"
        (folder / "README.txt").write_text(
            PACKAGE_README.format(
                day=choices.export_date.isoformat(),
                audience=AUDIENCES[choices.prepared_for],
                extra=listed,
            )
        )
        bag_info = {
            "Source-Organization": choices.prepared_by or "Prepared by the person concerned",
            "External-Description": "Evidence binder and originals for "
            + AUDIENCES[choices.prepared_for],
            "Bagging-Date": choices.export_date.isoformat(),
        }
        bagit.make_bag(str(folder), bag_info, checksums=["sha256"])
    except BaseException:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        raise
    fsync_dir(folder)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "package",
            destination=str(folder),
            binder_sha256=result.sha256,
            exhibits=result.exhibits,
        )
    return BinderResult(folder, result.pages, result.exhibits, result.sha256)
