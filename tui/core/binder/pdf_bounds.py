"""Bounds for a crafted PDF handed in as evidence: a few kilobytes can decode to
gigabytes of drawing, and a page can hold more than any renderer or viewer should be
asked to draw. Nothing here decodes more than it was allowed."""

from __future__ import annotations

import zlib
from typing import Any

import pikepdf

#: Bounds for a crafted file: resources walked, and drawing instructions (decoded)
#: parsed, per page. Parsing takes about a hundred times the drawing's size in memory;
#: a page with more is printed as a picture instead.
MAX_OBJECTS = 5000


MAX_CONTENT_BYTES = 1024 * 1024


#: How far a filter can multiply a stream's size, for a bound before decoding.
_GROWTH = {"/FlateDecode": 1032, "/Fl": 1032, "/RunLengthDecode": 128, "/RL": 128}


class TooLarge(Exception):
    """A stream decodes to more than it may (a crafted 'compression bomb')."""


def decoded(stream: pikepdf.Stream, limit: int) -> bytes:
    """The stream's decoded bytes, refusing (TooLarge) before more than `limit` are
    made: a few kilobytes of Flate can decode to gigabytes. Flate alone is decoded
    here, chunk-bounded; other filters only when their most growth stays in bounds."""
    filters = stream.get("/Filter")
    names = (
        [str(filters)]
        if isinstance(filters, pikepdf.Name)
        else [str(name) for name in (filters or [])]
    )
    raw = stream.read_raw_bytes()
    if (
        names
        and all(name in ("/FlateDecode", "/Fl") for name in names)
        and not (stream.get("/DecodeParms"))
    ):
        data = raw
        for _ in names:
            inflater = zlib.decompressobj()
            data = inflater.decompress(data, limit + 1)
            if len(data) > limit or inflater.unconsumed_tail:
                raise TooLarge
        return data
    bound = len(raw)
    for name in names:
        bound *= _GROWTH.get(name, 2)
    if bound > limit:
        raise TooLarge
    return stream.read_bytes() if names else raw


def drawing_size(page: pikepdf.Page, limit: int) -> int | None:
    """The decoded size of the page's drawing and of the forms, patterns and Type 3
    glyphs it draws, or None when that is over `limit` or can't be measured: how much
    a renderer would have to do."""
    total, seen = 0, set[tuple[int, int]]()
    root = page.obj
    pending: list[Any] = [root]
    try:
        while pending:
            holder = pending.pop()
            if holder.is_indirect:
                if holder.objgen in seen or len(seen) > MAX_OBJECTS:
                    continue
                seen.add(holder.objgen)
            contents = holder.get("/Contents") if holder is root else holder
            streams = contents if isinstance(contents, pikepdf.Array) else [contents]
            if len(streams) > MAX_OBJECTS:
                return None
            for stream in streams:
                if isinstance(stream, pikepdf.Stream):
                    total += len(decoded(stream, limit - total))
            resources = holder.get("/Resources")
            for group in ("/XObject", "/Pattern", "/Font"):
                for item in values_of(resources.get(group) if resources is not None else None):
                    if isinstance(item, pikepdf.Stream) and item.get("/Subtype") != (
                        pikepdf.Name.Image
                    ):
                        pending.append(item)
                    elif isinstance(item, pikepdf.Dictionary):
                        pending.extend(
                            glyph for glyph in values_of(item.get("/CharProcs"))
                            if isinstance(glyph, pikepdf.Stream)
                        )  # fmt: skip
    except TooLarge:
        return None
    except Exception:  # too damaged to measure: not drawn either
        return None
    return total


def values_of(mapping: Any) -> list[Any]:
    """The values of a PDF dictionary; none when it is not one (a damaged file)."""
    if not isinstance(mapping, pikepdf.Dictionary):
        return []
    return [mapping[key] for key in mapping.keys()]  # noqa: SIM118 (a pikepdf Dictionary)
