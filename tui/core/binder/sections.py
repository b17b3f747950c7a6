"""The binder's own sections, in the order they are printed around the exhibits: the
cover with its integrity statement, the contents, the evidence index, the timeline of
events, and the appendices (the hash manifest and the custody log)."""

from __future__ import annotations

import math
from typing import Any

from fpdf import FPDF
from fpdf.outline import OutlineSection

from tui.core.binder.choices import AUDIENCES
from tui.core.binder.document import MARGIN, Document, written_time
from tui.core.binder.text_layer import MACHINE_READ, machine_read
from tui.core.binder.typesetting import (
    MISSING,
    SANS,
    Bold,
    Mono,
    Row,
    drawable,
    grid,
    pairs,
    paragraph,
)
from tui.core.evidence.model import Exhibit
from tui.core.evidence.provenance import summary as provenance_summary
from tui.core.places.case_place import case_place, stored
from tui.core.places.model import NOT_SAID
from tui.core.shared.i18n import _, ngettext
from tui.core.shared.local_formats import long_date, whole_number
from tui.core.timeline.written_account import parts
from tui.core.timestamps.stamps import stamp_line, stamped
from tui.core.vault import custody, custody_details, custody_words


def render_contents(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font(SANS, "B", 16)
    pdf.cell(0, 10, _("Contents"), new_x="LMARGIN", new_y="NEXT")
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


def declaration(doc: Document) -> None:
    """The declaration the person chose to include, as drafted, on pages of its own after
    the cover (nothing when none was chosen)."""
    text = doc.choices.declaration.strip("\n")
    if not text:
        return
    title, _unused, body = text.partition("\n")
    doc.pdf.add_page()
    doc.pdf.start_section(_("Declaration"))
    doc.heading(title, 13)
    for line in body.split("\n"):
        if line.strip():
            doc.para(line, 9, 4.6)
        else:
            doc.pdf.ln(2.5)


CONTENTS_LINE = 6.0


def contents_pages(doc: Document, exhibits: list[Exhibit]) -> int:
    """The pages the contents will take: a line each for the index, timeline, exhibits
    and the two appendices, and two for the heading."""
    per_page = max(1, int((doc.bottom - MARGIN) // CONTENTS_LINE))
    lines = len(exhibits) + 4 + 2 + (1 if doc.choices.declaration.strip() else 0)
    return max(1, math.ceil(lines / per_page))


def cover(doc: Document, exhibits: list[Exhibit]) -> None:
    choices = doc.choices
    pdf = doc.pdf
    pdf.add_page()
    pdf.ln(30)
    doc.heading(choices.title(), 22)
    pdf.ln(2)
    part = choices.pdfa_part
    pairs(
        pdf,
        doc.setting,
        [
            (_("Prepared for"), _(AUDIENCES[choices.prepared_for])),
            (_("Prepared by"), choices.prepared_by or _("the person this happened to")),
            (_("Date"), long_date(choices.export_date)),
            *(
                [(_("Where the person lives"), case_place(doc.vault))]
                if stored(doc.vault) != NOT_SAID  # "I'd rather not say" stays unsaid
                else []
            ),
            (_("Exhibits"), str(len(exhibits))),
            (
                _("Format"),
                _("PDF/A-{part}b (ISO 19005), for filing and archiving").format(part=part)
                if part
                else _("PDF, encrypted with a password (so not PDF/A, which forbids encryption)"),
            ),
        ],
        size=10,
        label_share=0.25,
    )
    pdf.ln(8)
    doc.heading(_("Integrity statement"), 12)
    doc.para(
        _(
            "Each exhibit was copied into an encrypted case file with Reclaim and its SHA-256 "
            "hash was taken as it was copied, before anything else was done with it. The "
            "hashes in this binder were checked against the stored copies when it was made. "
            "Anyone can hash an original file and compare it with the value printed here; a "
            "match means the file is the same, bit for bit. SHA-1 and MD5 are given as well, "
            "for older forensic tools; SHA-256 is the reference. The custody log in the "
            "appendix records every time evidence was added, exported or checked. Every page "
            "carries a control number ({prefix}-000001 onwards) so that none can go "
            "missing unnoticed. Times marked \u201c(estimated)\u201d were read from the file "
            "(its own metadata or name), not confirmed by the person. A character none of "
            "the binder's typefaces can show is printed as its Unicode number, like {missing}; "
            "the original file holds it."
        ).format(prefix=choices.prefix, missing=MISSING),
        9,
        4.6,
    )


INDEX_WIDTHS = (16.0, 37.0, 24.0, 52.0, 51.0)


def index(doc: Document, exhibits: list[Exhibit]) -> None:
    """Two rows an exhibit: its facts, then its whole SHA-256 on one line."""
    pdf = doc.pdf
    pdf.start_section(_("Evidence index"))
    doc.heading(_("Evidence index"))
    if not exhibits:
        doc.para(_("No evidence is in this binder yet; it holds the written account only."), 9)
        return
    scale = doc.width / sum(INDEX_WIDTHS)
    widths = [share * scale for share in INDEX_WIDTHS]
    hash_widths = (widths[0], doc.width - widths[0])
    groups = [
        (
            Row([
                Bold(exhibit.id),
                written_time(exhibit, "captured_at") or _("not given"),
                exhibit.platform or "",
                exhibit.description or exhibit.original_name,
                exhibit.significance or "",
            ]),
            *(
                [Row(["", _("Provenance: {said}").format(said=said)], hash_widths)]
                if (said := provenance_summary(exhibit))
                else []
            ),
            *([Row(["", _("Words in the picture: {how}").format(how=_(MACHINE_READ))],
                   hash_widths)]
              if machine_read(exhibit) else []),
            Row(["", Mono(f"SHA-256 {exhibit.sha256}")], hash_widths),
        )
        for exhibit in exhibits
    ]  # fmt: skip
    header = (_("No."), _("Captured"), _("Platform"), _("Description"), _("Significance"))
    grid(pdf, doc.setting, widths, header, groups, size=7.5)


def timeline(doc: Document) -> None:
    found = parts(doc.vault)
    if not found:
        return
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section(_("Timeline of events"))
    doc.heading(_("Timeline of events"))
    for part in found:
        paragraph(pdf, doc.setting, Bold(part.heading), 10, 5)
        pdf.ln(0.5)
        pairs(pdf, doc.setting, part.lines, size=9, label_share=0.22)


MANIFEST_WIDTHS = (50.0, 24.0, 106.0)
LOG_WIDTHS = (11.0, 29.0, 17.0, 17.0, 106.0)


def appendix(doc: Document, exhibits: list[Exhibit]) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section(_("Appendix: hash manifest"))
    doc.heading(_("Appendix: hash manifest"))
    if not exhibits:
        doc.para(_("No exhibits, so no hashes."), 9)
    else:
        doc.para(
            _(
                "SHA-256 is the reference: it was taken as each file came into the case. "
                "SHA-1 and MD5 are given for older forensic tools that still ask for them."
            ),
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
            cells = [
                f"{exhibit.id} {exhibit.original_name}",
                ngettext("{count} byte", "{count} bytes", exhibit.size).format(
                    count=whole_number(exhibit.size)
                ),
            ]
            groups.append([Row([*cells, Mono(digests)])])
        header = (_("File"), _("Size"), _("Hashes"))
        grid(pdf, doc.setting, [w * scale for w in MANIFEST_WIDTHS], header, groups, size=6.5)
    trusted_times(doc)
    custody_log(doc)


def trusted_times(doc: Document) -> None:
    """Each RFC 3161 time-stamp kept, and what it covers (nothing when there is none)."""
    kept = stamped(doc.vault)
    if not kept:
        return
    doc.pdf.ln(4)
    doc.heading(_("Trusted times"), 12)
    doc.para(
        _(
            "A public timestamp authority signed the SHA-256 of a listing of every "
            "exhibit's hash and the custody log's last entry, so these times do not rest "
            "on this computer's clock. The package carries each request, reply and "
            "listing, and HOW-TO-CHECK.txt says how to check them with openssl ts -verify."
        ),
        8.5,
        4.2,
    )
    for stamp in kept:
        paragraph(doc.pdf, doc.setting, Bold(f"{stamp.name}: {stamp_line(stamp)}"), 9, 4.6)
        doc.para(_("Listing SHA-256 {digest}").format(digest=stamp.digest), 7.5, 4.0)


def custody_log(doc: Document) -> None:
    """The log as a table; each entry's details one to a line, in the monospaced face
    so that a hash in them stands whole on its line."""
    pdf = doc.pdf
    pdf.add_page()
    pdf.start_section(_("Appendix: custody log"))
    doc.heading(_("Appendix: custody log"))
    doc.para(
        _(
            "Every entry is chained to the one before by its hash (#, the first 16 "
            "characters). Entries recording earlier binders and packages are left out, so "
            "that making this binder again from the same case gives the same file."
        ),
        8.5,
        4.2,
    )
    pdf.ln(2)
    groups: list[list[Row]] = []
    for entry in custody.entries(doc.vault.table(custody.TABLE)):
        if entry["action"] in ("binder", "package"):
            continue
        details = dict(entry["details"])
        # The words before and after an edit stay in the case: the fields' names say enough.
        details.pop("changes", None)
        # The computer's name can name the person: it stays in the case's own log.
        details.pop("computer", None)
        exhibit = str(details.pop("exhibit", ""))
        said = "\n".join(
            custody_details.labelled(key, _short(custody_details.value(key, value, _short)))
            for key, value in sorted(details.items())
        )
        chained = f"#{entry['hash'][:16]}"
        row: list[str] = [
            str(entry["seq"]),
            str(entry["at"]).replace("T", " ").removesuffix("Z"),
            custody_words.said(str(entry["action"])),  # kept in English
            exhibit,
            Mono(f"{said}\n{chained}" if said else chained),
        ]
        groups.append([Row(row)])
    scale = doc.width / sum(LOG_WIDTHS)
    header = (_("Entry"), _("Time (UTC)"), _("Action"), _("Exhibit"), _("Details"))
    grid(pdf, doc.setting, [w * scale for w in LOG_WIDTHS], header, groups, size=6.5)


def _short(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return text if len(text) <= 200 else text[:197] + "..."
