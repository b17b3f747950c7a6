"""The takedown requests' errors, the legal options' own words, the backup check's and
restore's sentences, and the binder's choices and notices are said in Spanish and French
(issue 29), while English stays exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.core.binder import documents_language
from tui.core.binder.build import write_binder
from tui.core.binder.choices import BinderChoices, BinderResult
from tui.core.copies.manifest import UNFINISHED
from tui.core.copies.verify import find_backup, verify_backup
from tui.core.places.catalogue import resolve
from tui.core.shared import i18n
from tui.core.shared.errors import InputError, NotFound, ReclaimError
from tui.core.takedowns.lawyer_package import notes_text
from tui.core.takedowns.legal_options import as_text, place_lines, shipped
from tui.core.takedowns.letter_needs import NEEDS, MissingFacts
from tui.core.takedowns.requests import add_request, get_request
from tui.core.vault.vault import Vault


def _result() -> BinderResult:
    notices = [("E-0001", "x"), ("E-0002", "y")]
    return BinderResult(Path("b.pdf"), 3, [], "", notices, [("E-0003", "z")])


def test_english_stays_as_it_was() -> None:
    lines = _result().notice_lines()
    assert lines[0] == (
        "2 exhibits are named in the binder with a notice instead of their content:"
    )
    assert "Not attached to the PDF:" in lines
    one = BinderResult(Path("b.pdf"), 1, [], "", [("E-0001", "x")]).notice_lines()
    assert one[0] == "1 exhibit is named in the binder with a notice instead of its content:"
    text = as_text(shipped(), place_lines(resolve("ca")))
    assert "The law where you live: Canada" in text and "Good for: " in text
    assert "Keep in mind:" in text and ". Not legal advice." in text


@pytest.mark.parametrize(
    ("code", "words", "english"),
    [
        (
            "es",
            ["La ley donde vives: ", "Sirve para: ", "Ten en cuenta:", "No es asesoramiento"],
            ["The law where you live", "Good for: ", "Keep in mind:", "Not legal advice"],
        ),
        (
            "fr",
            [
                "La loi là où vous vivez\u00a0: ",  # French punctuation's no-break space
                "Utile pour\u00a0: ",
                "À garder en tête\u00a0:",
                "Ensuite\u00a0: ",
                "juridique",
            ],
            ["The law where you live", "Good for: ", "Keep in mind:", "Not legal advice"],
        ),
    ],
)
def test_the_legal_options_own_words_are_in_the_language(
    code: str, words: list[str], english: list[str]
) -> None:
    with i18n.speaking(code):
        text = as_text(shipped(), place_lines(resolve("ca")))
    assert all(word in text for word in words), text[:400]
    assert not any(word in text for word in english)


def test_a_takedown_requests_errors_in_spanish_and_french(vault: Vault) -> None:
    with i18n.speaking("es"), pytest.raises(InputError) as bad:
        add_request(vault, "meta", ["f.example/1"])
    assert str(bad.value) == (
        '"f.example/1" no es una dirección web; cópiala de la barra de direcciones.'
    )
    with i18n.speaking("fr"), pytest.raises(NotFound) as missing:
        get_request(vault, "r-009")
    assert str(missing.value) == "Il n'y a pas de demande de retrait R-009."
    with i18n.speaking("es"), pytest.raises(ReclaimError) as unknown:
        add_request(vault, "myspace", ["https://m.example/1"])
    assert str(unknown.value).startswith('"myspace" no es un sitio para el que Reclaim tenga')


def test_the_backup_check_speaks_the_language(tmp_path: Path) -> None:
    with i18n.speaking("fr"), pytest.raises(InputError) as none:
        find_backup(tmp_path)
    assert str(none.value) == f"Il n'y a pas de copie Reclaim dans {tmp_path}."
    (tmp_path / UNFINISHED).write_text("")
    with i18n.speaking("es"):
        check = verify_backup(tmp_path, "x")
    assert check.problems == [
        "esta copia se interrumpió antes de terminar; vuelve a hacer la copia"
    ]


def test_the_binders_choices_and_notices_in_the_language() -> None:
    with i18n.speaking("fr"), pytest.raises(InputError) as paper:
        BinderChoices(paper="a3").check()
    assert str(paper.value) == "Le papier est A4 ou Lettre."
    with i18n.speaking("es"):
        lines = _result().notice_lines()
    assert lines[0] == (
        "2 pruebas aparecen en la carpeta de pruebas con un aviso en lugar de su contenido:"
    )
    assert "No adjuntos al PDF:" in lines and "Not attached to the PDF:" not in lines


def test_writing_a_binder_says_what_is_wrong_in_the_language(vault: Vault, tmp_path: Path) -> None:
    with i18n.speaking("fr"), pytest.raises(InputError) as named:
        write_binder(vault, tmp_path / "b.txt", BinderChoices())
    assert (
        str(named.value) == "b.txt : le recueil de preuves est un PDF ; terminez le nom par .pdf."
    )
    with i18n.speaking("es"), pytest.raises(InputError) as empty:
        write_binder(vault, tmp_path / "b.pdf", BinderChoices())
    assert str(empty.value) == (
        "Todavía no hay pruebas para poner en una carpeta de pruebas (o todas están retiradas)."
    )


def test_the_lawyers_notes_are_in_the_documents_language(vault: Vault) -> None:
    add_request(vault, "meta", ["https://f.example/1"])
    english = notes_text(vault)
    assert english.startswith("Notes for the lawyer\n====================\n")
    assert "My notes\n--------\n(none written)" in english
    documents_language.save(vault, "fr")
    french = notes_text(vault)
    assert french.startswith("Notes pour l'avocat\n===================\n")
    assert "Mes notes\n---------\n(aucune écrite)" in french
    assert "Demandes de retrait" in french and "Takedown requests" not in french


def test_what_a_letter_still_needs_is_asked_in_the_language() -> None:
    needs = [NEEDS["name"], NEEDS["contact"]]
    assert str(MissingFacts(needs)).startswith(
        "Before this letter can be drafted it needs: your full name; how to reach you"
    )
    with i18n.speaking("es"):
        said = str(MissingFacts(needs))
        asked = NEEDS["work"].question
    assert said.startswith("Para preparar esta carta hace falta: tu nombre completo; cómo")
    assert asked == "una breve descripción de tu foto o vídeo original"


def test_the_legal_options_command_in_spanish() -> None:
    done = run_reclaim("--language", "es", "legal", "options", "--place", "ca")
    assert done.returncode == 0
    assert "La ley donde vives: " in done.stdout and "Ten en cuenta:" in done.stdout
    assert "The law where you live" not in done.stdout and "Keep in mind:" not in done.stdout
