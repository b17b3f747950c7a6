"""A choice typed on the command line in the person's language is taken (`--under-18 sí`,
`--status enviada`, `--helpline oui`, `--age "plus de 18 ans"`), and the help and the
errors list the language's words; English is taken in every language, and the case
keeps the English value (--json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.pictures import make_png
from tui.core.evidence.adding import add_file
from tui.core.evidence.provenance import update_provenance
from tui.core.vault.vault import Vault

ME = ("--name", "Ana Pérez", "--contact", "ana@example.org", "--signature", "Ana Pérez")


@pytest.fixture
def request_made(cli) -> None:
    cli("jurisdiction", "set", "us")
    assert (
        cli("takedown", "add", "--site", "reddit", "--url", "https://r.example/1").returncode == 0
    )


@pytest.mark.parametrize(
    ("code", "typed"),
    [("es", "sí"), ("es", "no sé"), ("fr", "Oui"), ("fr", "je ne sais pas"), ("es", "yes")],
)
def test_under_18_is_taken_in_the_language(cli, request_made: None, code: str, typed: str):
    said = cli("letter", "copyright", "R-001", *ME, "--under-18", typed, "--language", code)
    assert said.returncode == 1
    # A yes or a not sure is a minor: the copyright notice is refused, in the language.
    assert (
        "nunca es el camino" if code == "es" else "n'est jamais la bonne voie"
    ) in said.stderr, said.stderr
    assert "ninguno de estos" not in said.stderr and "yes, no, unsure" not in said.stderr


def test_a_word_not_taken_lists_the_languages_words(cli, request_made: None) -> None:
    said = cli("letter", "takedown", "R-001", "--under-18", "quizás", "--language", "es")
    assert said.returncode == 2
    assert "sí, no, no sé" in said.stderr, said.stderr
    french = cli("letter", "takedown", "R-001", "--under-18", "peut-être", "--language", "fr")
    assert "oui, non, je ne sais pas" in french.stderr, french.stderr


@pytest.mark.parametrize(
    ("code", "status", "helpline"),
    [("es", "Enviada", "sí"), ("fr", "reçue", "non"), ("fr", "submitted", "yes")],
)
def test_a_status_is_taken_in_the_language_and_kept_in_english(
    cli, request_made: None, code: str, status: str, helpline: str
) -> None:
    done = cli(
        "takedown", "update", "R-001", "--status", status, "--helpline", helpline,
        "--language", code,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    kept = json.loads(cli("takedown", "list", "--json").stdout)[0]
    assert kept["status"] in ("submitted", "acknowledged")
    assert kept["status"] == ("acknowledged" if status == "reçue" else "submitted")
    assert kept["helpline"] == ("yes" if helpline in ("sí", "yes") else "no")


def test_the_help_names_the_statuses_in_the_language(cli) -> None:
    helped = cli("takedown", "update", "--help", "--language", "es")
    text = " ".join(helped.stdout.split())
    assert "{borrador,enviada,recibida," in text, text
    assert "submitted" not in text


def test_the_hint_after_a_request_names_the_status_the_language_takes(cli) -> None:
    cli("jurisdiction", "set", "us")
    added = cli(
        "takedown", "add", "--site", "reddit", "--url", "https://r.example/1", "--language", "fr"
    )
    assert "--status envoyée" in added.stdout, added.stdout
    assert cli("takedown", "update", "R-001", "--status", "envoyée").returncode == 0


@pytest.mark.parametrize(
    ("code", "typed", "said"),
    [
        ("es", "mayor de 18 años", "mayor de 18 años"),
        ("fr", "« plus de 18 ans »", "plus de 18 ans"),
    ],
)
def test_the_age_is_taken_as_the_help_says_it(
    cli, vault: Vault, tmp_path: Path, code: str, typed: str, said: str
) -> None:
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    update_provenance(vault, exhibit.id, {"captured_by": "Ana Pérez", "how": "screenshot"})
    helped = " ".join(cli("declaration", "--help", "--language", code).stdout.split())
    assert said.split(" ans")[0].split(" años")[0] in helped and "over 18" not in helped
    done = cli("declaration", "--name", "Ana Pérez", "--age", typed, "--language", code,
               "--document-language", code, "--kind", "uk-s9")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert said in done.stdout, done.stdout
