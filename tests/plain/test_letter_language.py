"""Plain mode reads a letter to a US site in English, then the copy to read in the
person's language, and saves the copy beside the letter (issue 29)."""

from __future__ import annotations

from pathlib import Path

from tests.plain.test_walk import case, walk  # noqa: F401  (the fixture)
from tests.support.cases import PASSPHRASE
from tui.core.shared import i18n

LINES = [PASSPHRASE, "8", "1", "1", "https://example.com/a", "", "3", "1", "1"]
#: The same request to Reddit, whose route has an arrow.
REDDIT = [*LINES[:3], "5", *LINES[4:]]
FACTS = ["Ana Pérez", "ana@example.com", "Ana Pérez", "sí"]


def test_a_spanish_speaker_hears_the_english_letter_then_her_copy(case: Path) -> None:  # noqa: F811
    i18n.set_language("es")
    try:
        status, said = walk(case, [*LINES, *FACTS, "", "salir"])
    finally:
        i18n.set_language("en")
    assert status == 0
    assert said.count("Aquí empieza la carta.") == 2, "the letter, then the copy"
    letter, copy = said.split("Aquí empieza la carta.")[1:3]
    assert "DRAFT prepared with Reclaim" in letter and "COPIA PARA LEER" not in letter
    assert copy.strip().startswith("COPIA PARA LEER: envía la versión en inglés, no esta.")
    assert "Asunto: Solicitud de retirada" in copy


def test_the_letter_read_out_is_entirely_in_its_own_language(case: Path) -> None:  # noqa: F811
    """The route a letter names ("Report → Non-consensual intimate media") is said in the
    letter's words ("then"), not the person's ("luego"); the copy to read in hers."""
    i18n.set_language("es")
    try:
        status, said = walk(case, [*REDDIT, *FACTS, "", "salir"])
    finally:
        i18n.set_language("en")
    assert status == 0
    letter, copy = said.split("Aquí empieza la carta.")[1:3]
    letter = letter.split("Aquí termina la carta.")[0]
    assert "→" not in letter
    assert "Route: Report, then Non-consensual intimate media" in letter
    assert "luego" not in letter
    assert "luego" in copy
