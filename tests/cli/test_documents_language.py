"""Documents are written in the language of who reads them (issue 29): a Spanish-speaking
person in the United States gets an English binder and letter (with a copy to read in
Spanish), a French-speaking person in Canada a French binder; each can be asked for."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.binder.documents_language import default_for

ME = ("--name", "Ana Pérez", "--contact", "ana@example.org", "--signature", "Ana Pérez")


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


def _binder(cli, tmp_path: Path, name: str, *options: str) -> tuple[str, str]:
    result = cli("binder", str(tmp_path / name), "--date", "2024-03-07", *options)
    assert result.returncode == 0, result.stderr
    return result.stdout, _pdf_text(tmp_path / name)


@pytest.mark.parametrize(
    ("place", "person", "expected"),
    [
        ("us", "es", "en"),
        ("gb-sct", "fr", "en"),
        ("au", "es", "en"),
        ("ca", "fr", "fr"),
        ("ca-bc", "fr", "fr"),
        ("ca", "es", "en"),
        ("ca", "en", "en"),
        ("eu", "es", "es"),
        ("eu", "fr", "fr"),
        ("eu", "en", "en"),
        ("none", "fr", "fr"),
    ],
)
def test_the_default_follows_who_reads_the_documents(place: str, person: str, expected: str):
    assert default_for(place, person) == expected


def test_a_spanish_speaker_in_the_us_gets_an_english_binder_unless_she_asks(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--description", "la foto")
    assert cli("jurisdiction", "set", "us").returncode == 0
    said, text = _binder(cli, tmp_path, "en.pdf", "--language", "es")
    assert "Evidence index" in text and "Integrity statement" in text
    assert "Índice de pruebas" not in text and "Declaración de integridad" not in text
    assert "Escrito en inglés (para la policía en Estados Unidos)" in said
    said, text = _binder(cli, tmp_path, "es.pdf", "--language", "es", "--document-language", "es")
    assert "Índice de pruebas" in text and "Declaración de integridad" in text
    assert "7 de marzo de 2024" in text, "the date as Spanish writes it"
    assert "Evidence index" not in text and "Integrity statement" not in text
    assert "Escrito en español" in said


def test_a_french_speaker_in_canada_gets_a_french_binder(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "a.png")), "--description", "la photo")
    assert cli("jurisdiction", "set", "ca").returncode == 0
    said, text = _binder(cli, tmp_path, "fr.pdf", "--language", "fr")
    assert "Index des preuves" in text and "Déclaration d'intégrité" in text
    assert "Sommaire" in text and "7 mars 2024" in text
    assert "Evidence index" not in text and "Contents" not in text
    assert "Rédigé en français (pour la police, Canada)" in said


def test_the_case_setting_chooses_the_documents_language(cli):
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    chosen = cli("settings", "documents_language", "es")
    assert chosen.returncode == 0, chosen.stderr
    assert "documents_language: es (Written in Spanish (for the police in the United States))" in (
        chosen.stdout
    )
    letter = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent")
    assert letter.stdout.startswith("BORRADOR hecho con Reclaim"), "Spanish, as chosen"
    assert (
        "COPIA PARA LEER" not in letter.stdout
        and "COPY TO READ: send the version in Spanish" in (letter.stdout)
    ), "the English speaker reads a copy in English"
    back = cli("settings", "documents_language", "auto")
    assert "documents_language: auto (Written in English" in back.stdout
    letter = cli("letter", "takedown", "R-001")
    assert letter.stdout.startswith("DRAFT prepared with Reclaim") and "COPY TO READ" not in (
        letter.stdout
    )
    wrong = cli("settings", "documents_language", "on")
    assert wrong.returncode == 1 and "en, es, fr or auto" in wrong.stderr


def test_a_letter_in_english_comes_with_a_copy_to_read_in_spanish(cli, tmp_path: Path):
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    printed = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent", "--language", "es")
    assert printed.returncode == 0, printed.stderr
    letter, _sep, copy = printed.stdout.partition("-" * 40)
    assert letter.startswith("DRAFT prepared with Reclaim: not legal advice.")
    assert "Subject: Request to remove intimate images shared without consent" in letter
    assert "Asunto" not in letter
    assert copy.strip().startswith("COPIA PARA LEER: envía la versión en inglés, no esta.")
    assert "Asunto: Solicitud de retirada de imágenes íntimas compartidas sin consentimiento" in (
        copy
    )
    assert "Subject:" not in copy and "- https://reddit.example/p/1" in copy
    out = tmp_path / "reddit.txt"
    saved = cli("letter", "takedown", "R-001", "--out", str(out), "--language", "es")
    assert saved.returncode == 0, saved.stderr
    copy_file = tmp_path / "reddit.copia-para-leer.txt"
    assert "Subject: Request to remove" in out.read_text()
    assert copy_file.read_text().startswith("COPIA PARA LEER")
    assert "Escrito en inglés" in saved.stdout and "copia para leer" in saved.stdout
    # Asked for in Spanish, the letter is Spanish and needs no copy.
    spanish = cli("letter", "takedown", "R-001", "--language", "es", "--document-language", "es")
    assert spanish.stdout.startswith("BORRADOR hecho con Reclaim")
    assert "COPIA PARA LEER" not in spanish.stdout and "-" * 40 not in spanish.stdout


def test_an_english_speakers_letter_has_no_copy(cli):
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    printed = cli("letter", "takedown", "R-001", *ME, "--confirm-no-consent")
    assert printed.returncode == 0 and "COPY TO READ" not in printed.stdout


def test_what_a_letter_still_needs_is_said_in_the_persons_language(cli):
    cli("jurisdiction", "set", "us")
    cli("takedown", "add", "--site", "reddit", "--url", "https://reddit.example/p/1")
    asked = cli("letter", "copyright", "R-001", *ME, "--under-18", "unsure", "--language", "es")
    assert asked.returncode == 1
    assert "nunca es el camino" in asked.stderr and "never the route" not in asked.stderr
