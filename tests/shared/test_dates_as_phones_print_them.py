"""Dates written the way phones and mail print them are read, in every language
Reclaim speaks (w3: all were refused): a leading weekday ("mardi 5 mars 2024"),
French spaced hours ("21 h 14"), a 12-hour clock ("9:14 p. m.") and "05-03-2024" like
"05/03/2024". What was read before means what it meant."""

from __future__ import annotations

import pytest

from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import When
from tui.core.shared.i18n import speaking


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("mardi 5 mars 2024", "2024-03-05"),
        ("martes 5 de marzo de 2024", "2024-03-05"),
        ("martes, 5 de marzo de 2024", "2024-03-05"),
        ("Tuesday, 5 March 2024", "2024-03-05"),
        ("Tue, 5 Mar 2024", "2024-03-05"),
        ("mié., 6 de marzo de 2024", "2024-03-06"),
        ("le mardi 5 mars 2024 à 21h14", "2024-03-05T21:14"),
        ("5 mars 2024 à 21 h 14", "2024-03-05T21:14"),
        ("5 de marzo de 2024, 9:14 p. m.", "2024-03-05T21:14"),
        ("5 de marzo de 2024, 9:14 a. m.", "2024-03-05T09:14"),
        ("5 de marzo de 2024, 12:30 a. m.", "2024-03-05T00:30"),
        ("March 5, 2024 9:14 pm", "2024-03-05T21:14"),
        ("5 March 2024 12:05 PM", "2024-03-05T12:05"),
        ("13-03-2024", "2024-03-13"),
    ],
)
@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_dates_as_phones_print_them_are_read(typed: str, stored: str, code: str) -> None:
    with speaking(code):
        assert When.parse(typed).stored() == stored


def test_a_dashed_day_and_month_is_asked_about_as_a_slashed_one() -> None:
    with pytest.raises(InputError, match="5 March or 3 May"):
        When.parse("05-03-2024")


def test_a_weekday_before_no_day_is_refused_as_before() -> None:
    with speaking("fr"), pytest.raises(InputError, match="mercredi"):
        When.parse("mercredi 2024")


def test_an_hour_past_twelve_on_a_twelve_hour_clock_is_no_real_time() -> None:
    with pytest.raises(InputError, match="not a real date or time"):
        When.parse("5 March 2024 13:00 pm")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Mar 5, 2024", "2024-03-05"),  # "mar" is March, never Tuesday
        ("5 mar 2024", "2024-03-05"),
        ("mar 2024", "2024-03"),
        ("2024-03-05 21:14", "2024-03-05T21:14"),
        ("2024-03-05T21:14:09", "2024-03-05T21:14:09"),
        ("5 mars 2024 à 21h14", "2024-03-05T21:14"),
        ("25.3.2024 9.14", "2024-03-25T09:14"),
        ("25/12/2023", "2023-12-25"),
        ("hacia 2023", "~2023"),
        ("2024-03~", "~2024-03"),
        ("5 de marzo de 2024 a las 21:14", "2024-03-05T21:14"),
    ],
)
def test_what_was_read_before_means_the_same(typed: str, stored: str) -> None:
    assert When.parse(typed).stored() == stored
