"""Chat exports a person can make herself: WhatsApp's "Export chat" (a .txt, or a .zip
with the media files; see `whatsapp`), Telegram Desktop's `result.json`, of one chat or
of the whole account (see `telegram`), Signal's text export (`signal_text`), and
Instagram's (or Messenger's) JSON conversation (`instagram`). This module is what the
registry asks: their handlers, most specific first."""

from __future__ import annotations

from tui.core.evidence.formats.base import Format
from tui.core.evidence.formats.instagram import InstagramJson
from tui.core.evidence.formats.signal_text import SignalText
from tui.core.evidence.formats.telegram import TelegramAccount, TelegramJson
from tui.core.evidence.formats.whatsapp import WhatsAppText, WhatsAppZip

HANDLERS: list[Format] = [
    WhatsAppZip(),
    SignalText(),
    WhatsAppText(),
    TelegramAccount(),
    TelegramJson(),
    InstagramJson(),
]
