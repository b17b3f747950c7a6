"""Reading an exhibit's pictures and keeping what was read in its record.

The original is decrypted as it is read, its pictures decoded in memory within the
format readers' bounds (a photo at most 2480 pixels wide, a PDF page drawn at 200 dpi,
a recording's contact-sheet stills), and the words kept only in the exhibit's record,
which is encrypted like the rest: no picture, word or temporary file reaches the disk.

The slow part (reading) runs with the case unlocked but not held: the record is locked
only to save what was read, once per exhibit, so the person can go on working meanwhile.
A save appends the changed exhibit to the record's journal (it costs what it changes,
not the size of the case; measured in the benchmark)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from tui.core.evidence.model import TABLE, Exhibit, doc_ids, get_exhibit, list_exhibits
from tui.core.evidence.original import open_original
from tui.core.evidence.reading import engine as engines
from tui.core.evidence.reading.model import KEY, Line, PictureText, Reading, reading_of
from tui.core.evidence.reading.setting import case_place_code, reading_on
from tui.core.shared import clock
from tui.core.shared.errors import Cancelled, ReclaimError, VaultDamaged
from tui.core.shared.i18n import N_, _
from tui.core.vault.vault import Vault

if TYPE_CHECKING:
    from PIL import Image

#: The first pages of a PDF without text that are read (a scan of a long document is
#: read page by page on demand, never hundreds at once).
MOST_PAGES = 50
#: A PDF page is drawn this finely to be read, and at most this many pixels.
PAGE_DPI = 200
PAGE_PIXELS = 12_000_000

OFF = N_(
    "Reading words in pictures is turned off for this case; "
    "turn it on with: reclaim settings read_pictures on"
)
DAMAGED = N_("The words in this picture could not be read: the file may be damaged.")

#: The kinds of file whose pictures are read: photos and screenshots, recordings' stills;
#: and those that hold other files (PDFs, their pages without text too; documents,
#: emails and archives, the pictures inside them).
FAMILIES = frozenset({"photo", "recording"})
#: Pictures inside one document or email read at most.
MOST_INNER = 20


class ReadingOff(ReclaimError):
    """The person turned reading off for this case."""


def has_pictures(exhibit: Exhibit) -> bool:
    """Whether the exhibit is of a kind whose pictures are read."""
    return _family(exhibit.media_type) in FAMILIES | {"holder"}


@functools.cache
def _family(media_type: str) -> str:
    from tui.core.evidence import formats
    from tui.core.evidence.formats.inner_files import Holder

    if media_type.startswith("image/"):
        return "photo"
    if media_type.startswith("video/"):
        return "recording"
    handler = formats.by_media_type(media_type)
    return "holder" if isinstance(handler, Holder) else handler.family


def unread_exhibits(vault: Vault) -> list[str]:
    """The exhibits with pictures whose words were never read, in number order (none
    while reading is turned off for the case)."""
    if not reading_on(vault):
        return []
    return [
        exhibit.id
        for exhibit in list_exhibits(vault)
        if has_pictures(exhibit) and reading_of(exhibit.extra) is None
    ]


def read_exhibit(
    vault: Vault, exhibit_id: str, *, stop: Callable[[], bool] | None = None
) -> Reading:
    """Read the words in one exhibit's pictures and keep them in its record, with the
    empty details they fill as guesses "read from the picture" (never over what the person
    typed). Raises `ReadingUnavailable` when this computer can't read pictures, and
    `Cancelled` when `stop` says so (nothing is kept of that exhibit then)."""
    from tui.core.evidence.reading.guessing import read_guesses

    if not reading_on(vault):
        raise ReadingOff(_(OFF))
    exhibit = get_exhibit(vault, exhibit_id)
    reading = read_pictures(vault, exhibit, stop)
    with vault.transaction():
        current = get_exhibit(vault, exhibit.id)
        record = current.to_record()
        record[KEY] = reading.to_dict()
        changes: dict[str, object] = {KEY: record[KEY]}
        changes.update(read_guesses(current, reading, record, month_first=month_first(vault)))
        vault.table(TABLE).update(changes, doc_ids=doc_ids(vault, exhibit.id))
    return reading


#: Where dates in numbers are written month first ("3/5/2024" is 5 March).
MONTH_FIRST = ("us",)


def month_first(vault: Vault) -> bool:
    """Whether the case's person lives where dates in numbers are written month first."""
    return case_place_code(vault).split("-")[0] in MONTH_FIRST


def read_pictures(
    vault: Vault, exhibit: Exhibit, stop: Callable[[], bool] | None = None
) -> Reading:
    """What the exhibit's pictures say, without keeping it."""
    recogniser = engines.engine()

    def stopped() -> bool:
        if stop is not None and stop():
            raise Cancelled(_("Stopped."))
        return False

    pictures: list[PictureText] = []
    problem = ""
    try:
        with open_original(vault, exhibit) as original:
            for source, image, size in pictures_in(original, exhibit.original_name):
                stopped()
                if isinstance(image, str):
                    problem = problem or image
                    continue
                pictures.append(_read_one(recogniser, source, image, size, stopped))
    except (Cancelled, engines.ReadingUnavailable):
        raise
    except VaultDamaged as damage:
        problem = str(damage)
    except MemoryError:
        problem = _(DAMAGED)
    return Reading(
        engine=recogniser.name,
        read_at=clock.utc_now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        pictures=tuple(pictures),
        problem=problem,
    )


def _read_one(
    recogniser: engines.Engine,
    source: str,
    image: Image.Image,
    size: tuple[int, int],
    stop: Callable[[], bool],
) -> PictureText:
    """One picture's lines, their boxes in the upright picture's `size`."""
    width, height = size
    across = width / max(1, image.width)
    down = height / max(1, image.height)
    try:
        found = recogniser.read(image, stop)
    except Cancelled:
        raise
    except Exception:  # a picture the recogniser chokes on: said, and the others go on
        return PictureText(source, width, height, (), problem=_(DAMAGED))
    lines = tuple(
        Line(
            text=each.text,
            box=(
                round(each.box[0] * across, 1),
                round(each.box[1] * down, 1),
                round(each.box[2] * across, 1),
                round(each.box[3] * down, 1),
            ),
            score=round(each.score, 3),
        )
        for each in found
    )
    return PictureText(source, width, height, lines)


Found = tuple[str, "Image.Image | str", tuple[int, int]]


def pictures_in(original: BinaryIO, name: str) -> Iterator[Found]:
    """Each picture of the file: (which, the picture upright or why it can't be had,
    the size in pixels its boxes are given in). A photo is read at the binder's size
    (at most 2480 wide), its boxes given at its full size."""
    from tui.core.evidence import formats
    from tui.core.evidence.formats.base import Frames, PdfPages, Picture
    from tui.core.evidence.formats.inner_files import Holder

    handler = formats.identify_source(original, name)
    holder = isinstance(handler, Holder)
    if holder:
        yield from _inner(handler, original, name)
    if handler.family == "email":
        return
    blocks, reason = formats.printable(original, name)
    if reason and not holder:
        yield "picture", reason, (0, 0)
        return
    pictures = 0
    for block in blocks:
        if isinstance(block, Picture) and not holder:  # a holder's are read as inner
            pictures += 1
            source = "picture" if pictures == 1 else f"picture {pictures}"
            try:
                image = block.decode()
            except Exception as why:  # Unreadable: its sentence; anything else: damaged
                yield source, _text_of(why), (0, 0)
                continue
            yield source, image, (block.width, block.height)
        elif isinstance(block, Frames):
            for number, (_time, still) in enumerate(block.frames, start=1):
                yield f"still {number}", still, still.size
        elif isinstance(block, PdfPages):
            yield from _pages(block.data, block.count)


def _inner(handler: object, original: BinaryIO, name: str) -> Iterator[Found]:
    """The pictures inside a document or an email (its images, its attachments), each
    read as a photo is: "inner <its name>"."""
    from tui.core.evidence import formats
    from tui.core.evidence.formats.base import Picture, Probe

    try:
        listed = handler.inside(Probe(original, name))  # type: ignore[attr-defined]
        wanted = [each.where for each in listed if each.where][: MOST_INNER * 4]
        inner = handler.inside(Probe(original, name), take=wanted)  # type: ignore[attr-defined]
    except Exception:  # no list of what is inside: the document's own pages still are read
        return
    read = 0
    for each in inner:
        if each.data is None or read >= MOST_INNER:
            continue
        if formats.identify_bytes(each.data, each.name).family != "photo":
            continue
        read += 1
        source = f"inner {each.name}"
        blocks, reason = formats.printable(each.data, each.name)
        if reason:
            yield source, reason, (0, 0)
            continue
        for block in blocks:
            if isinstance(block, Picture):
                try:
                    image = block.decode()
                except Exception as why:
                    yield source, _text_of(why), (0, 0)
                    break
                yield source, image, (block.width, block.height)
                break


def _text_of(why: Exception) -> str:
    from tui.core.evidence.formats.base import Unreadable

    return str(why) if isinstance(why, Unreadable) else _(DAMAGED)


def _pages(data: bytes, count: int) -> Iterator[Found]:
    """The pages of a PDF that have no words of their own (a scan, a printed screenshot),
    drawn to be read; pages with a text layer are searchable already."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except Exception:
        yield "page 1", _(DAMAGED), (0, 0)
        return
    try:
        for index in range(min(count, len(document), MOST_PAGES)):
            source = f"page {index + 1}"
            try:
                page = document[index]
                textpage = page.get_textpage()
                try:
                    has_words = bool(textpage.get_text_range().strip())
                finally:
                    textpage.close()
                if has_words:
                    continue
                width, height = page.get_size()
                scale = PAGE_DPI / 72
                pixels = width * height * scale * scale
                if pixels > PAGE_PIXELS:
                    scale *= (PAGE_PIXELS / pixels) ** 0.5
                image = page.render(scale=scale).to_pil().convert("RGB")
            except Exception:
                yield source, _(DAMAGED), (0, 0)
                continue
            yield source, image, image.size
    finally:
        document.close()
