"""Files crafted to cost a reader time or memory out of all proportion to their size: tag
soup that makes an HTML parser quadratic, headers that make the email parser slow or
hungry, WARC records of endless header lines, Telegram exports of a million messages.

Each file is built in a child Python (by the function named here), which reads it with
`formats.describe` and `formats.printable` under a 2 GiB memory limit; the test fails if
a case takes more than `TIMEOUT` (the minutes these took before their fixes), and checks
that the real words still come out. One child reads every case, one after another (the
limit holds for all of them together), so the cases cost their reading, not a Python start
each. How fast each must be, against an ordinary file of its kind and size, is measured by
tests/bench/test_hostile_inputs_bench.py, out of the normal run (a time limit close to the
real cost fails on a busy machine)."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.evidence.formats.crafted_reader import CraftedReader
from tui.core.evidence.formats import DAMAGED

#: Describing and printing one of these took from ten seconds to many minutes before
#: their fixes, and takes one or two now (on a slow machine): a guard against those
#: minutes, not a measure of speed.
TIMEOUT = 30

#: Every (builder, file name) the tests read, noted at import, and what the child gave.
READER = CraftedReader("tests.evidence.formats.test_hostile_sizes", TIMEOUT)
CASES = READER.cases
case = READER.case
read_in_child = READER.read


@pytest.fixture(autouse=True, scope="module")
def _answers_shared_by_workers(tmp_path_factory: pytest.TempPathFactory) -> None:
    READER.share_in(tmp_path_factory.getbasetemp().parent)


THREAT = b"<p>The threat</p>"
PAGE = b"<html><body>" + THREAT
HEAD = b"To: d@e.f\r\nDate: Tue, 5 Mar 2024 21:14:00 +0000\r\nMessage-ID: <x@y>\r\n"


def mail(headers: bytes, body: bytes = b"The threat\r\n", kind: bytes = b"text/plain") -> bytes:
    return headers + b"MIME-Version: 1.0\r\nContent-Type: " + kind + b"\r\n\r\n" + body


def warc_record(body: bytes, kind: bytes = b"text/html") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + kind + b"\r\n\r\n" + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
        b"WARC-Date: 2024-03-05T21:14:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n"
    )


# ---- 1. HTML that makes a parser quadratic ---------------------------------------------


def html_lt_a() -> bytes:
    return PAGE + b"<a" * 100_000


def html_lt_slash() -> bytes:
    return PAGE + b"</" * 1_000_000


def html_bang_dash() -> bytes:
    return PAGE + b"<!-" * 333_333


def html_attributes() -> bytes:
    return PAGE + b"<a " + b"b " * 500_000


def html_empty_tags() -> bytes:
    """A million and a half tags and no words: every tag is an event to handle."""
    return PAGE + b"<b>" * 1_500_000


def html_spaces() -> bytes:
    """Two hundred thousand spaces, each its own piece of text, between paragraphs: they
    are one space in the end, and must neither hide what follows nor make joining the
    pieces quadratic."""
    return PAGE + b"<b> </b>" * 100_000 + b"&#32;" * 100_000 + b"<p>The end</p>"


def email_html_lt_slash() -> bytes:
    return mail(
        b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n", PAGE + b"</" * 1_000_000, b"text/html"
    )


def mhtml_lt_slash() -> bytes:
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x/\r\nSubject: S\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"'
        b"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n"
        + PAGE
        + b"</" * 1_000_000
        + b"\r\n--b--\r\n"
    )


def warc_lt_slash() -> bytes:
    return warc_record(PAGE + b"</" * 1_000_000)


@pytest.mark.parametrize(
    ("build", "name"),
    [
        case("html_lt_a", "page.html"),
        case("html_lt_slash", "page.html"),
        case("html_bang_dash", "page.html"),
        case("html_attributes", "page.html"),
        case("html_empty_tags", "page.html"),
        case("email_html_lt_slash", "message.eml"),
        case("mhtml_lt_slash", "page.mhtml"),
        case("warc_lt_slash", "capture.warc"),
    ],
)
def test_tag_soup_is_read_in_linear_time(build: str, name: str):
    answer = read_in_child(build, name)
    assert "The threat" in answer["printed"]
    assert "<" not in answer["printed"].split("The threat")[1][:100]
    assert answer["reason"] == ""


def test_white_space_hides_nothing():
    answer = read_in_child("html_spaces", "page.html")
    assert answer["printed"] == "The threat\n\nThe end"


# ---- 2. a character reference too long for a number --------------------------------------


def html_long_charref() -> bytes:
    return b"<html><body>" + THREAT + b"&#" + b"9" * 5000 + b";"


def email_long_charref() -> bytes:
    body = THREAT + b"&#" + b"9" * 5000 + b";"
    return mail(b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n", body, b"text/html")


@pytest.mark.parametrize(
    ("build", "name"),
    [case("html_long_charref", "page.html"), case("email_long_charref", "m.eml")],
)
def test_a_long_character_reference_hides_nothing(build: str, name: str):
    answer = read_in_child(build, name)
    assert answer["reason"] == ""
    assert "The threat" in answer["printed"]
    assert DAMAGED not in answer["printed"]


# ---- 3. email headers that the modern policy parses slowly --------------------------------


def email_from_dots() -> bytes:
    return mail(b"From: a" + b"." * 200_000 + b"@b\r\n" + HEAD + b"Subject: s\r\n")


def email_encoded_words() -> bytes:
    words = b"=?utf-8?q?a?= " * 20_000
    return mail(b"From: a@b.c\r\n" + HEAD + b"Subject: " + words + b"\r\n")


def email_many_addresses() -> bytes:
    return mail(b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\nCc: " + b"a@b.c, " * 20_000 + b"\r\n")


def email_million_headers() -> bytes:
    """A million tiny headers (8 MB) after the real ones."""
    return mail(b"From: Sam <sam@b.c>\r\n" + HEAD + b"Subject: s\r\n" + b"X-A: b\r\n" * 1_000_000)


def email_endless_fold() -> bytes:
    """One header folded two million times (8 MB)."""
    return mail(b"From: a@b.c\r\n" + HEAD + b"Subject: s" + b"\r\n x" * 2_000_000 + b"\r\n")


def email_part_headers() -> bytes:
    """A part with three hundred thousand headers before its words."""
    part = b"Content-Type: text/plain\r\n" + b"X-A: b\r\n" * 300_000 + b"\r\nThe threat\r\n"
    body = b"--XX\r\n" + part + b"--XX--\r\n"
    return mail(
        b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n", body, b"multipart/mixed; boundary=XX"
    )


def email_empty_lines() -> bytes:
    """Nine million empty lines in a part: the parser reads line by line."""
    body = (
        b"--XX\r\nContent-Type: text/plain\r\n\r\nThe threat\n" + b"\n" * 9_000_000 + b"--XX--\n"
    )
    return mail(
        b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n", body, b"multipart/mixed; boundary=XX"
    )


def email_attached_message() -> bytes:
    """An attached message of a thousand long headers of short words, which the standard
    library takes minutes to fold again when it writes the message out (for its hash)."""
    inner = b"".join(b"X-%d: " % n + b"a b " * 2000 + b"\r\n" for n in range(1000))
    body = (
        b"--XX\r\nContent-Type: text/plain\r\n\r\nThe threat\r\n--XX\r\n"
        b"Content-Type: message/rfc822\r\n\r\n" + inner + b"\r\ninner body\r\n--XX--\r\n"
    )
    return mail(
        b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n", body, b"multipart/mixed; boundary=XX"
    )


def email_spaced_boundaries() -> bytes:
    """Half a million parts behind a boundary that starts with a space (and CR line ends,
    which the parser splits at too): they must still be counted."""
    parts = b"-- x\r\rThe threat\r" * 500_000
    head = b"From: a@b.c\r\n" + HEAD + b"Subject: s\r\n"
    return mail(head, parts + b"-- x--\r", b'multipart/mixed; boundary=" x"')


HEADER_BUILDS = [
    "email_from_dots",
    "email_encoded_words",
    "email_many_addresses",
    "email_million_headers",
    "email_endless_fold",
    "email_part_headers",
    "email_empty_lines",
    "email_attached_message",
]


@pytest.mark.parametrize("build", HEADER_BUILDS)
def test_hostile_headers_cost_little_and_the_words_still_print(build: str):
    answer = read_in_child(build, "message.eml")
    assert answer["reason"] == ""
    assert "The threat" in answer["printed"]
    assert answer["shown"]["to"] == "d@e.f"


def test_encoded_words_are_decoded_as_far_as_they_are_kept():
    answer = read_in_child("email_encoded_words", "message.eml")
    assert answer["shown"]["subject"].startswith("aaaaaaaa")
    assert answer["shown"]["date"] == "Tue, 5 Mar 2024 21:14:00 +0000"


def test_a_million_headers_keep_the_sender():
    answer = read_in_child("email_million_headers", "message.eml")
    assert answer["shown"]["from"] == "Sam <sam@b.c>"
    assert "From: Sam <sam@b.c>" in answer["printed"]


def test_parts_behind_an_odd_boundary_are_counted():
    answer = read_in_child("email_spaced_boundaries", "message.eml")
    assert answer["reason"] == "This file has too many parts to read here."


# ---- 4. WARC records with endless headers -----------------------------------------------


def warc_header_lines() -> bytes:
    """Five million tiny header lines in 44 KB of gzip."""
    return gzip.compress(
        b"WARC/1.0\r\nWARC-Type: response\r\n" + b"X: a\r\n" * 5_000_000 + b"\r\n\r\n"
    )


def warc_page_then_header_lines() -> bytes:
    hostile = b"WARC/1.0\r\nWARC-Type: response\r\n" + b"X: a\r\n" * 5_000_000 + b"\r\n\r\n"
    return gzip.compress(warc_record(PAGE)) + gzip.compress(hostile)


def warc_http_header_lines() -> bytes:
    http = b"HTTP/1.1 200 OK\r\n" + b"X: a\r\n" * 5_000_000 + b"\r\n"
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n"
    )
    return gzip.compress(warc_record(PAGE) + record)


def warc_folded_header() -> bytes:
    return gzip.compress(warc_record(PAGE) + b"WARC/1.0\r\nX: a\r\n" + b" b\r\n" * 3_000_000)


def warc_blank_lines() -> bytes:
    return gzip.compress(warc_record(PAGE) + b"\r\n" * 20_000_000)


def warc_empty_members() -> bytes:
    return gzip.compress(warc_record(PAGE)) + gzip.compress(b"") * 200_000


def test_a_warc_of_endless_header_lines_is_one_sentence():
    answer = read_in_child("warc_header_lines", "capture.warc.gz")
    assert answer["reason"] == "This web archive can't be read: it may be damaged or cut short."
    assert answer["problem"] == answer["reason"]


WARC_BUILDS = [
    "warc_page_then_header_lines",
    "warc_http_header_lines",
    "warc_folded_header",
    "warc_blank_lines",
    "warc_empty_members",
]


@pytest.mark.parametrize("build", WARC_BUILDS)
def test_the_page_before_a_hostile_record_still_prints(build: str):
    answer = read_in_child(build, "capture.warc.gz")
    assert answer["reason"] == ""
    assert "The threat" in answer["printed"]
    assert answer["shown"]["records"] >= 1
    assert answer["problem"]  # what stopped the count is said


# ---- 5. a Telegram export of a million messages ---------------------------------------


def telegram_flood() -> bytes:
    first = {"id": 1, "type": "message", "date": "2024-03-05T21:14:07", "from": "Sam"}
    head = json.dumps({**first, "text": "The threat"}).encode()
    last = json.dumps({**first, "date": "2024-03-06T08:00:00"}).encode()
    flood = b",".join([b'{"a":0}'] * 1_200_000)
    return (
        b'{"name":"x","type":"personal_chat","messages":['
        + head
        + b","
        + flood
        + b","
        + last
        + b"]}"
    )


def telegram_empty_objects() -> bytes:
    """Three million empty objects: each costs memory once read."""
    flood = b",".join([b"{}"] * 3_300_000)
    return b'{"name":"x","type":"personal_chat","messages":[' + flood + b"]}"


def test_a_million_telegram_messages_are_counted_not_all_read():
    answer = read_in_child("telegram_flood", "result.json")
    assert answer["reason"] == ""
    assert answer["shown"]["messages"] == 1_200_002
    assert answer["shown"]["participants"] == ["Sam"]
    assert answer["shown"]["first_message"] == "2024-03-05T21:14:07"
    assert answer["shown"]["last_message"] == "2024-03-06T08:00:00"
    assert "200,000 messages" in answer["problem"]
    assert "The threat" in answer["printed"]


def test_a_telegram_export_of_empty_objects_is_refused():
    answer = read_in_child("telegram_empty_objects", "result.json")
    assert answer["reason"] == "It holds too many values to read here; it is kept as it is."


# The cases read outside a parametrized list, noted too (see `read_in_child`).
for _build, _name in [
    ("html_spaces", "page.html"),
    *((build, "message.eml") for build in HEADER_BUILDS),
    ("email_spaced_boundaries", "message.eml"),
    ("warc_header_lines", "capture.warc.gz"),
    *((build, "capture.warc.gz") for build in WARC_BUILDS),
    ("telegram_flood", "result.json"),
    ("telegram_empty_objects", "result.json"),
]:
    case(_build, _name)
