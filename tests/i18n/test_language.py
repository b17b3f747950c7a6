"""Which language is spoken: the environment, what the person asked for, and a
document's own language beside the person's."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from tui.core.shared import i18n, local_formats, text


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr:en", "LANG": "es_ES.UTF-8"}, "fr"),
        ({"LC_ALL": "es_MX.UTF-8", "LANG": "fr_FR.UTF-8"}, "es"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_the_language_comes_from_the_environment(environ, expected) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_what_the_person_asked_for_comes_first() -> None:
    assert i18n.chosen_language("FR", {"LANG": "es_ES.UTF-8"}) == "fr"
    assert i18n.chosen_language("de", {"LANG": "es_ES.UTF-8"}) == "es"
    assert i18n.chosen_language(None, {}) == "en"


def test_a_document_speaks_its_own_language_in_its_own_thread_only() -> None:
    seen: dict[str, str] = {}

    def other_thread() -> None:
        seen["other"] = i18n.language()

    i18n.set_language("es")
    try:
        with i18n.speaking("en"):
            assert i18n.language() == "en"
            thread = threading.Thread(target=other_thread)
            thread.start()
            thread.join()
        assert seen["other"] == "es"
        assert i18n.language() == "es"
    finally:
        i18n.set_language("en")


def test_dates_numbers_and_lists_follow_the_language() -> None:
    day = date(2024, 3, 5)
    assert local_formats.long_date(day) == "5 March 2024"
    assert text.size(4 * 1024 * 1024) == "4.0 MiB"
    assert text.listed(["a", "b", "c"]) == "a, b and c"
    with i18n.speaking("es"):
        assert local_formats.long_date(day) == "5 de marzo de 2024"
        assert text.size(4 * 1024 * 1024) == "4,0 MiB"
        assert text.listed(["a", "b", "c"]) == "a, b y c"
    with i18n.speaking("fr"):
        assert local_formats.long_date(day) == "5 mars 2024"
        assert text.listed(["a", "b"]) == "a et b"
