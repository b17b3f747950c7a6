"""Instagram's chat export ("Download your information", JSON): one conversation is
`messages/inbox/<thread>/message_1.json` (a long one goes on in `message_2.json`, …)
with its `participants` ([{"name"}]), a `title` and its `messages`, newest first, each
with `sender_name`, `timestamp_ms` and `content`, and perhaps `photos`, `videos`,
`audio_files`, `files` ([{"uri"}]), a `share` ({"link"}) or `reactions`. Facebook
Messenger's download is written the same way, so it is read the same way.

Meta writes every text as its UTF-8 bytes, each escaped as if it were a Latin-1
character (`\\u00c3\\u00a9` for `é`); that is put right (`encodings.unmangled`) before
anything is shown. The JSON is bounded as Telegram's is (`telegram.bounded_json`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tui.core.evidence.formats import whatsapp_lines as wa
from tui.core.evidence.formats.base import (
    Block,
    Facts,
    Format,
    Probe,
    Unreadable,
    clean_line,
    clean_text,
    json_head_has,
    local_time,
)
from tui.core.evidence.formats.chat_summary import (
    MAX_CHAT_BYTES,
    MAX_PEOPLE,
    TOO_LONG,
    ChatSummary,
    notice,
)
from tui.core.evidence.formats.encodings import unmangled
from tui.core.evidence.formats.telegram import MAX_WALKED, bounded_json
from tui.core.evidence.formats.whatsapp_lines import Message
from tui.core.shared.i18n import N_, _

#: The lists of files a message may carry, and what each is called in the printout.
_FILES = (("photos", "photo"), ("videos", "video"), ("audio_files", "audio"), ("files", "file"))
#: Files of one message, and reactions to it, named at most.
_MAX_NAMED = 50
#: The latest time a message may carry (milliseconds since 1970): the year 9999.
_LATEST_MS = 253_402_300_799_000


def _text(value: object, limit: int = wa.MAX_MESSAGE_CHARS) -> str:
    """A text as Meta wrote it, put right, cut to `limit` characters; '' if not text."""
    return unmangled(value[:limit]) if isinstance(value, str) else ""


def _stamp(item: dict[str, Any]) -> int:
    """A message's `timestamp_ms`, or -1 when it has none that can be a time."""
    stamp = item.get("timestamp_ms")
    if not isinstance(stamp, int) or isinstance(stamp, bool) or not 0 <= stamp <= _LATEST_MS:
        return -1
    return stamp


def _when(item: dict[str, Any]) -> tuple[str, datetime | None]:
    """A message's `timestamp_ms` on the local clock (as written, and as a time)."""
    stamp = _stamp(item)
    if stamp < 0:
        return "", None
    written = local_time(datetime.fromtimestamp(stamp / 1000, UTC))
    return (written or "").replace("T", " "), datetime.fromisoformat(written) if written else None


def _uris(item: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, uri) of each file a message carries (a sticker too)."""
    found: list[tuple[str, str]] = []
    for key, kind in _FILES:
        listed = item.get(key)
        for entry in listed[:_MAX_NAMED] if isinstance(listed, list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("uri"), str):
                found.append((kind, clean_line(entry["uri"], 255)))
    sticker = item.get("sticker")
    if isinstance(sticker, dict) and isinstance(sticker.get("uri"), str):
        found.append(("sticker", clean_line(sticker["uri"], 255)))
    return found


def _message(item: dict[str, Any], with_text: bool) -> Message:
    """One message; its text only `with_text` (the facts don't need it)."""
    raw_time, when = _when(item)
    files = _uris(item)
    text = ""
    if with_text:
        parts = [_text(item.get("content"))]
        share = item.get("share")
        if isinstance(share, dict):
            parts += [_text(share.get("share_text")), _text(share.get("link"), 2000)]
        parts += [f"[{kind}: {uri}]" for kind, uri in files]
        reactions = item.get("reactions")
        for reaction in reactions[:_MAX_NAMED] if isinstance(reactions, list) else ():
            if isinstance(reaction, dict):
                what, who = _text(reaction.get("reaction"), 20), _text(reaction.get("actor"), 100)
                parts.append(_("(reaction {what} from {who})").format(what=what, who=who))
        if item.get("is_unsent") is True:
            parts.append(_("(this message was unsent)"))
        text = clean_text("\n".join(part for part in parts if part), wa.MAX_MESSAGE_CHARS)
    return Message(
        when=when,
        raw_time=raw_time,
        sender=clean_line(_text(item.get("sender_name"), 100)),
        text=text,
        files=tuple(uri for _kind, uri in files),
    )


def _read(data: bytes, keep_rows: bool) -> tuple[ChatSummary, str]:
    """(summary, the conversation's title) of one exported conversation."""
    chat = bounded_json(data)
    if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
        raise Unreadable(_("It holds no list of messages, so it isn't a chat's export."))
    items = [item for item in chat["messages"] if isinstance(item, dict)]
    summary = ChatSummary(keep_rows)
    if len(items) > MAX_WALKED:
        summary.walked = MAX_WALKED
    # Oldest first, as a chat is read (Meta writes the newest first).
    timed = sorted(items[:MAX_WALKED], key=_stamp)
    for item in timed:
        summary.add(_message(item, with_text=keep_rows and not summary.cut))
    summary.count += len(items) - len(timed)
    named = chat.get("participants")
    for person in named[:MAX_PEOPLE] if isinstance(named, list) else ():
        name = clean_line(_text(person.get("name"), 100)) if isinstance(person, dict) else ""
        if name and name not in summary.people and len(summary.people) < MAX_PEOPLE:
            summary.people.append(name)
    return summary, clean_line(_text(chat.get("title"), 200))


class InstagramJson(Format):
    kind = N_("Instagram or Messenger chat export")
    family = "chat"
    media_type = "application/vnd.instagram-chat+json"
    extensions = (".json",)

    def recognise(self, probe: Probe) -> int:
        return 2 if json_head_has(probe, "messages", "sender_name", "timestamp_ms") else 0

    def describe(self, probe: Probe) -> Facts:
        if probe.size > MAX_CHAT_BYTES:
            raise Unreadable(_(TOO_LONG))
        probe.handle.seek(0)
        summary, title = _read(probe.handle.read(MAX_CHAT_BYTES + 1), False)
        facts = summary.facts(self.kind, self.media_type)
        facts.shown["chat_name"] = title
        facts.problem = summary.partly
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        summary, title = _read(data, keep_rows=True)
        chat = (_("Chat"), title or _("not named"))
        return summary.overview(chat) + notice(summary.partly)
