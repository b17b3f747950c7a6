"""Reading the dates a person types outside the timeline (a takedown's dates, a letter's;
exhibits are in tests/shared/test_dates_names_exports.py): as forgivingly as the timeline."""

import pytest

from tui.core.shared.dates import parse_when
from tui.core.shared.errors import InputError


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05 21:14", "2024-03-05T21:14"),
        ("2024-03-05T21:14", "2024-03-05T21:14"),
        ("2024-03-05 21:14:09", "2024-03-05T21:14:09"),
        ("  2024-03-05   21:14 ", "2024-03-05T21:14"),
        ("2024-02-29", "2024-02-29"),
        ("5 March 2024", "2024-03-05"),
        ("2024-3-5", "2024-03-05"),
        ("March 5, 2024 at 21:14", "2024-03-05T21:14"),
    ],
)
def test_dates_are_kept_at_the_precision_given(typed: str, kept: str):
    assert parse_when(typed) == kept


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2023-02-29", "not a real date"),
        ("2024-04-31", "not a real date"),
        ("2024-03-05 24:00", "not a real date"),
        ("2024-03-05 21:60", "not a real date"),
        ("last spring", "not a date Reclaim can read"),
        ("", "When did it happen?"),
        ("March 2024", "not exact enough"),
        ("about 5 March 2024", "not exact enough"),
        ("2999-01-01", "in the future"),
    ],
)
def test_impossible_or_unreadable_dates_are_refused_plainly(typed: str, reason: str):
    with pytest.raises(InputError, match=reason) as refused:
        parse_when(typed)
    assert "2024-03-05 21:14" in str(refused.value), "the message shows what to type"
