"""What the read words show, from readings made by hand (no recogniser needed): dates as
English, Spanish and French phones write them; relative times and a status-bar clock
said, never taken for a date; handles that are not e-mail addresses; the sentence."""

from __future__ import annotations

import pytest

from tui.core.evidence.reading.model import Line, PictureText, Reading
from tui.core.evidence.reading.shows import find_date, what_it_shows
from tui.core.shared import i18n


def reading(*texts: str, top: tuple[str, ...] = (), source: str = "picture") -> Reading:
    """A 1170 x 2532 screenshot: `top` in its status bar, then `texts` line by line."""
    lines = [Line(text, (40, 40, 300, 90), 0.99) for text in top]
    lines += [
        Line(text, (40, 300 + 80 * n, 900, 350 + 80 * n), 0.99) for n, text in enumerate(texts)
    ]
    return Reading(
        "test", "2026-12-07T16:00:00Z", (PictureText(source, 1170, 2532, tuple(lines)),)
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("5 March 2024 21:14", "2024-03-05T21:14"),
        ("Posted 5 March 2024 at 21:14", "2024-03-05T21:14"),
        ("05/03/2024", "2024-03-05"),
        ("12/25/2023", "2023-12-25"),  # only month-first can read so
        ("Mar 5, 2024 at 9:14 PM", "2024-03-05T21:14"),
        ("March 5, 2024, 12:05 AM", "2024-03-05T00:05"),
        ("5 mars 2024", "2024-03-05"),
        ("le 5 mars 2024 à 21 h 14", "2024-03-05T21:14"),
        ("1er février 2024", "2024-02-01"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("5 de marzo de 2024, 21:14", "2024-03-05T21:14"),
        ("2024-03-05T21:14", "2024-03-05T21:14"),
    ],
)
def test_dates_as_phones_write_them(text: str, iso: str):
    found = find_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize(
    "text", ["2h", "Yesterday", "hace 3 días", "il y a 2 h", "March 5", "31/02/2024", "9:41"]
)
def test_what_is_no_date(text: str):
    assert find_date(text) is None


def test_the_sentence_of_a_post_screenshot():
    shows = what_it_shows(
        reading("@jordan_m_1987", "5 March 2024 21:14", "https://instagram.com/p/Cx9dkL2"), {}
    )
    assert shows.found == {
        "handle": "@jordan_m_1987",
        "posted_at": "5 March 2024 21:14",
        "address": "https://instagram.com/p/Cx9dkL2",
    }
    assert shows.values == {
        "poster": "@jordan_m_1987",
        "posted_at": "2024-03-05T21:14",
        "url": "https://instagram.com/p/Cx9dkL2",
    }
    assert shows.sentence == (
        "The picture shows a username (@jordan_m_1987), a posting time (5 March 2024 21:14) "
        "and a web address; it does not show a caption or comment and the date the "
        "screenshot was taken."
    )


def test_a_status_bar_clock_is_a_time_without_a_date():
    shows = what_it_shows(reading("Please take it down now", top=("9:41",)), {})
    assert shows.found["clock"] == "9:41" and "screenshot_time" in shows.missing
    assert "the date the screenshot was taken (its clock shows 9:41, a time without a date)" in (
        shows.sentence
    )
    assert "posted_at" not in shows.values


def test_a_date_in_the_status_bar_is_the_screenshots_own():
    shows = what_it_shows(reading("hello there you", top=("Tue 5 March 2024 21:14",)), {})
    assert shows.values["captured_at"] == "2024-03-05T21:14"
    assert "the date and time the screenshot was taken (5 March 2024 21:14)" in shows.sentence


def test_a_relative_time_is_said_never_guessed():
    shows = what_it_shows(reading("@alex_r · 2h", "You will regret this, I promise"), {})
    assert "posted_at" not in shows.values and shows.values["caption"].startswith("You will")
    assert 'when it was posted (only "2h", which is not a date)' in shows.sentence


def test_an_email_address_is_no_handle_and_nothing_found_is_said():
    shows = what_it_shows(reading("jo@gmail.com"), {})
    assert "handle" not in shows.found
    assert shows.sentence.startswith("The picture shows none of what the guide asks")
    empty = Reading("test", "2026-12-07T16:00:00Z", (PictureText("picture", 10, 10, ()),))
    assert what_it_shows(empty, {}).sentence == "No words were found in the picture."


def test_a_pdfs_pages_and_the_sentence_in_another_language():
    shows = what_it_shows(reading("@alex_r", source="page 1"), {"media_type": "application/pdf"})
    assert shows.sentence.startswith("The pages show a username (@alex_r); it does not show")
    i18n.set_language("fr")
    try:
        french = what_it_shows(reading("@alex_r"), {}).sentence
    finally:
        i18n.set_language("en")
    assert "@alex_r" in french  # translated where the catalogue has it, never broken


def test_a_web_address_read_without_its_colon_is_mended():
    shows = what_it_shows(reading("Check https//example.com/jordan/photos now"), {})
    assert shows.values["url"] == "https://example.com/jordan/photos"


def test_a_username_without_its_at_sign_heading_a_post():
    post = reading("jordan_m_1987 • Follow", "I told you I would post it", "instagram.com")
    assert what_it_shows(post, {}).values["poster"] == "jordan_m_1987"
    both = reading("jordan_m_1987 • Follow", "reply from @sam_o")
    assert what_it_shows(both, {}).values["poster"] == "@sam_o"
    for text in ("instagram.com", "photo.png", "12.50", "Hello there", "v2.0"):
        assert "poster" not in what_it_shows(reading(text), {}).values


def test_dates_in_numbers_are_read_month_first_where_the_person_lives_so(vault):
    from tui.core.evidence.reading.read import month_first
    from tui.core.places.case_place import save_place

    assert find_date("05/03/2024").iso == "2024-03-05"  # type: ignore[union-attr]
    assert find_date("05/03/2024", month_first=True).iso == "2024-05-03"  # type: ignore[union-attr]
    assert find_date("25/12/2023", month_first=True).iso == "2023-12-25"  # type: ignore[union-attr]
    shows = what_it_shows(reading("Posted 05/03/2024 at 9:14 PM"), {}, month_first=True)
    assert shows.values["posted_at"] == "2024-05-03T21:14"
    assert not month_first(vault)
    save_place(vault, "us")
    assert month_first(vault)
    save_place(vault, "gb-eng")
    assert not month_first(vault)


@pytest.mark.parametrize(
    ("code", "ending"),
    [
        ("fr", " ; il y manque : une légende ou un commentaire et la date de la capture."),
        ("es", "; falta: un texto o comentario y la fecha de la captura."),
    ],
)
def test_what_is_missing_reads_as_a_list_in_spanish_and_french(code: str, ending: str):
    """Not "elle ne montre pas a et b", which says the picture lacks both together."""
    from tui.core.shared import i18n

    with i18n.speaking(code):
        shows = what_it_shows(
            reading("@jordan_m_1987", "5 March 2024 21:14", "https://instagram.com/p/Cx9dkL2"), {}
        )
    assert shows.sentence.endswith(ending), shows.sentence
