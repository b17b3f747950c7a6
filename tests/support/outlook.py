"""Made-up Outlook `.msg` files for tests, written with the small CFB writer: a message's
properties as MS-OXMSG lays them out (text as UTF-16 streams, times in the fixed-size
properties stream), its recipients and attachments as storages of their own."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

from tests.support import cfb

UNICODE, BINARY, SYSTIME, INTEGER = 0x001F, 0x0102, 0x0040, 0x0003


def _stream(prop: int, kind: int) -> str:
    return f"__substg1.0_{prop:04X}{kind:04X}"


def _text(prop: int, value: str) -> tuple[str, bytes]:
    return _stream(prop, UNICODE), value.encode("utf-16-le") + b"\x00\x00"


def _fixed(header: bytes, values: list[tuple[int, int, bytes]]) -> bytes:
    """A `__properties_version1.0` stream: its header, then 16 bytes a property."""
    rows = [struct.pack("<II", prop << 16 | kind, 6) + value.ljust(8, b"\x00")
            for prop, kind, value in values]  # fmt: skip
    return header + b"".join(rows)


def filetime(moment: datetime) -> bytes:
    """A Windows FILETIME: tenths of a microsecond since 1601 (UTC)."""
    since = moment - datetime(1601, 1, 1, tzinfo=UTC)
    return struct.pack("<Q", (since.days * 86_400 + since.seconds) * 10_000_000)


def message(
    subject: str = "Those pictures",
    sender: tuple[str, str] = ("Sam Taylor", "sam@example.com"),
    to: list[tuple[str, str]] | None = None,
    cc: list[tuple[str, str]] | None = None,
    body: str | None = "Delete them now or everyone sees them.",
    html: bytes | None = None,
    rtf: bytes | None = None,
    headers: str | None = None,
    submitted: datetime | None = datetime(2024, 3, 5, 21, 14, tzinfo=UTC),
    attachments: list[tuple[str, str, bytes]] | None = None,
    balanced: bool = True,
) -> bytes:
    """An Outlook email; `attachments` are (name, media type, bytes); `balanced=False`
    writes its directory as long chains (see `cfb.write`)."""
    to = [("Alex Kim", "alex@example.org")] if to is None else to
    tree: cfb.Tree = {}
    tree.update([_text(0x0037, subject), _text(0x0C1A, sender[0]), _text(0x5D01, sender[1])])
    if body is not None:
        tree.update([_text(0x1000, body)])
    if html is not None:
        tree[_stream(0x1013, BINARY)] = html
    if rtf is not None:
        tree[_stream(0x1009, BINARY)] = rtf
    if headers is not None:
        tree.update([_text(0x007D, headers)])
    tree.update([_text(0x0E04, "; ".join(name for name, _ in to))])
    fixed = [(0x0039, SYSTIME, filetime(submitted))] if submitted else []
    people = [(1, each) for each in to] + [(2, each) for each in cc or []]
    attached = attachments or []
    tree["__properties_version1.0"] = _fixed(
        bytes(8)
        + struct.pack("<4I", len(people), len(attached), len(people), len(attached))
        + bytes(8),
        fixed,
    )
    for index, (kind, (name, address)) in enumerate(people):
        tree[f"__recip_version1.0_#{index:08X}"] = {
            **dict([_text(0x3001, name), _text(0x39FE, address)]),
            "__properties_version1.0": _fixed(
                bytes(8), [(0x0C15, INTEGER, struct.pack("<i", kind))]
            ),
        }
    for index, (name, media_type, data) in enumerate(attached):
        tree[f"__attach_version1.0_#{index:08X}"] = {
            **dict([_text(0x3707, name), _text(0x370E, media_type)]),
            _stream(0x3701, BINARY): data,
            "__properties_version1.0": _fixed(bytes(8), []),
        }
    return cfb.write(tree, balanced)


def compressed_rtf(rtf: bytes) -> bytes:
    """RTF stored as Outlook's 'compressed' form without compression (MELA): the reader's
    plain path. (The LZFu path is tested with a compressed sample from the format's spec.)"""
    return struct.pack("<4I", len(rtf) + 12, len(rtf), 0x414C454D, 0) + rtf
