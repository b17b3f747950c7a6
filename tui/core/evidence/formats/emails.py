"""Emails saved as `.eml` (RFC 5322 with MIME parts): what one mail says of itself.

An email shows who wrote what and when: the binder prints its headers, its words and a
SHA-256 of each attachment (attachments are listed, never opened). Reading it safely is
`mime`'s job (parts, depth and bytes bounded) and `mime_headers`' (headers bounded and
decoded); saved web pages (MHTML) use the same two."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from email.message import Message
from email.utils import getaddresses
from typing import Any

from tui.core.evidence.formats.base import (
    HEAD_BYTES,
    Block,
    Facts,
    Fields,
    Format,
    Heading,
    Notice,
    Probe,
    Table,
    Text,
    Unreadable,
    clean_text,
)
from tui.core.evidence.formats.email_attachments import attachments as attachments_inside
from tui.core.evidence.formats.encodings import codec_for, mended_header
from tui.core.evidence.formats.inner_files import Inner, picture_numbers, printed_attachments
from tui.core.evidence.formats.mime import (
    DAMAGED,
    MAX_PARTS,
    content_charset,
    filename,
    leaves,
    parse,
    part_reading,
    payload,
    read_whole,
)
from tui.core.evidence.formats.mime_headers import (
    ADDRESS_CHARS,
    decode_words,
    first_header,
    header,
    header_block,
    line,
    raw_header,
    sent_time,
    unraw,
)
from tui.core.shared.i18n import N_, _
from tui.core.shared.text import size

#: Headers that make a block of "Name: value" lines a message, not just any text.
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "date", "subject", "message-id", "received", "return-path"}
    | {"mime-version", "delivered-to", "reply-to", "in-reply-to", "references"}
)


def _filename(part: Message) -> str:
    try:
        return line(decode_words(filename(part)))
    except Exception:
        return ""


def _attached(part: Message) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:
        return False


#: Said under an email's words when some were read in another encoding than it names.
REREAD = N_(
    "Some of its words were read in another encoding than the one the email names, which "
    "gave unreadable characters or garbled letters; the original file is unchanged."
)
#: Text parts of one mail whose encoding may be guessed when the declared one is wrong
#: (the detector takes tens of milliseconds a part; a crafted mail holds hundreds).
_GUESSED_PARTS = 2

#: One sender written `Name <address>` (the name unquoted, even with an `@` in it).
_NAMED = re.compile(r'^([^<>,"]*|"[^"]*")\s*<([^<>@\s]+@[^<>\s]+)>$')

#: Headers printed, as (header, key in `Facts.shown`).
_FIELDS = (
    ("From", "from"),
    ("To", "to"),
    ("Cc", "cc"),
    ("Date", "date"),
    ("Subject", "subject"),
    (N_("Message-ID"), "message_id"),
)


class Email(Format):
    kind = N_("email")
    family = "email"
    media_type = "message/rfc822"
    extensions = (".eml",)

    def recognise(self, probe: Probe) -> int:
        headers = header_block(probe.head)
        if not headers:
            return 0
        if "snapshot-content-location" in headers or "saved by" in headers.get("from", "").lower():
            return 1  # a saved web page (MHTML): `web` knows it better
        known = len(_MAIL_HEADERS & headers.keys())
        if ("from" in headers or "received" in headers) and known >= 3:
            return 2
        return int(known >= 1 and probe.extension in self.extensions)

    def describe(self, probe: Probe) -> Facts:
        message = parse(read_whole(probe))
        shown, _body, attachments, cut, _reread = self._read(message, with_body=False)
        facts = Facts(kind=self.kind, media_type=self.media_type, shown=shown)
        sent, clock_name = sent_time(message)
        facts.guess("posted_at", sent, "email")
        if clock_name:
            facts.shown["sent_clock"] = _("{clock} (the sender's clock)").format(clock=clock_name)
            if sent:  # the binder prints the posting time with its offset, as written
                facts.shown["posted_stated"] = sent + clock_name.removeprefix("UTC")
        facts.guess("poster", self._poster(message), "email")
        facts.shown["attachments"] = attachments
        if cut:
            facts.problem = _("Only the first {count} parts of this email were read.").format(
                count=MAX_PARTS
            )
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """Its attachments, numbered from 1 as they are listed (see `email_attachments`)."""
        return attachments_inside(read_whole(probe), take)

    def printable(self, data: bytes, name: str) -> list[Block]:
        if not header_block(data[:HEAD_BYTES]):
            raise Unreadable(_(DAMAGED))
        message = parse(data)
        shown, body, attachments, cut, reread = self._read(message, with_body=True)
        rows = [(label, shown[key]) for label, key in _FIELDS if shown.get(key)]
        clock_name = sent_time(message)[1]
        if clock_name and "date" in shown:
            at = [label for label, _value in rows].index("Date") + 1
            sent_clock = _("{clock} (the sender's clock)").format(clock=clock_name)
            rows.insert(at, ("Sent on", sent_clock))  # i18n: not shown
        blocks: list[Block] = (
            [Fields([(_(label), value) for label, value in rows])] if rows else []
        )
        blocks.append(Text(body) if body else Notice(_("This email has no written text.")))
        if reread:
            blocks.append(Notice(_(REREAD)))
        if attachments:
            blocks.append(Heading(_("Attachments")))
            table = [
                (a["name"], a["type"], size(a["size"]) if a["sha256"] else "?", a["sha256"])
                for a in attachments
            ]
            blocks.append(
                Table((_("Name"), _("Type"), _("Size"), "SHA-256"), table, (0.3, 0.15, 0.1, 0.45))
            )
            if numbers := picture_numbers(attachments):  # the pictures, printed
                blocks += printed_attachments(attachments_inside(data, numbers), numbers)
        if cut:
            shown_parts = _("Only the first {count} parts of this email are shown.")
            blocks.append(Notice(shown_parts.format(count=MAX_PARTS)))
        return blocks

    @staticmethod
    def _read(
        message: Message, with_body: bool
    ) -> tuple[dict[str, Any], str, list[dict[str, Any]], bool, bool]:
        """Headers, body text, attachments, whether the walk was cut short, and whether
        some words were read in another encoding than the one the email names."""
        shown: dict[str, Any] = {}
        for name, key in _FIELDS:
            value = raw_header(message, name) if key == "date" else header(message, name)
            if key == "from" and (poster := Email._poster(message)) and poster[:1] == '"':
                value = poster  # a display name that looks like an address, quoted
            if value:
                shown[key] = value
        parts, cut = leaves(message)
        codec = next(
            (content_charset(p) for p in parts if p.get_content_maintype() == "text"), None
        )
        reread = False
        for key in ("from", "to", "cc", "subject"):
            if key in shown:  # raw 8-bit bytes read wrongly, in the message's own encoding
                value, shown[key] = shown[key], mended_header(shown[key], codec_for(codec))
                reread = reread or shown[key] != value
        texts: list[str] = []
        html: Message | None = None
        attachments: list[dict[str, Any]] = []
        for part in parts:
            kind, filename = part.get_content_type(), _filename(part)
            if kind in ("text/plain", "text/html") and not filename and not _attached(part):
                if kind == "text/html":
                    html = html or part
                elif with_body:  # the encoding detector for the first few parts only
                    text, other = part_reading(part, guess=len(texts) < _GUESSED_PARTS)
                    texts.append(text)
                    reread = reread or other
                continue
            data = payload(part)
            attachments.append(
                {
                    "name": filename or _("(no name)"),
                    "type": line(kind),
                    "size": len(data) if data is not None else 0,
                    "sha256": hashlib.sha256(data).hexdigest() if data is not None else "",
                }
            )
        if not any(texts) and html is not None and with_body:
            text, other = part_reading(html)
            texts, reread = [text], reread or other
        body = clean_text("\n\n".join(text.strip() for text in texts if text.strip()))
        return shown, body, attachments, cut, reread

    @staticmethod
    def _poster(message: Message) -> str | None:
        """The sender as `Name <address>` (or the address alone)."""
        value = first_header(message, "From")
        if not value:
            return None
        value = " ".join(unraw(value[:ADDRESS_CHARS]).split())
        named = _NAMED.match(value)
        try:  # the name is decoded after parsing: a decoded comma must not split it
            if named:  # `Name <address>`, even when the name looks like an address
                name, address = named.group(1).strip().strip('"').strip(), named.group(2)
            else:
                name, address = getaddresses([value])[0]
            name, address = line(decode_words(name)), line(address.strip())
        except Exception:  # RecursionError on nested comments, …
            return None
        if name and "@" in name and not name.startswith('"'):
            name = f'"{name}"'  # a display name that looks like an address, said as a name
        return f"{name} <{address}>" if name and address else (address or name or None)


HANDLERS: list[Format] = [Email()]
