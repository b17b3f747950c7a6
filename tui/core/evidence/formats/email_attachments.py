"""An email's attachments as files that may become exhibits of their own: found as the
email's description lists them (every leaf part that is not its words), each with its
number in that list (`where`), size and SHA-256, its bytes read only when asked for.
Parsing is `mime`'s, with its bounds."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from email.message import Message

from tui.core.evidence.formats.base import clean_line
from tui.core.evidence.formats.inner_files import MAX_LISTED, Inner
from tui.core.evidence.formats.mime import filename, leaves, parse, payload
from tui.core.evidence.formats.mime_headers import decode_words, safe
from tui.core.shared.i18n import _


def _name(part: Message) -> str:
    try:
        return clean_line(safe(decode_words(filename(part))), 200)
    except Exception:  # a crafted name the decoder can't take
        return ""


def _is_words(part: Message, name: str) -> bool:
    """The email's own text (not a file attached to it), as the description reads it."""
    try:
        attached = part.get_content_disposition() == "attachment"
    except Exception:
        attached = False
    return part.get_content_type() in ("text/plain", "text/html") and not name and not attached


def attachments(data: bytes, take: Collection[str] = ()) -> list[Inner]:
    """The email's attachments in order, numbered from 1; the bytes of those whose
    number is in `take` are kept (None when a part can't be decoded)."""
    parts, _cut = leaves(parse(data))
    found: list[Inner] = []
    for part in parts:
        name = _name(part)
        if _is_words(part, name):
            continue
        if len(found) >= MAX_LISTED:
            break
        where = str(len(found) + 1)
        content = payload(part)
        if content is None:
            found.append(Inner(name or _("(no name)"), 0, "", None, where))
            continue
        digest = hashlib.sha256(content).hexdigest()
        kept = content if where in take else None
        found.append(Inner(name or _("(no name)"), len(content), digest, kept, where))
    return found
