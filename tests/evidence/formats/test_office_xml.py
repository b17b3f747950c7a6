"""Office XML read as a stream (issue 26 items 7 and 8): each paragraph's words once, runs
of empty paragraphs as one blank line, bounds on elements, depth and characters, and
entity declarations refused."""

from __future__ import annotations

import pytest

from tui.core.evidence.formats import office_xml
from tui.core.evidence.formats.base import Unreadable
from tui.core.evidence.formats.documents import _OPEN_TEXT, _WORD_TEXT
from tui.core.evidence.formats.office_xml import document_text, fields

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
T = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'


def word(body: str) -> bytes:
    return f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()


def run(text: str) -> str:
    return f"<w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r>"


def test_word_text_keeps_runs_tabs_and_breaks_not_tab_stops_or_deleted_words():
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr>'
        + run("date")
        + "<w:r><w:tab/><w:t>5 March</w:t><w:br/><w:t>21:14</w:t></w:r>"
        + "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
        + "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
    )
    assert document_text(word(body), _WORD_TEXT) == ("date\t5 March\n21:14", False)


def test_a_long_document_under_the_bound_is_read_whole():
    paragraphs = "".join(f"<w:p>{run(f'line {n} ' + 'x' * 60)}</w:p>" for n in range(5000))
    text, cut = document_text(word(paragraphs), _WORD_TEXT)
    assert not cut and text.count("\n") == 4999 and text.endswith("line 4999 " + "x" * 60)


def test_nested_paragraphs_print_each_one_once():
    xml = f"<r {T}><text:p>outer <text:p>inner</text:p> after</text:p></r>".encode()
    assert document_text(xml, _OPEN_TEXT) == ("outer \ninner\n after", False)


def test_a_run_of_empty_paragraphs_is_one_blank_line():
    body = (
        "<w:p/>" * 3 + f"<w:p>{run('a')}</w:p>" + "<w:p></w:p>" * 1000 + f"<w:p>{run('b')}</w:p>"
    )
    assert document_text(word(body), _WORD_TEXT) == ("a\n\nb", False)


@pytest.mark.parametrize(
    ("bound", "value", "xml"),
    [
        ("MAX_ELEMENTS", 1000, word(f"<w:p>{run('a')}</w:p>" + "<w:p/>" * 2000)),
        ("MAX_DEPTH", 50, word(f"<w:p>{run('a')}</w:p>" + "<w:sdt>" * 60 + "</w:sdt>" * 60)),
    ],
    ids=["elements", "depth"],
)
def test_reading_stops_at_a_bound_and_says_so(
    monkeypatch: pytest.MonkeyPatch, bound: str, value: int, xml: bytes
):
    monkeypatch.setattr(office_xml, bound, value)
    text, cut = document_text(xml, _WORD_TEXT)
    assert cut and text.strip() == "a"


def test_characters_past_the_limit_are_not_read():
    body = "".join(f"<w:p>{run('x' * 100)}</w:p>" for _ in range(50))
    text, cut = document_text(word(body), _WORD_TEXT, limit=1000)
    assert cut and 1000 < len(text) < 1200


def test_declared_entities_and_broken_xml_are_refused():
    tiny = f'<!DOCTYPE r [<!ENTITY a "b">]><r {T}><text:p>&a;</text:p></r>'.encode()
    with pytest.raises(Unreadable):
        document_text(tiny, _OPEN_TEXT)
    with pytest.raises(Unreadable):
        document_text(b"<r><text:p>", _OPEN_TEXT)
    assert fields(tiny, ["r"]) == {}


def test_fields_are_the_first_text_of_each_wanted_element():
    xml = (
        b'<p xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator> Sam </dc:creator>'
        b"<dc:creator>Other</dc:creator><dc:title>" + b"t" * 5000 + b"</dc:title></p>"
    )
    found = fields(
        xml,
        ["{http://purl.org/dc/elements/1.1/}creator", "{http://purl.org/dc/elements/1.1/}title"],
    )
    assert found["{http://purl.org/dc/elements/1.1/}creator"] == "Sam"
    assert len(found["{http://purl.org/dc/elements/1.1/}title"]) == 1000
