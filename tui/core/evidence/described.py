"""An exhibit's description as it is shown: the words Reclaim wrote itself, in the
language spoken when it wrote them ("Stitched from E-0001, E-0002"), are said again in
the language spoken now; the person's own words are shown as they wrote them."""

from __future__ import annotations

import re

from tui.core.shared.i18n import LANGUAGES, N_, _, speaking

#: What a stitched exhibit is described as, unless the person said (`stitch`).
STITCHED = N_("Stitched from {exhibits}")
_IDS = r"(E-\d{4,}(?:, E-\d{4,})*)"


def said_description(text: str) -> str:
    """`text` in the language spoken when it is a description Reclaim wrote, in any
    language it speaks; any other text as it is."""
    if not text:
        return text
    for code in LANGUAGES:
        with speaking(code):
            written = _(STITCHED)
        head, _marker, tail = written.partition("{exhibits}")
        found = re.fullmatch(re.escape(head) + _IDS + re.escape(tail), text.strip())
        if found:
            return _(STITCHED).format(exhibits=found.group(1))
    return text
