"""Plain mode reads a letter to a US site in English, then the copy to read in the
person's language, and saves the copy beside the letter (issue 29)."""

from __future__ import annotations

from pathlib import Path

from tests.plain.test_walk import case, walk  # noqa: F401  (the fixture)
from tests.support.cases import PASSPHRASE
from tui.core.shared import i18n

LINES = [PASSPHRASE, "8", "1", "1", "https://example.com/a", "", "3", "1", "1"]
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
