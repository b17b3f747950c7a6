"""Saved web pages: MHTML, HTML, WARC (plain and gzipped) and WACZ, what the binder prints
for each, the HTML-to-text helper, and hostile archives (cut short, inflating without
end, lying about sizes) that must end as a plain sentence. Every file is built here."""

from __future__ import annotations

import io
import json
import socket
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from email.charset import QP, Charset
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText

import pytest
from warcio.statusandheaders import (
    StatusAndHeaders,
    StatusAndHeadersParser,
    StatusAndHeadersParserException,
)
from warcio.warcwriter import WARCWriter

from tui.core.evidence import formats
from tui.core.evidence.formats import html_text, warc_reader, web
from tui.core.evidence.formats.base import Fields, Notice, Probe, Text, Unreadable
from tui.core.evidence.formats.emails import Email
from tui.core.evidence.formats.html_text import decode_html, to_text, visible_text
from tui.core.evidence.formats.saved_pages import Html, Mhtml
from tui.core.evidence.formats.web import Wacz, Warc

URL = "https://social.example.com/posts/981"
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Post by @someone</title>"
    "<style>body { color: red }</style><script>var token = 'SCRIPT-SECRET';</script>"
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>Look at this</h1>"
    "<p>Everyone should see   these &amp; share.</p>"
    "<img src='data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=='></article>"
    "<noscript>NOSCRIPT-TEXT</noscript><footer>Posted 5 March</footer></body></html>"
)
WORDS = "Home\n\nLook at this\n\nEveryone should see these & share.\n\nPosted 5 March"
WARC_DATE = "2024-03-05T20:14:03Z"


def local(moment: datetime) -> str:
    return moment.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")


def describe(data: bytes, name: str):
    return formats.describe(io.BytesIO(data), name)


def assert_no_markup(text: str) -> None:
    for leak in ("<", "SCRIPT-SECRET", "NOSCRIPT-TEXT", "color: red", "base64", "iVBOR"):
        assert leak not in text


# ---- the HTML-to-text helper ----------------------------------------------------------


def test_visible_text_keeps_the_words_and_drops_code():
    title, text = visible_text(PAGE)
    assert title == "Post by @someone"
    assert text == WORDS
    assert_no_markup(text)


def test_visible_text_lays_out_blocks_lists_tables_and_breaks():
    html = (
        "<div>one</div><div>two</div><ul><li>a</li> <li>b</li></ul>"
        "<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>"
        "line<br>next<br/>after<br><br>gap<h2>Heading</h2><p>\n\n  spread\n  out  </p>"
        "<template><p>TEMPLATE</p></template>&lt;b&gt; &eacute; &#x1F642;"
    )
    assert visible_text(html) == (
        "",
        "one\ntwo\n\na\nb\n\nx y\nz\n\nline\nnext\nafter\n\ngap\n\n"
        "Heading\n\nspread out\n\n<b> é 🙂",
    )


def test_visible_text_finds_the_body_when_the_head_or_title_is_never_closed():
    assert visible_text("<head><title>T</title><meta x><div>body text</div>") == (
        "T",
        "body text",
    )
    assert visible_text("<title>T<p>body text") == ("T", "body text")


def test_an_unfinished_tag_at_the_end_never_shows_as_text():
    for tail in ("<script>alert('x')", "<script src='evil.js", "<img src=data:image/png;bas"):
        _title, text = visible_text("<p>kept</p>" + tail)
        assert text == "kept"


def test_control_codes_from_entities_are_removed():
    _title, text = visible_text("<p>a&#27;[2Jb\x1b]0;x\x07c</p>")
    assert text == "a[2Jb]0;xc"


def test_a_huge_page_is_read_only_so_far(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(html_text, "MAX_HTML_CHARS", 100_000)
    _title, text = visible_text("<p>word</p>" * 50_000)
    assert text.endswith("[… the rest is in the original file]")
    assert text.count("word") < 10_000
    _title, text = visible_text("<p>word</p>" * 50_000, limit=1000)
    assert len(text) < 1100


def test_elements_read_as_raw_text_still_show_no_markup():
    _title, text = visible_text(
        "<textarea><b>typed</b></textarea> <xmp><i>kept</i></xmp><iframe><p>inner</p></iframe>"
        "<plaintext><script>SCRIPT-SECRET</script><p>after"
    )
    assert text == "typed kept\n\ninner\n\nafter"
    assert visible_text("<TITLE>A &amp; B</TITLE><p>x") == ("A & B", "x")


def test_a_cut_off_tag_is_dropped_but_a_lone_angle_bracket_is_a_word():
    for tail in ("<", "</", "<!", "<!-", "</b", "<img src=x"):
        assert visible_text("<p>kept</p>" + tail)[1] == "kept"
    assert visible_text("1 < 2 and 3 > 2")[1] == "1 < 2 and 3 > 2"
    assert visible_text("<p>I <3 you")[1] == "I <3 you"


def test_a_long_or_huge_character_reference_is_one_mark():
    _title, text = visible_text("<p>The threat</p>&#" + "9" * 5000 + ";<p>after</p>")
    assert text == "The threat\n\n\ufffd\n\nafter"


def test_only_so_many_tags_are_read(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(html_text, "MAX_TAGS", 1000)
    _title, text = visible_text("<p>word</p>" * 100_000)
    assert text.endswith("[… the rest is in the original file]")
    assert 400 < text.count("word") < 10_000  # counted after each piece fed


def test_the_html_parser_never_fetches_or_expands_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("FILE-SECRET")
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    page = (
        f'<!DOCTYPE html SYSTEM "http://127.0.0.1:{port}/x.dtd" [<!ENTITY e SYSTEM '
        f'"{secret.as_uri()}">]><link rel=stylesheet href="http://127.0.0.1:{port}/s">'
        f'<img src="http://127.0.0.1:{port}/i"><p>&e; <xi:include href="{secret.as_uri()}"/>'
        "</p><p>shown</p>"
    )
    _title, text = visible_text(page)
    assert "FILE-SECRET" not in text and "shown" in text
    with pytest.raises(TimeoutError):
        listener.accept()  # nothing came to look
    listener.close()


def test_charsets_are_followed():
    assert decode_html("<meta charset=iso-8859-1><p>café".encode("latin-1")).endswith("café")
    assert to_text("café".encode("utf-16")) == "café"
    assert to_text(b"caf\xe9") == "café"  # not UTF-8: what browsers assume
    assert to_text(b"abc", "no-such-charset") == "abc"
    assert to_text(b"abc", "base64") == "abc"  # a bytes codec is no text encoding
    assert to_text("é".encode() + b"x\xc3", cut=True) == "éx"


# ---- MHTML ----------------------------------------------------------------------------


def mhtml(subject: str = "Post by @someone") -> bytes:
    """A page saved as one file, the way Chrome writes it."""
    page = MIMEMultipart("related", type="text/html")
    page["From"] = "<Saved by Blink>"
    page["Snapshot-Content-Location"] = URL
    page["Subject"] = subject
    page["Date"] = "Tue, 5 Mar 2024 21:14:03 +0100"
    quoted = Charset("utf-8")
    quoted.body_encoding = QP
    html = MIMENonMultipart("text", "html")
    html.set_payload(PAGE, charset=quoted)
    html["Content-Location"] = URL
    page.attach(html)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(200), "png")
    image["Content-Location"] = "https://social.example.com/me.png"
    page.attach(image)
    return page.as_bytes().replace(b"\n", b"\r\n")


def test_mhtml_prints_address_time_title_and_words():
    assert b"Content-Transfer-Encoding: quoted-printable" in mhtml()
    blocks, reason = formats.printable(mhtml(), "post.mhtml")
    assert reason == ""
    assert blocks == [
        Fields(
            [
                ("Address", URL),
                ("Captured", "Tue, 5 Mar 2024 21:14:03 +0100"),
                ("Title", "Post by @someone"),
            ]
        ),
        Text(WORDS),
    ]


def test_mhtml_facts_and_guesses():
    handler, facts = describe(mhtml(), "post.mhtml")
    assert isinstance(handler, Mhtml)
    assert (facts.kind, facts.media_type) == ("saved web page (MHTML)", "multipart/related")
    assert facts.shown == {
        "url": URL,
        "title": "Post by @someone",
        "captured": "Tue, 5 Mar 2024 21:14:03 +0100",
    }
    expected = local(datetime(2024, 3, 5, 20, 14, 3, tzinfo=UTC))
    assert facts.guesses == {"captured_at": (expected, "page"), "url": (URL, "page")}


def test_an_mhtml_is_a_web_page_not_an_email_whatever_its_name():
    data = mhtml()
    for name in ("post.mhtml", "post.mht", "post.eml", "post"):
        assert isinstance(formats.identify_bytes(data, name), Mhtml)
    assert Mhtml().recognise(Probe.of_bytes(data, "x")) == 2
    assert Email().recognise(Probe.of_bytes(data, "x")) == 1


def test_an_mhtml_without_a_subject_takes_the_pages_title():
    data = mhtml().replace(b"Subject: Post by @someone\r\n", b"")
    assert describe(data, "post.mhtml")[1].shown["title"] == "Post by @someone"


def test_an_html_email_with_pictures_stays_an_email():
    mail = MIMEMultipart("related", type="text/html")
    for key, value in (("From", "a@example.com"), ("To", "b@example.com"), ("Subject", "s")):
        mail[key] = value
    mail["Date"], mail["Message-ID"] = "Tue, 5 Mar 2024 21:14:03 +0100", "<1@example.com>"
    mail.attach(MIMEText("<p>hello</p>", "html"))
    assert isinstance(formats.identify_bytes(mail.as_bytes(), "mail.eml"), Email)


def test_a_broken_mhtml_is_one_sentence():
    with pytest.raises(Unreadable, match="This saved page can't be read"):
        Mhtml().printable(b"\x00\xff garbage", "x.mhtml")


# ---- HTML -----------------------------------------------------------------------------


def test_an_html_page_prints_its_title_and_words():
    saved = f"<!-- saved from url=(0038){URL} -->\n{PAGE}".encode()
    blocks, reason = formats.printable(saved, "post.html")
    assert reason == ""
    assert blocks == [Fields([("Address", URL), ("Title", "Post by @someone")]), Text(WORDS)]
    handler, facts = describe(saved, "post.html")
    assert isinstance(handler, Html)
    assert (facts.kind, facts.media_type) == ("web page (HTML)", "text/html")
    assert facts.shown == {"url": URL, "title": "Post by @someone"}
    assert facts.guesses == {"url": (URL, "page")}


def test_html_is_recognised_by_its_start():
    probe = Probe.of_bytes
    assert Html().recognise(probe(b"\xef\xbb\xbf  <!-- c -->\n<!DOCTYPE HTML><p>", "x")) == 2
    assert Html().recognise(probe(b'<?xml version="1.0"?>\n<html xmlns="x">', "x")) == 2
    assert Html().recognise(probe("<html>".encode("utf-16"), "page")) == 2
    assert Html().recognise(probe(b"<div>fragment</div>", "page.htm")) == 1
    assert Html().recognise(probe(b"<div>fragment</div>", "notes.txt")) == 0
    assert Html().recognise(probe(b"just words", "page.html")) == 0
    assert isinstance(formats.identify_bytes(PAGE.encode(), "download"), Html)


def test_an_html_pages_script_never_reaches_the_binder():
    hostile = (
        b"<html><body><p>visible</p><script>document.write('<p>SCRIPT-SECRET</p>')"
        b"</script><script type='text/template'><p>SCRIPT-SECRET</p></script>"
        b"<style>@import 'x'; /* SCRIPT-SECRET */</style></body></html>"
    )
    blocks, _reason = formats.printable(hostile, "page.html")
    assert blocks == [Text("visible")]


# ---- WARC -----------------------------------------------------------------------------


def response(writer: WARCWriter, url: str, body: bytes, kind: str, status: str = "200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )


def warc(gzip: bool = True, page_url: str = URL, extra: int = 0) -> bytes:
    """A capture as Webrecorder writes it: warcinfo, a redirect, a style sheet, the page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("capture.warc", {"software": "test"}))
    writer.write_record(response(writer, URL, b"<p>Moved</p>", "text/html", "301 Moved"))
    writer.write_record(response(writer, f"{URL}.css", b"p{}", "text/css"))
    for number in range(extra):
        writer.write_record(response(writer, f"{URL}/{number}", b"<p>other</p>", "text/html"))
    writer.write_record(response(writer, page_url, PAGE.encode(), "text/html; charset=utf-8"))
    return out.getvalue()


@pytest.mark.parametrize(("gzip", "name"), [(True, "capture.warc.gz"), (False, "capture.warc")])
def test_a_warc_prints_its_first_html_page(gzip: bool, name: str):
    data = warc(gzip)
    assert isinstance(formats.identify_bytes(data, name), Warc)
    assert isinstance(formats.identify_bytes(data, "capture.bin"), Warc)
    blocks, reason = formats.printable(data, name)
    assert reason == ""
    assert blocks == [
        Fields([("Address", URL), ("Captured", WARC_DATE), ("Title", "Post by @someone")]),
        Text(WORDS),
    ]


def test_a_warc_facts_count_its_records():
    _handler, facts = describe(warc(), "capture.warc.gz")
    assert (facts.kind, facts.media_type, facts.problem) == (
        "web archive (WARC)",
        "application/warc",
        "",
    )
    assert facts.shown == {
        "url": URL,
        "title": "Post by @someone",
        "captured": WARC_DATE,
        "records": 4,
    }
    expected = local(datetime(2024, 3, 5, 20, 14, 3, tzinfo=UTC))
    assert facts.guesses == {"captured_at": (expected, "page"), "url": (URL, "page")}


def test_only_so_many_records_are_looked_at(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warc_reader, "MAX_RECORDS", 3)
    facts = describe(warc(extra=5), "capture.warc.gz")[1]
    assert facts.shown["records"] == 3
    assert facts.problem == "Only the first 3 records were looked at."


def test_a_truncated_warc_gz_is_one_sentence_or_what_was_read():
    data = warc()
    blocks, reason = formats.printable(data[:20], "capture.warc.gz")
    assert reason == "This web archive can't be read: it may be damaged or cut short."
    assert blocks == [Notice(reason)]
    assert describe(data[:20], "capture.warc.gz")[1].problem == reason
    reason = formats.printable(data[:300], "capture.warc.gz")[1]
    assert reason == "The archive is damaged or cut short after 1 record."
    blocks, reason = formats.printable(data[:-40], "capture.warc.gz")
    assert reason == ""
    assert blocks[-1] == Notice("The archive is damaged or cut short after 4 records.")
    assert isinstance(blocks[1], Text) and blocks[1].text.startswith("Home")


def test_warcios_warnings_never_reach_the_terminal(capsys: pytest.CaptureFixture[str]):
    data = warc(gzip=False)
    at = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    wrong = data[:at] + str(int(data[at:end]) - 5).encode() + data[end:]
    blocks, reason = formats.printable(wrong, "capture.warc")
    assert reason == "" and Text(WORDS) in blocks
    assert capsys.readouterr().err == ""


def test_a_warc_without_a_page_says_so():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(response(writer, f"{URL}.css", b"p{}", "text/css"))
    reason = formats.printable(out.getvalue(), "styles.warc.gz")[1]
    assert reason == "This web archive holds no web page that can be shown."


def gzip_of(*pieces: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(piece) for piece in pieces) + packer.flush()


def test_a_warc_that_inflates_without_end_is_stopped(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warc_reader, "MAX_INFLATED_BYTES", 1 << 20)
    head = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 99999999999\r\n\r\n"
    bomb = gzip_of(head, *([bytes(1 << 16)] * 64))
    reason = formats.printable(bomb, "bomb.warc.gz")[1]
    assert reason == "Only the first part of this archive could be read: it is very large."
    assert describe(bomb, "bomb.warc.gz")[1].problem == reason


def test_an_endless_header_line_is_stopped(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warc_reader, "MAX_LINE", 1 << 16)
    endless = gzip_of(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ", b"A" * (1 << 20))
    assert formats.printable(endless, "long.warc.gz")[1] == warc_reader.TOO_BIG


def test_endless_record_headers_are_stopped(monkeypatch: pytest.MonkeyPatch):
    page = warc(gzip=False)
    folded = b"WARC/1.0\r\nWARC-Type: resource\r\nX: a\r\n" + b" b\r\n" * 50 + b"\r\n"
    many = b"WARC/1.0\r\nWARC-Type: resource\r\n" + b"X: a\r\n" * 50 + b"\r\n"
    monkeypatch.setattr(warc_reader, "MAX_HEADER_LINES", 20)
    for hostile in (folded, many):
        assert formats.printable(hostile, "x.warc")[1] == warc_reader.DAMAGED_ARCHIVE
        blocks, reason = formats.printable(page + hostile, "x.warc")
        assert reason == "" and Text(WORDS) in blocks
        facts = describe(page + hostile, "x.warc")[1]
        assert facts.problem == "The archive is damaged or cut short after 4 records."
    monkeypatch.setattr(warc_reader, "MAX_HEADER_BYTES", 100)
    long_line = b"WARC/1.0\r\nWARC-Type: resource\r\nX: " + b"a" * 200 + b"\r\n\r\n"
    assert formats.printable(long_line, "x.warc")[1] == warc_reader.DAMAGED_ARCHIVE


def test_the_lines_read_from_one_archive_are_bounded(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warc_reader, "MAX_LINES_READ", 100)
    blank = warc(gzip=False) + b"\r\n" * 1000
    blocks, reason = formats.printable(blank, "x.warc")
    assert reason == "" and Text(WORDS) in blocks
    assert describe(blank, "x.warc")[1].problem == warc_reader.TOO_BIG


def test_record_headers_are_read_as_warcio_reads_them():
    raw = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n no colon\r\n"
        b"\tfolded: still\r\nX-Empty:\r\nSet-Cookie: a=b; c=d \r\n   \r\nafter: body\r\n"
    )
    bounded = warc_reader.HeaderParser(StatusAndHeadersParser(["HTTP/1.1"], False))
    ours = bounded.parse(io.BytesIO(raw))
    theirs = StatusAndHeadersParser(["HTTP/1.1"], False).parse(io.BytesIO(raw))
    assert ours.headers == theirs.headers
    assert (ours.statusline, ours.protocol, ours.total_len) == (
        theirs.statusline,
        theirs.protocol,
        theirs.total_len,
    )
    with pytest.raises(StatusAndHeadersParserException):
        warc_reader.HeaderParser(StatusAndHeadersParser(["WARC/1.0"])).parse(io.BytesIO(raw))


def test_gzip_members_are_read_as_gzip_reads_them(monkeypatch: pytest.MonkeyPatch):
    members = [gzip_of(b"first ", b"member "), b"\x00" * 7, gzip_of(b""), gzip_of(b"last")]
    data = b"".join(members)
    first = warc_reader.Gunzip(io.BytesIO(data), warc_reader.Budget()).read1(1000)
    assert first == b"first member "
    whole = io.BytesIO(data)
    reader = warc_reader.Gunzip(whole, warc_reader.Budget())
    pieces = iter(lambda: reader.read1(5), b"")
    assert b"".join(pieces) == b"first member last"
    with pytest.raises(EOFError):
        reader = warc_reader.Gunzip(io.BytesIO(data[:-6]), warc_reader.Budget())
        while reader.read1(100):
            pass
    with pytest.raises(OSError, match="Not a gzipped file"):
        reader = warc_reader.Gunzip(io.BytesIO(data + b"junk"), warc_reader.Budget())
        while reader.read1(100):
            pass
    monkeypatch.setattr(warc_reader, "MAX_GZIP_MEMBERS", 100)
    empty = warc() + gzip_of(b"") * 200
    blocks, reason = formats.printable(empty, "x.warc.gz")
    assert reason == "" and Text(WORDS) in blocks
    assert describe(empty, "x.warc.gz")[1].problem == warc_reader.TOO_BIG


def test_gzip_inside_gzip_is_not_a_warc():
    nested = gzip_of(warc())
    assert Warc().recognise(Probe.of_bytes(nested, "x.warc.gz")) == 0
    with pytest.raises(Unreadable):
        Warc().printable(nested, "x.warc.gz")


# ---- WACZ -----------------------------------------------------------------------------


def wacz(pages: bool = True, archive: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
        zipped.writestr("archive/data.warc.gz", archive or warc(extra=2))
        if pages:
            listing = [
                {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"},
                {"id": "1", "url": URL, "title": "The post", "ts": "2024-03-05T20:14:03.5Z"},
            ]
            zipped.writestr("pages/pages.jsonl", "\n".join(map(json.dumps, listing)))
    return buffer.getvalue()


def test_a_wacz_prints_the_page_its_list_names():
    data = wacz()
    assert isinstance(formats.identify_bytes(data, "capture.wacz"), Wacz)
    assert isinstance(formats.identify_bytes(data, "capture.zip"), Wacz)
    blocks, reason = formats.printable(data, "capture.wacz")
    assert reason == ""
    assert blocks == [
        Fields([("Address", URL), ("Captured", "2024-03-05T20:14:03.5Z"), ("Title", "The post")]),
        Text(WORDS),
    ]
    handler, facts = describe(data, "capture.wacz")
    assert isinstance(handler, Wacz)
    assert (facts.kind, facts.media_type) == ("web archive (WACZ)", "application/wacz")
    assert facts.shown == {"url": URL, "title": "The post", "captured": "2024-03-05T20:14:03.5Z"}
    expected = local(datetime(2024, 3, 5, 20, 14, 3, tzinfo=UTC))
    assert facts.guesses == {"captured_at": (expected, "page"), "url": (URL, "page")}


def test_a_wacz_without_a_page_list_takes_the_first_page():
    blocks, _reason = formats.printable(wacz(pages=False), "capture.wacz")
    assert blocks[0] == Fields([("Address", f"{URL}/0"), ("Captured", WARC_DATE)])
    assert blocks[1] == Text("other")


def huge_claim(data: bytes, member: str) -> bytes:
    """The zip with `member`'s central-directory entry claiming to hold 4 GB."""
    name = member.encode()
    at = data.index(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    return data[: at + 24] + struct.pack("<I", 0xFFFF0000) + data[at + 28 :]


def test_a_wacz_member_claiming_a_huge_size_is_refused():
    data = huge_claim(wacz(), "archive/data.warc.gz")
    blocks, reason = formats.printable(data, "capture.wacz")
    assert reason == "archive/data.warc.gz inside it is too large to read here."
    assert blocks == [Notice(reason)]
    assert describe(data, "capture.wacz")[1].problem == reason


def test_only_so_many_warcs_of_a_wacz_are_looked_at(monkeypatch: pytest.MonkeyPatch):
    buffer = io.BytesIO()
    css = io.BytesIO()
    writer = WARCWriter(css, gzip=True)
    writer.write_record(response(writer, f"{URL}.css", b"p{}", "text/css"))
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("datapackage.json", "{}")
        for number in range(5):
            zipped.writestr(f"archive/{number}.warc.gz", css.getvalue())
        zipped.writestr("archive/9.warc.gz", warc())
    monkeypatch.setattr(web, "MAX_WACZ_WARCS", 5)
    assert formats.printable(buffer.getvalue(), "x.wacz")[1] == web.NO_PAGE
    monkeypatch.setattr(web, "MAX_WACZ_WARCS", 6)
    assert Text(WORDS) in formats.printable(buffer.getvalue(), "x.wacz")[0]


def test_a_wacz_with_a_broken_archive_is_one_sentence():
    data = wacz(archive=b"\x1f\x8b not really gzip")
    assert formats.printable(data, "capture.wacz")[1] == warc_reader.DAMAGED_ARCHIVE


# ---- the registry never raises --------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["x.mhtml", "x.html", "x.warc", "x.warc.gz", "x.wacz", "x.mht", "x.htm"]
)
def test_noise_with_a_web_name_never_raises(name: str):
    for noise in (b"", b"\x00" * 100, bytes(range(256)) * 20, b"\x1f\x8b\x08" + bytes(50)):
        blocks, _reason = formats.printable(noise, name)
        assert blocks
        describe(noise, name)
        assert formats.preview(noise, name) is None


def test_every_cut_of_a_capture_is_handled():
    for data, name in ((warc(), "c.warc.gz"), (mhtml(), "c.mhtml"), (wacz(), "c.wacz")):
        for end in range(0, len(data), max(1, len(data) // 25)):
            blocks, _reason = formats.printable(data[:end], name)
            for block in blocks:
                if isinstance(block, Text):
                    assert_no_markup(block.text)
            describe(data[:end], name)
