"""Tables in Word and OpenDocument documents printed as tables (issue 27: "DOCX tables
print one cell per line", then "1 | 2 | 3"): in order among the paragraphs, the first row
as the heading, wide tables in parts, short rows filled, a table in a cell as that cell's
text, and a table of many rows bounded like the rest of the text. Every document is made
here (python-docx, or its XML written by hand)."""

from __future__ import annotations

import io
import time
import zipfile

import docx

from tui.core.evidence import formats
from tui.core.evidence.formats import office_xml
from tui.core.evidence.formats.base import Block, Notice, Table, Text
from tui.core.evidence.formats.document_tables import MAX_COLUMNS, table_blocks
from tui.core.evidence.formats.documents import _OPEN_TEXT, _WORD_TEXT
from tui.core.evidence.formats.office_xml import document_parts

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_table(
    rows: list[list[str]], before: str = "Before.", after: str = "After."
) -> bytes:
    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph(after)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def printed(data: bytes, name: str) -> list[Block]:
    blocks, reason = formats.printable(data, name)
    assert reason == ""
    return blocks


GRID = [
    ["Date", "What he sent", "Where"],
    ["5 March", "the photo", "Instagram"],
    ["6 March", "a threat", "SMS"],
]


def test_a_word_table_is_a_table_between_its_paragraphs():
    blocks = printed(docx_with_table(GRID), "log.docx")[1:]  # after the properties
    assert blocks[0] == Text("Before.") and blocks[2] == Text("After.")
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.headers == ("Date", "What he sent", "Where")
    assert table.rows == [("5 March", "the photo", "Instagram"), ("6 March", "a threat", "SMS")]
    assert abs(sum(table.widths) - 1) < 1e-9
    assert table.widths[1] > table.widths[2]  # the column with longer words is wider


def test_an_opendocument_table_is_a_table():
    t = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    cells = "".join(
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in GRID
    )
    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        f'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="{t}">'
        "<office:body><office:text><text:p>Before.</text:p><table:table>"
        f"{cells}</table:table><text:p>After.</text:p></office:text></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    blocks = printed(out.getvalue(), "log.odt")
    assert blocks[0] == Text("Before.") and blocks[2] == Text("After.")
    assert isinstance(blocks[1], Table) and blocks[1].headers == tuple(GRID[0])
    assert blocks[1].rows == [tuple(row) for row in GRID[1:]]


def test_a_wide_table_is_printed_in_parts_each_with_its_first_column():
    count = 2 * MAX_COLUMNS + 2  # 14: columns 1-6, then 1 and 7-11, then 1 and 12-14
    rows = [[f"h{c}" for c in range(1, count + 1)], [f"v{c}" for c in range(1, count + 1)]]
    blocks = table_blocks(rows)
    said = [b.text for b in blocks if isinstance(b, Text)]
    assert said == [
        "Columns 1 to 6 of 14 of this table:",
        "Columns 7 to 11 of 14 of this table:",
        "Columns 12 to 14 of 14 of this table:",
    ]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.headers for t in tables] == [
        ("h1", "h2", "h3", "h4", "h5", "h6"),
        ("h1", "h7", "h8", "h9", "h10", "h11"),
        ("h1", "h12", "h13", "h14"),
    ]
    assert tables[2].rows == [("v1", "v12", "v13", "v14")]
    assert all(len(t.widths) == len(t.headers) <= MAX_COLUMNS for t in tables)


def test_short_rows_are_filled_and_a_box_of_words_is_text():
    [table] = table_blocks([["a", "b", "c"], ["merged"]])
    assert isinstance(table, Table) and table.rows == [("merged", "", "")]
    assert table_blocks([["  a note\nin a box "]]) == [Text("a note in a box")]
    assert table_blocks([[""]]) == [] and table_blocks([]) == []


def test_a_table_in_a_cell_is_that_cells_text():
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ("in1", "in2"))
    inner = f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p></w:tc>"
        f"<w:tc>{inner}</w:tc></w:tr></w:tbl>"
    )
    xml = f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()
    parts, cut = document_parts(xml, _WORD_TEXT)
    assert not cut and parts == [[["outer", "in1 in2"]]]


def test_ten_thousand_rows_are_read_in_one_pass_and_bounded():
    row = "<w:tr>" + "<w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc>" * 3 + "</w:tr>"
    xml = f"<w:document {W}><w:body><w:tbl>{row * 10_000}</w:tbl></w:body></w:document>"
    started = time.monotonic()
    parts, cut = document_parts(xml.encode(), _WORD_TEXT)
    assert time.monotonic() - started < 5  # about a second
    assert not cut and len(parts[0]) == 10_000
    # Each row counts as a line of its cells would: past the bound, reading stops.
    parts, cut = document_parts(xml.encode(), _WORD_TEXT, limit=2000)
    assert cut and 40 <= len(parts[0]) <= 60  # 2,000 at 40 a row
    assert all(row == ["cell"] * 3 for row in parts[0][:-1])  # and the row begun


def test_a_document_cut_inside_a_table_keeps_its_rows_and_says_so(monkeypatch):
    monkeypatch.setattr("tui.core.evidence.formats.documents.document_parts",
                        lambda xml, words: document_parts(xml, words, limit=2000))  # fmt: skip
    blocks = printed(docx_with_table([["x" * 10, "y" * 10]] * 300), "long.docx")
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and 40 <= len(tables[0].rows) <= 60  # 2,000 at 40 a row
    assert set(tables[0].rows) == {("x" * 10, "y" * 10)}
    assert blocks[-1] == Notice(office_xml.NOT_SHOWN)


def test_document_text_still_joins_a_row_on_one_line():
    xml = (
        b"<r xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0' "
        b"xmlns:table='urn:oasis:names:tc:opendocument:xmlns:table:1.0'><table:table>"
        b"<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell>"
        b"<table:table-cell><text:p>2</text:p></table:table-cell></table:table-row>"
        b"</table:table></r>"
    )
    assert office_xml.document_text(xml, _OPEN_TEXT) == ("1 | 2", False)
