"""Dates typed and shown in Spanish and French: read with Babel's month names (with or
without accents), written back in the language spoken in a form read again, and the
sentences about a date that can't be read are in that language."""

import pytest

from tui.core.shared import i18n
from tui.core.shared.dates import parse_rough, parse_when
from tui.core.shared.errors import InputError
from tui.core.shared.fuzzy_dates import When, as_written


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("5 de marzo de 2024", "2024-03-05"),
        ("5 marzo 2024", "2024-03-05"),
        ("1 de septiembre de 2023 a las 21:14", "2023-09-01T21:14"),
        ("5 de mayo de 2024, 21:14", "2024-05-05T21:14"),
        ("marzo de 2024", "2024-03"),
        ("marzo 2024", "2024-03"),
        ("setiembre 2023", "2023-09"),
        ("hacia 2023", "2023~"),
        ("alrededor de marzo de 2024", "2024-03~"),
        ("5 de ago. de 2023", "2023-08-05"),
    ],
)
def test_spanish_dates_are_read(typed: str, kept: str) -> None:
    with i18n.speaking("es"):
        assert parse_rough(typed) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("5 mars 2024", "2024-03-05"),
        ("le 1er mars 2024 à 21h14", "2024-03-01T21:14"),
        ("5 févr. 2024", "2024-02-05"),
        ("3 aout 2023", "2023-08-03"),
        ("3 Août 2023", "2023-08-03"),
        ("décembre 2023", "2023-12"),
        ("vers 2023", "2023~"),
        ("environ mars 2024", "2024-03~"),
    ],
)
def test_french_dates_are_read(typed: str, kept: str) -> None:
    with i18n.speaking("fr"):
        assert parse_rough(typed) == kept


def test_english_dates_still_read_in_every_language() -> None:
    for code in ("es", "fr"):
        with i18n.speaking(code):
            assert parse_when("March 5, 2024 at 21:14") == "2024-03-05T21:14"
            assert parse_rough("about 2023") == "2023~"


@pytest.mark.parametrize(
    ("code", "when", "shown"),
    [
        ("es", When(2024, 3, 5, 21, 14), "5 de marzo de 2024, 21:14"),
        ("es", When(2024, 3), "marzo de 2024"),
        ("es", When(2023, about=True), "hacia 2023"),
        ("fr", When(2024, 3, 5, 21, 14), "5 mars 2024, 21:14"),
        ("fr", When(2024, 8), "août 2024"),
        ("fr", When(2023, 3, about=True), "vers mars 2023"),
        ("en", When(2024, 3, 5, 21, 14), "5 March 2024, 21:14"),
        ("en", When(2023, about=True), "about 2023"),
    ],
)
def test_dates_are_shown_in_the_language_and_read_back(code: str, when: When, shown: str):
    with i18n.speaking(code):
        assert when.text() == shown
        assert When.parse(shown) == when


def test_an_estimate_is_written_in_the_language() -> None:
    with i18n.speaking("es"):
        assert as_written("2023~") == "hacia 2023"
    with i18n.speaking("fr"):
        assert as_written("2023~") == "vers 2023"


@pytest.mark.parametrize(
    ("code", "typed", "said"),
    [
        ("es", "", "¿Cuándo pasó?"),
        ("es", "el verano pasado", "no es una fecha que Reclaim pueda leer"),
        ("es", "5 de lunes de 2024", "«lunes» no es un mes que Reclaim conozca"),
        ("es", "2024-02-30", "no es una fecha u hora que exista"),
        ("es", "03/04/2024", "¿«03/04/2024» es el 3 de abril o el 4 de marzo?"),
        ("fr", "2999-01-01", "est dans le futur"),
        ("fr", "03/04/2024", "«\u00a003/04/2024\u00a0», est-ce le 3 avril ou le 4 mars ?"),
        ("fr", "mercredi 2024", "n'est pas un mois que Reclaim connaît"),
    ],
)
def test_dates_that_cant_be_read_are_said_in_the_language(code: str, typed: str, said: str):
    with i18n.speaking(code), pytest.raises(InputError) as refused:
        When.parse(typed)
    assert said in str(refused.value)
    assert "Write it like" not in str(refused.value)
    if "/" not in typed:  # the ambiguous day and month are asked back, without the hint
        assert "hacia 2023" in str(refused.value) or "vers 2023" in str(refused.value)


def test_a_date_not_exact_enough_is_said_in_the_language() -> None:
    with i18n.speaking("fr"), pytest.raises(InputError) as refused:
        parse_when("mars 2024")
    assert str(refused.value) == (
        "mars 2024 n'est pas assez précis ici : indiquez le jour, comme «\u00a05 mars 2024\u00a0» "
        "ou «\u00a02024-03-05 21:14\u00a0»."
    )
