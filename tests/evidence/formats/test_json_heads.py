"""`json_head_has`: the one probe Instagram's and Telegram's JSON exports are told by."""

from __future__ import annotations

import json

from tui.core.evidence.formats.base import Probe, json_head_has
from tui.core.evidence.formats.instagram import InstagramJson
from tui.core.evidence.formats.telegram import TelegramAccount, TelegramJson


def probe(text: str, name: str = "x.json") -> Probe:
    return Probe.of_bytes(text.encode(), name)


def test_the_head_must_be_an_object_naming_every_key():
    head = '  {"messages": [], "chats": {"list": []}}'
    assert json_head_has(probe(head), "messages", "chats") == head
    assert json_head_has(probe(head)) == head  # no key asked: any JSON object
    assert json_head_has(probe(head), "messages", "title") is None  # one missing
    assert json_head_has(probe('["messages", "chats"]'), "messages") is None  # a list
    assert json_head_has(probe("messages: chats"), "messages") is None  # not JSON
    assert json_head_has(Probe.of_bytes(b"\x00\xff{\x00", "x.bin")) is None  # not text


def test_each_export_is_told_by_its_own_keys():
    instagram = {"participants": [], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}
    telegram = {"name": "A", "type": "personal_chat", "messages": [{"date": "x"}]}
    account = {"personal_information": {}, "chats": {"list": [telegram]}}
    found = {
        kind: [bool(handler.recognise(probe(json.dumps(data)))) for handler in (
            InstagramJson(), TelegramJson(), TelegramAccount()
        )]
        for kind, data in (("instagram", instagram), ("telegram", telegram), ("account", account))
    }  # fmt: skip
    assert found["instagram"] == [True, False, False]
    assert found["telegram"] == [False, True, False]
    assert found["account"][2] is True
