"""The command line in Spanish and French: `--language CODE` (before or after the
command) or the environment (LANG and the rest) chooses the language before the parser
is built, so that help, argparse's own words and every error come out in it."""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.i18n import catalogues
from tests.support.cases import PASSPHRASE
from tests.support.cli import run_reclaim
from tui.cli import terminal_app
from tui.cli.parser import argparse_in_language, build_parser
from tui.core.shared import i18n

#: argparse's and Reclaim's English words in `reclaim --help`: none may be left.
ENGLISH_HELP = (
    "usage:",
    "positional arguments",
    "show this help message and exit",
    "show program's version number and exit",
    "Reclaim keeps the evidence",
    "open a made-up sample case",
    "the language to speak",
)


def test_help_in_spanish_with_the_option() -> None:
    done = run_reclaim("--language", "es", "--help")
    assert done.returncode == 0
    for words in (
        "uso: reclaim",
        "argumentos:",
        "opciones:",
        "mostrar esta ayuda y salir",
        "mostrar la versión del programa y salir",
        "Reclaim guarda a salvo, cifradas en este equipo, las pruebas",
        "abrir un caso de ejemplo inventado (se borra al salir)",
        "crear un caso nuevo en tu caja fuerte",
    ):
        assert words in done.stdout
    for words in ENGLISH_HELP:
        assert words not in done.stdout


def test_help_in_french_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    done = run_reclaim("--help")
    assert done.returncode == 0
    assert "utilisation : reclaim" in done.stdout
    assert "afficher cette aide et quitter" in done.stdout
    assert "un parcours guidé, ligne par ligne, pour lecteur d'écran ou plage braille" in (
        " ".join(done.stdout.split())
    )
    for words in ENGLISH_HELP:
        assert words not in done.stdout


def test_the_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    done = run_reclaim("--help", "--language", "ES")
    assert "uso: reclaim" in done.stdout
    assert "utilisation" not in done.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_commands_help_in_french(where: str) -> None:
    command = ["evidence", "add", "--help"]
    words = ["--language", "fr", *command] if where == "before" else [*command, "--language=fr"]
    done = run_reclaim(*words)
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert text.startswith("utilisation : reclaim evidence add")
    for french in (
        "copier des fichiers dans le dossier, intacts, avec leur SHA-256",
        "afficher cette aide et quitter",
        "provenance:",  # a group of options, named in French
        "détails:",
        "site ou application, p. ex. Instagram",
    ):
        assert french in text
    for english in ("copy files into the case", "show this help message", "who captured it"):
        assert english not in text


def test_argparse_errors_in_spanish() -> None:
    missing = run_reclaim("--language", "es", "evidence", "edit")
    assert missing.returncode == 2
    assert "reclaim evidence edit: error: faltan estos argumentos: ID" in missing.stderr
    assert "the following arguments are required" not in missing.stderr
    wrong = run_reclaim("password", "generate", "--words", "x", "--language", "es")
    assert "argumento --words: eso no es un número entero" in wrong.stderr
    unknown = run_reclaim("--language", "es", "evidence", "list", "--nope")
    assert "reclaim: error: --nope: esta orden no acepta eso." in unknown.stderr


def test_a_value_typed_is_still_never_repeated_in_french() -> None:
    secret = "kettle meadow signal crayon"
    done = run_reclaim("--language", "fr", "takedown", "update", "R-001", "--status", secret)
    assert done.returncode == 2
    assert "argument --status : ce n'est pas l'un de ces choix : brouillon, envoyée" in (
        done.stderr
    )
    assert secret not in done.stderr


def test_a_commands_error_sentence_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    done = run_reclaim("binder", "out.pdf", "--date", "mardi")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        'reclaim : "mardi" n\'est pas une date ; écrivez-la ainsi : 2024-03-05.'
    )


def test_no_case_yet_in_spanish(tmp_path: Path) -> None:
    done = run_reclaim("--language", "es", "evidence", "list", "--vault", str(tmp_path / "x"))
    assert done.returncode == 1
    assert done.stderr.rstrip().endswith("Crea uno primero (reclaim init).")


def test_an_unknown_language_is_refused_in_the_environments_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    done = run_reclaim("--language", "de", "--help")
    assert done.returncode == 2
    assert "argumento --language: eso no es ninguno de estos: en, es, fr" in done.stderr


def test_the_language_is_not_left_for_the_next_call() -> None:
    run_reclaim("--language", "fr", "--help")
    assert i18n.person_language() == "en"
    assert "usage: reclaim" in run_reclaim("--help").stdout
    # argparse is given its own gettext back, for any other parser in this process.
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def test_safety_says_its_own_words_in_spanish() -> None:
    done = run_reclaim("--language", "es", "safety")
    assert done.returncode == 0
    assert "\nQuién puede ayudarte:\n" in done.stdout
    assert "Estos son consejos generales: mira los de donde vives con reclaim safety" in (
        done.stdout
    )
    assert "Who can help:" not in done.stdout


def test_legal_options_say_their_own_words_in_french() -> None:
    done = run_reclaim("--language", "fr", "legal", "options")
    assert done.returncode == 0
    assert "Vous n'avez pas dit où vous vivez : voici donc des options générales." in (done.stdout)
    assert "You haven't said where you live" not in done.stdout


def test_a_new_case_in_spanish(tmp_path: Path) -> None:
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n")
    folder = tmp_path / "case"
    done = run_reclaim(
        "--language",
        "es",
        "init",
        "--vault",
        str(folder),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert done.returncode == 0, done.stderr
    assert f"Tu caso está listo en {folder}." in done.stdout
    assert "Tu código de recuperación (anótalo ahora" in done.stdout
    assert "Your recovery code" not in done.stdout


def test_plain_mode_is_started_in_the_language_asked_for(tmp_path: Path) -> None:
    done = run_reclaim(
        "--plain", "--language", "es", "--vault", str(tmp_path / "none"), stdin="2\n"
    )
    assert done.returncode == 0
    assert "Reclaim, modo sencillo." in done.stdout
    assert "Todavía no hay ningún caso en" in done.stdout
    assert "plain mode" not in done.stdout


def test_the_app_suggests_plain_mode_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    started: list[object] = []
    monkeypatch.setattr(terminal_app, "ReclaimApp", lambda *a, **k: started.append(a))
    done = run_reclaim("--language", "fr")
    assert done.stderr.strip() == (
        "reclaim : Ce terminal ne peut pas afficher l'application en plein écran ; "
        "lancez reclaim --plain pour un parcours guidé, ligne par ligne."
    )
    assert started == []


def _every_parser(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _every_parser(sub)


@pytest.mark.parametrize("code", ["es", "fr"])
def test_no_english_sentence_is_left_in_any_commands_help(code: str) -> None:
    """Every command's help, as `reclaim --language CODE ... --help` writes it (the
    parser built once, in that language, as main builds it)."""
    english = [
        " ".join(message.id.split())
        for message in catalogues.read(code, "cli")
        if isinstance(message.id, str) and len(message.id) > 12 and message.string != message.id
    ]
    i18n.set_language(code)
    try:
        with argparse_in_language():
            helps = [sub.format_help() for sub in _every_parser(build_parser(None))]
    finally:
        i18n.set_language("en")
    assert len(helps) > 60
    for text in helps:
        said = " ".join(text.split())
        assert said.startswith("uso: " if code == "es" else "utilisation : "), said[:80]
        left = [sentence for sentence in english if sentence in said]
        assert not left, (said[:80], left)
