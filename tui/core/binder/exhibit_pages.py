"""An exhibit's pages: its details (what it shows, where it was posted, when, its hashes,
where its original is), then each block its format prints, drawn in turn: pictures
(`pictures`), another PDF's pages (`pdf_pages`), fields, text, notices, headings,
tables and a video's contact sheet. A block that can't be drawn becomes a notice."""

from __future__ import annotations

import weakref

from tui.core.binder.document import FRAME_GREY, MARGIN, Document, in_language, written_time
from tui.core.binder.faces import controls_named
from tui.core.binder.pdf_pages import draw_pdf_pages
from tui.core.binder.pictures import draw_picture, draw_pixels
from tui.core.binder.text_layer import MACHINE_READ, lay_words, machine_read
from tui.core.binder.typesetting import SANS, Mono, Row, Setting, grid, pairs, paragraph
from tui.core.evidence import formats
from tui.core.evidence.digests import Digests, digests_of
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.inner_links import InnerLinks
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.original import open_original
from tui.core.evidence.provenance import lines as provenance_lines
from tui.core.shared.errors import Cancelled, VaultDamaged
from tui.core.shared.i18n import N_, _
from tui.core.shared.local_formats import whole_number
from tui.core.shared.stopping import checkpoint


def draw_exhibit(doc: Document, exhibit: Exhibit) -> tuple[bytes | None, str]:
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
        checkpoint()
        try:
            _draw(doc, exhibit, block)
        except Cancelled:  # a lock or the person asked to stop: not a damaged block
            raise
        except Exception:  # a block that can't be drawn becomes a notice, never a stop
            formats.log.debug("drawing failed", exc_info=True)
            _notice(doc, blocks.Notice(formats.DAMAGED))
            reason = reason or formats.DAMAGED
    return data, reason


DETAILS = (
    ("description", N_("What it shows")),
    ("significance", N_("Why it matters")),
    ("platform", N_("Site or app")),
    ("poster", N_("Posted by")),
    ("posted_at", N_("Posted")),
    ("captured_at", N_("Captured")),
    ("url", N_("Web address")),
    ("caption", N_("Captions and comments")),
)


def _capture_clock(exhibit: Exhibit) -> str:
    """The clock the capture time is on, when it is the time the photo states of itself
    (a camera's clock, with its offset from UTC where the photo gives one)."""
    stated = str(exhibit.facts.get("captured") or "")
    clock = str(exhibit.facts.get("captured_clock") or "")
    written = exhibit.captured_at.replace("T", " ")
    return clock if clock and written and stated.startswith(written) else ""


def _exhibit_details(
    doc: Document, exhibit: Exhibit, kind: str, digests: Digests | None, notice_only: bool
) -> None:
    pdf = doc.pdf
    pdf.add_page()
    title = _("Exhibit {id}: {what}").format(
        id=exhibit.id, what=exhibit.description or exhibit.original_name
    )
    title = controls_named(title)  # a bookmark: an override in a name must not act there
    pdf.start_section(title[:76] + _(" (notice only)") if notice_only else title[:90])
    doc.heading(_("Exhibit {id}").format(id=exhibit.id), 14)
    rows: list[tuple[str, str]] = []
    for name, label in DETAILS:
        value = getattr(exhibit, name)
        if not value:
            continue
        if name.endswith("_at"):
            rows.append((_(label), written_time(exhibit, name)))
            if name == "captured_at" and (clock := _capture_clock(exhibit)):
                rows.append((_("Clock"), clock))
        elif name in exhibit.guesses:
            rows.append(
                (_(label), _("{value} (read from the file, not confirmed)").format(value=value))
            )
        else:
            rows.append((_(label), value))
    rows += provenance_lines(exhibit)
    if machine_read(exhibit):
        said = _(MACHINE_READ)
        rows.append((_("Words in the picture"), said[:1].upper() + said[1:] + "."))
    rows += [
        (_("Original file"), exhibit.original_name),
        (
            _("Kind"),
            _("{kind}, {media_type}, {size} bytes").format(
                kind=_(kind) if kind else _("file"),  # kept in English, said in the binder's
                media_type=doc.media_type(exhibit),
                size=whole_number(exhibit.size),
            ),
        ),
        (_("Added to the case"), in_language(exhibit.added_at.removesuffix("Z")) + " UTC"),
        ("SHA-256", Mono(exhibit.sha256)),
    ]
    if digests is not None:
        rows += [
            (_("SHA-1 (for older tools)"), Mono(digests.sha1)),
            (_("MD5 (for older tools)"), Mono(digests.md5)),
        ]
    unattached = doc.not_attached.get(exhibit.id, "")
    rows.append(
        (_("The original"), unattached[:1].upper() + unattached[1:] or doc.where_originals)
    )
    if exhibit.derived_from:
        rows.append((
            _("Made by joining"),
            _("{exhibits} (kept as they were)").format(exhibits=", ".join(exhibit.derived_from)),
        ))  # fmt: skip
    rows += _inner_links(doc).lines(exhibit)
    pairs(pdf, doc.setting, rows, size=8.5, label_share=0.27)
    pdf.ln(3)


#: Each binder's view of how its exhibits hold one another, read once per binder.
_LINKS: weakref.WeakKeyDictionary[Document, InnerLinks] = weakref.WeakKeyDictionary()


def _inner_links(doc: Document) -> InnerLinks:
    if doc not in _LINKS:
        _LINKS[doc] = InnerLinks(list_exhibits(doc.vault))
    return _LINKS[doc]


def _draw(doc: Document, exhibit: Exhibit, block: blocks.Block) -> None:
    if isinstance(block, blocks.Picture):
        draw_picture(doc, exhibit, block)
    elif isinstance(block, blocks.PdfPages):
        draw_pdf_pages(doc, exhibit, block)
    elif isinstance(block, blocks.Fields):
        _fields(doc, block)
    elif isinstance(block, blocks.Text):
        _text(doc, block)
    elif isinstance(block, blocks.Heading):
        _subheading(doc, block)
    elif isinstance(block, blocks.Table):
        _table(doc, block)
    elif isinstance(block, blocks.Frames):
        _frames(doc, exhibit, block)
    else:
        _notice(doc, block)


def _fields(doc: Document, fields: blocks.Fields) -> None:
    pairs(doc.pdf, doc.setting, fields.rows, size=9, label_share=0.35)
    doc.pdf.ln(2)


def _text(doc: Document, text: blocks.Text) -> None:
    if text.mono:
        paragraph(doc.pdf, doc.setting, Mono(text.text), 7.5, 3.8)
    else:
        doc.para(text.text, 9, 4.4)
    doc.pdf.ln(2)


def _notice(doc: Document, notice: blocks.Notice) -> None:
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


def _subheading(doc: Document, heading: blocks.Heading) -> None:
    doc.pdf.ln(2)
    doc.heading(heading.text, 11)


#: A table cell longer than this is continued on the next row, so no row outgrows a page.
CELL_CHARS = 900


def _table(doc: Document, table: blocks.Table) -> None:
    widths = [share * doc.width for share in table.widths]
    groups = []
    for row in table.rows:
        checkpoint()
        pieces = [
            [text[at : at + CELL_CHARS] for at in range(0, max(1, len(text)), CELL_CHARS)]
            for text in row
        ]
        for line in range(max(len(piece) for piece in pieces)):
            groups.append([Row([piece[line] if line < len(piece) else "" for piece in pieces])])
    grid(doc.pdf, doc.setting, widths, table.headers, groups, size=7.5)
    doc.pdf.ln(3)


FRAMES_PER_ROW = 3


def _frames(doc: Document, exhibit: Exhibit, frames: blocks.Frames) -> None:
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
            width, height = image.width * scale, image.height * scale
            draw_pixels(pdf, image.convert("RGB"), x, top, width, height)
            lay_words(doc, exhibit, f"still {start + column + 1}", (x, top, width, height))
            pdf.set_xy(x, top + tallest + 0.5)
            pdf.set_font(SANS, size=7)
            pdf.cell(cell, 4, code, align="C")
        pdf.set_xy(MARGIN, top + tallest + 6)
