"""Instagram's JSON chat export (issue 27: it was printed as JSON): recognised as a chat,
read oldest first on the local clock, Meta's UTF-8-as-Latin-1 text put right, files,
links and reactions named. Every export is made here; the corpus's, when present."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tui.core.evidence import formats
from tui.core.evidence.formats.base import Fields, Notice, Table, Unreadable
from tui.core.evidence.formats.instagram import InstagramJson

CORPUS = Path("/work/shared/corpus/chats/chat-miner/test/instagram/test_export.json")


def meta(text: str) -> str:
    """Text as Meta's download writes it: each UTF-8 byte as a Latin-1 character."""
    return text.encode().decode("latin-1")


def export(**more: Any) -> bytes:
    """A conversation as `messages/inbox/<thread>/message_1.json` holds it, newest first."""
    chat = {
        "participants": [{"name": meta("Zoë Müller")}, {"name": "sam.ok"}],
        "messages": [
            {
                "sender_name": "sam.ok",
                "timestamp_ms": 1709672400000,  # 2024-03-05 21:00 UTC
                "content": meta("Everyone will see it 😈 — délai 24 h"),
                "photos": [{"uri": "messages/inbox/sam_123/photos/you.jpg"}],
                "reactions": [{"reaction": meta("😢"), "actor": meta("Zoë Müller")}],
            },
            {
                "sender_name": meta("Zoë Müller"),
                "timestamp_ms": 1709668800000,  # 2024-03-05 20:00 UTC
                "content": "Please delete it",
                "share": {"link": "https://www.instagram.com/p/abc/"},
            },
        ],
        "title": meta("Zoë & Sam"),
        "is_still_participant": True,
        "thread_path": "inbox/sam_123",
        **more,
    }
    return json.dumps(chat, indent=2).encode()


def test_a_conversation_is_a_chat_not_json(new_york: None):
    handler, facts = formats.describe(io.BytesIO(export()), "message_1.json")
    assert isinstance(handler, InstagramJson)
    assert facts.kind == "Instagram or Messenger chat export"
    assert facts.guesses["posted_at"] == ("2024-03-05T15:00:00", "chat")  # the oldest
    assert facts.shown["messages"] == 2
    assert facts.shown["last_message"] == "2024-03-05T16:00:00"
    assert facts.shown["participants"] == ["Zoë Müller", "sam.ok"]
    assert facts.shown["chat_name"] == "Zoë & Sam"
    assert facts.problem is None or facts.problem == ""


def test_the_transcript_is_oldest_first_with_text_put_right(new_york: None):
    blocks = InstagramJson().printable(export(), "message_1.json")
    fields = dict(next(b for b in blocks if isinstance(b, Fields)).rows)
    assert fields["Chat"] == "Zoë & Sam" and fields["People in the chat"] == "Zoë Müller, sam.ok"
    rows = next(b for b in blocks if isinstance(b, Table)).rows
    assert [row[:2] for row in rows] == [
        ("2024-03-05 15:00", "Zoë Müller"),
        ("2024-03-05 16:00", "sam.ok"),
    ]
    assert rows[0][2] == "Please delete it\nhttps://www.instagram.com/p/abc/"
    assert rows[1][2] == (
        "Everyone will see it 😈 — délai 24 h\n"
        "[photo: messages/inbox/sam_123/photos/you.jpg]\n"
        "(reaction 😢 from Zoë Müller)"
    )


def test_plain_json_with_messages_stays_json():
    data = json.dumps({"messages": [{"text": "hi", "id": 1}]}).encode()
    handler, _facts = formats.describe(io.BytesIO(data), "data.json")
    assert handler.kind == "JSON data"


def test_odd_values_are_left_out_not_fatal(new_york: None):
    data = export(messages=[
        {"sender_name": 7, "timestamp_ms": "soon", "content": ["x"]},
        {"sender_name": "a", "timestamp_ms": 10**20, "content": "far"},
        {"sender_name": "b", "timestamp_ms": True, "content": "\x1b[31mred"},
        "not a message",
    ])  # fmt: skip
    blocks = InstagramJson().printable(data, "message_1.json")
    rows = next(b for b in blocks if isinstance(b, Table)).rows
    assert [(row[0], row[1]) for row in rows] == [("", ""), ("", "a"), ("", "b")]
    assert "\x1b" not in rows[2][2]
    with pytest.raises(Unreadable):
        InstagramJson().printable(b'{"messages": 3, "sender_name": 1, "timestamp_ms": 2}', "m")


def test_an_export_with_no_messages_says_so():
    blocks = InstagramJson().printable(export(messages=[]), "message_1.json")
    assert isinstance(blocks[-1], Notice)


@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared corpus is not on this machine")
def test_the_corpus_export_is_a_chat():
    handler, facts = formats.describe(io.BytesIO(CORPUS.read_bytes()), CORPUS.name)
    assert isinstance(handler, InstagramJson)
    assert facts.shown["messages"] == 2
    assert facts.shown["participants"] == ["Jane Doe", "John Doe"]
