"""`--json` is for programs: its keys and its words stay English (stable) whatever
language the person reads, so a script written against it works in every language."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import run_reclaim
from tui.cli.parser import build_parser
from tui.core.demo import DEMO_PASSPHRASE, create_demo_case, remove_demo_case

#: Each command that takes --json, with what it needs besides (an exhibit, a checklist).
JSON_COMMANDS: dict[str, tuple[str, ...]] = {
    "log": (),
    "evidence list": (),
    "evidence show": ("E-0001",),
    "evidence history": ("E-0001",),
    "evidence similar": (),
    "evidence search": ("photo",),
    "copies list": (),
    "timeline list": (),
    "takedown sites": (),
    "takedown list": (),
    "takedown next": (),
    "checklist list": (),
    "checklist show": ("instagram",),
    "password check": (),
    "profile show": (),
    "jurisdiction list": (),
    "safety": (),
    "timestamp list": (),
}
#: What standard input carries where a command reads it.
STDIN = {"password check": "Biscuit1994\n"}


def _commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[str]:
    """Every command of the parser's tree that takes --json, as its words."""
    for action in parser._actions:
        if "--json" in action.option_strings:
            yield " ".join(words)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*words, name))


def test_every_json_command_is_checked() -> None:
    assert set(_commands(build_parser(None))) == set(JSON_COMMANDS)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The made-up case (made in English), and a file with its passphrase."""
    folder = tmp_path_factory.mktemp("json")
    vault = create_demo_case(folder / "demo")
    vault.close()
    secret = folder / "passphrase"
    secret.write_text(DEMO_PASSPHRASE + "\n")
    yield vault.path, secret
    remove_demo_case(vault)  # and let go of its marker, as the app does when it closes


@pytest.mark.parametrize("command", sorted(JSON_COMMANDS))
def test_json_output_does_not_change_with_the_language(
    command: str, demo: tuple[Path, Path]
) -> None:
    case, secret = demo
    words = [*command.split(), *JSON_COMMANDS[command], "--json"]
    if command not in ("password check", "safety", "jurisdiction list", "takedown sites"):
        words += ["--vault", str(case), "--passphrase-file", str(secret)]
    stdin = STDIN.get(command)
    english = run_reclaim(*words, "--language", "en", stdin=stdin)
    assert english.returncode == 0, english.stderr
    assert english.stdout.lstrip().startswith(("{", "[")), english.stdout
    for code in ("es", "fr"):
        spoken = run_reclaim(*words, "--language", code, stdin=stdin)
        assert (spoken.returncode, spoken.stdout) == (0, english.stdout), code
