"""WhatsApp's "Export chat": a .txt, or a .zip with the media files beside the chat.

The binder prints the conversation and, for a zip, the SHA-256 of every file in it. The
exporter is one of the people in the chat and nothing says which, so no poster is
guessed. Reading the lines themselves is `whatsapp_lines`' job."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from tui.core.evidence.formats import whatsapp_lines as wa
from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    MAX_INFLATED_BYTES,
    MAX_ZIP_RATIO,
    Block,
    Facts,
    Format,
    Heading,
    Probe,
    Table,
    Unreadable,
    clean_line,
    read_member,
)
from tui.core.evidence.formats.chat_summary import (
    MAX_CHAT_BYTES,
    MAX_FILES,
    TOO_LONG,
    ChatSummary,
    notice,
)
from tui.core.shared.i18n import N_, _
from tui.core.shared.text import size

#: Text members of a zip looked at when looking for the chat.
MAX_TRIES = 8
_CHUNK = 1024 * 1024
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
               EOFError, ValueError)  # fmt: skip
BROKEN_CHARACTERS = N_("Some of its characters are not valid text and are shown as �.")


def _read_whatsapp(data: bytes, keep_rows: bool) -> tuple[ChatSummary, str, str]:
    """(summary, day/month order, problem sentence) of a whole WhatsApp chat text."""
    if len(data) > MAX_CHAT_BYTES:
        raise Unreadable(_(TOO_LONG))
    decoded = wa.decode(data)
    if decoded is None:
        raise Unreadable(_("It is not text, so it can't be a WhatsApp chat."))
    text, broken = decoded
    order = wa.date_order(text)
    summary = ChatSummary(keep_rows)
    for message in wa.messages(text, order):
        summary.add(message)
    return summary, order, _(BROKEN_CHARACTERS) if broken else ""


def _whatsapp_facts(handler: Format, summary: ChatSummary, order: str, problem: str) -> Facts:
    facts = summary.facts(handler.kind, handler.media_type)
    facts.shown["date_order"] = order
    facts.problem = problem
    return facts


class WhatsAppText(Format):
    kind = N_("WhatsApp chat export")
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
        return summary.overview((N_("Dates read as"), order)) + notice(problem)


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
            _(
                "{count:,} of the files inside were not hashed: too large, damaged "
                "or claiming to grow too much."
            ).format(count=unread)
        )
    if cut:
        problems.append(
            _("Only the first {count:,} files inside are listed.").format(count=MAX_FILES)
        )
    return entries, " ".join(problems)


class _Chat(NamedTuple):
    """The chat text found in a WhatsApp zip, as read."""

    member: zipfile.ZipInfo
    summary: ChatSummary
    order: str
    problem: str


class WhatsAppZip(Format):
    kind = N_("WhatsApp chat export (zip)")
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
            raise Unreadable(_("It is not a zip archive that can be opened."))
        chat = _chat_member(archive)
        if chat is None:
            raise Unreadable(_("There is no WhatsApp chat inside it."))
        try:
            data = read_member(archive, chat, MAX_CHAT_BYTES)
        except Unreadable as why:  # it names the member, and a name can hold anything
            raise Unreadable(clean_line(str(why))) from None
        except _ZIP_ERRORS:
            raise Unreadable(
                _("The chat inside it could not be read: it may be damaged.")
            ) from None
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
        rows = [(f["name"], size(f["size"]), f["sha256"] or _("not read")) for f in files]
        count = (N_("Files in the export"), f"{len(files):,}")
        return [
            *chat.summary.overview((N_("Dates read as"), chat.order), count),
            Heading(_("Files in the export")),
            Table((_("File"), _("Size"), "SHA-256"), rows, widths=(0.35, 0.13, 0.52)),
            *notice(" ".join(p for p in (chat.problem, files_problem) if p)),
        ]
