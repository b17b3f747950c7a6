"""Files inside another file (a document's pictures, a PDF's attachments, a zip's
members): each listed with its name and size (and the first two with their SHA-256, so
that they can be matched with a copy found elsewhere), and a picture printed as the
picture it is.

Every member is hashed as it is read, in pieces, within the bounds its container already
checked (`documents._checked_zip`, or pikepdf's own); pictures are printed up to
`MAX_PRINTED_PICTURES` and `MAX_PICTURE_BYTES` in all, and the rest only listed."""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol, runtime_checkable

from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    MAX_ZIP_RATIO,
    Block,
    Facts,
    Format,
    Heading,
    Notice,
    Picture,
    Probe,
    Table,
    Text,
    Unreadable,
    clean_line,
)
from tui.core.shared.i18n import N_, _
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
    """The bytes, kept only for a picture that may be printed, or a file to take out."""
    where: str = ""
    """Where it sits in its container, as the container names it: a member's path
    (`word/media/image1.png`), a PDF's attachment key, an email's attachment number."""

    def fact(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


@runtime_checkable
class Holder(Protocol):
    """A format whose files can hold other files that may become exhibits of their own
    (a document's pictures, a PDF's or an email's attachments, a zip's members)."""

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """The files inside, in order, each with `where` it sits; the bytes of those
        whose `where` is in `take` are read (within the usual bounds; None when one
        can't be read). May raise Unreadable."""
        ...


def zip_members(
    archive: zipfile.ZipFile,
    folders: tuple[str, ...],
    keep: bool,
    take: Collection[str] | None = None,
) -> list[Inner]:
    """The members under `folders` of a checked zip, hashed; their bytes kept (`keep`) up
    to the pictures' bounds, and those named in `take` kept whole. A damaged member is
    left out of a listing (`take` None); asked what is inside, it is named, with no hash."""
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
        wanted = wanted or (take is not None and info.filename in take)
        try:
            with archive.open(info) as member:
                for piece in iter(lambda: member.read(_PIECE), b""):
                    digest.update(piece)
                    read += len(piece)
                    if read > MAX_INFLATED_BYTES:
                        raise Unreadable(_("A file inside it is larger than it says."))
                    if wanted:
                        pieces.append(piece)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError):  # fmt: skip
            if take is not None:  # asked what is inside: said to be damaged, not left out
                found.append(Inner(_base_name(info.filename), 0, "", None, info.filename))
            continue  # a damaged member is left out of the list, not the document
        data = b"".join(pieces) if wanted else None
        kept += read if wanted else 0
        found.append(
            Inner(_base_name(info.filename), read, digest.hexdigest(), data, info.filename)
        )
    return found


def _base_name(path: str) -> str:
    return clean_line(path.rsplit("/", 1)[-1], 200)


def listed(inner: Iterable[Inner], heading: str) -> list[Block]:
    """A table of inner files: name, size and SHA-256."""
    rows = [(each.name, size(each.size), each.sha256) for each in inner]
    if not rows:
        return []
    return [Heading(heading), Table((_("Name"), _("Size"), "SHA-256"), rows, (0.3, 0.12, 0.58))]


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
        if not reason and shown and isinstance(first := shown[0], Picture):
            # its name and size kept on the page it is printed on
            caption = _("Picture {name} ({width} x {height} pixels, {size}):").format(
                name=each.name, width=first.width, height=first.height, size=size(each.size)
            )
            blocks += [replace(first, caption=caption), *shown[1:]]
            continue
        blocks.append(
            Text(_("Picture {name} ({size}):").format(name=each.name, size=size(each.size)))
        )
        blocks += shown if not reason else [Notice(reason)]
    return blocks


#: An email's pictures printed at most (the rest are only listed).
MAX_EMAIL_PICTURES = 20
_PICTURE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".bmp",
                    ".tif", ".tiff")  # fmt: skip


def picture_numbers(attachments: Iterable[dict[str, Any]]) -> set[str]:
    """The numbers (from 1, as listed) of an email's attachments to print as pictures:
    those that say they are pictures, at most `MAX_EMAIL_PICTURES` and
    `MAX_PICTURE_BYTES` in all. What each really is, `pictures` decides from its bytes."""
    taken: set[str] = set()
    total = 0
    for number, each in enumerate(attachments, 1):
        if len(taken) >= MAX_EMAIL_PICTURES:
            break
        said = str(each.get("type", "")).startswith("image/")
        said = said or str(each.get("name", "")).lower().endswith(_PICTURE_ENDINGS)
        bytes_ = int(each.get("size") or 0)
        if not said or not each.get("sha256") or not bytes_:
            continue
        if total + bytes_ > MAX_PICTURE_BYTES:
            continue
        taken.add(str(number))
        total += bytes_
    return taken


def printed_attachments(inner: Iterable[Inner], numbers: Collection[str]) -> list[Block]:
    """An email's attachments that are pictures, each printed under its name."""
    return pictures(each for each in inner if each.where in numbers)


def list_pictures(facts: Facts, archive: zipfile.ZipFile, folders: tuple[str, ...]) -> None:
    inner = zip_members(archive, folders, keep=False)
    if inner:
        facts.shown["pictures"] = [each.fact() for each in inner]


def printed_pictures(archive: zipfile.ZipFile, folders: tuple[str, ...]) -> list[Block]:
    """The document's pictures: listed (name, size, SHA-256), then printed."""
    inner = zip_members(archive, folders, keep=True)
    return listed(inner, _("Pictures in the document")) + pictures(inner)


def pdf_attachments(document: Any, take: Collection[str] = ()) -> list[Inner]:
    """The files a PDF carries (its embedded files), each with its size and SHA-256;
    one too large, or that can't be read, is named with what could be said of it. The
    bytes of those whose key is in `take` are kept."""
    found: list[Inner] = []
    try:
        specs = list(document.attachments.items())[:MAX_LISTED]
    except Exception:  # a damaged name tree is no list of attachments
        return found
    for key, spec in specs:
        where = str(key)
        name = clean_line(str(getattr(spec, "filename", "") or key), 200) or _("(no name)")
        try:
            data = stream_bytes(spec.get_file().obj)
        except Exception:  # a damaged or undecodable stream
            found.append(Inner(name, 0, _("(could not be read)"), where=where))
            continue
        if data is None:
            found.append(Inner(name, 0, _("(too large to read here)"), where=where))
            continue
        kept = data if where in take else None
        found.append(Inner(name, len(data), hashlib.sha256(data).hexdigest(), kept, where))
    return found


def stream_bytes(stream: Any) -> bytes | None:
    """A PDF stream's decoded bytes, or None when they would pass `MAX_INFLATED_BYTES`:
    a Flate stream (as good as every attachment) is inflated no further than that; any
    other filter is left to pikepdf only when it can't grow past `MAX_ZIP_RATIO` times."""
    raw: bytes = stream.read_raw_bytes()
    kind = stream.get("/Filter")
    if kind is None:
        return raw if len(raw) <= MAX_INFLATED_BYTES else None
    if str(kind) == "/FlateDecode" and stream.get("/DecodeParms") is None:
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_INFLATED_BYTES + 1)
        return data if len(data) <= MAX_INFLATED_BYTES else None
    if len(raw) * MAX_ZIP_RATIO > MAX_INFLATED_BYTES:
        return None
    decoded: bytes = stream.read_bytes()
    return decoded if len(decoded) <= MAX_INFLATED_BYTES else None


class Archive(Format):
    kind = N_("zip archive")
    family = "document"
    media_type = "application/zip"
    extensions = (".zip",)

    def recognise(self, probe: Probe) -> int:
        return 1 if probe.zip() is not None else 0

    def describe(self, probe: Probe) -> Facts:
        facts = Facts(kind=self.kind, media_type=self.media_type)
        facts.shown["files"] = len(probe.zip_names())
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        archive = probe.zip()
        if archive is None:
            raise Unreadable(_("This zip archive can't be read: it is damaged or cut short."))
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > MAX_INFLATED_BYTES or any(
            info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO
            for info in infos
        ):
            raise Unreadable(
                _(
                    "The files in this zip can't be taken out safely: it claims to unpack "
                    "to far more than its size (a zip bomb?)."
                )
            )
        return zip_members(archive, ("",), keep=False, take=take)

    def printable(self, data: bytes, name: str) -> list[Block]:
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise Unreadable(
                _("This zip archive can't be read: it is damaged or cut short.")
            ) from None
        if not infos:
            return [Text(_("This zip archive is empty: it holds no files."))]
        rows: list[tuple[str, ...]] = [
            (clean_line(info.filename), size(info.file_size)) for info in infos[:5000]
        ]
        blocks: list[Block] = [
            Notice(_("This is a zip archive; the files inside it are listed, not shown.")),
            Table((_("File"), _("Size")), rows, (0.75, 0.25)),
        ]
        if len(infos) > len(rows):
            more = len(infos) - len(rows)
            blocks.append(Text(_("… and {count:,} more files.").format(count=more)))
        return blocks
