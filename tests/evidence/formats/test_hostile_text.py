"""Text files crafted to cost a reader far more than their size (issue 26, items 6-8): a
page, an email, a saved page or a web archive naming `punycode` (or another codec that is
no text encoding) as its charset; office documents of paragraphs nested forty thousand
deep or of millions of empty ones; chat exports nested without end.

As in test_hostile_sizes, one child Python builds and reads every case, one after another,
with `formats.describe` (intake) and `formats.printable` (what the binder prints), under a
2 GiB address-space limit and a per-case alarm; it also reports the peak memory after each
case (a high-water mark, so each case is held to `MAX_RSS` with all before it). Before the
fixes these took from tens of seconds to many minutes, or gigabytes; now each takes a
fraction of a second and little memory."""

from __future__ import annotations

import base64
import io
import random
import zipfile
from typing import Any

import pytest

from tests.evidence.formats.crafted_reader import CraftedReader
from tui.core.evidence.formats.office_xml import NOT_SHOWN

#: A guard against the minutes these took, not a measure of speed.
TIMEOUT = 20
#: Peak resident memory of the child (MiB) after any case; the old code took gigabytes.
MAX_RSS = 600

READER = CraftedReader("tests.evidence.formats.test_hostile_text", TIMEOUT, slack=30)
case = READER.case


@pytest.fixture(autouse=True, scope="module")
def _answers_shared_by_workers(tmp_path_factory: pytest.TempPathFactory) -> None:
    READER.share_in(tmp_path_factory.getbasetemp().parent)


def read_in_child(build: str, name: str) -> dict[str, Any]:
    """What the child gave for the file `build()` makes, held to `MAX_RSS`."""
    answer = READER.read(build, name)
    assert answer["peak_mib"] < MAX_RSS, answer["peak_mib"]
    return answer


THREAT = b"<p>The threat</p>"
#: Punycode's decoder inserts each character of what follows the last `-` into all that
#: came before: time that grows with the square of the length (this takes minutes).
PUNY = b"-" + b"a" * 600_000
HEAD = b"From: a@b.c\r\nTo: d@e.f\r\nDate: Tue, 5 Mar 2024 21:14:00 +0000\r\nSubject: s\r\n"


def mail(body: bytes, kind: bytes) -> bytes:
    return HEAD + b"MIME-Version: 1.0\r\nContent-Type: " + kind + b"\r\n\r\n" + body


# ---- 6. a charset that is no text encoding -------------------------------------------


def html_meta_punycode() -> bytes:
    return b'<html><head><meta charset="punycode"></head><body>' + THREAT + PUNY


def email_punycode() -> bytes:
    return mail(b"The threat\r\n" + PUNY, b"text/plain; charset=punycode")


def email_8bit_punycode() -> bytes:
    """An 8-bit byte makes the standard library decode the part in its charset as soon
    as its payload is asked for."""
    return mail(b"The threat \xe9\r\n" + PUNY, b"text/plain; charset=punycode")


def email_rfc2231_punycode() -> bytes:
    """The charset itself given in RFC 2231 form, and an HTML part."""
    return mail(THREAT + PUNY, b"text/html; charset*=utf-8''punycode")


def email_parts_punycode() -> bytes:
    """A part in `idna`, and an attachment in `punycode` named in `punycode` (RFC 2231)."""
    named = b"Content-Disposition: inline; filename*=punycode''-" + b"a" * 4000 + b"\r\n"
    body = (
        b"--XX\r\nContent-Type: text/plain; charset=idna\r\n"
        b"\r\nThe threat\r\n--XX\r\nContent-Type: text/html; charset=punycode\r\n"
        + named
        + b"\r\n<p>More</p>"
        + PUNY
        + b"\r\n--XX--\r\n"
    )
    return mail(body, b"multipart/mixed; boundary=XX")


def mhtml_punycode() -> bytes:
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x/\r\nSubject: S\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"'
        b"\r\n\r\n--b\r\nContent-Type: text/html; charset=punycode\r\n\r\n<html><body>"
        + THREAT
        + PUNY
        + b"\r\n--b--\r\n"
    )


def warc_punycode() -> bytes:
    body = b"<html><body>" + THREAT + PUNY
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=punycode\r\n\r\n" + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
        b"WARC-Date: 2024-03-05T21:14:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n"
    )


@pytest.mark.parametrize(
    ("build", "name"),
    [
        case("html_meta_punycode", "page.html"),
        case("email_punycode", "message.eml"),
        case("email_8bit_punycode", "message.eml"),
        case("email_rfc2231_punycode", "message.eml"),
        case("email_parts_punycode", "message.eml"),
        case("mhtml_punycode", "page.mhtml"),
        case("warc_punycode", "capture.warc"),
    ],
)
def test_a_charset_that_is_no_text_encoding_is_read_as_utf8(build: str, name: str):
    answer = read_in_child(build, name)
    assert answer["reason"] == ""
    assert "The threat" in answer["printed"]
    assert "-aaaaaaaa" in answer["printed"]  # as written, not decoded as punycode


def html_deep_then_stray_end_tags() -> bytes:
    """Two hundred thousand open `<div>`s, then as many end tags that match none: libxml2
    looks through every open element for each (minutes)."""
    return b"<html><body>" + THREAT + b"<div>" * 200_000 + b"</x>" * 200_000


def html_open_then_stray_end_tags() -> bytes:
    """Just under the open elements read (`MAX_OPEN`), then a million stray end tags."""
    return b"<html><body>" + THREAT + b"<div>" * 500 + b"</x>" * 1_000_000


@pytest.mark.parametrize(
    "build", ["html_deep_then_stray_end_tags", "html_open_then_stray_end_tags"]
)
def test_end_tags_that_close_nothing_cost_little(build: str):
    answer = read_in_child(build, "page.html")
    assert answer["reason"] == ""
    assert answer["printed"] == "The threat\n[… the rest is in the original file]"


# ---- 7. paragraphs nested forty thousand deep --------------------------------------------


def _office_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


_TEXT_NS = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'


def odt_nested() -> bytes:
    """Paragraphs nested 40,000 deep, each with its own words (720 KB): a tree walk per
    paragraph prints every paragraph's words again in each one around it."""
    opening = b"".join(b"<text:p>word %d " % n for n in range(40_000))
    content = (
        b'<?xml version="1.0"?><office:document-content '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        + _TEXT_NS.encode()
        + b"><office:body><office:text><text:p>The threat</text:p>"
        + opening
        + b"</text:p>" * 40_000
        + b"</office:text></office:body></office:document-content>"
    )
    return _office_zip(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content}
    )


_W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body: bytes) -> bytes:
    """A Word document (python-docx's own, its author set) with `body` as its text, and
    noise at the end (after what is read) to keep it under the zip-bomb ratio."""
    import docx

    made = docx.Document()
    made.core_properties.author = "Sam Okafor"
    out = io.BytesIO()
    made.save(out)
    with zipfile.ZipFile(out) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    noise = base64.b64encode(random.Random(26).randbytes(len(body) // 600))
    document = b"<w:document " + _W_NS + b"><w:body>" + body + b"</w:body></w:document>"
    members["word/document.xml"] = document + b"<!--" + noise + b"-->"
    return _office_zip(members)


def docx_empty_paragraphs() -> bytes:
    """Twelve million empty paragraphs (72 MB of XML in a zip of about 500 KB)."""
    return _docx(b"<w:p><w:r><w:t>The threat</w:t></w:r></w:p>" + b"<w:p/>" * 12_000_000)


def docx_nested() -> bytes:
    """Text boxes holding paragraphs, nested 40,000 deep."""
    level = b"<w:p><w:r><w:t>word</w:t></w:r><w:r><w:txbxContent>"
    close = b"</w:txbxContent></w:r></w:p>"
    first = b"<w:p><w:r><w:t>The threat</w:t></w:r></w:p>"
    return _docx(first + level * 40_000 + close * 40_000)


@pytest.mark.parametrize(
    ("build", "name"),
    [
        case("odt_nested", "notes.odt"),
        case("docx_empty_paragraphs", "letter.docx"),
        case("docx_nested", "letter.docx"),
    ],
)
def test_an_office_document_is_read_as_far_as_its_bounds(build: str, name: str):
    answer = read_in_child(build, name)
    assert answer["reason"] == ""
    assert "The threat\n" in answer["printed"]
    assert len(answer["printed"]) < 10_000  # each paragraph's words once, as far as read
    assert answer["notices"] == [NOT_SHOWN]


def test_millions_of_empty_paragraphs_are_one_blank_line_and_intake_reads_none():
    answer = read_in_child("docx_empty_paragraphs", "letter.docx")
    assert answer["shown"]["author"] == "Sam Okafor"
    assert answer["printed"].startswith("Author: Sam Okafor\n")
    assert answer["printed"].endswith("\nThe threat\n" + NOT_SHOWN)


# ---- chat exports nested without end ------------------------------------------------


def telegram_nested() -> bytes:
    return b'{"name":"x","type":"personal_chat","messages":[' + b"[" * 1_500_000 + b"]}"


def test_a_telegram_export_nested_without_end_is_one_sentence():
    answer = read_in_child("telegram_nested", "result.json")
    assert answer["reason"] == "It nests too deeply to be a chat export."


# ---- issue 27: JSON, XML, RTF and legacy text read within bounds ----------------------


def json_nested() -> bytes:
    return b'{"threat": "The threat", "x": ' + b"[" * 3_000_000 + b"]" * 3_000_000 + b"}"


def json_many_values() -> bytes:
    return b'[{"threat": "The threat"},' + b"{}," * 4_000_000 + b"{}]"


def xml_nested() -> bytes:
    return b"<?xml version='1.0'?><a><b>The threat</b>" + b"<c>" * 2_000_000 + b"</a>"


def rtf_nested() -> bytes:
    return rb"{\rtf1 The threat\par " + b"{" * 3_000_000 + b"x" + b"}" * 3_000_000 + b"}"


def rtf_escapes() -> bytes:
    return rb"{\rtf1 The threat\par " + rb"\'e9\u233?" * 1_000_000 + b"}"


def legacy_text() -> bytes:
    return b"The threat\n" + "é à ü ".encode("cp1252") * 3_000_000


@pytest.mark.parametrize(
    ("build", "name"),
    [
        case("json_nested", "data.json"),
        case("json_many_values", "data.json"),
        case("xml_nested", "feed.xml"),
        case("rtf_nested", "letter.rtf"),
        case("rtf_escapes", "letter.rtf"),
        case("legacy_text", "notes.txt"),
    ],
)
def test_structured_and_legacy_text_is_read_within_bounds(build: str, name: str):
    answer = read_in_child(build, name)
    assert answer["seconds"] < TIMEOUT
    assert "The threat" in answer["printed"]
    assert len(answer["printed"]) < 1_000_000  # bounded like any text


for _build, _name in [
    ("html_deep_then_stray_end_tags", "page.html"),
    ("html_open_then_stray_end_tags", "page.html"),
    ("docx_empty_paragraphs", "letter.docx"),
    ("telegram_nested", "result.json"),
]:
    case(_build, _name)
