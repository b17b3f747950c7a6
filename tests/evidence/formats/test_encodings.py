"""The charsets a file may name: only real web and mail encodings are ever used to decode
(issue 26 item 6); a transform or a slow codec named as a charset is no charset at all."""

from __future__ import annotations

import codecs
from email import message_from_bytes

import pytest

from tui.core.evidence.formats import encodings
from tui.core.evidence.formats.encodings import codec_for
from tui.core.evidence.formats.html_text import decode_html, to_text
from tui.core.evidence.formats.mime import content_charset, filename
from tui.core.evidence.formats.mime_headers import decode_words


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        (" UTF8 ", "utf-8"),
        ('"Shift_JIS"', "cp932"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("ISO-8859-2", "iso8859-2"),
        ("koi8-r", "koi8-r"),
        ("gb2312", "gbk"),
        ("euc-kr", "cp949"),
        ("iso-2022-jp", "iso2022-jp"),
        ("utf-16le", "utf-16-le"),
    ],
)
def test_real_encodings_are_named_by_their_labels(label: str, codec: str):
    assert codec_for(label) == codec


@pytest.mark.parametrize(
    "label",
    [
        "punycode",
        "idna",
        "utf-7",
        "utf_7",
        "zlib",
        "zlib_codec",
        "bz2",
        "base64",
        "base64_codec",
        "uu",
        "uu_codec",
        "hex",
        "quopri",
        "rot13",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
        "x-user-defined",
        "replacement",
        "utf-8" + " " * 100,
        "",
        None,
    ],
)
def test_transforms_and_slow_codecs_are_no_encoding(label: str | None):
    assert codec_for(label) is None


def test_every_allowed_codec_is_a_text_encoding():
    for codec in encodings._LABELS:
        assert codecs.lookup(codec)._is_text_encoding


def test_text_naming_a_transform_is_read_as_utf8():
    assert to_text(b"-abc caf\xc3\xa9", "punycode") == "-abc café"
    assert to_text(b"eJzLSM3JyQcABiwCFQ==", "base64") == "eJzLSM3JyQcABiwCFQ=="
    assert (
        decode_html(b'<meta charset="idna"><p>xn--caf-dma')
        == '<meta charset="idna"><p>xn--caf-dma'
    )
    assert to_text(b"caf\xe9", "latin1") == "café"


def test_an_encoded_word_naming_a_transform_is_read_as_utf8():
    assert decode_words("=?punycode?q?-abc?=") == "-abc"
    assert decode_words("=?utf-8?q?caf=C3=A9?=") == "café"


def test_a_part_naming_a_transform_in_rfc2231_form_has_no_charset_and_a_plain_name():
    part = message_from_bytes(
        b"Content-Type: text/plain; charset*=utf-8''punycode\r\n"
        b"Content-Disposition: attachment; filename*=punycode''-photo\r\n\r\nx"
    )
    assert content_charset(part) is None
    assert filename(part) == "-photo"
    named = message_from_bytes(
        b"Content-Type: text/plain; charset*=utf-8''koi8-r\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''caf%C3%A9.jpg\r\n\r\nx"
    )
    assert content_charset(named) == "koi8-r"
    assert filename(named) == "café.jpg"
