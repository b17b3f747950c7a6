"""`reclaim --help`, each command's help and argparse's errors in Spanish and French:
the placeholders for what a person types are said in the language (`--vault CARPETA`,
`ORDEN`), and every option says what it is for; English is as it was."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from tests.support.cli import run_reclaim
from tui.cli.metavars import known_words, said
from tui.cli.parser import build_parser
from tui.core.shared.i18n import speaking

#: Placeholders left as they are in every language: a number, a letter, a file type.
KEPT = frozenset({"ID", "F", "R", "PEM", "URL"})


def _actions(
    parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.Action]]:
    for action in parser._actions:
        yield words, action
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, (*words, name))


def test_every_placeholder_is_known() -> None:
    used: set[str] = set()
    for _words, action in _actions(build_parser(None)):
        metavars = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
        for metavar in metavars:
            if isinstance(metavar, str):
                used.update(re.findall(r"[A-Z][A-Z_]*[A-Z]|[A-Z]", metavar))
    assert {"DIR", "PATH", "COMMAND", "CODE", "FILE"} <= used
    assert used - known_words() - KEPT == set()


@pytest.mark.parametrize("code", ["es", "fr"])
def test_every_placeholder_is_said_in_the_language(code: str) -> None:
    with speaking(code):
        for word in ("DIR", "PATH", "FILE", "COMMAND", "NAME", "TEXT", "WHEN", "YYYY"):
            assert said(word) != word, (code, word)
    with speaking(code):
        for word in known_words():
            shown = said(word)  # capitals, accents kept ("CÓDIGO", "RÉPERTOIRE")
            assert shown == shown.upper() and re.fullmatch(r"[^\W\d]+", shown), (code, word)


def test_every_option_says_what_it_is_for() -> None:
    silent = [
        (" ".join(words), action.option_strings)
        for words, action in _actions(build_parser(None))
        if action.option_strings and not action.help
    ]
    assert silent == []


@pytest.mark.parametrize(
    ("code", "words", "english"),
    [
        ("es", ("[--vault CARPETA]", "[--passphrase-file RUTA]", "ORDEN ..."), "[--vault DIR]"),
        ("fr", ("[--vault RÉPERTOIRE]", "[--passphrase-file CHEMIN]", "COMMANDE"), "PATH"),
    ],
)
def test_the_help_says_its_placeholders_in_the_language(
    code: str, words: tuple[str, ...], english: str
) -> None:
    done = run_reclaim("--help", "--language", code)
    assert done.returncode == 0, done.stderr
    for said_here in words:
        assert said_here in done.stdout, done.stdout
    assert english not in done.stdout
    binder = run_reclaim("binder", "--help", "--language", code).stdout
    assert "YYYY" not in binder and "DEST.pdf" not in binder, binder


def test_the_english_help_is_as_it_was() -> None:
    done = run_reclaim("--help", "--language", "en")
    assert "[--vault DIR] [--passphrase-file PATH] [--language CODE]" in done.stdout
    assert "\n  COMMAND\n" in done.stdout


def test_an_error_names_the_placeholder_in_the_language() -> None:
    done = run_reclaim("nothing-of-the-kind", "--language", "fr")
    assert done.returncode == 2
    assert "argument COMMANDE :" in done.stderr, done.stderr
    assert "COMMAND " not in done.stderr
