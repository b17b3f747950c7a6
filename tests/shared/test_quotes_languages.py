"""A date's examples are quoted the language's way: « 5 mars 2024 » in French,
«5 de marzo de 2024» in Spanish (English straight quotes were left in both)."""

from __future__ import annotations

import pytest

from tui.core.shared import i18n
from tui.core.shared.errors import ReclaimError
from tui.core.shared.fuzzy_dates import When


@pytest.mark.parametrize(
    ("code", "quoted"), [("es", "«5 de marzo de 2024»"), ("fr", "«\u00a05 mars 2024\u00a0»")]
)
def test_a_date_not_understood_gives_its_examples_in_the_languages_quotes(
    code: str, quoted: str
) -> None:
    with i18n.speaking(code), pytest.raises(ReclaimError) as refused:
        When.parse("blue moon")
    said = str(refused.value)
    assert quoted in said and '"' not in said
