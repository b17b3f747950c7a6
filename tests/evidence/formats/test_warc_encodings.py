"""A web archive's page stored with an HTTP compression warcio can't undo here (brotli,
`Content-Encoding: br`, as SEEN.tsv's example-collection-with-lists.warc holds five):
it is said, never printed as a thousand lines of compressed bytes."""

from __future__ import annotations

import io
import os

from tui.core.evidence.formats.base import Fields, Heading, Notice, Text
from tui.core.evidence.formats.web import Warc


def archive() -> bytes:
    """Two pages: one plain, one whose body is brotli-compressed (random bytes here)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    pages = [
        ("https://example.com/", b"<html><body><p>Plain page words</p></body></html>", ""),
        ("https://example.com/packed", os.urandom(3000), "br"),
    ]
    for url, body, coding in pages:
        headers = [("Content-Type", "text/html; charset=utf-8")]
        headers += [("Content-Encoding", coding)] if coding else []
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2024-03-06T08:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def test_a_page_compressed_in_a_way_reclaim_cant_undo_is_said_not_printed():
    blocks = Warc().printable(archive(), "capture.warc")
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["Web page 1 of 2", "Web page 2 of 2"]
    second = blocks[blocks.index(Heading("Web page 2 of 2")) + 1 :]
    assert isinstance(second[0], Fields)
    assert ("Address", "https://example.com/packed") in second[0].rows
    assert second[1:] == [
        Notice(
            "This page was stored compressed (br) in a way Reclaim can't undo; "
            "it is kept in the original file."
        )
    ]
    texts = [b.text for b in blocks if isinstance(b, Text)]
    assert texts == ["Plain page words"]
