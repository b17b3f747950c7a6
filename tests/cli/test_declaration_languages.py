"""`reclaim declaration` in the documents' language (issue 29): a French case in Canada is
declared in the Act's own French words; a Spanish case in the US prints and saves the
English declaration to sign with a Spanish copy to read, and says so in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.pictures import make_png

S41_FR = (
    "Et je fais cette déclaration solennelle, la croyant consciencieusement vraie et "
    "sachant qu\u2019elle a la même force et le même effet que si elle était faite sous serment."
)
ME = ("--name", "Ana Pérez", "--address", "12 rue Longue, Montréal")


def _case(cli, tmp_path: Path, place: str) -> list[str]:
    added = cli(
        "evidence", "add", str(make_png(tmp_path / "a.png")),
        "--captured-by", "Ana Pérez", "--role", "self", "--how", "screenshot",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert cli("jurisdiction", "set", place).returncode == 0
    return [e["sha256"] for e in json.loads(cli("evidence", "list", "--json").stdout)]


def test_a_french_case_in_canada_prints_the_french_solemn_declaration(cli, tmp_path: Path):
    shas = _case(cli, tmp_path, "ca")
    result = cli("declaration", *ME, "--language", "fr")
    assert result.returncode == 0, result.stderr
    assert "DÉCLARATION SOLENNELLE DE ANA PÉREZ" in result.stdout
    assert S41_FR in result.stdout
    assert "COPIE" not in result.stdout and "solemnly declare" not in result.stdout
    assert all(f"SHA-256: {sha}" in result.stdout for sha in shas)


def test_a_spanish_case_in_the_us_saves_english_to_sign_and_spanish_to_read(cli, tmp_path: Path):
    shas = _case(cli, tmp_path, "us")
    printed = cli("declaration", *ME, "--language", "es")
    assert printed.returncode == 0, printed.stderr
    english, _, spanish = printed.stdout.partition("-" * 40)
    assert "under penalty of perjury" in english and "This is the version to sign" in english
    assert "COPIA PARA LEER, NO PARA FIRMAR" in spanish
    assert (
        "La declaración que se firma está en inglés, un idioma que acepta su ley; la copia "
        "en español es solo para leer, nunca para firmar."
    ) in printed.stdout
    target = tmp_path / "declaracion.txt"
    saved = cli("declaration", "--out", str(target), "--language", "es")
    assert saved.returncode == 0, saved.stderr
    copy = tmp_path / "declaracion.copia-para-leer.txt"
    assert f"Se guardó una copia para leer en {copy}" in saved.stdout
    signed, read = target.read_text(), copy.read_text()
    assert (
        signed.startswith("DECLARATION OF ANA PÉREZ") and "This is the version to sign" in signed
    )
    assert read.startswith("COPIA PARA LEER, NO PARA FIRMAR") and "bajo pena de perjurio" in read
    for sha in shas:
        assert sha in signed and sha in read
    log = json.loads(cli("log", "--json").stdout)
    assert [e["action"] for e in log[-2:]] == ["declaration export", "declaration export"]


def test_the_document_language_can_be_asked_for(cli, tmp_path: Path):
    _case(cli, tmp_path, "ca")
    french = cli("declaration", *ME, "--document-language", "fr")  # an English speaker
    assert french.returncode == 0, french.stderr
    assert S41_FR in french.stdout and "COPY TO READ, NOT TO SIGN" in french.stdout
    assert "The declaration to sign is in French" in french.stdout
