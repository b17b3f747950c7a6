"""Emails (`.eml`): the headers, the words and the attachments' hashes the binder prints,
and hostile messages (endless nesting, huge bodies, terminal escapes, random bytes) that
must end as a plain sentence or clean text. Every email is built here, in memory."""

from __future__ import annotations

import hashlib
import io
import os
import random
from datetime import datetime
from email import policy
from email.feedparser import FeedParser
from email.message import EmailMessage, Message

import pytest

from tui.core.evidence import formats
from tui.core.evidence.formats import mime, mime_headers
from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    Fields,
    Heading,
    Notice,
    Probe,
    Table,
    Text,
    Unreadable,
)
from tui.core.evidence.formats.emails import Email

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
#: The header fields printed for `message()`.
SAM_HEADERS = Fields(
    [
        ("From", "Sam Okafor <sam@example.com>"),
        ("To", "Alex <alex@example.org>"),
        ("Cc", "jo@example.net"),
        ("Date", "Tue, 05 Mar 2024 21:14:03 +0100"),
        ("Sent on", "UTC+01:00 (the sender's clock)"),
        ("Subject", "About the photos"),
        ("Message-ID", "<1234@mail.example.com>"),
    ]
)


def local(moment: datetime) -> str:
    return moment.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")


def message(subject: str = "About the photos") -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "Sam Okafor <sam@example.com>"
    mail["To"] = "Alex <alex@example.org>"
    mail["Cc"] = "jo@example.net"
    mail["Subject"] = subject
    mail["Date"] = "Tue, 05 Mar 2024 21:14:03 +0100"
    mail["Message-ID"] = "<1234@mail.example.com>"
    return mail


def with_attachment() -> bytes:
    mail = message()
    mail.set_content("I still have them.\nPay or they go online.\n")
    mail.add_alternative("<p>I still have <b>them</b>.</p>", subtype="html")
    mail.add_attachment(PHOTO, maintype="image", subtype="png", filename="you.png")
    return mail.as_bytes()


def html_only() -> bytes:
    mail = message()
    mail.set_content(
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<p>Delete your account&nbsp;now.</p><script>alert('SCRIPT-TEXT')</script>"
        "<ul><li>one</li><li>two</li></ul></body></html>",
        subtype="html",
    )
    return mail.as_bytes()


def describe(data: bytes, name: str = "message.eml"):
    return formats.describe(io.BytesIO(data), name)


# ---- what is read -------------------------------------------------------------------


def test_a_plain_email_prints_its_headers_then_its_words():
    mail = message()
    mail.set_content("Hello.\nSecond line.\n")
    blocks, reason = formats.printable(mail.as_bytes(), "message.eml")
    assert reason == ""
    assert blocks == [
        SAM_HEADERS,
        Text("Hello.\nSecond line."),
    ]


def test_describe_keeps_the_headers_and_guesses_sender_and_time():
    handler, facts = describe(with_attachment())
    assert isinstance(handler, Email)
    assert (facts.kind, facts.media_type, facts.problem) == ("email", "message/rfc822", "")
    assert facts.shown["from"] == "Sam Okafor <sam@example.com>"
    assert facts.shown["to"] == "Alex <alex@example.org>"
    assert facts.shown["cc"] == "jo@example.net"
    assert facts.shown["subject"] == "About the photos"
    assert facts.shown["date"] == "Tue, 05 Mar 2024 21:14:03 +0100"
    assert facts.shown["message_id"] == "<1234@mail.example.com>"
    assert facts.guesses["poster"] == ("Sam Okafor <sam@example.com>", "email")
    # The sender's own clock, not the adding computer's (issue 27): its offset is said.
    assert facts.guesses["posted_at"] == ("2024-03-05T21:14:03", "email")
    assert facts.shown["sent_clock"] == "UTC+01:00 (the sender's clock)"
    assert facts.shown["attachments"] == [
        {
            "name": "you.png",
            "type": "image/png",
            "size": len(PHOTO),
            "sha256": hashlib.sha256(PHOTO).hexdigest(),
        }
    ]


def dated(date: str) -> bytes:
    """An email with its Date as written (`EmailMessage` would rewrite it)."""
    head = "From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\n"
    return f"{head}Date: {date}\r\n\r\nbody\r\n".encode()


@pytest.mark.parametrize("date", ["Tue, 05 Mar 2024 21:14:03 -0000", "5 Mar 2024 21:14:03"])
def test_a_date_without_a_zone_is_kept_as_written(date: str):
    _handler, facts = describe(dated(date))
    assert facts.guesses["posted_at"] == ("2024-03-05T21:14:03", "email")
    assert facts.shown["date"] == date


def test_an_unreadable_date_is_shown_but_not_guessed():
    _handler, facts = describe(dated("sometime last week"))
    assert facts.shown["date"] == "sometime last week"
    assert "posted_at" not in facts.guesses


def test_a_sender_without_a_name_is_just_the_address():
    mail = message()
    del mail["From"]
    mail["From"] = "sam@example.com"
    mail.set_content("x")
    assert describe(mail.as_bytes())[1].guesses["poster"] == ("sam@example.com", "email")


def test_attachments_are_listed_with_their_full_sha256():
    blocks, _reason = formats.printable(with_attachment(), "message.eml")
    # then the attachment that says it is a picture, printed under its name: this one
    # is only a PNG's signature, so it is said to be damaged
    assert [type(block) for block in blocks] == [Fields, Text, Heading, Table, Text, Notice]
    assert blocks[4] == Text("Picture you.png (2.0 KiB):")
    text, heading, table = blocks[1], blocks[2], blocks[3]
    assert isinstance(text, Text) and text.text == "I still have them.\nPay or they go online."
    assert heading == Heading("Attachments")
    assert isinstance(table, Table)
    assert table.headers == ("Name", "Type", "Size", "SHA-256")
    assert table.rows == [("you.png", "image/png", "2.0 KiB", hashlib.sha256(PHOTO).hexdigest())]
    assert len(table.rows[0][3]) == 64
    assert sum(table.widths) == pytest.approx(1.0)


def test_an_html_only_email_prints_its_visible_words_only():
    blocks, _reason = formats.printable(html_only(), "message.eml")
    text = blocks[1]
    assert isinstance(text, Text)
    assert text.text == "Delete your account now.\n\none\ntwo"
    assert "SCRIPT-TEXT" not in text.text and "<" not in text.text and "color" not in text.text


def test_encoded_headers_are_decoded():
    mail = message("Photos de vacances — 🙂")
    mail.set_content("x")
    data = mail.as_bytes()
    assert b"=?utf-8?" in data
    assert describe(data)[1].shown["subject"] == "Photos de vacances — 🙂"


def test_an_email_without_text_says_so():
    mail = message()
    mail.add_attachment(PHOTO, maintype="image", subtype="png", filename="you.png")
    blocks, reason = formats.printable(mail.as_bytes(), "message.eml")
    assert Notice("This email has no written text.") in blocks
    assert reason == ""  # its headers and attachments are still printed


def test_a_latin1_body_is_decoded_by_its_charset():
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: caf\xe9\r\n"
        b"Date: Tue, 05 Mar 2024 21:14:03 +0000\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\nSee you at the caf=E9.\r\n"
    )
    blocks = Email().printable(raw, "m.eml")
    assert Text("See you at the café.") in blocks
    # A raw 8-bit byte in a header is read (here as Latin-1), never a lone surrogate
    # that would break the PDF, nor a replacement mark (issue 27).
    assert isinstance(blocks[0], Fields)
    assert dict(blocks[0].rows)["Subject"] == "café"


# ---- which handler ------------------------------------------------------------------


def test_an_email_is_recognised_by_its_content_whatever_its_name():
    data = with_attachment()
    assert isinstance(formats.identify_bytes(data, "message.txt"), Email)
    assert isinstance(formats.identify_bytes(data, "no-name"), Email)
    assert Email().recognise(Probe.of_bytes(data, "message.txt")) == 2


def test_text_that_merely_has_colons_is_not_an_email():
    notes = b"Name: Sam\nPhone: 0123\nNotes: called twice\n\nmore\n"
    assert Email().recognise(Probe.of_bytes(notes, "notes.txt")) == 0
    assert Email().recognise(Probe.of_bytes(b"<!doctype html><p>x", "a.eml")) == 0


def test_a_saved_web_page_is_left_to_the_web_handler():
    page = (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/\r\n"
        b"Subject: Example\r\nDate: Tue, 5 Mar 2024 21:14:03 -0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n"
    )
    assert Email().recognise(Probe.of_bytes(page, "page.mhtml")) == 1
    assert formats.identify_bytes(page, "page.eml").family == "web capture"


def test_header_block_joins_folded_lines_and_keeps_the_first():
    head = b"Subject: one\r\n two\r\nSubject: again\r\n\tfolded\r\nFrom: a@b\r\n\r\nbody"
    assert mime_headers.header_block(head) == {"subject": "one two", "from": "a@b"}
    assert mime_headers.header_block(b"not a header line\n\n") is None


# ---- hostile emails -----------------------------------------------------------------


def test_terminal_escape_codes_in_a_subject_come_out_clean():
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\n"
        b"Subject: Hi \x1b]0;pwned\x07 there \x1b[2J\r\n"
        b"Date: Tue, 05 Mar 2024 21:14:03 +0000\r\n\r\nbody \x1b[31mred\x1b[0m\r\n"
    )
    _handler, facts = describe(raw)
    assert facts.shown["subject"] == "Hi ]0;pwned there [2J"
    blocks, _reason = formats.printable(raw, "m.eml")
    printed = repr(blocks)
    assert "\\x1b" not in printed and "\\x07" not in printed
    encoded = message("=?utf-8?q?Hi_=1B]0;pwned=07_=E2=80=AEgpj.exe?=")
    encoded.set_content("x")
    subject = describe(encoded.as_bytes())[1].shown["subject"]
    assert subject == "Hi ]0;pwned gpj.exe"  # no escape, bell or right-to-left override


def nested(depth: int) -> bytes:
    """An email whose parts nest `depth` levels deep (built in linear time)."""
    opens, closes = [], []
    for level in range(depth):
        boundary = f"b{level}".encode()
        opens.append(b"Content-Type: multipart/mixed; boundary=" + boundary + b"\n\n--" + boundary)
        closes.append(b"--" + boundary + b"--")
    head = b"From: a@example.com\nTo: b@example.com\nSubject: deep\nMIME-Version: 1.0\n"
    return head + b"\n".join(opens) + b"\n\nleaf\n" + b"\n".join(reversed(closes)) + b"\n"


def test_ten_thousand_nested_parts_are_refused_quickly():
    data = nested(10_000)
    blocks, reason = formats.printable(data, "deep.eml")
    assert reason == "This file has too many parts to read here."
    assert blocks == [Notice(reason)]
    assert describe(data)[1].problem == reason


def test_nesting_past_the_walk_limit_stops_with_a_notice(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(mime, "MAX_DEPTH", 5)
    blocks = Email().printable(nested(8), "deep.eml")
    assert blocks[-1] == Notice("Only the first 500 parts of this email are shown.")


def test_the_parsers_own_recursion_failure_is_one_sentence(monkeypatch: pytest.MonkeyPatch):
    # With the count out of the way, the standard parser recurses once per level.
    monkeypatch.setattr(mime, "MAX_PARTS", 10**9)
    monkeypatch.setattr(mime, "MAX_BOUNDARIES", 10**9)
    with pytest.raises(Unreadable, match="can't be read"):
        Email().printable(nested(1500), "deep.eml")


def test_many_sibling_parts_are_walked_only_so_far():
    parts = b"".join(b"--XX\nContent-Type: text/plain\n\npart %d\n" % n for n in range(600))
    data = (
        b"From: a@example.com\nTo: b@example.com\nSubject: many\nMIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n" + parts + b"--XX--\n"
    )
    blocks = Email().printable(data, "many.eml")
    assert blocks[-1] == Notice("Only the first 500 parts of this email are shown.")
    assert describe(data)[1].problem == "Only the first 500 parts of this email were read."
    too_many = data.replace(b"--XX--", parts * 9 + b"--XX--")
    assert formats.printable(too_many, "many.eml")[1] == mime.TOO_MANY_PARTS


def test_a_huge_attachment_claim_is_not_believed():
    attachment = (
        b"--XX\nContent-Type: application/octet-stream; name=huge.bin\n"
        b"Content-Disposition: attachment; filename=huge.bin; size=99999999999999\n"
        b"Content-Length: 99999999999999\nContent-Transfer-Encoding: base64\n\n"
    )
    data = (
        b"From: a@example.com\nTo: b@example.com\nSubject: big\nMIME-Version: 1.0\n"
        b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nhi\n"
        + attachment
        + b"QUFB\n" * 1000
        + b"--XX--\n"
    )
    facts = describe(data)[1]
    (listed,) = facts.shown["attachments"]
    assert listed["size"] == 3000 and listed["sha256"] == hashlib.sha256(b"A" * 3000).hexdigest()


def test_a_part_too_large_to_decode_is_listed_without_a_hash(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.setattr(mime, "MAX_PART_BYTES", 1000)
    blocks = Email().printable(with_attachment(), "message.eml")
    table = blocks[-1]
    assert isinstance(table, Table)
    assert table.rows == [("you.png", "image/png", "?", "")]


# ---- headers, bounded -------------------------------------------------------------


def test_a_long_header_is_cut_and_marked(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(mime_headers, "MAX_HEADER_CHARS", 40)
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: " + b"word " * 20 + b"\r\n"
        b" folded " * 5 + b"\r\nX-" + b"n" * 2000 + b": dropped\r\nDate: 5 Mar 2024 21:14:03\r\n"
        b"\r\nbody\r\n"
    )
    facts = describe(raw)[1]
    assert facts.shown["subject"] == "word word word word word word w [...]"
    assert facts.shown["date"] == "5 Mar 2024 21:14:03"  # the huge name was dropped
    assert Text("body") in Email().printable(raw, "m.eml")


def test_only_so_many_headers_are_kept_in_each_block(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(mime_headers, "MAX_HEADERS", 5)
    many = b"".join(b"X-%d: v\r\n" % n for n in range(100))
    part = b"--XX\r\nContent-Type: text/plain\r\n" + many + b"\r\npart words\r\n--XX--\r\n"
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n" + many + b"Cc: late@example.com\r\n"
        b"\r\n" + part
    )
    message = mime.parse(raw)
    assert [key for key, _ in message.raw_items()][-1] == "X-0"
    assert len(list(message.raw_items())) == 5
    (leaf,), _cut = mime.leaves(message)
    assert len(list(leaf.raw_items())) == 5 and mime.part_text(leaf) == "part words"
    assert "cc" not in describe(raw)[1].shown


def test_encoded_words_are_decoded_in_runs():
    decode = mime_headers.decode_words
    assert decode("=?utf-8?q?a?= =?utf-8?q?b?=\r\n =?utf-8?q?c?= d") == "abc d"
    assert decode("x =?utf-8?b?w6k=?= y") == "x é y"
    assert decode("=?utf-8?b?4oCU?=") == "—"
    assert decode("=?utf-8?q?=E2=80?= =?utf-8?q?=94?=") == "—"  # a character split in two
    assert decode("=?no-such?q?abc?= =?base64?q?d?=") == "abcd"
    assert decode("=?utf-8?b?A?= left as it is") == "=?utf-8?b?A?= left as it is"
    assert decode("=?utf-8?q?unterminated") == "=?utf-8?q?unterminated"


def test_a_header_longer_than_the_head_still_makes_a_header_block():
    raw = b"From: a" + b"." * 100_000 + b"@b\r\nTo: b@example.com\r\nSubject: s\r\n\r\nx"
    assert mime_headers.header_block(raw[:HEAD_BYTES])
    assert isinstance(formats.identify_bytes(raw, "m.eml"), Email)


def test_parts_split_by_lone_carriage_returns_are_counted():
    parts = b"--b\rContent-Type: text/plain\r\rx\r" * 6000
    head = b"From: a@example.com\rTo: b@example.com\rSubject: s\r"
    raw = head + b"Content-Type: multipart/mixed; boundary=b\r\r" + parts + b"--b--\r"
    with pytest.raises(Unreadable, match="too many parts"):
        mime.parse(raw)


# ---- the parser's input, many lines at once -----------------------------------------


class _Reference(FeedParser):
    """The standard parser and its own line reader, with the same header bounds."""

    def _parse_headers(self, lines: list[str]) -> None:
        super()._parse_headers(mime_headers.bounded_headers(lines))  # type: ignore[misc]


def structure(message: Message) -> list[object]:
    payload = message.get_payload()
    defects = {type(defect).__name__ for defect in message.defects}
    defects.discard("FirstHeaderLineIsContinuationDefect")  # one for each line, or a run
    parts = (
        [part for part in payload if isinstance(part, Message)]
        if isinstance(payload, list)
        else []
    )
    inner: object = [structure(part) for part in parts] if isinstance(payload, list) else payload
    return [message.get_unixfrom(), list(message.raw_items()), message.preamble, message.epilogue,
            sorted(defects), inner]  # fmt: skip


VOCABULARY = [
    "From: a@b", "Content-Type: multipart/mixed; boundary=b", 'Content-Type: multipart/'
    'digest; boundary=" c"', "Content-Type: message/rfc822", "Content-Type: message/"
    "delivery-status", "Content-Type: text/plain", "--b", "--b--", "-- c", "-- c--", "--",
    "-- ", "--x", "--b  ", "", "", " folded", "\tfolded", "X: y", "X: y", "body text",
    "From someone", ":bad", "b--",
]  # fmt: skip


def test_many_lines_at_once_parse_as_one_by_one(monkeypatch: pytest.MonkeyPatch):
    rng = random.Random(7)
    for number in range(600):
        if number == 300:
            monkeypatch.setattr(mime_headers, "MAX_HEADERS", 2)  # runs of dropped fields too
        end = rng.choice(["\r\n", "\n", "\r"])
        lines = [rng.choice(VOCABULARY) + rng.choice([end] * 9 + ["\n", "\r"]) for _ in
                 range(rng.randint(1, 60))]  # fmt: skip
        raw = "".join(lines).encode()
        reference = _Reference(policy=policy.compat32)
        reference.feed(raw.decode("ascii", "surrogateescape"))
        assert structure(mime.parse(raw)) == structure(reference.close()), raw


def test_an_attached_message_is_hashed_as_it_was_written():
    inner = b"From: x@y\r\nSubject: long\r\n folded " + b"a b " * 50 + b"\r\n\r\ninner body\r\n"
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\n"
        b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
        b"Content-Type: message/rfc822\r\n\r\n" + inner + b"--XX--\r\n"
    )
    (listed,) = describe(raw)[1].shown["attachments"]
    assert listed["type"] == "message/rfc822"
    (leaf,), _cut = mime.leaves(mime.parse(raw))
    data = mime.payload(leaf)
    assert data is not None and listed["sha256"] == hashlib.sha256(data).hexdigest()
    assert data.startswith(b"From: x@y\nSubject: long\r\n folded a b a b")  # as folded
    assert data.endswith(b" \n\ninner body")  # (the last line end is the boundary's)


def test_random_bytes_named_eml_are_not_an_email():
    noise = os.urandom(4096)
    assert Email().recognise(Probe.of_bytes(noise, "junk.eml")) == 0
    assert not isinstance(formats.identify_bytes(noise, "junk.eml"), Email)
    with pytest.raises(Unreadable, match="This email can't be read"):
        Email().printable(noise, "junk.eml")
    blocks, reason = formats.printable(noise, "junk.eml")
    assert reason and all(isinstance(block, Notice) for block in blocks)
    describe(noise, "junk.eml")
    assert formats.preview(noise, "junk.eml") is None


def test_a_cut_off_email_still_prints_what_it_has():
    data = with_attachment()
    blocks, reason = formats.printable(data[: len(data) // 2], "message.eml")
    assert reason == ""
    assert blocks[0] == SAM_HEADERS
    assert formats.preview(data, "message.eml") is None
