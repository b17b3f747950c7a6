"""Documents: PDFs (whole, locked, cut short), Word and OpenDocument text, SVG printed as
source, CSV and plain text, zips listed; and zip bombs refused unopened."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest
from fpdf import FPDF

from tui.core.evidence import formats
from tui.core.evidence.formats.base import Notice, PdfPages, Table, Text
from tui.core.shared import clock


def pdf_bytes(pages: int = 3, author: str = "Sam Okafor") -> bytes:
    from PIL import Image

    pdf = FPDF()
    pdf.set_author(author)
    pdf.set_creation_date(clock.stated(2024, 3, 5, 21, 14))
    for number in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", size=20)
        pdf.cell(0, 10, f"page {number + 1}")
        pdf.image(Image.effect_noise((200, 200), 40 + number), w=80)
    return bytes(pdf.output())


def describe(data: bytes, name: str) -> formats.Facts:
    return formats.describe(io.BytesIO(data), name)[1]


def test_a_pdf_gives_its_pages_author_and_date():
    data = pdf_bytes()
    facts = describe(data, "statement.pdf")
    assert facts.kind == "PDF document" and facts.shown["pages"] == 3
    assert facts.shown["author"] == "Sam Okafor"
    assert facts.guesses["captured_at"] == ("2024-03-05T21:14:00", "document")
    blocks, reason = formats.printable(data, "statement.pdf")
    assert reason == "" and blocks == [PdfPages(data, 3)]


def test_a_locked_pdf_is_named_with_why():
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes())) as document:
        document.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret", R=6))
    facts = describe(out.getvalue(), "locked.pdf")
    assert "locked with a password" in facts.problem
    blocks, reason = formats.printable(out.getvalue(), "locked.pdf")
    assert "locked with a password" in reason and isinstance(blocks[0], Notice)


def test_a_pdf_cut_short_warns_before_its_pages():
    data = pdf_bytes()
    cut = data[: int(len(data) * 0.6)]
    blocks, reason = formats.printable(cut, "cut.pdf")
    assert reason == "", "its pages are still shown"
    assert isinstance(blocks[0], Notice) and "damaged" in blocks[0].text
    assert isinstance(blocks[1], PdfPages)
    assert "damaged" in describe(cut, "cut.pdf").problem


def test_garbage_named_pdf_is_not_a_pdf():
    assert formats.identify_bytes(b"\x00\x01garbage" * 50, "scan.pdf").family == "other"
    blocks, reason = formats.printable(b"%PDF-1.7\n" + b"\x00" * 100, "x.pdf")
    assert reason and isinstance(blocks[0], Notice)


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = "Alex Doe"
    document.add_paragraph("I will post them everywhere unless you pay.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "date"
    table.rows[0].cells[1].text = "5 March"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_prints_its_text_and_author():
    data = docx_bytes()
    handler = formats.identify_bytes(data, "threat.docx")
    assert handler.kind == "Word document (DOCX)"
    assert formats.identify_bytes(data, "threat.zip").kind == "Word document (DOCX)"
    assert describe(data, "threat.docx").shown["author"] == "Alex Doe"
    blocks, reason = formats.printable(data, "threat.docx")
    text = " ".join(b.text for b in blocks if isinstance(b, Text))
    assert reason == "" and "post them everywhere" in text
    # A table is printed as a table, its cells side by side (issue 27).
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert (table.headers, table.rows) == (("date", "5 March"), [])


def odt_bytes(body: str) -> bytes:
    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text><text:h>Notes</text:h><text:p>{body}</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", META)
    return out.getvalue()


META = (
    '<?xml version="1.0"?><office:document-meta '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
    "<dc:creator>Sam Okafor</dc:creator>"
    "<meta:creation-date>2024-03-05T21:14:00</meta:creation-date>"
    "</office:meta></office:document-meta>"
)


def test_an_opendocument_text_prints_its_words_and_gives_its_author():
    data = odt_bytes("He sent it to my family.")
    assert describe(data, "notes.odt").shown == {
        "author": "Sam Okafor",
        "created": "2024-03-05T21:14:00",
    }
    assert formats.identify_bytes(data, "notes.odt").kind == "OpenDocument text (ODT)"
    blocks, _ = formats.printable(data, "notes.odt")
    assert blocks == [Text("Notes\nHe sent it to my family.")]


def test_an_entity_bomb_in_an_odt_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=False)
        )
        + ']><x xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        + "<text:p>&i;</text:p></x>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bomb)
    blocks, reason = formats.printable(out.getvalue(), "bomb.odt")
    assert reason and isinstance(blocks[0], Notice)


def zip_bomb(inner: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(inner, b"\0" * (64 * 1024 * 1024))  # 64 MiB of zeros, ~64 KiB packed
    return out.getvalue()


def test_a_zip_bomb_dressed_as_a_word_document_is_refused_unopened():
    data = zip_bomb("word/document.xml")
    facts = describe(data, "invoice.docx")
    assert "zip bomb" in facts.problem
    _blocks, reason = formats.printable(data, "invoice.docx")
    assert "zip bomb" in reason


def test_svg_is_printed_as_its_source_never_drawn():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>'
    handler = formats.identify_bytes(svg, "logo.svg")
    assert handler.kind == "SVG drawing" and formats.preview(svg, "logo.svg") is None
    blocks, reason = formats.printable(svg, "logo.svg")
    assert reason == "" and isinstance(blocks[0], Notice) and "not drawn" in blocks[0].text
    assert isinstance(blocks[1], Text) and "tracker.example" in blocks[1].text


@pytest.mark.parametrize(
    ("name", "kind"), [("usernames.csv", "table (CSV)"), ("notes.txt", "text file")]
)
def test_text_and_csv_are_printed_without_control_codes(name: str, kind: str):
    data = b"handle,when\nalex_r,2024-03-05\x1b[31m\r\n"
    assert formats.identify_bytes(data, name).kind == kind
    [block] = formats.printable(data, name)[0]
    assert isinstance(block, Text) and "\x1b" not in block.text and "alex_r" in block.text


def test_another_zip_is_listed():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photos/1.jpg", b"x" * 10)
        archive.writestr("photos/2.jpg", b"y" * 20)
    blocks, reason = formats.printable(out.getvalue(), "dump.zip")
    assert reason == "" and isinstance(blocks[1], Table)
    assert [row[0] for row in blocks[1].rows] == ["photos/1.jpg", "photos/2.jpg"]


def test_a_table_cell_claiming_two_billion_columns_is_read_in_one_pass():
    """python-docx would expand the span into two billion cells (gigabytes)."""
    import re

    data = docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    span = '<w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>'
    members["word/document.xml"] = re.sub(
        rb"<w:tc>", f"<w:tc>{span}".encode(), members["word/document.xml"], count=1
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    blocks, reason = formats.printable(out.getvalue(), "span.docx")
    assert reason == "" and "post them everywhere" in " ".join(
        b.text for b in blocks if isinstance(b, Text)
    )


def test_a_pdf_claiming_thousands_of_pages_is_printed_in_part():
    from tui.core.evidence.formats.documents import MAX_PDF_PAGES

    one = pikepdf.new()
    one.add_blank_page()
    for _ in range(MAX_PDF_PAGES + 50):
        one.pages.append(one.pages[0])
    out = io.BytesIO()
    one.save(out)
    blocks, reason = formats.printable(out.getvalue(), "many.pdf")
    assert reason == ""
    assert isinstance(blocks[0], Notice) and f"the first {MAX_PDF_PAGES}" in blocks[0].text
    assert isinstance(blocks[1], PdfPages) and blocks[1].count == MAX_PDF_PAGES
