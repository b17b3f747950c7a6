"""The law where the person lives said "revisado el 2026-12-01" in Spanish: the day a law
was checked is written the language's way, as every date a person reads."""

from __future__ import annotations

import re

import pytest

from tui.core.places.catalogue import resolve
from tui.core.shared.i18n import speaking
from tui.core.takedowns.legal_options import as_text, place_lines, shipped

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize(
    ("code", "checked", "last"),
    [
        (
            "en",
            r"checked \d{1,2} [A-Z][a-z]+ \d{4}\)",
            r"Last checked \d{1,2} [A-Z][a-z]+ \d{4}\.",
        ),
        ("es", r"revisado el \d{1,2} de [a-z]+ de \d{4}\)", r"\d{1,2} de [a-z]+ de \d{4}"),
        ("fr", r"\d{1,2}(er)? [a-zéû]+\.? \d{4}\)", r"\d{1,2}(er)? [a-zéû]+\.? \d{4}"),
    ],
)
def test_the_day_a_law_was_checked_is_written_the_languages_way(
    code: str, checked: str, last: str
) -> None:
    with speaking(code):
        lines = "\n".join(place_lines(resolve("us")))
        text = as_text(shipped())
    assert re.search(checked, lines), lines
    assert not ISO_DAY.search(lines), lines
    assert re.search(last, text.splitlines()[-1]), text.splitlines()[-1]
    assert not ISO_DAY.search(text.splitlines()[-1])
