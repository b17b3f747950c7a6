"""The format registry: which handler knows a file, what it says about itself, its
preview and what the binder prints for it.

Each module here handles one family of files and lists its handlers in `HANDLERS`, most
specific first (Pillow's plugins are the model). Callers only ask the registry; nobody
branches on a media type. A new format is one module and its tests.

Every question is answered safely: a handler that fails on a crafted or damaged file
gives a plain sentence, never an exception that stops intake, a preview or the binder."""

from __future__ import annotations

import functools
import importlib
import logging
import re
from typing import TYPE_CHECKING, BinaryIO

from tui.core.evidence.formats.base import Block, Facts, Format, Notice, Probe, Unreadable
from tui.core.evidence.formats.other import UNKNOWN
from tui.core.shared.errors import Cancelled

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["Block", "Facts", "Format", "Notice", "Probe", "Unreadable"]

log = logging.getLogger(__name__)

#: Families in the order they are asked; within a tie the earlier one wins.
MODULES = (
    "photos",
    "plain_pictures",
    "recordings",
    "transport_streams",
    "voice_notes",
    "web",
    "emails",
    "outlook",
    "chats",
    "structured_text",
    "documents",
    "other",
)

#: What is said when a handler fails in a way it did not foresee.
DAMAGED = "Its content could not be read: the file may be damaged or cut short."


@functools.cache
def handlers() -> tuple[Format, ...]:
    found: list[Format] = []
    for name in MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        found.extend(module.HANDLERS)
    return tuple(found)


def identify(probe: Probe) -> Format:
    """The handler for a file: the content decides, the extension breaks a tie."""
    best: tuple[int, int, int] = (0, 0, 0)
    chosen: Format = UNKNOWN
    for order, handler in enumerate(handlers()):
        try:
            score = handler.recognise(probe)
        except Exception:  # a crafted file must not stop the others from looking
            log.debug("recognise failed", exc_info=True)
            score = 0
        if score <= 0:
            continue
        rank = (score, int(probe.extension in handler.extensions), -order)
        if rank > best:
            best, chosen = rank, handler
    return chosen


def by_media_type(media_type: str) -> Format:
    """The handler that names this media type (for records made before content checks)."""
    return next((h for h in handlers() if h.media_type == media_type), UNKNOWN)


def describe(handle: BinaryIO, name: str, size: int | None = None) -> tuple[Format, Facts]:
    """Which format a file is and what it says about itself; never raises for bad input."""
    probe = Probe(handle, name, size)
    handler = identify(probe)
    try:
        facts = handler.describe(probe)
    except Unreadable as why:
        facts = Facts(kind=handler.kind, media_type=handler.media_type, problem=str(why))
    except Cancelled:  # asked to stop (a lock): not a damaged file
        raise
    except Exception:
        log.debug("describe failed", exc_info=True)
        facts = Facts(kind=handler.kind, media_type=handler.media_type, problem=DAMAGED)
    return handler, facts


def identify_bytes(data: bytes, name: str) -> Format:
    return identify(Probe.of_bytes(data, name))


def preview(data: bytes, name: str) -> Image.Image | None:
    """A picture of the file for the blurred preview, in memory only, or None."""
    try:
        return identify_bytes(data, name).preview(data)
    except Exception:
        log.debug("preview failed", exc_info=True)
        return None


def identify_source(source: BinaryIO, name: str) -> Format:
    """The handler for a file given as a seekable source."""
    return identify(Probe(source, name))


def printable(source: bytes | BinaryIO, name: str) -> tuple[list[Block], str]:
    """What the binder prints for a file, and '' — or, when its content can't be shown,
    a notice block and the reason in one sentence. `source` is the file's bytes, or the
    file as a seekable source, which large files (recordings) are read from in place."""
    try:
        if isinstance(source, bytes):
            handler = identify_bytes(source, name)
            blocks = handler.printable(source, name)
        else:
            probe = Probe(source, name)
            blocks = identify(probe).printable_source(probe)
    except Unreadable as why:
        return [Notice(str(why))], str(why)
    except Cancelled:  # asked to stop (a lock): not a damaged file
        raise
    except Exception:
        log.debug("printable failed", exc_info=True)
        return [Notice(DAMAGED)], DAMAGED
    only_notices = all(isinstance(block, Notice) for block in blocks)
    reason = next((b.text for b in blocks if isinstance(b, Notice)), "") if only_notices else ""
    return blocks, reason


#: How each kept fact is named for people, in the order shown.
FACT_LABELS = {
    "pixels": "Pixels",
    "frames": "Frames",
    "duration": "Duration",
    "resolution": "Resolution",
    "codec": "Codec",
    "audio": "Sound",
    "frame_rate": "Frames a second",
    "created": "Made",
    "modified": "Last changed",
    "pages": "Pages",
    "author": "Author",
    "title": "Title",
    "url": "Address",
    "captured": "Captured",
    "records": "Records",
    "web_pages": "Web pages",
    "from": "From",
    "to": "To",
    "cc": "Cc",
    "date": "Date",
    "sent_clock": "Sent on",
    "subject": "Subject",
    "message_id": "Message-ID",
    "attachments": "Attachments",
    "pictures": "Pictures inside",
    "messages": "Messages",
    "first_message": "First message",
    "last_message": "Last message",
    "participants": "People",
    "chats": "Chats",
    "date_order": "Dates read as",
    "media": "Files inside",
    "media_missing": "Named but missing",
    "media_omitted": "Media left out of the export",
    "files": "Files inside",
    "root": "Outer element",
    "problem": "Problem",
}


def fact_lines(facts: dict[str, object]) -> list[tuple[str, str]]:
    """The kept facts of an exhibit as (label, text), for the screen and the CLI."""
    lines = []
    if facts.get("kind"):
        lines.append(("Kind", str(facts["kind"])))
    for key, label in FACT_LABELS.items():
        value = facts.get(key)
        if value in (None, "", [], {}):
            continue
        if key == "duration" and isinstance(value, int | float):
            text = clock(float(value))
        elif isinstance(value, list):
            names = [
                str(item.get("name", "")) if isinstance(item, dict) else str(item)
                for item in value
            ]
            text = f"{len(names)}: " + ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        else:
            text = readable_time(str(value))
        lines.append((label, text))
    return lines


_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$"
)


def readable_time(text: str) -> str:
    """`2024-03-05T21:14:00.000000Z` as `2024-03-05 21:14:00 UTC`; other text as it is."""
    match = _ISO_TIME.match(text)
    if not match:
        return text
    day, clock_time, zone = match.groups()
    zone = " UTC" if zone == "Z" else (f" {zone}" if zone else "")
    return f"{day} {clock_time}{zone}"


def clock(seconds: float) -> str:
    """`0:01:23` for a duration in seconds."""
    whole = max(0, round(seconds))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
