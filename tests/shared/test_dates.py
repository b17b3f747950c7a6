"""Reading the dates a person types outside the timeline (an exhibit's, a takedown's, a
letter's): as forgivingly as the timeline, kept at the precision given, and a vague date
sorted in time order wherever exhibits are ordered."""

from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.binder.choices import BinderChoices, chosen_exhibits
from tui.core.evidence.adding import add_file
from tui.core.evidence.completeness import assess
from tui.core.evidence.model import clean_details, list_exhibits
from tui.core.shared.dates import parse_rough, parse_when
from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import When
from tui.core.vault.vault import Vault
from tui.screens.evidence_rows import SORTS


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


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024 at 21:14", "2024-03-05T21:14"),
        ("5th Mar 2024 21:14", "2024-03-05T21:14"),
        ("2024-03-05 21:14", "2024-03-05T21:14"),
        ("2024-03-05T21:14:09", "2024-03-05T21:14:09"),
        ("2024-03-05 21:14:00", "2024-03-05T21:14:00"),
        ("25/03/2024", "2024-03-25"),
        ("March 2024", "2024-03"),
        ("2023", "2023"),
        ("about 2023", "2023~"),
        ("around March 2024", "2024-03~"),
        ("about 5 March 2024", "2024-03-05~"),
    ],
)
def test_exhibit_dates_are_read_like_the_timeline_and_kept_at_their_precision(
    typed: str, kept: str
) -> None:
    assert clean_details({"posted_at": typed, "captured_at": typed}) == {
        "posted_at": kept,
        "captured_at": kept,
    }
    assert clean_details({"posted_at": kept}) == {"posted_at": kept}, "reads back as itself"
    assert When.from_stored(kept) == When.parse(typed)


@pytest.mark.parametrize("typed", ["03/05/2024", "5 Marc 2024", "last spring", "2024-02-30"])
def test_an_exhibit_date_is_asked_back_in_the_timelines_words(typed: str) -> None:
    with pytest.raises(InputError) as timeline:
        When.parse(typed)
    with pytest.raises(InputError) as exhibit:
        clean_details({"posted_at": typed})
    assert str(exhibit.value) == str(timeline.value)


@pytest.mark.parametrize("typed", ["2999", "December 2999", "about 2999", "1 January 2999"])
def test_future_dates_are_still_refused(typed: str) -> None:
    with pytest.raises(InputError, match="is in the future"):
        clean_details({"captured_at": typed})


def test_the_timeline_takes_an_iso_time_as_exhibits_keep_it() -> None:
    assert When.parse("2024-03-05T21:14").stored() == "2024-03-05T21:14"
    assert When.parse("2024-03~").text() == "about March 2024"


def test_dates_worked_from_need_a_day_but_are_typed_the_same_way() -> None:
    assert parse_when("5 March 2024 at 21:14") == "2024-03-05T21:14"
    assert parse_when("1 December 2999", future=True) == "2999-12-01"
    with pytest.raises(InputError, match="not exact enough"):
        parse_when("March 2024")
    assert parse_rough("March 2024") == "2024-03"


def test_vague_dates_sort_in_time_order_wherever_exhibits_are_ordered(
    vault: Vault, tmp_path: Path
) -> None:
    typed = [  # (posted, captured), added out of order
        ("about 2023", "2024-01-02"),
        ("5 March 2024 21:14", ""),
        ("March 2024", ""),
        ("", "2024-03-05"),
        ("2024", ""),
        ("2023-12-31 23:59", ""),
        ("", ""),
        ("about March 2024", ""),
    ]
    for number, (posted, captured) in enumerate(typed):
        png = make_png(tmp_path / f"{number}.png", size=(10 + number, 10))
        add_file(vault, png, {"posted_at": posted, "captured_at": captured})
    by_time = chosen_exhibits(vault, BinderChoices(order="time"))
    assert [e.posted_at or e.captured_at or "-" for e in by_time] == [
        "2023-12-31T23:59",
        "2023~",  # about 2023: after what is known exactly in 2023
        "2024",
        "2024-03",
        "2024-03-05",
        "2024-03-05T21:14",
        "2024-03~",
        "-",  # undated last, as before
    ]
    table = sorted(list_exhibits(vault), key=SORTS["captured"][1])
    assert [e.captured_at for e in table][:2] == ["2024-01-02", "2024-03-05"]
    vague = next(e for e in list_exhibits(vault) if e.posted_at == "2024-03")
    assert "posted_at" not in assess(vague).missing, "a month is a date given"
