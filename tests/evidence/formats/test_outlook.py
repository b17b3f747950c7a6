"""Outlook's saved emails (`.msg`), made here with a small compound-file writer: known by
their content, described from their own properties (sender with address, recipients,
the date on its own clock, subject), their words printed (plain, HTML or RTF) and their
attachments listed with size and SHA-256."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support import cfb
from tests.support.outlook import compressed_rtf, message
from tui.core.evidence import formats
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats.base import Fields, Notice, Table, Text
from tui.core.evidence.formats.compressed_rtf import decompress_rtf
from tui.core.evidence.formats.outlook import DAMAGED
from tui.core.vault.vault import Vault

PICTURE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 30  # larger than the mini stream's cut
HEADERS = (
    "Received: from mx.example.com\r\nFrom: Sam Taylor <sam@example.com>\r\n"
    "Date: Mon, 22 Aug 2016 16:56:09 +0300\r\nMessage-ID: <1@example.com>\r\n"
)


def describe(data: bytes, name: str = "mail.msg") -> tuple[formats.Format, formats.Facts]:
    return formats.describe(io.BytesIO(data), name)


def printed(data: bytes, name: str = "mail.msg") -> list[formats.Block]:
    blocks, reason = formats.printable(data, name)
    assert reason == ""
    return blocks


def test_an_outlook_msg_is_an_email_described_from_its_own_properties():
    data = message(
        to=[("Alex Kim", "alex@example.org"), ("Jo", "jo@example.org")],
        cc=[("Helper", "help@example.net")],
        headers=HEADERS,
        attachments=[("photo.png", "image/png", PICTURE)],
    )
    handler, facts = describe(data, "Those pictures.msg")
    assert (handler.kind, handler.family) == ("email (Outlook .msg)", "email")
    assert facts.media_type == "application/vnd.ms-outlook" and facts.problem == ""
    assert facts.shown["from"] == "Sam Taylor <sam@example.com>"
    assert facts.shown["to"] == "Alex Kim <alex@example.org>, Jo <jo@example.org>"
    assert facts.shown["cc"] == "Helper <help@example.net>"
    assert facts.shown["subject"] == "Those pictures"
    assert facts.shown["date"] == "Mon, 22 Aug 2016 16:56:09 +0300"
    assert facts.shown["sent_clock"] == "UTC+03:00 (the sender's clock)"
    assert facts.guesses["posted_at"] == ("2016-08-22T16:56:09", "email")
    assert facts.guesses["poster"] == ("Sam Taylor <sam@example.com>", "email")
    assert facts.shown["attachments"] == [
        {
            "name": "photo.png",
            "type": "image/png",
            "size": len(PICTURE),
            "sha256": hashlib.sha256(PICTURE).hexdigest(),
        }
    ]


def test_without_its_headers_the_time_is_outlooks_own_and_said_to_be_utc():
    _, facts = describe(message(submitted=datetime(2024, 3, 5, 21, 14, 7, tzinfo=UTC)))
    assert facts.shown["date"] == "2024-03-05 21:14:07 UTC"
    assert facts.shown["sent_clock"] == "UTC (as Outlook records it)"
    assert facts.guesses["posted_at"] == ("2024-03-05T21:14:07", "email")


def test_a_display_name_that_looks_like_an_address_is_said_as_a_name():
    _, facts = describe(message(sender=("alice@example.com", "bob@example.com")))
    assert facts.shown["from"] == '"alice@example.com" <bob@example.com>'


def test_the_binder_prints_its_headers_words_and_attachments():
    data = message(headers=HEADERS, attachments=[("photo.png", "image/png", PICTURE)])
    blocks = printed(data)
    fields = blocks[0]
    assert isinstance(fields, Fields)
    rows = dict(fields.rows)
    assert (
        rows["From"] == "Sam Taylor <sam@example.com>"
        and rows["To"] == "Alex Kim <alex@example.org>"
    )
    assert rows["Sent on"] == "UTC+03:00 (the sender's clock)"
    assert rows["Message-ID"] == "<1@example.com>"
    assert blocks[1] == Text("Delete them now or everyone sees them.")
    table = blocks[-3]  # then the picture under its name (only a PNG's signature: damaged)
    assert blocks[-2] == Text("Picture photo.png (7.5 KiB):")
    assert isinstance(blocks[-1], Notice)
    assert isinstance(table, Table)
    assert (
        table.rows[0][0] == "photo.png" and table.rows[0][3] == hashlib.sha256(PICTURE).hexdigest()
    )


def test_an_html_only_body_prints_its_visible_words():
    html = b"<html><head><script>steal()</script></head><body><p>Pay me</p><p>or else</p>"
    words = [b for b in printed(message(body=None, html=html)) if isinstance(b, Text)]
    assert "Pay me" in words[0].text and "or else" in words[0].text
    assert "steal" not in words[0].text


def test_an_rtf_only_body_prints_its_words():
    rtf = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Arial;}}\f0 I still have the photos.\par}"
    words = [
        b for b in printed(message(body=None, rtf=compressed_rtf(rtf))) if isinstance(b, Text)
    ]
    assert words[0].text == "I still have the photos."


def test_compressed_rtf_is_decompressed_as_the_format_says():
    """The worked example of MS-OXRTFCP (a reference back into the dictionary)."""
    sample = bytes.fromhex(
        "2d0000002b0000004c5a4675f1c5c7a703000a0072637067313235423"
        "20af32068656c090020627705b06c647d0a800fa0"
    )
    assert decompress_rtf(sample, 1000) == b"{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n"
    assert decompress_rtf(sample, 10) == b"{\\rtf1\\ans", "never more than asked"
    assert decompress_rtf(b"not rtf at all, not at all", 1000) == b""


def test_an_email_with_no_words_says_so():
    assert Notice("This email has no written text.") in printed(message(body=None))


def test_the_content_decides_not_the_name():
    data = message()
    assert formats.identify_bytes(data, "saved.bin").kind == "email (Outlook .msg)"
    other = cfb.write({"WordDocument": b"x" * 100, "\x05SummaryInformation": b"y" * 50})
    assert formats.identify_bytes(other, "old.msg").kind != "email (Outlook .msg)"


@pytest.mark.parametrize("cut", [600, 3000, 12_288])
def test_a_msg_cut_short_is_one_plain_sentence(cut: int):
    data = message(attachments=[("photo.png", "image/png", PICTURE)])
    assert len(data) > cut
    handler, facts = describe(data[:cut])
    assert handler.kind == "email (Outlook .msg)", "its name and first bytes say what it was"
    assert facts.problem == DAMAGED
    assert formats.printable(data[:cut], "mail.msg") == ([Notice(DAMAGED)], DAMAGED)
    assert formats.identify_bytes(data[:cut], "cut").kind != handler.kind, "nor by its name"


def test_an_outlook_email_added_to_the_case_is_an_email(vault: Vault, tmp_path: Path):
    path = tmp_path / "Those pictures.msg"
    path.write_bytes(message(headers=HEADERS))
    exhibit = add_file(vault, path).exhibit
    assert exhibit.media_type == "application/vnd.ms-outlook"
    assert exhibit.facts["kind"] == "email (Outlook .msg)"
    assert exhibit.facts["subject"] == "Those pictures"
