"""Plain mode's declaration in the documents' language (issue 29): for a Spanish speaker in
the US the declaration to sign is saved in English, a Spanish copy to read beside it, and
one sentence says which is signed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plain.test_walk import walk
from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.pictures import make_png
from tui.core.declarations.drafting import save_facts
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.shared import i18n
from tui.core.takedowns.deadlines import set_case_place
from tui.core.vault.vault import Vault

BINDER = "7"


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def test_a_spanish_speaker_in_the_us_saves_english_to_sign_and_spanish_to_read(
    tmp_path: Path, spanish: None
) -> None:
    case = tmp_path / "case"
    with Vault.create(case, PASSPHRASE, FAST_KDF)[0] as vault:
        exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
        update_provenance(vault, exhibit.id, {"captured_by": "Ana Pérez", "how": "screenshot"})
        save_facts(vault, name="Ana Pérez")
        set_case_place(vault, "us")
    out = tmp_path / "declaracion.txt"
    status, said = walk(case, [PASSPHRASE, BINDER, "2", "", str(out), "salir"])
    assert status == 0
    copy = tmp_path / "declaracion.copia-para-leer.txt"
    assert f"Se guardó una copia para leer en {copy}: esa no se firma." in said
    assert (
        "La declaración que se firma está en inglés, un idioma que acepta su ley; la copia "
        "en español es solo para leer, nunca para firmar."
    ) in said
    signed, read = out.read_text(), copy.read_text()
    assert signed.startswith("DECLARATION OF ANA PÉREZ") and "under penalty of perjury" in signed
    assert read.startswith("COPIA PARA LEER, NO PARA FIRMAR")
    assert exhibit.sha256 in signed and exhibit.sha256 in read
