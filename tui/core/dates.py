"""Reading dates and times the person types for an exhibit (`--posted-at` and the like).

What the person knows is kept at the precision they gave: a day stays a day
(`2024-03-05`), a time stays to the minute (`2024-03-05T21:14`) or second.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tui.core.clock import utc_now
from tui.core.errors import InputError

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$")
HINT = "Use a date like 2024-03-05, or a date and time like 2024-03-05 21:14."


def parse_when(text: str, *, future: bool = False) -> str:
    """Normalise `text` to ISO 8601 at the precision given, or raise InputError. Past
    events can't be in the future; plans (`future=True`, a follow-up date) can."""
    cleaned = " ".join(text.strip().split())
    if match := _DATE.match(cleaned):
        moment = _build(cleaned, *match.groups())
        result = moment.date().isoformat()
    elif match := _DATETIME.match(cleaned):
        moment = _build(cleaned, *match.groups())
        spec = "seconds" if match.group(6) else "minutes"
        result = moment.isoformat(timespec=spec)
    else:
        raise InputError(f'"{text}" is not a date Reclaim can read. {HINT}')
    if not future and moment.date() > (utc_now() + timedelta(days=1)).date():
        raise InputError(f"{cleaned} is in the future. {HINT}")
    return result


def _build(cleaned: str, *parts: str | None) -> datetime:
    numbers = [int(part) for part in parts if part is not None]
    try:
        return datetime(*numbers)  # type: ignore[arg-type]
    except ValueError:
        raise InputError(f"{cleaned} is not a real date or time. {HINT}") from None
