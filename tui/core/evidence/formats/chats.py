"""Chat exports a person can make herself: WhatsApp's "Export chat" (a .txt, or a .zip
with the media files; see `whatsapp`) and Telegram Desktop's `result.json` (see
`telegram`). This module is what the registry asks: their handlers, most specific first."""

from __future__ import annotations

from tui.core.evidence.formats.base import Format
from tui.core.evidence.formats.telegram import TelegramJson
from tui.core.evidence.formats.whatsapp import WhatsAppText, WhatsAppZip

HANDLERS: list[Format] = [WhatsAppZip(), WhatsAppText(), TelegramJson()]
