"""Reading the dates a person types outside the timeline: an exhibit's "when it was
posted" and "when you captured it", a takedown's sent and follow-up dates, a letter's
respond-by date.

Every one is read as the timeline reads its dates (`fuzzy_dates.When`): "5 March 2024",
"March 5, 2024 at 21:14", "2024-03-05 21:14", "March 2024", "about 2023". A person who
can type a date in one place can type it the same way in every other, and an ambiguous
`03/05/2024` is asked back in the same sentence.

What the person knows is kept at the precision they gave: a day stays a day
(`2024-03-05`), a time stays to the minute (`2024-03-05T21:14`) or second, and, for an
exhibit, a month stays a month (`2024-03`) and "about 2023" stays an estimate (`2023~`).
"""

from __future__ import annotations

from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import When
from tui.core.shared.i18n import _


def parse_rough(text: str) -> str:
    """An exhibit's date at whatever precision the person knows it, in the form exhibits
    keep (`When.edtf`: `2024-03-05T21:14`, `2024-03-05`, `2024-03`, `2023~`), which
    sorts in time order as text and reads back through `When.parse`. Raise InputError
    with the timeline's sentence for anything unreadable, impossible or in the future."""
    return When.parse(text).edtf()


def parse_when(text: str, *, future: bool = False) -> str:
    """A day, or a day and time, as ISO 8601 (`2024-03-05`, `2024-03-05T21:14`), or
    raise InputError. Past events can't be in the future; plans (`future=True`, a
    follow-up date) can.

    For what is worked out from the date (a takedown's 48-hour deadline counts from when
    it was sent; a letter names the day to respond by) a month or an estimate won't do,
    so they are asked for more plainly rather than guessed into a false day."""
    when = When.parse(text, future=future)
    if when.about or when.day is None:
        raise InputError(
            _(
                "{date} is not exact enough here: give the day, "
                'like "5 March 2024" or "2024-03-05 21:14".'
            ).format(date=when.text())
        )
    return when.edtf()
