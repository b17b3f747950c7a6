"""A web page's body as a WARC record holds it, with its HTTP `Content-Encoding: br`
(brotli, which most sites send today) undone here, within bounds.

warcio undoes gzip and deflate itself, block by block: deflate never inflates more than
about a thousand times, so each block stays small, and `warc_reader` reads no more than
a page's worth. Brotli has no such ceiling (a few kilobytes can unpack to gigabytes), so
warcio is never asked for it: the `brotli` library (MIT) unpacks it here, its output
bounded at every step, and a body that would unpack past any real page's ratio is said
to be one, not printed."""

from __future__ import annotations

from typing import Any

from warcio.bufferedreaders import ChunkedDataReader

from tui.core.shared.i18n import N_

#: Compressed bytes read at a time.
_CHUNK = 1 << 16
#: How many times larger than its compressed bytes a page may unpack: deflate's own
#: ceiling (about 1032), past which what warcio inflates for gzip could never go.
MAX_RATIO = 1032

BOMB = N_(
    "This page would unpack to far more than any real web page, so it is not printed; "
    "it is kept in the original file."
)
DAMAGED = N_(
    "This page was stored compressed and can't be unpacked: it may be damaged. It is "
    "kept in the original file."
)


class Refused(Exception):
    """A compressed body that is not printed; `args[0]` is the sentence (untranslated)."""


def brotli_body(record: Any, limit: int) -> bytes:
    """The brotli-compressed body of a response record, unpacked: no more than
    `limit + 1` bytes (a longer page is cut, as warcio's gzip bodies are). Raises
    `Refused` with `BOMB` or `DAMAGED`."""
    stream = record.raw_stream
    if (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
        stream = ChunkedDataReader(stream)  # de-chunked only: nothing unpacked by warcio
    return unbrotli(stream.read, limit)


def unbrotli(read: Any, limit: int) -> bytes:
    """Brotli data from `read(size)`, unpacked to at most `limit + 1` bytes. Past `limit`,
    a body that unpacks more than `MAX_RATIO` times its size is a bomb (`Refused`)."""
    import brotli

    inflater = brotli.Decompressor()
    out = bytearray()
    taken = 0
    try:
        while len(out) <= limit and not inflater.is_finished():
            chunk = b""
            if inflater.can_accept_more_data():
                chunk = read(_CHUNK)
                if not chunk:
                    break  # cut short: what was unpacked is kept
                taken += len(chunk)
            produced = inflater.process(chunk, output_buffer_limit=limit + 1 - len(out))
            if not chunk and not produced:
                break  # nothing more comes out
            out += produced
    except brotli.error as error:
        raise Refused(DAMAGED) from error
    if len(out) > limit and len(out) > MAX_RATIO * max(taken, 1):
        raise Refused(BOMB)
    return bytes(out[: limit + 1])
