"""What every format handler works with: a `Probe` of the file, the `Facts` it reads, the
`Block`s it prints, and the limits that keep a crafted file from costing too much.

A handler never writes anything, never reaches a network and never lets an exception out
for a bad file: what it cannot read it says in one sentence (`Unreadable`)."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, _, language

if TYPE_CHECKING:
    from PIL import Image

#: Bytes every handler may look at without reading further.
HEAD_BYTES = 65536
#: Text printed in the binder for one exhibit; the rest is in the original.
MAX_PRINTED_CHARS = 400_000
#: What a handler may decompress from one container (a zip, a gzip, a MIME part).
MAX_INFLATED_BYTES = 256 * 1024 * 1024
#: Members of a zip looked at; a phone's chat export has a few hundred.
MAX_ZIP_MEMBERS = 20_000
#: A member that claims to grow more than this many times is refused as a zip bomb.
MAX_ZIP_RATIO = 200
#: What a format that can't read a file in place may read of it whole, to print it.
MAX_WHOLE_BYTES = MAX_INFLATED_BYTES
TOO_LARGE_TO_PRINT = N_(
    "This file is too large to print here ({size:,} bytes); the original is kept as it is."
)

# C0 and C1 control characters except tab and newline, the bidirectional overrides and
# isolates that can make text read other than it is, and lone surrogates: text from a
# file must never reach a terminal or a PDF as control codes.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def clean_text(text: str, limit: int = MAX_PRINTED_CHARS) -> str:
    """Text from a file made safe to show: no control codes, line ends as `\\n`, bounded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _CONTROL.sub("", text)
    if len(text) > limit:
        text = text[:limit] + "\n" + _("[… the rest is in the original file]")
    return text


def clean_line(text: str, limit: int = 300) -> str:
    """One short fact (a subject, a sender, a title) on one line."""
    return " ".join(clean_text(text, limit).split())


def local_time(moment: datetime | None) -> str | None:
    """A time as the person's local clock shows it; a time without a zone as written;
    None for one the clock can't show (a crafted year 9999 with an offset)."""
    if moment is None:
        return None
    try:
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
        return moment.isoformat(timespec="seconds")
    except (OverflowError, ValueError, OSError):
        return None


class Unreadable(Exception):
    """A file whose content can't be read or shown; the message is one plain sentence."""


class Probe:
    """One file as the handlers see it: its first bytes, its name, and the whole of it
    (seekable) for those that must look inside. Zip contents are read once and shared."""

    def __init__(self, handle: BinaryIO, name: str, size: int | None = None) -> None:
        self.handle = handle
        self.name = name
        handle.seek(0)
        self.head = handle.read(HEAD_BYTES)
        if size is None:
            size = handle.seek(0, io.SEEK_END)
        self.size = size
        handle.seek(0)
        self._zip: zipfile.ZipFile | None = None
        self._zip_tried = False

    @classmethod
    def of_bytes(cls, data: bytes, name: str) -> Probe:
        return cls(io.BytesIO(data), name, len(data))

    @property
    def extension(self) -> str:
        """`.heic`, `.warc.gz`; lower case, '' when there is none."""
        lowered = self.name.lower()
        for double in (".warc.gz", ".tar.gz"):
            if lowered.endswith(double):
                return double
        dot = lowered.rfind(".")
        return lowered[dot:] if dot > 0 else ""

    def whole(self, limit: int = MAX_WHOLE_BYTES) -> bytes:
        """The whole file in memory, for a format that can't read it in place."""
        if self.size > limit:
            raise Unreadable(_(TOO_LARGE_TO_PRINT).format(size=self.size))
        self.handle.seek(0)
        # One byte past what the size says shows a file that grew; never ask for the
        # limit itself (a reader may set aside that much memory before it reads).
        data = self.handle.read(min(limit, self.size) + 1)
        self.handle.seek(0)
        if len(data) > limit:
            raise Unreadable(_(TOO_LARGE_TO_PRINT).format(size=len(data)))
        return data

    def zip(self) -> zipfile.ZipFile | None:
        """The file as a zip archive (its listing only), or None when it isn't one."""
        if not self._zip_tried:
            self._zip_tried = True
            if self.head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
                try:
                    self._zip = open_zip(self.handle, self.size)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                    self._zip = None
        return self._zip

    def zip_names(self) -> list[str]:
        archive = self.zip()
        return archive.namelist() if archive else []

    def text(self, limit: int = HEAD_BYTES) -> str | None:
        """The first bytes as text (UTF-8, or UTF-16 with its mark), or None if binary."""
        return decode_text(self.head[:limit])


def json_head_has(probe: Probe, *keys: str) -> str | None:
    """The first bytes of a file as text when they open a JSON object that names every
    one of `keys` (as `"key"`), else None: how a chat app's JSON export is told from
    other JSON by its head alone (Instagram's, Telegram's)."""
    head = probe.text()
    if head is None or not head.lstrip().startswith("{"):
        return None
    return head if all(f'"{key}"' in head for key in keys) else None


def open_zip(handle: BinaryIO, size: int) -> zipfile.ZipFile | None:
    """A zip's listing, or None when it holds more than `MAX_ZIP_MEMBERS` members. One
    whose own end record claims that many is refused before its directory is read:
    Python's zipfile takes seconds to list a hundred thousand members. (Errors of a
    damaged zip are zipfile's, for the caller to turn into a sentence.)"""
    claimed = claimed_members(handle, size)
    if claimed is not None and claimed > MAX_ZIP_MEMBERS:
        return None
    handle.seek(0)
    if size < _TINY_ZIP:  # zipfile seeks before the start of a tiny one (an empty zip)
        handle = io.BytesIO(handle.read(_TINY_ZIP))
    archive = zipfile.ZipFile(handle)
    return archive if len(archive.infolist()) <= MAX_ZIP_MEMBERS else None


#: A zip smaller than this is read into memory to be listed: zipfile looks for a zip64
#: record 20 bytes before the end record, which a source that refuses a seek before
#: its start (a vault's original, as it is decrypted) would turn into an error.
_TINY_ZIP = 1024
_END = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_END = struct.Struct("<4sQ2H2L4Q")


def claimed_members(handle: BinaryIO, size: int) -> int | None:
    """How many members a zip's end record says it holds (the zip64 record's count when
    the plain one is full), or None when no end record is found in its last 64 KiB."""
    tail_size = min(size, 0xFFFF + _END.size)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END.size:
        return None
    *fields, comment = _END.unpack_from(tail, at)
    if at + _END.size + comment != len(tail):  # the mark inside a comment: not the end
        return None
    count: int = fields[4]
    if count == 0xFFFF and at >= _ZIP64_LOCATOR.size:
        mark, _disk, offset, _disks = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
        if mark == b"PK\x06\x07" and offset + _ZIP64_END.size <= size:
            handle.seek(offset)
            record = handle.read(_ZIP64_END.size)
            if len(record) == _ZIP64_END.size and record[:4] == b"PK\x06\x06":
                count = _ZIP64_END.unpack(record)[7]
    return count


def decode_text(data: bytes) -> str | None:
    """Bytes as text when they are text, else None. A cut-off last character is allowed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3:
            return data[: error.start].decode("utf-8-sig")
        return None


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """One member of a zip, refusing a zip bomb by its declared sizes before reading."""
    name = clean_line(info.filename, 120)
    if info.file_size > limit:
        raise Unreadable(_("{name} inside it is too large to read here.").format(name=name))
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
        raise Unreadable(
            _("{name} inside it claims to grow too much (a zip bomb?).").format(name=name)
        )
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise Unreadable(_("{name} inside it is damaged or locked.").format(name=name)) from None
    if len(data) > limit:
        raise Unreadable(_("{name} inside it is larger than it says.").format(name=name))
    return data


@dataclass
class Facts:
    """What a file says about itself. Times are local ISO 8601 without an offset, like
    every time the person types; each guess names where it came from."""

    kind: str
    """A few words for people: "HEIC photo", "voice note (Opus)", "email"."""
    media_type: str
    width: int | None = None
    """Size as displayed (after the photo's own rotation)."""
    height: int | None = None
    phash: str | None = None
    exif_captured_at: str | None = None
    guesses: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Detail field -> (value, source key in `GUESS_SOURCES`)."""
    shown: dict[str, Any] = field(default_factory=dict)
    """Facts worth showing and keeping: duration, codec, pages, subject, sender, … (JSON)."""
    problem: str = ""
    """One sentence when the file could be recognised but not fully read."""

    def guess(self, name: str, value: str | None, source: str) -> None:
        """Keep the first guess for a field: handlers try the best source first."""
        if value and name not in self.guesses:
            self.guesses[name] = (value, source)


# ---- what a handler prints ------------------------------------------------------------


@dataclass(frozen=True)
class Fields:
    """Labelled values, one per line (an email's headers, a recording's facts)."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Text:
    """Running text (an email's body, a page's words); `mono` for source or logs."""

    text: str
    mono: bool = False


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Table:
    """Rows under column headings; `widths` are shares of the page width."""

    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    widths: tuple[float, ...]


@dataclass(frozen=True)
class Picture:
    """A picture to fit the page, `width` x `height` pixels as displayed. `original` is
    the file itself when a PDF can hold it without decoding (JPEG, PNG); `decode` gives
    the pixels, called only when they must be drawn. `photo` when the file is itself
    lossy (a camera's JPEG or HEIC): its pixels may then be embedded as a JPEG."""

    width: int
    height: int
    decode: Callable[[], Image.Image]
    original: bytes | None = None
    photo: bool = False
    caption: str = ""
    """A line printed just above it, on the same page (a picture inside a file: its name)."""


@dataclass(frozen=True)
class Frames:
    """Stills from a recording, each under its time code (a contact sheet)."""

    frames: list[tuple[str, Image.Image]]


@dataclass(frozen=True)
class PdfPages:
    """The pages of a PDF, merged as they are onto numbered pages."""

    data: bytes
    count: int


@dataclass(frozen=True)
class Notice:
    """Why (part of) the content is not shown, in one or two sentences."""

    text: str


Block = Fields | Text | Heading | Table | Picture | Frames | PdfPages | Notice


class Format:
    """One kind of file. Subclasses set the class variables and override what they can
    do; `recognise` looks at content first, and the registry breaks ties by extension."""

    kind: str = "file"
    family: str = "other"
    """photo, recording, voice note, email, chat, web capture, document, other."""
    media_type: str = "application/octet-stream"
    extensions: tuple[str, ...] = ()

    def recognise(self, probe: Probe) -> int:
        """2: the content says so; 1: the content fits and the name may decide; 0: no.
        (3 is kept for what overrides every format: an empty file.)"""
        return 0

    def describe(self, probe: Probe) -> Facts:
        """Facts read from the file itself. May raise Unreadable."""
        return Facts(kind=self.kind, media_type=self.media_type)

    def preview(self, data: bytes) -> Image.Image | None:
        """A picture for the (blurred) preview, in memory only; None when there is none."""
        return None

    def printable(self, data: bytes, name: str) -> list[Block]:
        """What the binder prints for this file after its details. May raise Unreadable."""
        return [
            Notice(_("This is {a_kind}, which can't be printed.").format(a_kind=a_kind(self.kind)))
        ]

    def printable_source(self, probe: Probe) -> list[Block]:
        """The same, from the file as a seekable source (an original decrypted as it is
        read). Formats that can read in place (recordings) override this; the others
        read the file whole, up to `MAX_WHOLE_BYTES`. May raise Unreadable."""
        return self.printable(probe.whole(), probe.name)


def article(words: str) -> str:
    return "an" if words[:1].lower() in "aeiou" else "a"


def a_kind(kind: str) -> str:
    """A kind of file to follow "This is": "a photo" in English; in another language the
    kind alone, its sentence written around it ("Este archivo ({a_kind}) ...")."""
    if language() == SOURCE_LANGUAGE:
        return f"{article(kind)} {kind}"
    return _(kind)
