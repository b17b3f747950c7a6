"""A letter, as the person last edited it, written out as plain text, DOCX or PDF.

Like every export, it is the person's decision to take something out of the vault: the
file is written where they say, readable only by them, never over another file, and
the custody log records it with the output's hash."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from tui.core import custody
from tui.core.atomic import atomic_write, check_new_file
from tui.core.errors import InputError
from tui.core.letters import Letter
from tui.core.paths import fonts_dir
from tui.core.vault import Vault

FORMATS = ("txt", "docx", "pdf")
FONT_DIR = fonts_dir()


def as_docx(title: str, text: str) -> bytes:
    from docx import Document

    document = Document()
    document.core_properties.title = title
    document.core_properties.author = ""
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(title: str, text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("Reclaim")
    pdf.set_margins(25, 25, 25)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def export_letter(vault: Vault, letter: Letter, text: str, destination: Path) -> Path:
    """Write `text` (the letter as edited) to `destination`; its suffix picks the format."""
    suffix = destination.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            f"{destination.name}: a letter can be saved as .txt, .docx or .pdf; "
            "end the file name with one of those."
        )
    if not text.strip():
        raise InputError("The letter is empty; nothing was written.")
    check_new_file(destination)
    if suffix == "docx":
        data = as_docx(letter.title, text)
    elif suffix == "pdf":
        data = as_pdf(letter.title, text)
    else:
        data = text.encode() + (b"" if text.endswith("\n") else b"\n")
    atomic_write(destination, data)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "letter export",
            letter=letter.kind,
            request=letter.request,
            destination=str(destination),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return destination
