"""Signal's chat exported as text (by Signal's desktop export tools): one line a message,
`[2019-12-24, 12:23] Jane Doe: Hello`, a day written year first and a time without
seconds. WhatsApp's export on an iPhone looks alike but writes the day with slashes or
dots and the time with seconds, so the two are told apart by the first lines. The lines
are read as WhatsApp's are (`whatsapp_lines`), which takes this form too."""

from __future__ import annotations

import itertools
import re

from tui.core.evidence.formats.base import Probe, decode_text
from tui.core.evidence.formats.whatsapp import WhatsAppText
from tui.core.shared.i18n import N_

_SIGNAL_LINE = re.compile(r"\[\d{4}-\d{2}-\d{2}, \d{1,2}:\d{2}\] [^:\n]{1,200}: ")


class SignalText(WhatsAppText):
    kind = N_("Signal chat export")
    media_type = "text/vnd.signal-chat"

    def recognise(self, probe: Probe) -> int:
        text = decode_text(probe.head)
        if text is None or not super().recognise(probe):
            return 0
        lines = text.lstrip("\ufeff").splitlines()
        first = list(itertools.islice((line for line in lines if line.strip()), 10))
        if not first or not _SIGNAL_LINE.match(first[0]):
            return 0
        return 2 if len(first) == 1 or sum(bool(_SIGNAL_LINE.match(x)) for x in first) >= 2 else 0
