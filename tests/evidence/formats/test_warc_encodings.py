"""A web archive's page stored with an HTTP compression (`Content-Encoding`): brotli
(`br`, as SEEN.tsv's example-collection-with-lists.warc holds five) is unpacked within
bounds and printed, a brotli bomb or damaged brotli is said in a notice and the archive
goes on; one Reclaim can't undo (`zstd`) is said, never printed as a thousand lines of
compressed bytes. Every archive is written here."""

from __future__ import annotations

import io
import json
import os
import time
import zipfile

import brotli
import pytest

from tui.core.evidence.formats import describe, warc_bodies
from tui.core.evidence.formats.base import Block, Fields, Heading, Notice, Text
from tui.core.evidence.formats.saved_pages import MAX_HTML_BYTES
from tui.core.evidence.formats.web import Wacz, Warc

PLAIN = ("https://example.com/", b"<html><body><p>Plain page words</p></body></html>", "")
BROTLI_PAGE = "<html><body><h1>Posted</h1><p>Words of the brotli page, café 東京</p></body></html>"


def archive(*pages: tuple[str, bytes, str], gzip: bool = False, chunked: bool = False) -> bytes:
    """A WARC of these (address, body, Content-Encoding) responses; by default one plain
    page and one whose body is compressed in a way Reclaim can't undo (random bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    pages = pages or (PLAIN, ("https://example.com/packed", os.urandom(3000), "zstd"))
    for url, body, coding in pages:
        headers = [("Content-Type", "text/html; charset=utf-8")]
        headers += [("Content-Encoding", coding)] if coding else []
        if chunked:
            headers += [("Transfer-Encoding", "chunked")]
            body = (
                b"".join(
                    b"%x\r\n%s\r\n" % (len(body[at : at + 100]), body[at : at + 100])
                    for at in range(0, len(body), 100)
                )
                + b"0\r\n\r\n"
            )
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
            "This page was stored compressed (zstd) in a way Reclaim can't undo; "
            "it is kept in the original file."
        )
    ]
    texts = [b.text for b in blocks if isinstance(b, Text)]
    assert texts == ["Plain page words"]


def pages_of(data: bytes, name: str = "capture.warc") -> list[list[Block]]:
    """The blocks printed under each page's heading."""
    blocks = (Wacz() if name.endswith(".wacz") else Warc()).printable(data, name)
    starts = [at for at, b in enumerate(blocks) if isinstance(b, Heading)]
    ends = [*starts[1:], len(blocks)]
    return [blocks[at + 1 : end] for at, end in zip(starts, ends, strict=True)]


@pytest.mark.parametrize("chunked", [False, True])
@pytest.mark.parametrize("gzip", [False, True])
def test_a_brotli_page_is_unpacked_and_printed(gzip: bool, chunked: bool):
    packed = ("https://example.com/br", brotli.compress(BROTLI_PAGE.encode()), "br")
    data = archive(PLAIN, packed, gzip=gzip, chunked=chunked)
    _plain, second = pages_of(data)
    assert isinstance(second[0], Fields)
    assert ("Address", "https://example.com/br") in second[0].rows
    assert Text("Posted\n\nWords of the brotli page, café 東京") in second
    assert not any(isinstance(b, Notice) for b in second)
    # and described as the first page
    facts = describe(io.BytesIO(archive(packed, PLAIN)), "capture.warc")[1]
    assert facts.shown["url"] == "https://example.com/br" and not facts.problem


def test_a_brotli_page_in_a_wacz_is_printed():
    packed = ("https://example.com/br", brotli.compress(BROTLI_PAGE.encode()), "br")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("datapackage.json", json.dumps({"profile": "data-package"}))
        zipped.writestr("archive/data.warc.gz", archive(packed, gzip=True))
    blocks = Wacz().printable(buffer.getvalue(), "capture.wacz")
    assert Text("Posted\n\nWords of the brotli page, café 東京") in blocks


def test_a_brotli_bomb_is_said_and_the_archive_goes_on():
    """16 MiB of zeros packs into a few dozen bytes: past the bound of one page, at a
    ratio no real page has, it is stopped there (never unpacked whole) and said."""
    bomb = (
        "https://example.com/bomb",
        brotli.compress(bytes(2 * MAX_HTML_BYTES), quality=5),
        "br",
    )
    later = ("https://example.com/later", b"<html><body><p>Later words</p></body></html>", "")
    started = time.monotonic()
    first, second, third = pages_of(archive(PLAIN, bomb, later))
    assert time.monotonic() - started < 2
    assert Text("Plain page words") in first
    assert isinstance(second[0], Fields)
    assert ("Address", "https://example.com/bomb") in second[0].rows
    assert second[1:] == [Notice(warc_bodies.BOMB)]
    assert Text("Later words") in third


def test_damaged_brotli_is_said_and_the_archive_goes_on():
    broken = brotli.compress(BROTLI_PAGE.encode() * 50)
    broken = broken[:20] + bytes(40) + broken[60:]
    later = ("https://example.com/later", b"<html><body><p>Later words</p></body></html>", "")
    _first, second, third = pages_of(
        archive(PLAIN, ("https://example.com/broken", broken, "br"), later)
    )
    assert second[1:] == [Notice(warc_bodies.DAMAGED)]
    assert Text("Later words") in third


def test_unbrotli_never_holds_more_than_its_bound():
    packed = brotli.compress(bytes(50 << 20), quality=5)
    reads = io.BytesIO(packed).read
    with pytest.raises(warc_bodies.Refused):
        warc_bodies.unbrotli(reads, 1 << 20)
    # a real page larger than the bound is cut, as warcio's gzip pages are
    page = os.urandom(3 << 20).hex().encode()
    cut = warc_bodies.unbrotli(io.BytesIO(brotli.compress(page, quality=1)).read, 1 << 20)
    assert cut == page[: (1 << 20) + 1]
