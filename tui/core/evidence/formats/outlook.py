"""Outlook's saved emails (`.msg`): a compound file (OLE2) of MAPI properties, read with
`olefile` (BSD). Described as an email from its own properties: subject, sender with
address, recipients, the date with its zone (from the headers it came with when it has
them, else Outlook's own time, which is UTC), its words (plain, else HTML through
`html_text`, else RTF, decompressed here and read by `striprtf`) and its attachments,
each with its size and SHA-256 like an `.eml`'s.

A `.msg` is hostile input like any file: the file is read in place up to
`MAX_WHOLE_BYTES`; every property's size is checked before it is read, words are read up
to what the binder prints, attachments and recipients are counted and bounded, and the
RTF decompressor stops at a bound whatever the file claims."""

from __future__ import annotations

import weakref
from collections.abc import Collection
from email.message import Message
from email.parser import HeaderParser
from typing import Any

from tui.core.evidence.formats.base import (
    MAX_INFLATED_BYTES,
    MAX_PRINTED_CHARS,
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
    clean_line,
    clean_text,
)
from tui.core.evidence.formats.compound_files import (
    BINARY,
    CFB,
    Properties,
    open_compound,
)
from tui.core.evidence.formats.compressed_rtf import decompress_rtf, rtf_words
from tui.core.evidence.formats.html_text import decode_html, visible_text
from tui.core.evidence.formats.inner_files import Inner, picture_numbers, printed_attachments
from tui.core.evidence.formats.mime_headers import (
    bounded_headers,
    decode_words,
    header,
    raw_header,
    sent_time,
)
from tui.core.shared.i18n import N_, _
from tui.core.shared.text import size

#: The streams that make a compound file an Outlook message.
_MESSAGE_STREAMS = ("__properties_version1.0", "__substg1.0_0037001F", "__substg1.0_0037001E")
DAMAGED = N_("This Outlook email can't be read: it may be damaged.")
#: The headers it came with, and its words, read at most.
MAX_HEADER_BYTES = 256 * 1024
MAX_BODY_BYTES = MAX_PRINTED_CHARS * 4
#: RTF decompressed at most: its markup is a few times its words.
MAX_RTF_BYTES = 512 * 1024
#: Attachments and recipients read at most (a real mail has a handful).
MAX_ATTACHMENTS = 500
MAX_RECIPIENTS = 500
#: What all the attachments of one email may come to, read to be hashed.
MAX_ATTACHED_BYTES = MAX_INFLATED_BYTES

#: MAPI property ids (MS-OXPROPS).
SUBJECT, SENDER_NAME, SENDER_ADDRESS, SENDER_SMTP = 0x0037, 0x0C1A, 0x0C1F, 0x5D01
SENT_AS_NAME, SENT_AS_ADDRESS = 0x0042, 0x0065
DISPLAY_TO, DISPLAY_CC = 0x0E04, 0x0E03
HEADERS, MESSAGE_ID = 0x007D, 0x1035
SUBMITTED, DELIVERED = 0x0039, 0x0E06
BODY, RTF_COMPRESSED, HTML = 0x1000, 0x1009, 0x1013
RECIPIENT_NAME, RECIPIENT_SMTP, RECIPIENT_ADDRESS, RECIPIENT_TYPE = 0x3001, 0x39FE, 0x3003, 0x0C15
ATTACH_LONG_NAME, ATTACH_NAME, ATTACH_DATA, ATTACH_MIME = 0x3707, 0x3704, 0x3701, 0x370E
ATTACH_DISPLAY_NAME = 0x3001
#: Headers printed, as (label, key in `Facts.shown`), as for an `.eml`.
_FIELDS = (
    ("From", "from"),
    ("To", "to"),
    ("Cc", "cc"),
    ("Date", "date"),
    ("Subject", "subject"),
    (N_("Message-ID"), "message_id"),
)


#: A file recognised and not yet described, open (weakly held: a probe not described
#: takes its file with it).
_OPENED: weakref.WeakKeyDictionary[Probe, Properties] = weakref.WeakKeyDictionary()


def _headers(message: Properties) -> Message | None:
    """The internet headers it arrived with (a received mail has them), parsed bounded."""
    text = message.text(HEADERS, limit=MAX_HEADER_BYTES)
    if not text.strip():
        return None
    lines = bounded_headers(text.splitlines(keepends=True))
    return HeaderParser().parsestr("".join(lines))


def _person(name: str, address: str) -> str:
    name, address = clean_line(decode_words(name)), clean_line(address)
    if "@" not in address:
        address = ""  # an Exchange path (/O=…/CN=…), not an address a reader can use
    if name and "@" in name and name != address:
        name = f'"{name}"'  # a display name that looks like an address, said as a name
    if name and address and name != address:
        return f"{name} <{address}>"
    return address or name


def _sender(message: Properties) -> str:
    address = message.text(SENDER_SMTP) or message.text(SENDER_ADDRESS)
    address = address or message.text(SENT_AS_ADDRESS)
    return _person(message.text(SENDER_NAME) or message.text(SENT_AS_NAME), address)


def _recipients(message: Properties) -> dict[str, str]:
    """`to` and `cc` as `Name <address>, …`, from each recipient's own properties; the
    display lines Outlook keeps (names only) when it has none."""
    found: dict[str, list[str]] = {"to": [], "cc": []}
    folders, _more = message.folders("__recip_version1.0_#", MAX_RECIPIENTS)
    for folder in folders:
        kind = message.integer(folder, RECIPIENT_TYPE)
        key = {1: "to", 2: "cc"}.get(kind or 1)
        if key is None:
            continue  # a blind copy: not shown to the others, not shown here
        address = message.text(RECIPIENT_SMTP, folder) or message.text(RECIPIENT_ADDRESS, folder)
        if person := _person(message.text(RECIPIENT_NAME, folder), address):
            found[key].append(person)
    shown = {key: clean_line(", ".join(people), 2000) for key, people in found.items() if people}
    for key, prop in (("to", DISPLAY_TO), ("cc", DISPLAY_CC)):
        if key not in shown and (names := clean_line(message.text(prop), 2000)):
            shown[key] = names
    return shown


def _date(message: Properties, headers: Message | None) -> tuple[str, str | None, str]:
    """(the date as shown, the time as stated, which clock that is): the Date header it
    arrived with keeps the sender's offset; Outlook's own record of the time is UTC."""
    if headers is not None:
        sent, clock_name = sent_time(headers)
        if sent:
            clock_words = (
                _("{clock} (the sender's clock)").format(clock=clock_name) if clock_name else ""
            )
            return raw_header(headers, "Date"), sent, clock_words
    moment = message.time(SUBMITTED) or message.time(DELIVERED)
    if moment is None:
        return "", None, ""
    stamp = moment.replace(tzinfo=None).isoformat(timespec="seconds")
    return f"{stamp.replace('T', ' ')} UTC", stamp, _("UTC (as Outlook records it)")


def _body(message: Properties) -> str:
    """Its words: the plain text, else the HTML's visible text, else the RTF's words."""
    plain = message.text(BODY, limit=MAX_BODY_BYTES, cut=True)
    if plain.strip():
        return clean_text(plain).strip()
    html = message.raw("", HTML, BINARY, MAX_BODY_BYTES, cut=True)
    if html:
        return visible_text(decode_html(html, cut=True))[1].strip()
    compressed = message.raw("", RTF_COMPRESSED, BINARY, MAX_RTF_BYTES, cut=True)
    if compressed:
        return rtf_words(decompress_rtf(compressed, MAX_RTF_BYTES))
    return ""


def _attachment_name(message: Properties, folder: str) -> str:
    return (
        message.text(ATTACH_LONG_NAME, folder)
        or message.text(ATTACH_NAME, folder)
        or message.text(ATTACH_DISPLAY_NAME, folder)
    )


def _attachments(message: Properties) -> tuple[list[dict[str, Any]], bool]:
    """Each attachment as an `.eml`'s are listed: name, type, size, SHA-256 ('' when its
    bytes could not be read: too large, or an email attached inside as an object)."""
    folders, more = message.folders("__attach_version1.0_#", MAX_ATTACHMENTS)
    found: list[dict[str, Any]] = []
    budget = MAX_ATTACHED_BYTES
    for folder in folders:
        name = _attachment_name(message, folder)
        hashed = message.digest(folder, ATTACH_DATA, budget)
        if hashed is not None:
            budget -= hashed[0]
        found.append(
            {
                "name": clean_line(name, 200) or _("(no name)"),
                "type": clean_line(message.text(ATTACH_MIME, folder), 100)
                or "application/octet-stream",
                "size": hashed[0] if hashed else 0,
                "sha256": hashed[1] if hashed else "",
            }
        )
    return found, more


class OutlookEmail(Format):
    kind = N_("email (Outlook .msg)")
    family = "email"
    media_type = "application/vnd.ms-outlook"
    extensions = (".msg",)

    def recognise(self, probe: Probe) -> int:
        if not probe.head.startswith(CFB):
            return 0
        try:
            ole = open_compound(probe, _(DAMAGED))
        except Unreadable:  # damaged or cut short: the name may still say what it was
            return 1 if probe.extension in self.extensions else 0
        message = Properties(ole)
        if not any(message.entries.get(name.lower()) for name in _MESSAGE_STREAMS):
            ole.close()
            return 0
        _OPENED[probe] = message  # read once: describing it follows
        return 2

    def _read(self, probe: Probe, with_body: bool) -> tuple[dict[str, Any], str, bool]:
        message = _OPENED.pop(probe, None) or Properties(open_compound(probe, _(DAMAGED)))
        ole = message.ole
        try:
            headers = _headers(message)
            shown: dict[str, Any] = {}
            if sender := _sender(message):
                shown["from"] = sender
            shown.update(_recipients(message))
            date, sent, clock_name = _date(message, headers)
            if date:
                shown["date"] = date
            if sent:
                shown["sent_at"] = sent
            if clock_name:
                shown["sent_clock"] = clock_name
            if subject := clean_line(message.text(SUBJECT)):
                shown["subject"] = subject
            message_id = message.text(MESSAGE_ID)
            if not message_id and headers is not None:
                message_id = header(headers, "Message-ID")  # i18n: not shown
            if message_id := clean_line(message_id):
                shown["message_id"] = message_id
            shown["attachments"], more = _attachments(message)
            body = _body(message) if with_body else ""
        except Unreadable:
            raise
        except Exception:  # a damaged stream, a loop in its sector chains, …
            raise Unreadable(_(DAMAGED)) from None
        finally:
            ole.close()
        return shown, body, more

    def describe(self, probe: Probe) -> Facts:
        shown, _body_text, more = self._read(probe, with_body=False)
        facts = Facts(kind=self.kind, media_type=self.media_type)
        facts.guess("posted_at", shown.pop("sent_at", None), "email")
        facts.guess("poster", shown.get("from"), "email")
        facts.shown = shown
        if more:
            facts.problem = _("Only the first {count} attachments were read.").format(
                count=MAX_ATTACHMENTS
            )
        return facts

    def inside(self, probe: Probe, take: Collection[str] = ()) -> list[Inner]:
        """Its attachments, numbered from 1 as they are listed."""
        message = _OPENED.pop(probe, None) or Properties(open_compound(probe, _(DAMAGED)))
        try:
            folders, _more = message.folders("__attach_version1.0_#", MAX_ATTACHMENTS)
            found: list[Inner] = []
            for number, folder in enumerate(folders, 1):
                name = clean_line(_attachment_name(message, folder), 200) or _("(no name)")
                where = str(number)
                hashed = message.digest(folder, ATTACH_DATA, MAX_INFLATED_BYTES)
                if hashed is None:
                    found.append(Inner(name, 0, "", None, where))
                    continue
                data = None
                if where in take:
                    data = message.raw(folder, ATTACH_DATA, BINARY, MAX_INFLATED_BYTES)
                found.append(Inner(name, hashed[0], hashed[1], data, where))
            return found
        except Unreadable:
            raise
        except Exception:  # a damaged stream, a loop in its sector chains, …
            raise Unreadable(_(DAMAGED)) from None
        finally:
            message.ole.close()

    def printable(self, data: bytes, name: str) -> list[Block]:
        return self.printable_source(Probe.of_bytes(data, name))

    def printable_source(self, probe: Probe) -> list[Block]:
        """Read in place: olefile reads only the streams asked for."""
        shown, body, more = self._read(probe, with_body=True)
        rows = [(label, str(shown[key])) for label, key in _FIELDS if shown.get(key)]
        if "sent_clock" in shown and "date" in shown:
            at = [label for label, _value in rows].index("Date") + 1
            rows.insert(at, ("Sent on", shown["sent_clock"]))  # i18n: not shown
        blocks: list[Block] = (
            [Fields([(_(label), value) for label, value in rows])] if rows else []
        )
        blocks.append(Text(body) if body else Notice(_("This email has no written text.")))
        attachments = shown["attachments"]
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
                blocks += printed_attachments(self.inside(probe, numbers), numbers)
        if more:
            blocks.append(
                Notice(
                    _("Only the first {count} attachments are listed.").format(
                        count=MAX_ATTACHMENTS
                    )
                )
            )
        return blocks


HANDLERS: list[Format] = [OutlookEmail()]
