"""Sentences Reclaim kept in the case with values in them (a file's problem, what reading
its pictures ran into, a copy's failed check) are said in the language spoken when they
are shown, whichever language they were kept in; words not Reclaim's are shown as kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Result
from tui.core.copies.register import mark_check_failed, record_backup
from tui.core.evidence.formats import fact_lines
from tui.core.evidence.kept_words import said_again
from tui.core.evidence.reading.model import Reading
from tui.core.evidence.reading.shows import what_it_shows
from tui.core.shared.i18n import _, speaking
from tui.core.vault.vault import Vault

#: A file's problem as intake keeps it: in English, with the name of a file inside it.
INNER = "image1.png inside it is damaged or locked."


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("es", "image1.png, que lleva dentro, está dañado o bloqueado."),
        ("fr", "image1.png, à l'intérieur, est abîmé ou verrouillé."),
    ],
)
def test_a_files_kept_problem_with_a_value_is_said_in_the_language(code: str, said: str) -> None:
    with speaking(code):
        assert ("Problema" if code == "es" else "Problème", said) in fact_lines(
            {"kind": "Word document", "problem": INNER}
        )


def test_a_problem_kept_in_spanish_is_said_in_english_and_french() -> None:
    with speaking("es"):
        kept = _("{name} inside it is damaged or locked.").format(name="foto.png")
    assert said_again(kept) == "foto.png inside it is damaged or locked."
    with speaking("fr"):
        assert said_again(kept) == "foto.png, à l'intérieur, est abîmé ou verrouillé."


def test_a_kind_of_file_inside_a_kept_sentence_is_said_too() -> None:
    kept = "This is a HEIC photo, which can't be printed."
    with speaking("es"):
        assert said_again(kept) == "Este archivo (foto HEIC) no se puede imprimir."
        spanish = said_again(kept)
    assert said_again(spanish) == kept


def test_the_sentence_that_holds_another_is_the_one_recognised() -> None:
    kept = "it can't be opened: " + INNER
    with speaking("es"):
        assert (
            said_again(kept)
            == "no se puede abrir: image1.png, que lleva dentro, está dañado o bloqueado."
        )


def test_sentences_one_after_another_are_each_said() -> None:
    kept = (
        "Nothing Reclaim wrote. "
        "Its content could not be read: the file may be damaged or cut short."
    )
    with speaking("fr"):
        assert said_again(kept) == (
            "Nothing Reclaim wrote. Son contenu n'a pas pu être lu : le fichier est peut-être "
            "abîmé ou tronqué."
        )


def test_words_not_reclaims_are_shown_as_kept() -> None:
    with speaking("es"):
        for kept in ("", "My own note: the photo is blurry.", "E-0001", "image1.png"):
            assert said_again(kept) == kept


def test_a_kept_reading_problem_is_said_in_the_language() -> None:
    with speaking("es"):
        kept = _("{name} inside it is damaged or locked.").format(name="scan.png")
    reading = Reading(engine="test", read_at="2024-03-05T20:15:00Z", pictures=(), problem=kept)
    with speaking("fr"):
        sentence = what_it_shows(reading, {"media_type": "image/png"}).sentence
    assert sentence == "scan.png, à l'intérieur, est abîmé ou verrouillé."


def test_a_copys_failed_check_is_said_in_the_language(vault: Vault, cli, tmp_path: Path) -> None:
    folder = tmp_path / "drive" / "backup"
    manifest = {"made_at": "2024-03-05T20:15:00Z", "exhibits": 0, "newest_exhibit": ""}
    with vault.transaction():
        record_backup(vault, folder, manifest)
    mark_check_failed(vault, folder, "its list of files (manifest.json) has been changed")
    vault.close()
    listed: Result = cli("copies", "list", "--language", "es")
    assert listed.returncode == 0, listed.stderr
    assert "manifest.json" in listed.stdout
    assert "has been changed" not in listed.stdout, listed.stdout
