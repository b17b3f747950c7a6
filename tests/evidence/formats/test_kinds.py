"""Issue 27: each kind recognised as what it is, described from its own fields and
printed as a reader expects (every fixture is made in `kinds_samples`)."""

from __future__ import annotations

import io
import struct
from datetime import UTC, datetime

import pytest

from tests.evidence.formats import kinds_samples as ks
from tui.core.evidence import formats
from tui.core.evidence.formats import inner_files, recordings, telegram, warc_reader
from tui.core.evidence.formats.base import (
    Fields,
    Heading,
    Notice,
    Picture,
    Table,
    Text,
    local_time,
)
from tui.core.evidence.formats.encodings import text_of
from tui.core.shared.text import size


def local(moment: datetime) -> str | None:
    return local_time(moment)


def described(data: bytes, name: str) -> tuple[str, formats.Facts]:
    handler, facts = formats.describe(io.BytesIO(data), name)
    return type(handler).__name__, facts


def printed(data: bytes, name: str) -> tuple[list[formats.Block], str]:
    return formats.printable(data, name)


def words(blocks: list[formats.Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Fields):
            out += [f"{label}: {value}" for label, value in block.rows]
        elif isinstance(block, Table):
            out += [" | ".join(row) for row in block.rows]
        elif isinstance(block, Text | Notice | Heading):
            out.append(block.text)
    return "\n".join(out)


@pytest.mark.parametrize("name", ["export", "result.json", "data"])
def test_json_is_json_laid_out_not_a_table(name: str):
    import json

    data = json.dumps(ks.JSON_DATA, separators=(",", ":")).encode()
    handler, facts = described(data, name)
    assert (handler, facts.kind, facts.media_type) == ("Json", "JSON data", "application/json")
    blocks, reason = printed(data, name)
    assert reason == ""
    assert blocks == [Text(json.dumps(ks.JSON_DATA, indent=2), mono=True)]


def test_broken_json_is_printed_as_written_with_a_sentence():
    blocks, reason = printed(b'{"a": [1, 2', "x.json")
    assert reason == ""
    assert isinstance(blocks[0], Notice) and "not valid JSON" in blocks[0].text
    assert blocks[1] == Text('{"a": [1, 2', mono=True)


def test_xml_is_xml_laid_out_with_its_outer_element():
    handler, facts = described(ks.XML_DATA, "feed")
    assert (handler, facts.kind, facts.media_type) == ("Xml", "XML data", "application/xml")
    assert facts.shown["root"] == "<posts>"
    blocks, _ = printed(ks.XML_DATA, "feed")
    assert blocks == [
        Text(
            '<posts>\n  <post id="981">\n    <caption>Look at this</caption>\n'
            "  </post>\n</posts>\n",
            mono=True,
        )
    ]


def test_xml_entities_are_never_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "boom">]><a>&b;&b;</a>'
    blocks, _ = printed(bomb, "a.xml")
    assert "boom" not in words(blocks).replace("<!ENTITY b", "")


def test_an_svg_stays_an_svg_drawing():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'
    assert described(svg, "drawing")[0] == "Svg"


def test_rtf_is_printed_as_its_words():
    handler, facts = described(ks.RTF_DATA, "letter.rtf")
    assert (handler, facts.kind, facts.media_type) == ("Rtf", "RTF document", "application/rtf")
    blocks, _ = printed(ks.RTF_DATA, "letter")
    text = words(blocks)
    assert "He wrote: I will post them" in text and "Café at noon." in text
    assert "\\par" not in text and "fonttbl" not in text


def test_only_a_file_named_as_a_table_is_a_table():
    data = b"name,when\nSam,2024-03-05\n"
    assert described(data, "posts.csv")[1].kind == "table (CSV)"
    assert described(data, "posts.tsv")[1].kind == "table (CSV)"
    assert described(data, "notes")[1].kind == "text file"
    assert described(b"int main() { return 0; }\n", "main.c")[1].kind == "text file"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (ks.picture("PPM"), "pic.ppm"),
        (ks.picture("PPM", "L"), "pic.pgm"),
        (ks.picture("PPM", "1"), "pic"),
    ],
)
def test_netpbm_is_a_picture(data: bytes, name: str):
    handler, facts = described(data, name)
    assert (handler, facts.kind) == ("Photo", "Netpbm picture")
    assert facts.media_type == "image/x-portable-anymap"
    assert facts.shown["pixels"] == "3 x 2"
    blocks, _ = printed(data, name)
    assert isinstance(blocks[-1], Picture) and (blocks[-1].width, blocks[-1].height) == (3, 2)


def test_ascii_pbm_and_xbm_are_pictures():
    handler, facts = described(b"P1\n3 2\n1 0 1\n0 1 0\n", "dots.pbm")
    assert (handler, facts.kind, facts.shown["pixels"]) == ("Photo", "Netpbm picture", "3 x 2")
    handler, facts = described(ks.xbm(), "icon.xbm")
    assert (handler, facts.kind, facts.media_type) == (
        "Photo",
        "X bitmap (XBM)",
        "image/x-xbitmap",
    )
    assert facts.shown["pixels"] == "3 x 2"


def test_jpeg_2000_is_image_jp2_not_jpeg():
    data = ks.picture("JPEG2000")
    _handler, facts = described(data, "scan.jp2")
    assert (facts.kind, facts.media_type) == ("JPEG 2000 picture", "image/jp2")
    assert facts.shown["pixels"] == "3 x 2"


def test_a_camcorders_mts_is_an_mpeg_transport_stream():
    _handler, facts = described(ks.mts(), "00001.MTS")
    assert facts.media_type == "video/mp2t"
    blocks, _ = printed(ks.mts(), "00001.MTS")
    assert "model/" not in words(blocks)


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [(ks.LATIN1, "latin-1", "Text2.txt"), (ks.MAC_ROMAN, "mac_roman", "Text4.txt")],
)
def test_legacy_text_is_decoded_and_printed(text: str, codec: str, name: str):
    data = text.encode(codec)
    handler, facts = described(data, name)
    assert (handler, facts.kind) == ("PlainText", "text file")
    blocks, reason = printed(data, name)
    assert reason == ""
    assert blocks == [Text(text.replace("\r", "\n"))]


def test_text_of_reads_utf8_and_utf16_and_refuses_binary():
    assert text_of("Grüße".encode()) == "Grüße"
    assert text_of("Grüße".encode("utf-16")) == "Grüße"
    assert text_of(bytes(range(256)) * 4) is None


def test_a_signal_export_is_signal_not_whatsapp():
    handler, facts = described(ks.SIGNAL_CHAT.encode(), "test_export.txt")
    assert (handler, facts.kind) == ("SignalText", "Signal chat export")
    assert facts.shown["participants"] == ["Jane Doe", "John Doe"]
    assert facts.shown["messages"] == 2
    whatsapp = "[24/12/2019, 12:23:00] Jane Doe: Hello\n[24/12/2019, 12:24:00] John: Hi\n"
    assert described(whatsapp.encode(), "_chat.txt")[0] == "WhatsAppText"


def test_a_telegram_account_export_is_read_as_its_chats():
    data = ks.telegram_account()
    handler, facts = described(data, "result.json")
    assert (handler, facts.kind) == ("TelegramAccount", "Telegram export (every chat)")
    assert facts.shown["messages"] == 3
    assert facts.shown["chats"] == ["Sam", "Old group"]
    assert set(facts.shown["participants"]) == {"Sam", "Me", "Alex"}
    blocks, reason = printed(data, "result.json")
    assert reason == ""
    text = words(blocks)
    assert "Chat: Sam" in text and "Chat: Old group" in text
    assert "Delete it or else" in text and "Everyone saw it" in text


def test_every_page_of_a_warc_is_printed_and_the_first_described():
    data = ks.warc()
    handler, facts = described(data, "capture.warc")
    assert handler == "Warc"
    assert facts.shown["url"] == "https://example.com/first"
    assert facts.shown["captured"] == "2024-03-05T21:14:03Z"
    assert facts.shown["web_pages"] == 3
    blocks, reason = printed(data, "capture.warc")
    assert reason == ""
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["Web page 1 of 3", "Web page 2 of 3", "Web page 3 of 3"]
    fields = [dict(b.rows) for b in blocks if isinstance(b, Fields)]
    assert [(f["Address"], f["Captured"]) for f in fields] == [
        ("https://example.com/first", "2024-03-05T21:14:03Z"),
        ("https://example.com/second", "2024-03-05T21:15:09Z"),
        ("https://example.com/stored", "2024-03-06T08:00:00Z"),
    ]
    text = words(blocks)
    assert text.index("First page words") < text.index("Second page words")
    assert "Stored page words" in text


def test_a_warc_of_one_resource_record_has_its_page_and_date():
    data = ks.resource_only_warc()
    _handler, facts = described(data, "example-resource.warc.gz")
    assert facts.shown["url"] == "https://example.com/index.html"
    assert facts.guesses["captured_at"][1] == "page"
    blocks, reason = printed(data, "example-resource.warc.gz")
    assert reason == "" and "Only a resource here" in words(blocks)


def test_an_arc_is_a_web_archive():
    handler, facts = described(ks.arc(), "example.arc")
    assert (handler, facts.kind) == ("Arc", "web archive (ARC)")
    assert facts.shown["url"] == "http://example.com/"
    assert facts.shown["captured"] == "2014-02-16T05:02:21Z"
    assert facts.guesses["captured_at"][0] == local(datetime(2014, 2, 16, 5, 2, 21, tzinfo=UTC))
    blocks, reason = printed(ks.arc(), "example.arc")
    assert reason == "" and "ARC page words" in words(blocks)


def test_a_badly_folded_mhtml_is_still_a_saved_page():
    data = ks.folded_mhtml()
    handler, facts = described(data, "portfolio.mhtml")
    assert (handler, facts.kind) == ("Mhtml", "saved web page (MHTML)")
    assert facts.shown["url"] == "https://example.com/post"
    blocks, reason = printed(data, "portfolio.mhtml")
    text = words(blocks)
    assert reason == "" and "MHTML page words" in text
    assert "SCRIPTTEXT" not in text and "Content-Type" not in text


def test_an_email_keeps_the_senders_clock_and_says_its_offset():
    data = ks.email()
    _handler, facts = described(data, "mail_test_3")
    assert facts.guesses["posted_at"] == ("2016-08-22T16:56:09", "email")
    assert facts.shown["sent_clock"] == "UTC+03:00 (the sender's clock)"
    rows = dict(next(b for b in printed(data, "m.eml")[0] if isinstance(b, Fields)).rows)
    assert rows["Date"] == "Mon, 22 Aug 2016 16:56:09 +0300"
    assert rows["Sent on"] == "UTC+03:00 (the sender's clock)"


def test_a_display_name_that_looks_like_an_address_is_not_the_address():
    _handler, facts = described(ks.email(), "mail_test_19")
    assert facts.guesses["poster"] == ('"alice@example.com" <bob@example.com>', "email")
    assert facts.shown["from"] == '"alice@example.com" <bob@example.com>'
    _handler, facts = described(ks.email(sender='"Sam" <sam@example.com>'), "m.eml")
    assert facts.guesses["poster"] == ("Sam <sam@example.com>", "email")


def test_docx_tables_print_their_cells_side_by_side_and_pictures_are_shown():
    data = ks.docx()
    _handler, facts = described(data, "letter.docx")
    assert facts.shown["pictures"] == [
        {"name": ks.PNG_PICTURE, "size": len(ks.png()), "sha256": ks.sha(ks.png())}
    ]
    blocks, reason = printed(data, "letter.docx")
    assert reason == ""
    # The document's table is a table between its paragraphs, its first row the heading.
    at = blocks.index(Text("Before the table"))
    drawn = blocks[at + 1]
    assert isinstance(drawn, Table) and drawn.headers == ("r1c1", "r1c2", "r1c3")
    assert drawn.rows == [("r2c1", "r2c2", "r2c3"), ("r3c1", "r3c2", "r3c3")]
    assert blocks[at + 2] == Text("After the table")
    table = [b for b in blocks if isinstance(b, Table)][-1]  # the pictures inside
    assert table.rows == [(ks.PNG_PICTURE, size(len(ks.png())), ks.sha(ks.png()))]
    assert next(b for b in blocks if isinstance(b, Picture)).width == 40


def test_odt_pictures_are_listed_and_shown():
    data = ks.odt()
    _handler, facts = described(data, "notes.odt")
    assert [p["name"] for p in facts.shown["pictures"]] == ["1000.png"]
    blocks, _ = printed(data, "notes.odt")
    assert "ODT words" in words(blocks) and "Pictures in the document" in words(blocks)
    assert any(isinstance(b, Picture) for b in blocks)


def test_a_pdfs_attachments_are_listed_with_size_and_sha256():
    data = ks.pdf_with_attachment()
    _handler, facts = described(data, "with-attachment.pdf")
    assert facts.shown["attachments"] == [
        {"name": "receipt.txt", "size": len(ks.ATTACHED), "sha256": ks.sha(ks.ATTACHED)}
    ]
    blocks, reason = printed(data, "with-attachment.pdf")
    assert reason == ""
    assert "receipt.txt | 740 bytes | " + ks.sha(ks.ATTACHED) in words(blocks)


def test_an_empty_zip_is_an_empty_zip_at_intake_and_in_print():
    data = ks.empty_zip()
    handler, facts = described(data, "zip.zip")
    assert (handler, facts.kind, facts.shown["files"]) == ("Archive", "zip archive", 0)
    blocks, reason = formats.printable(io.BytesIO(data), "zip.zip")
    assert reason == "" and "zip archive" in words(blocks)
    # Said to be empty, not "listed, not shown" above an empty table (SEEN row 87).
    assert blocks == [Text("This zip archive is empty: it holds no files.")]


def test_a_warcs_pages_past_the_printed_ones_are_named(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(warc_reader, "MAX_MORE_PAGES", 1)
    blocks, reason = printed(ks.warc(), "capture.warc")
    assert reason == ""
    assert blocks[0] == Notice(
        "This web archive holds 3 web pages; the first 2 are printed, and the others named below."
    )
    assert [b.text for b in blocks if isinstance(b, Heading)] == [
        "Web page 1 of 3",
        "Web page 2 of 3",
    ]
    named = next(b for b in blocks if isinstance(b, Table))
    assert list(named.rows) == [("https://example.com/stored", "2024-03-06T08:00:00Z")]
    assert "Stored page words" not in words(blocks)


def test_a_documents_pictures_past_the_bound_are_listed_not_printed(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(inner_files, "MAX_PRINTED_PICTURES", 0)
    blocks, _ = printed(ks.docx(), "letter.docx")
    assert not any(isinstance(b, Picture) for b in blocks)
    table = [b for b in blocks if isinstance(b, Table)][-1]  # after the document's own
    assert [row[0] for row in table.rows] == [ks.PNG_PICTURE]


def test_a_telegram_account_prints_no_more_rows_than_the_bound(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(telegram, "MAX_ROWS", 1)
    blocks, _ = printed(ks.telegram_account(), "result.json")
    assert "Delete it or else" in words(blocks) and "Everyone saw it" not in words(blocks)
    assert Notice(telegram.ROWS_SPENT.format(count=1)) in blocks


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def test_a_recording_with_no_streams_is_not_said_to_hold_sound():
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    header = bytes(12) + struct.pack(">IIIH", 1000, 0, 0x10000, 0x100) + bytes(10)
    movie = _box(b"mvhd", header + matrix + bytes(24) + struct.pack(">I", 2))
    data = _box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2mp41")
    data += _box(b"moov", movie)
    _handler, facts = described(data, "Mpeg4.mp4")
    assert facts.problem == recordings.NO_STREAMS
    assert "sound" in recordings.NO_STREAMS and "neither" in recordings.NO_STREAMS
    blocks, _ = printed(data, "Mpeg4.mp4")
    assert Notice(recordings.NO_STREAMS) in blocks
    assert "holds sound but no pictures" not in words(blocks)
