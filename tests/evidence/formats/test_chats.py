"""WhatsApp and Telegram chat exports: every line variant phones write, the zip with its
media, and hostile files (bombs, lies about sizes, broken text, deep JSON) that must end
as a plain sentence, never an exception. Every fixture is built here, in memory."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import struct
import zipfile
import zlib

import pytest

from tui.core.evidence import formats
from tui.core.evidence.formats import chat_summary, chats, telegram, whatsapp, whatsapp_lines
from tui.core.evidence.formats.base import (
    MAX_ZIP_MEMBERS,
    Facts,
    Fields,
    Heading,
    Notice,
    Probe,
    Table,
    Unreadable,
    claimed_members,
)
from tui.core.evidence.formats.telegram import TelegramJson
from tui.core.evidence.formats.whatsapp import WhatsAppText, WhatsAppZip
from tui.core.shared.text import size

ANDROID = (
    "05/03/2024, 21:10 - Messages and calls are end-to-end encrypted. No one outside of "
    "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
    "05/03/2024, 21:14 - Sam Okafor: are you there\n"
    "05/03/2024, 21:15 - Alex: yes\n"
    "still here\n"
    "13/03/2024, 08:02 - Sam Okafor: IMG-20240305-WA0002.jpg (file attached)\n"
    "13/03/2024, 08:03 - Sam Okafor: VID-20240313-WA0003.mp4 (file attached)\n"
    "13/03/2024, 08:04 - Sam Okafor: <Media omitted>\n"
)
IOS = (
    "\u200e[05/03/2024, 21:14:07] Sam: \u200e<attached: 00000012-PHOTO-2024-03-05-21-14-07.jpg>\n"
    "[05/03/2024, 21:15:30] Alex: who sent this?\n"
    "[14/03/2024, 09:00:00] Sam: \u200eimage omitted\n"
)
PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg " * 40


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def android_zip() -> bytes:
    return zip_of(
        {"WhatsApp Chat with Sam Okafor.txt": ANDROID.encode(), "IMG-20240305-WA0002.jpg": PHOTO}
    )


def ios_zip() -> bytes:
    return zip_of({"_chat.txt": IOS.encode(), "00000012-PHOTO-2024-03-05-21-14-07.jpg": PHOTO})


def patch_central(data: bytes, name: str, at: int, value: bytes) -> bytes:
    """The zip with one field of `name`'s central directory entry overwritten: how a
    crafted file lies about a member's size or flags."""
    encoded = name.encode()
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        if data[start + 46 : start + 46 + len(encoded)] == encoded:
            return data[: start + at] + value + data[start + at + len(value) :]
        start += 4
    raise AssertionError(name)


def many_members(count: int) -> bytes:
    """A zip whose central directory lists `count` members (all pointing at one chat),
    written by hand because writing 100,000 members with zipfile takes seconds."""
    chat, name = ANDROID.encode(), b"_chat.txt"
    crc = zlib.crc32(chat)
    local = struct.pack(
        "<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(chat), len(chat), len(name), 0
    )
    entry = struct.Struct("<4s6H3I5H2I")
    entries = []
    for number in range(count):
        member = name if number == 0 else f"{number}.jpg".encode()
        fields = (20, 20, 0, 0, 0, 0, crc, len(chat), len(chat), len(member), 0, 0, 0, 0, 0, 0)
        entries.append(entry.pack(b"PK\x01\x02", *fields) + member)
    directory = b"".join(entries)
    head = local + name + chat
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, count & 0xFFFF, count & 0xFFFF,
        len(directory), len(head), 0,
    )  # fmt: skip
    return head + directory + end


def described(data: bytes, name: str) -> tuple[formats.Format, Facts]:
    return formats.describe(io.BytesIO(data), name)


def chosen(data: bytes, name: str) -> formats.Format:
    return formats.identify(Probe.of_bytes(data, name))


def transcript(blocks: list[formats.Block]) -> Table:
    return next(b for b in blocks if isinstance(b, Table) and b.headers[0] == "Time")


# ---- WhatsApp lines --------------------------------------------------------------------


def test_android_chat_is_read_with_senders_system_lines_and_media() -> None:
    handler, facts = described(ANDROID.encode(), "WhatsApp Chat with Sam Okafor.txt")
    assert isinstance(handler, WhatsAppText)
    assert facts.kind == "WhatsApp chat export"
    assert facts.media_type == "text/vnd.whatsapp-chat"
    assert facts.problem == ""
    assert facts.shown["messages"] == 6
    assert facts.shown["first_message"] == "2024-03-05T21:10:00"
    assert facts.shown["last_message"] == "2024-03-13T08:04:00"
    assert facts.shown["participants"] == ["Sam Okafor", "Alex"]
    assert facts.shown["date_order"] == "day/month"
    assert facts.shown["media_omitted"] == 1
    assert facts.shown["media_mentioned"] == 2
    assert facts.guesses == {"posted_at": ("2024-03-05T21:10:00", "chat")}
    assert "poster" not in facts.guesses


def test_android_12_hour_variants_and_month_first_order() -> None:
    text = (
        "3/5/24, 9:14 PM - Sam: one\n"
        "3/5/24, 9:15 pm - Alex: two\n"
        "3/5/24, 9:16\u202fPM - Sam: three\n"
        "3/14/24, 12:05\u202fAM - Alex: four\n"
    )
    messages = list(whatsapp_lines.messages(text, whatsapp_lines.date_order(text)))
    assert whatsapp_lines.date_order(text) == "month/day"
    assert [m.when.isoformat() if m.when else None for m in messages] == [
        "2024-03-05T21:14:00",
        "2024-03-05T21:15:00",
        "2024-03-05T21:16:00",
        "2024-03-14T00:05:00",
    ]
    assert [m.sender for m in messages] == ["Sam", "Alex", "Sam", "Alex"]
    assert isinstance(chosen(text.encode(), "chat.txt"), WhatsAppText)


def test_ios_lines_with_marks_seconds_and_attachments() -> None:
    _, facts = described(IOS.encode("utf-8-sig"), "_chat.txt")
    assert facts.shown["first_message"] == "2024-03-05T21:14:07"
    assert facts.shown["participants"] == ["Sam", "Alex"]
    assert facts.shown["media_mentioned"] == 1
    assert facts.shown["media_omitted"] == 1
    rows = transcript(WhatsAppText().printable(IOS.encode(), "_chat.txt")).rows
    assert rows[0] == (
        "2024-03-05 21:14",
        "Sam",
        "<attached: 00000012-PHOTO-2024-03-05-21-14-07.jpg>",
    )
    assert "\u200e" not in "".join("".join(row) for row in rows)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("05.03.24, 21:14 - Sam: hi", "2024-03-05T21:14:00"),
        ("2024-03-05, 21:14 - Sam: hi", "2024-03-05T21:14:00"),
        ("[05.03.24, 21:14:07] Sam: hi", "2024-03-05T21:14:07"),
        ("[3/5/24, 9:14:07 PM] Sam: hi", "2024-05-03T21:14:07"),  # day first, assumed
    ],
)
def test_locale_date_forms(line: str, iso: str) -> None:
    _, facts = described(line.encode(), "chat.txt")
    assert facts.shown["first_message"] == iso
    assert facts.shown["participants"] == ["Sam"]


def test_order_is_assumed_and_said_when_no_line_decides() -> None:
    text = "05/03/2024, 21:14 - Sam: hi\n06/03/2024, 10:00 - Alex: hello\n"
    _, facts = described(text.encode(), "chat.txt")
    assert facts.shown["date_order"] == "day/month (assumed)"
    assert facts.shown["first_message"] == "2024-03-05T21:14:00"
    rows = WhatsAppText().printable(text.encode(), "chat.txt")[0]
    assert isinstance(rows, Fields)
    assert ("Dates read as", "day/month (assumed)") in rows.rows


def test_one_late_line_decides_the_order_for_the_whole_file() -> None:
    text = "05/03/2024, 21:14 - Sam: hi\n" * 3 + "05/25/2024, 10:00 - Alex: later\n"
    _, facts = described(text.encode(), "chat.txt")
    assert facts.shown["date_order"] == "month/day"
    assert facts.shown["first_message"] == "2024-05-03T21:14:00"


def test_absurd_dates_keep_the_message_with_its_raw_time() -> None:
    text = (
        "31/02/2024, 21:14 - Sam: the 31st of February\n"
        "2024-13-05, 21:15 - Sam: month 13\n"
        "[5/3/24, 13:00:00 PM] Sam: hour 13 PM\n"
        "25/03/2024, 08:00 - Alex: a real day\n"
    )
    _, facts = described(text.encode(), "chat.txt")
    assert facts.shown["messages"] == 4
    assert facts.shown["first_message"] == "2024-03-25T08:00:00"
    rows = transcript(WhatsAppText().printable(text.encode(), "chat.txt")).rows
    assert [row[0] for row in rows] == [
        "31/02/2024, 21:14",
        "2024-13-05, 21:15",
        "5/3/24, 13:00:00 PM",
        "2024-03-25 08:00",
    ]


def test_system_lines_have_no_sender_even_with_a_colon() -> None:
    text = (
        '05/03/2024, 21:10 - Sam created group "Plans: June"\n'
        '05/03/2024, 21:11 - Alex changed the subject from "a" to "b: c"\n'
        "05/03/2024, 21:12 - Alex: ok: fine\n"
    )
    rows = transcript(WhatsAppText().printable(text.encode(), "chat.txt")).rows
    assert [(row[1], row[2]) for row in rows] == [
        ("", 'Sam created group "Plans: June"'),
        ("", 'Alex changed the subject from "a" to "b: c"'),
        ("Alex", "ok: fine"),
    ]


def test_recognise_needs_two_message_lines_or_a_one_line_file() -> None:
    handler = WhatsAppText()
    assert handler.recognise(Probe.of_bytes(b"05/03/2024, 21:14 - Sam: hi\n", "a.txt")) == 2
    one_then_prose = b"05/03/2024, 21:14 - a note\nsome text\nmore text\n"
    assert handler.recognise(Probe.of_bytes(one_then_prose, "a.txt")) == 0
    assert handler.recognise(Probe.of_bytes(b"hello\n05/03/2024, 21:14 - Sam: hi\n", "a")) == 0
    assert handler.recognise(Probe.of_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt")) == 0
    assert isinstance(chosen(ANDROID.encode(), "chat.txt"), WhatsAppText)


def test_printable_gives_fields_and_a_transcript_keeping_lines() -> None:
    blocks, reason = formats.printable(ANDROID.encode(), "chat.txt")
    assert reason == ""
    assert isinstance(blocks[0], Fields)
    assert blocks[0].rows[:4] == [
        ("Messages", "6"),
        ("From", "2024-03-05 21:10"),
        ("To", "2024-03-13 08:04"),
        ("People in the chat", "Sam Okafor, Alex"),
    ]
    table = transcript(blocks)
    assert table.widths == (0.2, 0.2, 0.6)
    assert table.rows[2] == ("2024-03-05 21:15", "Alex", "yes\nstill here")


def test_control_codes_never_reach_the_binder() -> None:
    text = (
        "05/03/2024, 21:14 - Sam\x1b[31m: red \x1b[2Jtext\x07\n"
        "05/03/2024, 21:15 - Al\x7f\x9bex: x\n"
    )
    _, facts = described(text.encode(), "chat.txt")
    assert facts.shown["participants"] == ["Sam[31m", "Alex"]
    cells = "".join(
        "".join(r) for r in transcript(WhatsAppText().printable(text.encode(), "c")).rows
    )
    assert not any(ord(ch) < 32 and ch != "\n" for ch in cells)


def test_people_are_bounded_in_order_of_first_appearance() -> None:
    text = "".join(f"05/03/2024, 21:14 - Person {n}: hi\n" for n in range(60))
    _, facts = described(text.encode(), "chat.txt")
    assert facts.shown["participants"] == [f"Person {n}" for n in range(50)]
    fields = WhatsAppText().printable(text.encode(), "chat.txt")[0]
    assert isinstance(fields, Fields)
    assert dict(fields.rows)["People in the chat"].endswith("Person 49 and more")


def test_transcript_is_bounded_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_summary, "MAX_ROWS", 3)
    text = "".join(f"05/03/2024, 21:{minute:02} - Sam: {minute}\n" for minute in range(10))
    blocks = WhatsAppText().printable(text.encode(), "chat.txt")
    assert len(transcript(blocks).rows) == 3
    assert isinstance(blocks[0], Fields) and blocks[0].rows[0] == ("Messages", "10")
    notice = blocks[-1]
    assert isinstance(notice, Notice) and "the rest is in the original" in notice.text


def test_invalid_utf8_keeps_the_chat_and_says_so() -> None:
    data = b"05/03/2024, 21:14 - Sam: caf\xc3\x28 ok\n05/03/2024, 21:15 - Alex: \xff\xfe\n"
    handler, facts = described(data, "chat.txt")
    assert isinstance(handler, WhatsAppText)
    assert facts.shown["messages"] == 2
    assert "\ufffd" in facts.problem
    rows = transcript(handler.printable(data, "chat.txt")).rows
    assert rows[0][2] == "caf\ufffd( ok"


def test_binary_and_too_long_texts_become_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(Unreadable, match="not text"):
        WhatsAppText().printable(b"05/03/2024, 21:14 - Sam: \x00\x01", "chat.txt")
    monkeypatch.setattr(whatsapp, "MAX_CHAT_BYTES", 100)
    handler, facts = described(ANDROID.encode(), "chat.txt")
    assert isinstance(handler, WhatsAppText)
    assert facts.problem == chat_summary.TOO_LONG
    assert formats.printable(ANDROID.encode(), "chat.txt") == (
        [Notice(chat_summary.TOO_LONG)],
        chat_summary.TOO_LONG,
    )


# ---- WhatsApp zip ----------------------------------------------------------------------


def test_android_zip_hashes_media_and_names_what_is_missing() -> None:
    handler, facts = described(android_zip(), "WhatsApp Chat with Sam Okafor.zip")
    assert isinstance(handler, WhatsAppZip)
    assert facts.kind == "WhatsApp chat export (zip)"
    assert facts.media_type == "application/vnd.whatsapp-chat+zip"
    assert facts.problem == ""
    assert facts.shown["messages"] == 6
    assert facts.shown["media"] == [
        {
            "name": "IMG-20240305-WA0002.jpg",
            "size": len(PHOTO),
            "sha256": hashlib.sha256(PHOTO).hexdigest(),
        }
    ]
    assert facts.shown["media_missing"] == ["VID-20240313-WA0003.mp4"]
    assert facts.shown["media_omitted"] == 1
    json.dumps(facts.shown)  # kept as JSON


def test_ios_zip_is_recognised_by_its_chat_txt() -> None:
    data = ios_zip()
    assert WhatsAppZip().recognise(Probe.of_bytes(data, "x.zip")) == 2
    handler, facts = described(data, "WhatsApp Chat - Sam.zip")
    assert isinstance(handler, WhatsAppZip)
    assert facts.shown["media_missing"] == []
    assert [m["name"] for m in facts.shown["media"]] == ["00000012-PHOTO-2024-03-05-21-14-07.jpg"]
    assert facts.guesses["posted_at"] == ("2024-03-05T21:14:07", "chat")


def test_zip_printable_lists_every_file_with_its_full_sha256() -> None:
    data = android_zip()
    blocks, reason = formats.printable(data, "chat.zip")
    assert reason == ""
    heading = next(i for i, b in enumerate(blocks) if isinstance(b, Heading))
    assert blocks[heading] == Heading("Files in the export")
    files = blocks[heading + 1]
    assert isinstance(files, Table) and files.headers == ("File", "Size", "SHA-256")
    assert files.rows == [
        (
            "WhatsApp Chat with Sam Okafor.txt",
            size(len(ANDROID.encode())),
            hashlib.sha256(ANDROID.encode()).hexdigest(),
        ),
        ("IMG-20240305-WA0002.jpg", size(len(PHOTO)), hashlib.sha256(PHOTO).hexdigest()),
    ]
    assert len(transcript(blocks).rows) == 6


def test_docx_like_zip_is_not_a_chat() -> None:
    data = zip_of(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w/>",
            "notes.txt": ANDROID.encode(),
        }
    )
    assert WhatsAppZip().recognise(Probe.of_bytes(data, "report.docx")) == 0
    assert not isinstance(chosen(data, "chat.zip"), WhatsAppZip)


def test_zip_without_a_chat_is_not_taken() -> None:
    data = zip_of({"notes.txt": b"just some notes\nand more\n", "a.jpg": PHOTO})
    assert WhatsAppZip().recognise(Probe.of_bytes(data, "chat.zip")) == 0


def test_chat_member_zip_bomb_is_refused_before_reading() -> None:
    data = zip_of({"_chat.txt": IOS.encode() + b" " * 5_000_000})
    assert len(data) < 100_000
    handler, facts = described(data, "chat.zip")
    assert isinstance(handler, WhatsAppZip)
    assert "zip bomb" in facts.problem
    blocks, reason = formats.printable(data, "chat.zip")
    assert "zip bomb" in reason and isinstance(blocks[0], Notice)


def test_chat_member_declaring_2_gb_is_refused_and_its_name_cleaned() -> None:
    name = "WhatsApp Chat with Sam\x1b[2J.txt"
    data = zip_of({name: IOS.encode()}, zipfile.ZIP_STORED)
    data = patch_central(data, name, 24, struct.pack("<I", 2**31))
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo(name).file_size == 2**31
    handler, facts = described(data, "chat.zip")
    assert isinstance(handler, WhatsAppZip)
    assert "too large" in facts.problem
    assert "\x1b" not in facts.problem


def test_media_bomb_and_damaged_media_are_listed_but_not_hashed() -> None:
    data = zip_of({"_chat.txt": IOS.encode(), "bomb.jpg": b"\x00" * 5_000_000, "ok.jpg": PHOTO})
    damaged = zip_of({"_chat.txt": IOS.encode(), "broken.jpg": PHOTO})
    info = zipfile.ZipFile(io.BytesIO(damaged)).getinfo("broken.jpg")
    at = info.header_offset + 30 + len("broken.jpg") + 2
    damaged = damaged[:at] + b"\xff\xff\xff\xff" + damaged[at + 4 :]
    _, facts = described(data, "chat.zip")
    assert [(m["name"], m["sha256"]) for m in facts.shown["media"]] == [
        ("bomb.jpg", ""),
        ("ok.jpg", hashlib.sha256(PHOTO).hexdigest()),
    ]
    assert "not hashed" in facts.problem
    assert facts.shown["messages"] == 3
    _, facts = described(damaged, "chat.zip")
    assert facts.shown["media"] == [{"name": "broken.jpg", "size": len(PHOTO), "sha256": ""}]


def test_encrypted_chat_member_is_not_taken_and_does_not_raise() -> None:
    data = patch_central(ios_zip(), "_chat.txt", 8, struct.pack("<H", 1))
    assert WhatsAppZip().recognise(Probe.of_bytes(data, "chat.zip")) == 0
    handler, _ = described(data, "chat.zip")
    assert not isinstance(handler, WhatsAppZip)
    with pytest.raises(Unreadable):
        WhatsAppZip().printable(data, "chat.zip")


def test_a_zip_of_100000_members_is_not_opened() -> None:
    assert isinstance(chosen(many_members(3), "chat.zip"), WhatsAppZip)  # the builder works
    data = many_members(100_000)
    handler, facts = described(data, "chat.zip")
    assert not isinstance(handler, WhatsAppZip)
    assert facts.shown == {}
    blocks, _ = formats.printable(data, "chat.zip")
    assert all(isinstance(b, Notice) for b in blocks)


def test_a_zip_whose_end_record_claims_too_many_members_is_not_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = many_members(MAX_ZIP_MEMBERS + 1)
    assert claimed_members(io.BytesIO(data), len(data)) == MAX_ZIP_MEMBERS + 1

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the listing was read")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    assert Probe.of_bytes(data, "chat.zip").zip() is None


# ---- Telegram --------------------------------------------------------------------------

TELEGRAM = {
    "name": "Sam Okafor",
    "type": "personal_chat",
    "id": 4321,
    "messages": [
        {
            "id": 1,
            "type": "message",
            "date": "2024-03-05T21:14:07",
            "from": "Sam Okafor",
            "text": "hi",
        },
        {
            "id": 2,
            "type": "message",
            "date": "2024-03-05T21:15:00",
            "from": "Alex",
            "text": ["see ", {"type": "link", "text": "https://example.org"}, {"type": "bold"}, 7],
        },
        {
            "id": 3,
            "type": "service",
            "date": "2024-03-05T21:16:00",
            "actor": "Sam Okafor",
            "action": "phone_call",
            "text": "",
        },
        {
            "id": 4,
            "type": "message",
            "date": "2024-02-31T10:00:00",
            "from": None,
            "text": {"odd": 1},
        },
        {"id": 5, "type": "message", "date": 1709673247, "from": 99, "text": 42},
        {
            "id": 6,
            "type": "message",
            "date": "2024-03-06T08:00:00",
            "from": "Alex",
            "photo": "photos/photo_1.jpg",
            "text": "look",
        },
        "not a message",
        17,
    ],
}


def test_telegram_export_is_read() -> None:
    data = json.dumps(TELEGRAM, indent=1).encode()
    handler, facts = described(data, "result.json")
    assert isinstance(handler, TelegramJson)
    assert facts.kind == "Telegram chat export"
    assert facts.media_type == "application/vnd.telegram-chat+json"
    assert facts.shown["messages"] == 6
    assert facts.shown["participants"] == ["Sam Okafor", "Alex"]
    assert facts.shown["first_message"] == "2024-03-05T21:14:07"
    assert facts.shown["last_message"] == "2024-03-06T08:00:00"
    assert facts.shown["chat_name"] == "Sam Okafor"
    assert facts.shown["media_mentioned"] == 1
    assert facts.guesses == {"posted_at": ("2024-03-05T21:14:07", "chat")}
    blocks, reason = formats.printable(data, "result.json")
    assert reason == ""
    assert transcript(blocks).rows == [
        ("2024-03-05 21:14", "Sam Okafor", "hi"),
        ("2024-03-05 21:15", "Alex", "see https://example.org"),
        ("2024-03-05 21:16", "Sam Okafor", "(phone call)"),
        ("2024-02-31T10:00:00", "", ""),
        ("", "", ""),
        ("2024-03-06 08:00", "Alex", "look\n[photo: photos/photo_1.jpg]"),
    ]


def test_telegram_is_recognised_by_its_messages_marks_without_a_chat_type() -> None:
    message = {"type": "message", "date": "2024-03-05T21:14:07", "from": "A", "text": "x"}
    chat = {"name": "Group", "messages": [{**message, "date_unixtime": "1709673247"}]}
    assert TelegramJson().recognise(Probe.of_bytes(json.dumps(chat).encode(), "x.json")) == 2
    chat = {"name": "Group", "messages": [{**message, "from_id": "user1"}]}
    assert TelegramJson().recognise(Probe.of_bytes(json.dumps(chat).encode(), "x.json")) == 2
    # `from`, `text` and `date` alone are any app's: not Telegram's marks.
    chat = {"name": "Group", "messages": [message]}
    assert TelegramJson().recognise(Probe.of_bytes(json.dumps(chat).encode(), "x.json")) == 0
    other = json.dumps({"messages": ["hello"], "version": 2}).encode()
    assert TelegramJson().recognise(Probe.of_bytes(other, "result.json")) == 0
    assert TelegramJson().recognise(Probe.of_bytes(b"[1, 2]", "result.json")) == 0


def test_a_long_telegram_export_is_counted_past_what_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(telegram, "MAX_WALKED", 4)
    monkeypatch.setattr(chat_summary, "MAX_ROWS", 3)
    late = {"type": "message", "date": "2024-04-01T09:00:00", "from": "Late", "text": "x"}
    messages = TELEGRAM["messages"]
    assert isinstance(messages, list)
    chat = {**TELEGRAM, "messages": [*messages, late, "not a message", {"a": 0}]}
    data = json.dumps(chat).encode()
    facts = described(data, "result.json")[1]
    assert facts.shown["messages"] == 8
    assert facts.shown["participants"] == ["Sam Okafor", "Alex"]  # Late is past the four
    assert facts.shown["last_message"] == "2024-04-01T09:00:00"
    sentence = "The people and files named are from the first 4 messages only; all 8 are counted."
    assert facts.problem == sentence
    blocks, reason = formats.printable(data, "result.json")
    assert reason == ""
    assert len(transcript(blocks).rows) == 3
    assert blocks[-1] == Notice(sentence)
    assert Notice("Only the first 3 messages are printed here; the rest is in the original.") in (
        blocks
    )


def test_a_telegram_export_of_too_many_values_is_refused_before_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(telegram, "MAX_JSON_CONTAINERS", 10)
    data = json.dumps(TELEGRAM).encode()
    assert described(data, "result.json")[1].problem == telegram.TOO_MANY_VALUES
    assert formats.printable(data, "result.json")[1] == telegram.TOO_MANY_VALUES


def test_reading_json_leaves_the_cycle_collector_as_it_was() -> None:
    assert gc.isenabled()
    assert telegram.load_json(b"[{}]") == [{}]
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(ValueError):
            telegram.load_json(b"[")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_telegram_nested_100000_deep_is_a_sentence() -> None:
    data = (
        b'{"name": "x", "type": "personal_chat", "messages": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}"
    )
    handler, facts = described(data, "result.json")
    assert isinstance(handler, TelegramJson)
    assert facts.problem == "It nests too deeply to be a chat export."
    _, reason = formats.printable(data, "result.json")
    assert reason == facts.problem


def test_telegram_damaged_or_wrongly_shaped_json_is_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cut = json.dumps(TELEGRAM).encode()[:200]
    assert "not valid JSON" in described(cut, "result.json")[1].problem
    shaped = b'{"name": "x", "type": "personal_chat", "messages": {"date": 1}}'
    assert "no list of messages" in described(shaped, "result.json")[1].problem
    huge_number = b'{"type": "personal_chat", "messages": [' + b"9" * 5000 + b"]}"
    assert "not valid JSON" in described(huge_number, "result.json")[1].problem
    monkeypatch.setattr(telegram, "MAX_CHAT_BYTES", 100)
    too_long = described(json.dumps(TELEGRAM).encode(), "result.json")[1].problem
    assert too_long == chat_summary.TOO_LONG


# ---- the registry never raises ---------------------------------------------------------

HOSTILE: dict[str, tuple[bytes, type[formats.Format] | None]] = {
    "bomb.zip": (zip_of({"_chat.txt": IOS.encode() + b" " * 2_000_000}), WhatsAppZip),
    "lying.zip": (
        patch_central(
            zip_of({"_chat.txt": IOS.encode()}, zipfile.ZIP_STORED),
            "_chat.txt",
            24,
            b"\xff\xff\xff\x7f",
        ),
        WhatsAppZip,
    ),
    "cut.zip": (android_zip()[:300], None),
    "chat.txt": (b"05/03/2024, 21:14 - Sam: \xc3\x28\n" * 3 + bytes(range(1, 256)), WhatsAppText),
    "deep.json": (b'{"type": "personal_chat", "messages": ' + b"[" * 100_000, TelegramJson),
    "absurd.txt": (b"99/99/9999, 99:99 - Sam: x\n00/00/0000, 00:00 - Sam: y\n", WhatsAppText),
    "empty.txt": (b"", None),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_registry_answers_every_hostile_file(name: str) -> None:
    data, expected = HOSTILE[name]
    handler, facts = formats.describe(io.BytesIO(data), name)
    if expected is None:
        assert handler not in chats.HANDLERS
    else:
        assert isinstance(handler, expected)
        assert facts.problem or facts.shown["first_message"] is None
    assert isinstance(facts, Facts)
    assert formats.preview(data, name) is None
    blocks, reason = formats.printable(data, name)
    assert blocks
    if reason:
        assert reason.endswith(".") and "\n" not in reason
