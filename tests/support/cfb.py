"""A small writer of compound files (OLE2/CFB, version 3, 512-byte sectors), enough to
make Outlook `.msg` files in tests: olefile only reads them.

A tree is a dict: a name maps to bytes (a stream) or to another dict (a storage). Streams
under 4096 bytes go in the mini stream, as the format asks."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
Tree = dict[str, "bytes | Tree"]


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[int] = field(default_factory=list)
    left: int = NO_STREAM
    right: int = NO_STREAM
    child: int = NO_STREAM
    start: int = END
    size: int = 0


def _order(name: str) -> tuple[int, str]:
    return len(name), name.upper()


def _flatten(tree: Tree, balanced: bool) -> list[_Entry]:
    entries = [_Entry("Root Entry", 5)]

    def add(parent: int, branch: Tree) -> None:
        for name, value in branch.items():
            index = len(entries)
            if isinstance(value, dict):
                entries.append(_Entry(name, 1))
                add(index, value)
            else:
                entries.append(_Entry(name, 2, value, size=len(value)))
            entries[parent].children.append(index)

    add(0, tree)
    for entry in entries:  # siblings as a balanced binary tree in the format's order
        kids = sorted(entry.children, key=lambda i: _order(entries[i].name))
        entry.child = _balance(entries, kids) if balanced else _chained(entries, kids)
    return entries


def _balance(entries: list[_Entry], kids: list[int]) -> int:
    if not kids:
        return NO_STREAM
    middle = len(kids) // 2
    root = kids[middle]
    entries[root].left = _balance(entries, kids[:middle])
    entries[root].right = _balance(entries, kids[middle + 1 :])
    return root


def _chained(entries: list[_Entry], kids: list[int]) -> int:
    """Siblings as one long chain of right links (legal, if unbalanced: crafted)."""
    for at, kid in enumerate(kids[:-1]):
        entries[kid].right = kids[at + 1]
    return kids[0] if kids else NO_STREAM


def _padded(data: bytes, unit: int) -> bytes:
    return data + bytes(-len(data) % unit)


def _chain(fat: list[int], first: int, count: int) -> None:
    for at in range(first, first + count):
        fat[at] = at + 1 if at + 1 < first + count else END


def write(tree: Tree, balanced: bool = True) -> bytes:
    """The compound file holding `tree`; `balanced=False` chains each storage's
    children one after another, as a crafted file may."""
    entries = _flatten(tree, balanced)
    mini_stream = bytearray()
    mini_fat: list[int] = []
    for entry in entries:
        if entry.kind == 2 and 0 < entry.size < CUTOFF:
            entry.start = len(mini_stream) // MINI
            count = -(-entry.size // MINI)
            mini_fat += [entry.start + i + 1 for i in range(count - 1)] + [END]
            mini_stream += _padded(entry.data, MINI)
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        first = len(sectors)
        padded = _padded(data, SECTOR) if data else b""
        count = len(padded) // SECTOR
        sectors.extend(padded[i * SECTOR : (i + 1) * SECTOR] for i in range(count))
        fat.extend([FREE] * count)
        _chain(fat, first, count)
        return first if count else END

    for entry in entries:
        if entry.kind == 2 and entry.size >= CUTOFF:
            entry.start = place(entry.data)
    entries[0].start = place(bytes(mini_stream))
    entries[0].size = len(mini_stream)
    mini_fat_bytes = b"".join(struct.pack("<I", n) for n in mini_fat)
    first_mini_fat = place(_padded(mini_fat_bytes, SECTOR) if mini_fat else b"")
    mini_fat_count = -(-len(mini_fat_bytes) // SECTOR)
    directory = b"".join(_direntry(entry) for entry in entries)
    first_directory = place(_padded(directory, SECTOR))
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    assert fat_count <= 109, "a test file this large needs DIFAT sectors (not written)"
    first_fat = len(sectors)
    fat += [FAT_SECTOR] * fat_count
    fat += [FREE] * (fat_count * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", n) for n in fat)
    sectors += [fat_bytes[i * SECTOR : (i + 1) * SECTOR] for i in range(fat_count)]
    difat = [first_fat + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x003E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_count,
        first_directory,
        0,
        CUTOFF,
        first_mini_fat if mini_fat else END,
        mini_fat_count,
        END,
        0,
    ) + b"".join(struct.pack("<I", n) for n in difat)
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _direntry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    assert len(name) <= 64, entry.name
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name,
        len(name),
        entry.kind,
        1,  # black
        entry.left,
        entry.right,
        entry.child,
        bytes(16),
        0,
        0,
        0,
        entry.start if entry.kind != 1 else 0,
        entry.size,
    )
