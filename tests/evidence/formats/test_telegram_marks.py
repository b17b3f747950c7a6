"""A JSON file is a Telegram export only by Telegram's own marks, and what an export
holds beyond what the binder prints is named in a line, never left out in silence."""

from __future__ import annotations

import io
import json

from tests.evidence.formats import kinds_samples as ks
from tui.core.evidence import formats
from tui.core.evidence.formats.base import Notice, Text

OTHER_APP = {
    "messages": [{"from": "a", "text": "hola", "date": "2024-03-05T21:14:00"}],
    "nota": "ñ 中文",
}


def test_json_with_messages_from_another_app_is_json_printed_whole():
    data = json.dumps(OTHER_APP, ensure_ascii=False).encode()
    handler, facts = formats.describe(io.BytesIO(data), "export.json")
    assert type(handler).__name__ == "Json"
    assert facts.kind == "JSON data"
    blocks, reason = formats.printable(data, "export.json")
    assert reason == ""
    printed = "\n".join(block.text for block in blocks if isinstance(block, Text))
    assert '"nota": "ñ 中文"' in printed and '"text": "hola"' in printed


def test_a_telegram_chat_export_names_the_fields_it_does_not_print():
    chat = {
        "name": "Sam",
        "type": "personal_chat",
        "id": 4321,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2024-03-05T21:14:00",
                "date_unixtime": "1709673240",
                "from": "Sam",
                "from_id": "user4321",
                "text": "hola",
            }
        ],
        "nota": "ñ 中文",
        "\x1b[2Jpinned": [],
    }
    data = json.dumps(chat, ensure_ascii=False).encode()
    _handler, facts = formats.describe(io.BytesIO(data), "result.json")
    assert facts.kind == "Telegram chat export"
    blocks, reason = formats.printable(data, "result.json")
    assert reason == ""
    assert blocks[-1] == Notice(
        "The export also holds 2 fields not printed here: nota and [2Jpinned. "
        "They are in the original."
    )
    alone = {key: value for key, value in chat.items() if key != "\x1b[2Jpinned"}
    blocks, _ = formats.printable(json.dumps(alone).encode(), "result.json")
    assert blocks[-1] == Notice(
        "The export also holds 1 field not printed here: nota. It is in the original."
    )
    plain = {key: value for key, value in alone.items() if key != "nota"}
    blocks, _ = formats.printable(json.dumps(plain).encode(), "result.json")
    assert not any(isinstance(block, Notice) for block in blocks)


def test_a_telegram_account_export_names_the_fields_it_does_not_print():
    account = json.loads(ks.telegram_account())
    account = {"about": "Telegram's note", **account, "contacts": {"list": []}}
    data = json.dumps(account).encode()
    assert type(formats.describe(io.BytesIO(data), "result.json")[0]).__name__ == (
        "TelegramAccount"
    )
    blocks, reason = formats.printable(data, "result.json")
    assert reason == ""
    assert blocks[-1] == Notice(
        "The export also holds 2 fields not printed here: personal_information and "
        "contacts. They are in the original."
    )
