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
from tui.core.shared.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, speaking

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
DAMAGED = N_("Its content could not be read: the file may be damaged or cut short.")


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
    """Which format a file is and what it says about itself; never raises for bad input.

    The facts are kept in the case in English, whatever the language spoken, and said in
    the reader's language when shown (`fact_lines`): a Spanish-speaking person's case
    can make an English binder."""
    with speaking(SOURCE_LANGUAGE):
        return _describe(Probe(handle, name, size))


def _describe(probe: Probe) -> tuple[Format, Facts]:
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
        return [Notice(_(DAMAGED))], _(DAMAGED)
    only_notices = all(isinstance(block, Notice) for block in blocks)
    reason = next((b.text for b in blocks if isinstance(b, Notice)), "") if only_notices else ""
    return blocks, reason


#: How each kept fact is named for people, in the order shown.
FACT_LABELS = {
    "pixels": N_("Pixels"),
    "frames": N_("Frames"),
    "duration": N_("Duration"),
    "resolution": N_("Resolution"),
    "codec": N_("Codec"),
    "audio": N_("Sound"),
    "frame_rate": N_("Frames a second"),
    "created": N_("Made"),
    "modified": N_("Last changed"),
    "pages": N_("Pages"),
    "author": N_("Author"),
    "title": N_("Title"),
    "url": N_("Address"),
    "captured": N_("Captured"),
    "records": N_("Records"),
    "web_pages": N_("Web pages"),
    "from": N_("From"),
    "to": N_("To"),
    "cc": N_("Cc"),
    "date": N_("Date"),
    "sent_clock": N_("Sent on"),
    "subject": N_("Subject"),
    "message_id": N_("Message-ID"),
    "attachments": N_("Attachments"),
    "pictures": N_("Pictures inside"),
    "messages": N_("Messages"),
    "first_message": N_("First message"),
    "last_message": N_("Last message"),
    "participants": N_("People"),
    "chats": N_("Chats"),
    "date_order": N_("Dates read as"),
    "media": N_("Files inside"),
    "media_missing": N_("Named but missing"),
    "media_omitted": N_("Media left out of the export"),
    "files": N_("Files inside"),
    "root": N_("Outer element"),
    "problem": N_("Problem"),
}


def fact_lines(facts: dict[str, object]) -> list[tuple[str, str]]:
    """The kept facts of an exhibit as (label, text), for the screen and the CLI, in the
    language spoken (a kept sentence, such as a problem, is said in it when the
    catalogues know it)."""
    lines = []
    if facts.get("kind"):
        lines.append((_("Kind"), _(str(facts["kind"]))))
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
        elif key == "problem" and isinstance(value, str):
            from tui.core.evidence.kept_words import said_again

            text = said_again(value)
        elif key == "sent_clock":
            text = senders_clock(str(value))
        else:
            text = readable_time(str(value))
        lines.append((_(label), text))
    return lines


#: Kept with an email's facts at intake, in the language spoken then.
SENDERS_CLOCK = N_("{clock} (the sender's clock)")


def senders_clock(kept: str) -> str:
    """An email's kept "UTC+03:00 (the sender's clock)", said in the language spoken now,
    whichever language it was kept in; anything else as it was kept."""
    for code in LANGUAGES:
        with speaking(code):
            before, _braces, after = _(SENDERS_CLOCK).partition("{clock}")
        if (
            len(kept) > len(before) + len(after)
            and kept.startswith(before)
            and kept.endswith(after)
        ):
            return _(SENDERS_CLOCK).format(clock=kept[len(before) : len(kept) - len(after)])
    return kept


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
