"""Chat exports a person can make herself: WhatsApp's "Export chat" (a .txt, or a .zip
with the media files) and Telegram Desktop's `result.json`.

They show who said what and when, so the binder prints the conversation (bounded) and,
for a zip, the SHA-256 of every file in it. The exporter is one of the people in the chat
and nothing says which, so no poster is guessed."""

from __future__ import annotations

import gc
import hashlib
import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from tui.core.evidence.formats import whatsapp_lines as wa
from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    MAX_INFLATED_BYTES,
    MAX_PRINTED_CHARS,
    MAX_ZIP_RATIO,
    Block,
    Facts,
    Fields,
    Format,
    Heading,
    Notice,
    Probe,
    Table,
    Unreadable,
    clean_line,
    clean_text,
    read_member,
)
from tui.core.evidence.formats.whatsapp_lines import Message

#: A chat (its text or its JSON) larger than this is not read; it is kept as it is.
MAX_CHAT_BYTES = 64 * 1024 * 1024
#: Messages printed in the binder; the rest is in the original.
MAX_ROWS = 20_000
#: People named in the facts.
MAX_PEOPLE = 50
#: Files of a zip listed (and hashed, within MAX_INFLATED_BYTES in all).
MAX_FILES = 5_000
#: Text members of a zip looked at when looking for the chat.
MAX_TRIES = 8
#: Telegram messages read for the facts (people, files, times); those past it are only
#: counted, and the last one's time looked for among the last `_TAIL`.
MAX_WALKED = 200_000
_TAIL = 1000
#: Objects and lists a Telegram export may hold (`{` and `[` counted before reading): each
#: costs about a hundred bytes once read. A real message has three or so, so a 64 MB
#: export holds under a million; a crafted file of `{},{},…` five times that.
MAX_JSON_CONTAINERS = 2_000_000

_CHUNK = 1024 * 1024
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
               EOFError, ValueError)  # fmt: skip
_TELEGRAM_TYPE = re.compile(
    r'"type"\s*:\s*"(?:personal_chat|bot_chat|saved_messages|private_group|'
    r'private_supergroup|public_supergroup|private_channel|public_channel)"'
)
TOO_LONG = "The chat is too long to read here; it is kept as it is."
BROKEN_CHARACTERS = "Some of its characters are not valid text and are shown as �."
TOO_MANY_VALUES = "It holds too many values to read here; it is kept as it is."


@dataclass
class _Summary:
    """One pass over the messages: what the facts keep and, when asked, the rows printed."""

    keep_rows: bool = False
    count: int = 0
    first: datetime | None = None
    last: datetime | None = None
    people: list[str] = field(default_factory=list)
    more_people: bool = False
    mentioned: dict[str, None] = field(default_factory=dict)
    omitted: int = 0
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    printed: int = 0
    cut: bool = False
    walked: int = 0
    """When not 0: only this many messages were read for the facts, the rest counted."""

    @property
    def partly(self) -> str:
        """A sentence when only the first messages were read for the facts."""
        if not self.walked:
            return ""
        return (
            f"The people and files named are from the first {self.walked:,} messages only; "
            f"all {self.count:,} are counted."
        )

    def add(self, message: Message) -> None:
        self.count += 1
        if message.when is not None:
            self.first = self.first or message.when
            self.last = message.when
        if message.sender and message.sender not in self.people:
            if len(self.people) < MAX_PEOPLE:
                self.people.append(message.sender)
            else:
                self.more_people = True
        for name in message.files:
            if len(self.mentioned) < MAX_FILES:
                self.mentioned[name] = None
        self.omitted += message.omitted
        if self.keep_rows and not self.cut:
            if len(self.rows) >= MAX_ROWS or self.printed >= MAX_PRINTED_CHARS:
                self.cut = True
                return
            time = message.when.strftime("%Y-%m-%d %H:%M") if message.when else message.raw_time
            self.rows.append((time, message.sender, message.text))
            self.printed += len(message.text)

    def facts(self, kind: str, media_type: str) -> Facts:
        facts = Facts(kind=kind, media_type=media_type)
        first = _iso(self.first)
        facts.guess("posted_at", first, "chat")
        facts.shown.update(
            messages=self.count,
            first_message=first,
            last_message=_iso(self.last),
            participants=list(self.people),
            media_mentioned=len(self.mentioned),
            media_omitted=self.omitted,
        )
        return facts

    def overview(self, *extra: tuple[str, str]) -> list[Block]:
        """The facts at the top of the printout, then the transcript."""
        people = ", ".join(self.people) + (" and more" if self.more_people else "")
        rows = [
            ("Messages", f"{self.count:,}"),
            ("From", _shown_time(self.first)),
            ("To", _shown_time(self.last)),
            ("People in the chat", people or "not named"),
            *extra,
        ]
        if self.omitted:
            rows.append(("Media left out of the export", f"{self.omitted:,}"))
        blocks: list[Block] = [Fields(rows)]
        if not self.rows:
            return [*blocks, Notice("It holds no messages.")]
        blocks.append(Table(("Time", "Sender", "Message"), self.rows, widths=(0.2, 0.2, 0.6)))
        if self.cut:
            shown = f"Only the first {len(self.rows):,} messages are printed here"
            blocks.append(Notice(f"{shown}; the rest is in the original."))
        return blocks


def _iso(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when else None


def _shown_time(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M") if when else "not given"


def _read_whatsapp(data: bytes, keep_rows: bool) -> tuple[_Summary, str, str]:
    """(summary, day/month order, problem sentence) of a whole WhatsApp chat text."""
    if len(data) > MAX_CHAT_BYTES:
        raise Unreadable(TOO_LONG)
    decoded = wa.decode(data)
    if decoded is None:
        raise Unreadable("It is not text, so it can't be a WhatsApp chat.")
    text, broken = decoded
    order = wa.date_order(text)
    summary = _Summary(keep_rows)
    for message in wa.messages(text, order):
        summary.add(message)
    return summary, order, BROKEN_CHARACTERS if broken else ""


def _whatsapp_facts(handler: Format, summary: _Summary, order: str, problem: str) -> Facts:
    facts = summary.facts(handler.kind, handler.media_type)
    facts.shown["date_order"] = order
    facts.problem = problem
    return facts


def _notice(problem: str) -> list[Block]:
    return [Notice(problem)] if problem else []


class WhatsAppText(Format):
    kind = "WhatsApp chat export"
    family = "chat"
    media_type = "text/vnd.whatsapp-chat"
    extensions = (".txt",)

    def recognise(self, probe: Probe) -> int:
        return 2 if wa.looks_like_chat(probe.head) else 0

    def describe(self, probe: Probe) -> Facts:
        probe.handle.seek(0)
        data = probe.handle.read(MAX_CHAT_BYTES + 1)
        return _whatsapp_facts(self, *_read_whatsapp(data, keep_rows=False))

    def printable(self, data: bytes, name: str) -> list[Block]:
        summary, order, problem = _read_whatsapp(data, keep_rows=True)
        return summary.overview(("Dates read as", order)) + _notice(problem)


# ---- WhatsApp zip ----------------------------------------------------------------------


def _member_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The first 64 KiB of a member. Inflating that little is bounded even for a zip bomb;
    reading a member whole always goes through `read_member` and its checks."""
    try:
        with archive.open(info) as member:
            return member.read(HEAD_BYTES)
    except _ZIP_ERRORS:
        return b""


def _chat_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The chat in a WhatsApp zip: `_chat.txt` (iOS) or `WhatsApp Chat with ….txt`
    (Android) first, then any text member that reads like one (a few are tried)."""
    texts = [i for i in archive.infolist() if i.filename.lower().endswith(".txt")]

    def named(info: zipfile.ZipInfo) -> bool:
        base = PurePosixPath(info.filename).name.lower()
        return base == "_chat.txt" or base.startswith("whatsapp chat")

    texts.sort(key=lambda info: not named(info))
    return next(
        (i for i in texts[:MAX_TRIES] if wa.looks_like_chat(_member_head(archive, i))), None
    )


def _digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> tuple[str, int]:
    """(SHA-256, bytes inflated) of one member, streamed; '' when it claims more than the
    budget, grows too much, is longer than it says or is damaged."""
    if info.file_size > budget:
        return "", 0
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
        return "", 0
    digest, seen = hashlib.sha256(), 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                seen += len(chunk)
                if seen > info.file_size:
                    return "", seen
                digest.update(chunk)
    except _ZIP_ERRORS:
        return "", seen
    return digest.hexdigest(), seen


def _files(
    archive: zipfile.ZipFile, skip: zipfile.ZipInfo | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Each file in the zip with its size and SHA-256, and a sentence on what wasn't."""
    entries: list[dict[str, Any]] = []
    budget, unread, cut = MAX_INFLATED_BYTES, 0, False
    for info in archive.infolist():
        if info.is_dir() or info is skip:
            continue
        if len(entries) >= MAX_FILES:
            cut = True
            break
        digest, used = _digest(archive, info, budget)
        budget -= used
        unread += not digest
        name = clean_line(info.filename, 255)
        entries.append({"name": name, "size": info.file_size, "sha256": digest})
    problems = []
    if unread:
        problems.append(
            f"{unread:,} of the files inside were not hashed: too large, damaged "
            "or claiming to grow too much."
        )
    if cut:
        problems.append(f"Only the first {MAX_FILES:,} files inside are listed.")
    return entries, " ".join(problems)


class _Chat(NamedTuple):
    """The chat text found in a WhatsApp zip, as read."""

    member: zipfile.ZipInfo
    summary: _Summary
    order: str
    problem: str


class WhatsAppZip(Format):
    kind = "WhatsApp chat export (zip)"
    family = "chat"
    media_type = "application/vnd.whatsapp-chat+zip"
    extensions = (".zip",)

    def recognise(self, probe: Probe) -> int:
        archive = probe.zip()
        if archive is None or "[Content_Types].xml" in probe.zip_names():
            return 0
        return 2 if _chat_member(archive) is not None else 0

    def _read(self, probe: Probe, keep_rows: bool) -> tuple[zipfile.ZipFile, _Chat]:
        archive = probe.zip()
        if archive is None:
            raise Unreadable("It is not a zip archive that can be opened.")
        chat = _chat_member(archive)
        if chat is None:
            raise Unreadable("There is no WhatsApp chat inside it.")
        try:
            data = read_member(archive, chat, MAX_CHAT_BYTES)
        except Unreadable as why:  # it names the member, and a name can hold anything
            raise Unreadable(clean_line(str(why))) from None
        except _ZIP_ERRORS:
            raise Unreadable("The chat inside it could not be read: it may be damaged.") from None
        return archive, _Chat(chat, *_read_whatsapp(data, keep_rows))

    def describe(self, probe: Probe) -> Facts:
        archive, chat = self._read(probe, keep_rows=False)
        facts = _whatsapp_facts(self, chat.summary, chat.order, chat.problem)
        media, files_problem = _files(archive, skip=chat.member)
        inside = {PurePosixPath(info.filename).name for info in archive.infolist()}
        facts.shown["media"] = media
        facts.shown["media_missing"] = [n for n in chat.summary.mentioned if n not in inside]
        facts.problem = " ".join(p for p in (chat.problem, files_problem) if p)
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        archive, chat = self._read(Probe.of_bytes(data, name), keep_rows=True)
        files, files_problem = _files(archive)
        rows = [(f["name"], f"{f['size']:,} bytes", f["sha256"] or "not read") for f in files]
        count = ("Files in the export", f"{len(files):,}")
        return [
            *chat.summary.overview(("Dates read as", chat.order), count),
            Heading("Files in the export"),
            Table(("File", "Size", "SHA-256"), rows, widths=(0.35, 0.13, 0.52)),
            *_notice(" ".join(p for p in (chat.problem, files_problem) if p)),
        ]


# ---- Telegram --------------------------------------------------------------------------


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
    """A message's `date` as written (cut short) and as a time, if it is one."""
    raw = item.get("date")
    raw_time = raw[:40] if isinstance(raw, str) else ""
    if not raw_time:
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


def _json(data: bytes) -> Any:
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


def _read_telegram(data: bytes, keep_rows: bool) -> tuple[_Summary, str, str]:
    """(summary, chat name, chat type) of a Telegram Desktop export of one chat."""
    if len(data) > MAX_CHAT_BYTES:
        raise Unreadable(TOO_LONG)
    if data.count(b"{") + data.count(b"[") > MAX_JSON_CONTAINERS:
        raise Unreadable(TOO_MANY_VALUES)
    try:
        chat = _json(data)
    except RecursionError:
        raise Unreadable("It nests too deeply to be a chat export.") from None
    except ValueError:
        raise Unreadable("It is not valid JSON: the file may be damaged or cut short.") from None
    if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
        raise Unreadable("It holds no list of messages, so it isn't one chat's export.")
    summary = _Summary(keep_rows)
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


def _count_the_rest(summary: _Summary, rest: list[Any]) -> None:
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
    kind = "Telegram chat export"
    family = "chat"
    media_type = "application/vnd.telegram-chat+json"
    extensions = (".json",)

    def recognise(self, probe: Probe) -> int:
        head = probe.text()
        if head is None or not head.lstrip().startswith("{") or '"messages"' not in head:
            return 0
        if _TELEGRAM_TYPE.search(head):
            return 2
        keys = ('"name"', '"date"', '"from"', '"text"')
        return 2 if all(key in head for key in keys) else 0

    def describe(self, probe: Probe) -> Facts:
        if probe.size > MAX_CHAT_BYTES:
            raise Unreadable(TOO_LONG)
        probe.handle.seek(0)
        summary, name, kind = _read_telegram(probe.handle.read(MAX_CHAT_BYTES + 1), False)
        facts = summary.facts(self.kind, self.media_type)
        facts.shown.update(chat_name=name, chat_type=kind)
        facts.problem = summary.partly
        return facts

    def printable(self, data: bytes, name: str) -> list[Block]:
        summary, chat_name, _ = _read_telegram(data, keep_rows=True)
        return summary.overview(("Chat", chat_name or "not named")) + _notice(summary.partly)


HANDLERS: list[Format] = [WhatsAppZip(), WhatsAppText(), TelegramJson()]
