"""Telegram Desktop's export of one chat (`result.json`).

The binder prints the conversation (bounded). A crafted export can hold millions of
values or nest without end, so the values are counted before the JSON is read, and only
the first `MAX_WALKED` messages are read for the facts (the rest are counted)."""

from __future__ import annotations

import gc
import json
import re
from datetime import UTC, datetime
from typing import Any

from tui.core.evidence.formats import whatsapp_lines as wa
from tui.core.evidence.formats.base import (
    Block,
    Facts,
    Format,
    Heading,
    Notice,
    Probe,
    Unreadable,
    clean_line,
    clean_text,
    json_head_has,
    local_time,
)
from tui.core.evidence.formats.chat_summary import (
    MAX_CHAT_BYTES,
    MAX_FILES,
    MAX_PEOPLE,
    MAX_ROWS,
    TOO_LONG,
    ChatSummary,
    notice,
)
from tui.core.evidence.formats.whatsapp_lines import Message
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import listed

#: Telegram messages read for the facts (people, files, times); those past it are only
#: counted, and the last one's time looked for among the last `_TAIL`.
MAX_WALKED = 200_000
_TAIL = 1000
#: Objects and lists a Telegram export may hold (`{` and `[` counted before reading): each
#: costs about a hundred bytes once read. A real message has three or so, so a 64 MB
#: export holds under a million; a crafted file of `{},{},…` five times that.
MAX_JSON_CONTAINERS = 2_000_000
_TELEGRAM_TYPE = re.compile(
    r'"type"\s*:\s*"(?:personal_chat|bot_chat|saved_messages|private_group|'
    r'private_supergroup|public_supergroup|private_channel|public_channel)"'
)
#: A message as Telegram writes it (`"type": "message"`), with one of its own keys.
_TELEGRAM_MESSAGE = re.compile(r'"type"\s*:\s*"(?:message|service)"')
_TELEGRAM_KEYS = ('"date_unixtime"', '"from_id"', '"actor_id"')
#: The top-level fields of a chat's export, and of an account's, that are printed or
#: are Telegram's own (its id, its type, its note on what the export is).
_CHAT_FIELDS = frozenset({"name", "type", "id", "messages"})
_ACCOUNT_FIELDS = frozenset({"about", "chats", "left_chats"})
#: Names of fields not printed that are listed (a crafted file may hold thousands).
_LISTED_FIELDS = 12
ROWS_SPENT = N_(
    "Its messages are not printed: the binder prints the first {count:,} of an "
    "export's messages; the rest is in the original."
)
TOO_MANY_VALUES = N_("It holds too many values to read here; it is kept as it is.")


def _telegram_text(value: object) -> str:
    """Telegram's `text`: a string, or a list of strings and {"type", "text"} parts."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts: list[str] = []
    size = 0
    for part in value:
        piece = part.get("text") if isinstance(part, dict) else part
        if isinstance(piece, str) and size <= wa.MAX_MESSAGE_CHARS:
            parts.append(piece)
            size += len(piece)
    return "".join(parts)


def _telegram_time(item: dict[str, Any]) -> tuple[str, datetime | None]:
    """A message's `date` as written (cut short) and as a time, if it is one; else its
    `date_unixtime` on the local clock (as Telegram writes `date`)."""
    raw = item.get("date")
    raw_time = raw[:40] if isinstance(raw, str) else ""
    if not raw_time:
        unix = item.get("date_unixtime")
        if isinstance(unix, str) and unix.isdigit() and len(unix) <= 12:
            stamp = local_time(datetime.fromtimestamp(int(unix), UTC))
            return (stamp or "").replace("T", " "), (
                datetime.fromisoformat(stamp) if stamp else None
            )
        return "", None
    try:
        return raw_time, datetime.fromisoformat(raw_time).replace(tzinfo=None)
    except ValueError:
        return raw_time, None


def _telegram_message(item: dict[str, Any], with_text: bool = True) -> Message:
    """One message; its text only `with_text` (the facts don't need it)."""
    raw_time, when = _telegram_time(item)
    service = item.get("type") == "service"
    sender = item.get("actor" if service else "from")
    # A file left out of the export is named "(File not included. …)".
    files = [(key, value) for key in ("photo", "file") if isinstance(value := item.get(key), str)]
    text = ""
    if with_text:
        text = _telegram_text(item.get("text"))
        action = item.get("action")
        if service and isinstance(action, str):
            text = f"({action.replace('_', ' ')}) {text}"
        text += "".join(f"\n[{key}: {value}]" for key, value in files)
        text = clean_text(text.strip(), wa.MAX_MESSAGE_CHARS)
    return Message(
        when=when,
        raw_time=clean_line(raw_time, 40) if raw_time else "",
        sender=clean_line(sender, 100) if isinstance(sender, str) and sender else "",
        text=text,
        files=tuple(clean_line(value, 255) for _, value in files if not value.startswith("(")),
    )


def load_json(data: bytes) -> Any:
    """`json.loads`, with the cycle collector paused: JSON holds no cycles, and the
    collector would look over the millions of objects made again and again (a third of
    the time, or two thirds for a crafted file)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return json.loads(data)
    finally:
        if paused:
            gc.enable()


def _read_telegram(data: bytes, keep_rows: bool) -> tuple[ChatSummary, str, str, list[str]]:
    """(summary, chat name, chat type, top-level fields not printed) of a Telegram
    Desktop export of one chat."""
    chat = bounded_json(data)
    if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
        raise Unreadable(_("It holds no list of messages, so it isn't one chat's export."))
    return (*_read_chat(chat, ChatSummary(keep_rows)), [k for k in chat if k not in _CHAT_FIELDS])


def unprinted(fields: list[str]) -> list[Block]:
    """A line naming an export's top-level fields the binder does not print, so nothing
    is left out without a word; none when every field is printed."""
    if not fields:
        return []
    names = [clean_line(name, 60) or "?" for name in fields[:_LISTED_FIELDS]]
    if len(fields) > _LISTED_FIELDS:
        names.append(_("{count:,} more").format(count=len(fields) - _LISTED_FIELDS))
    sentence = ngettext(
        "The export also holds {count:,} field not printed here: {names}. It is in the original.",
        "The export also holds {count:,} fields not printed here: {names}. They are in the "
        "original.",
        len(fields),
    )
    return [Notice(sentence.format(count=len(fields), names=listed(names)))]


def bounded_json(data: bytes) -> Any:
    """The JSON of a chat export, refused (one plain sentence) when it is too large, holds
    too many values or nests too deeply, or is not JSON."""
    if len(data) > MAX_CHAT_BYTES:
        raise Unreadable(_(TOO_LONG))
    if data.count(b"{") + data.count(b"[") > MAX_JSON_CONTAINERS:
        raise Unreadable(_(TOO_MANY_VALUES))
    try:
        return load_json(data)
    except RecursionError:
        raise Unreadable(_("It nests too deeply to be a chat export.")) from None
    except ValueError:
        raise Unreadable(
            _("It is not valid JSON: the file may be damaged or cut short.")
        ) from None


def account_chats(export: Any) -> list[dict[str, Any]] | None:
    """The chats of an account-wide export (`{"chats": {"list": [...]}}`, and the chats
    left, `left_chats`), each with its list of messages; None when it isn't one."""
    if not isinstance(export, dict) or not isinstance(export.get("chats"), dict):
        return None
    found: list[dict[str, Any]] = []
    for key in ("chats", "left_chats"):
        group = export.get(key)
        listed = group.get("list") if isinstance(group, dict) else None
        if isinstance(listed, list):
            found += [
                c for c in listed if isinstance(c, dict) and isinstance(c.get("messages"), list)
            ]
    return found if isinstance(export["chats"].get("list"), list) else None


def read_account(
    data: bytes, keep_rows: bool
) -> tuple[ChatSummary, list[tuple[str, ChatSummary]], list[str]]:
    """An account-wide export: one summary of every chat (for the facts) and, when rows
    are kept, each chat's own (named), printed rows shared out up to `MAX_ROWS` in all;
    and its top-level fields not printed (contacts, sessions, …)."""
    export = bounded_json(data)
    chats = account_chats(export)
    if chats is None:
        raise Unreadable(_("It holds no list of chats, so it isn't an account's export."))
    total = ChatSummary(False)
    each: list[tuple[str, ChatSummary]] = []
    rows = 0
    for chat in chats:
        if total.count >= MAX_WALKED:
            total.walked = total.walked or total.count
            total.count += sum(len(c["messages"]) for c in chats[len(each) :])
            break
        one = ChatSummary(keep_rows and rows < MAX_ROWS)
        _unused, name, _kind = _read_chat(chat, one)
        rows += len(one.rows)
        each.append((name or _("not named"), one))
        total.count += one.count
        total.first = min((t for t in (total.first, one.first) if t), default=None)
        total.last = max((t for t in (total.last, one.last) if t), default=None)
        for person in one.people:
            if person not in total.people and len(total.people) < MAX_PEOPLE:
                total.people.append(person)
        for named in one.mentioned:
            if len(total.mentioned) < MAX_FILES:
                total.mentioned[named] = None
        total.omitted += one.omitted
    return total, each, [key for key in export if key not in _ACCOUNT_FIELDS]


def _read_chat(chat: dict[str, Any], summary: ChatSummary) -> tuple[ChatSummary, str, str]:
    items: list[Any] = chat["messages"]
    for at, item in enumerate(items):
        if summary.count >= MAX_WALKED:
            _count_the_rest(summary, items[at:])
            break
        if isinstance(item, dict):
            summary.add(_telegram_message(item, with_text=summary.keep_rows and not summary.cut))
    name, kind = chat.get("name"), chat.get("type")
    return (
        summary,
        clean_line(name) if isinstance(name, str) else "",
        clean_line(kind, 40) if isinstance(kind, str) else "",
    )


def _count_the_rest(summary: ChatSummary, rest: list[Any]) -> None:
    """Messages past `MAX_WALKED`: counted, and the last time among the last few taken."""
    summary.walked = summary.count
    summary.count += sum(isinstance(item, dict) for item in rest)
    for item in reversed(rest[-_TAIL:]):
        when = _telegram_time(item)[1] if isinstance(item, dict) else None
        if when is not None:
            summary.last = when
            break
    summary.cut = summary.cut or summary.keep_rows


class TelegramJson(Format):
    kind = N_("Telegram chat export")
    family = "chat"
    media_type = "application/vnd.telegram-chat+json"
    extensions = (".json",)

    def recognise(self, probe: Probe) -> int:
        """Only by Telegram's own marks: the chat's type (`personal_chat`, …), or its
        messages' (`"type": "message"`) with a key of Telegram's (`date_unixtime`,
        `from_id`); any JSON of `messages` with `from` and `text` is not one."""
        head = json_head_has(probe, "messages")
        if head is None:
            return 0
        if _TELEGRAM_TYPE.search(head):
            return 2
        marked = any(key in head for key in _TELEGRAM_KEYS)
        return 2 if marked and _TELEGRAM_MESSAGE.search(head) else 0

    def describe(self, probe: Probe) -> Facts:
        if probe.size > MAX_CHAT_BYTES:
            raise Unreadable(_(TOO_LONG))
        probe.handle.seek(0)
        summary, name, kind, _fields = _read_telegram(probe.handle.read(MAX_CHAT_BYTES + 1), False)
        facts = summary.facts(self.kind, self.media_type)
        facts.shown.update(chat_name=name, chat_type=kind)
        facts.problem = summary.partly
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        summary, chat_name, _kind, fields = _read_telegram(data, keep_rows=True)
        chat = ("Chat", chat_name or _("not named"))
        return summary.overview(chat) + notice(summary.partly) + unprinted(fields)


class TelegramAccount(Format):
    """Telegram Desktop's export of a whole account (`result.json` with every chat)."""

    kind = N_("Telegram export (every chat)")
    family = "chat"
    media_type = "application/vnd.telegram-account+json"
    extensions = (".json",)

    def recognise(self, probe: Probe) -> int:
        head = json_head_has(probe, "chats", "list")
        mark = head is not None and ('"messages"' in head or '"personal_information"' in head)
        return 2 if mark else 0

    def describe(self, probe: Probe) -> Facts:
        if probe.size > MAX_CHAT_BYTES:
            raise Unreadable(_(TOO_LONG))
        probe.handle.seek(0)
        total, each, _fields = read_account(probe.handle.read(MAX_CHAT_BYTES + 1), False)
        facts = total.facts(self.kind, self.media_type)
        facts.shown["chats"] = [name for name, _ in each[:MAX_PEOPLE]]
        facts.problem = total.partly
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        total, each, fields = read_account(data, keep_rows=True)
        chats = ("Chats", f"{len(each):,}")
        blocks = total.overview(chats)[:1] + notice(total.partly)
        for chat_name, summary in each:
            shown = summary.overview()
            if not summary.keep_rows and summary.count:
                shown = [*shown[:1], Notice(_(ROWS_SPENT).format(count=MAX_ROWS))]
            blocks += [Heading(_("Chat: {name}").format(name=chat_name)), *shown]
        return blocks + unprinted(fields)
