"""Files inside another file (a document's pictures, a PDF's attachments): each listed
with its name, size and SHA-256, so that it can be matched with a copy found elsewhere,
and a picture printed as the picture it is.

Every member is hashed as it is read, in pieces, within the bounds its container already
checked (`documents._checked_zip`, or pikepdf's own); pictures are printed up to
`MAX_PRINTED_PICTURES` and `MAX_PICTURE_BYTES` in all, and the rest only listed."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    Block,
    Heading,
    Notice,
    Table,
    Text,
    Unreadable,
    clean_line,
)
from tui.core.shared.text import size

#: Inner files listed at most (a photo album of a document has hundreds).
MAX_LISTED = 1000
#: Pictures printed, and the bytes of them read, at most; the others are listed.
MAX_PRINTED_PICTURES = 100
MAX_PICTURE_BYTES = 64 * 1024 * 1024
_PIECE = 1 << 20


@dataclass(frozen=True)
class Inner:
    name: str
    size: int
    sha256: str
    data: bytes | None = None
    """The bytes, kept only for a picture that may be printed."""

    def fact(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


def zip_members(archive: zipfile.ZipFile, folders: tuple[str, ...], keep: bool) -> list[Inner]:
    """The members under `folders` of a checked zip, hashed; their bytes kept (`keep`) up
    to the pictures' bounds."""
    found: list[Inner] = []
    kept = 0
    for info in archive.infolist():
        if info.is_dir() or not info.filename.startswith(folders):
            continue
        if len(found) >= MAX_LISTED:
            break
        digest, pieces, read = hashlib.sha256(), [], 0
        wanted = keep and len(found) < MAX_PRINTED_PICTURES
        wanted = wanted and kept + info.file_size <= MAX_PICTURE_BYTES
        try:
            with archive.open(info) as member:
                for piece in iter(lambda: member.read(_PIECE), b""):
                    digest.update(piece)
                    read += len(piece)
                    if read > MAX_INFLATED_BYTES:
                        raise Unreadable("A file inside it is larger than it says.")
                    if wanted:
                        pieces.append(piece)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError):  # fmt: skip
            continue  # a damaged member is left out of the list, not the document
        data = b"".join(pieces) if wanted else None
        kept += read if wanted else 0
        name = clean_line(info.filename.rsplit("/", 1)[-1], 200)
        found.append(Inner(name, read, digest.hexdigest(), data))
    return found


def listed(inner: Iterable[Inner], heading: str) -> list[Block]:
    """A table of inner files: name, size and SHA-256."""
    rows = [(each.name, size(each.size), each.sha256) for each in inner]
    if not rows:
        return []
    return [Heading(heading), Table(("Name", "Size", "SHA-256"), rows, (0.3, 0.12, 0.58))]


def pictures(inner: Iterable[Inner]) -> list[Block]:
    """Each inner file that is a picture, printed under its name; the registry decides
    what is a picture, as for any exhibit."""
    from tui.core.evidence import formats

    blocks: list[Block] = []
    for each in inner:
        if each.data is None:
            continue
        handler = formats.identify_bytes(each.data, each.name)
        if handler.family != "photo":
            continue
        shown, reason = formats.printable(each.data, each.name)
        blocks.append(Text(f"Picture {each.name} ({size(each.size)}):"))
        blocks += shown if not reason else [Notice(reason)]
    return blocks
