"""A letter, as the person last edited it, written out as plain text, DOCX or PDF.

Like every export, it is the person's decision to take something out of the vault: the
file is written where they say, readable only by them, never over another file, and
the custody log records it with the output's hash."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from tui.core.binder.faces import SANS, add_fonts, named, prepare
from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_write, check_new_file
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _, language, pgettext
from tui.core.shared.xml_text import xml_safe
from tui.core.takedowns.letters import Letter
from tui.core.vault import custody
from tui.core.vault.vault import Vault

FORMATS = ("txt", "docx", "pdf")


#: How a letter's text marks a bullet: a line starting "- " (the drafts write them so).
BULLET = "- "


def blocks(text: str) -> list[tuple[bool, list[str]]]:
    """The letter's lines as Word should hold them: (is a bullet, its lines).

    A bullet ("- 12 March 2024: Alex posted the pictures") takes the indented lines
    under it (the event's details, each "  "-indented by the draft, blank ones too when
    more of its lines follow), so that they become line breaks inside the one bulleted
    paragraph and stay indented under its text; one paragraph per line would put them
    back at the margin. Every other line is a paragraph of its own, as typed."""
    lines = text.split("\n")
    found: list[tuple[bool, list[str]]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.startswith(BULLET):
            found.append((False, [line]))
            continue
        item = [line.removeprefix(BULLET).strip()]
        while index < len(lines) and _continues(lines, index):
            item.append(lines[index].strip())
            index += 1
        found.append((True, item))
    return found


def _continues(lines: list[str], index: int) -> bool:
    """Line `index` is indented, and is text, or a blank among a bullet's indented lines."""
    line = lines[index]
    if not line[:1].isspace():
        return False
    if line.strip():
        return True
    rest = lines[index + 1 :]
    following = next((later for later in rest if later.strip()), "")
    return following[:1].isspace()


def as_docx(title: str, text: str, lang: str = "") -> bytes:
    """The text as Word's file, saying the language it is written in (`lang`, else the
    one spoken now), so that a screen reader reads it with the right voice."""
    from docx import Document

    document = Document()
    document.core_properties.title = " ".join(xml_safe(title).split())
    document.core_properties.language = lang or language()
    document.core_properties.author = ""
    for bullet, lines in blocks(xml_safe(text)):  # Word's line break: what XML can't hold
        if not bullet:
            document.add_paragraph(lines[0])
            continue
        paragraph = document.add_paragraph(style="List Bullet")  # i18n: not shown
        for number, line in enumerate(lines):
            run = paragraph.add_run()
            if number:
                run.add_break()
            run.add_text(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(title: str, text: str, lang: str = "") -> bytes:
    """The text as a PDF whose catalog says the language it is written in (`lang`, else
    the one spoken now), so that a screen reader reads it with the right voice."""
    from fpdf import FPDF

    # Control characters have no glyph (the font logs each one): Word's line break, a
    # vertical tab, is a line break here too, as in the .docx.
    title, text = " ".join(xml_safe(title).split()), xml_safe(text)
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_lang(lang or language())
    pdf.set_creator("Reclaim")
    pdf.set_margins(25, 25, 25)
    add_fonts(pdf, mono=False)
    pdf.set_font(SANS, size=11)
    text = named(text)  # a character no shipped face has is named, like ⟨U+1F600⟩
    prepare(pdf, text)  # and the faces the rest needs, shaped (Arabic joined, right to left)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def copy_destination(destination: Path) -> Path:
    """Where a copy to read is saved beside its letter or declaration, named in the
    language spoken (the person's): letter.copy-to-read.docx, carta.copia-para-leer.docx,
    lettre.copie-a-lire.docx (ASCII, as `offered_names` makes every name it offers)."""
    from tui.core.kiosk.offered_names import safe

    marker = safe(pgettext("file name", "copy-to-read")) or "copy-to-read"
    return destination.with_name(f"{destination.stem}.{marker}{destination.suffix}")


def export_letter(vault: Vault, letter: Letter, text: str, destination: Path) -> Path:
    """Write `text` (the letter as edited) to `destination`; its suffix picks the format."""
    suffix = destination.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            _(
                "{name}: a letter can be saved as .txt, .docx or .pdf; "
                "end the file name with one of those."
            ).format(name=destination.name)
        )
    if not text.strip():
        raise InputError(_("The letter is empty; nothing was written."))
    destination = doors.writable(destination)  # a kiosk: its export folder or a drive
    check_new_file(destination)
    if suffix == "docx":
        data = as_docx(letter.title, text, letter.language)
    elif suffix == "pdf":
        data = as_pdf(letter.title, text, letter.language)
    else:
        data = text.encode() + (b"" if text.endswith("\n") else b"\n")
    atomic_write(destination, data)
    doors.confirm_written(destination)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "letter export",  # i18n: not shown
            letter=letter.kind,
            request=letter.request,
            destination=str(destination),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return destination
