"""The command line takes no abbreviations and never repeats what followed an unknown
option: that may be a passphrase someone typed where it doesn't belong."""

from __future__ import annotations

import argparse

import pytest

from tests.support.cli import run_reclaim
from tui.cli.parser import NOT_UNDERSTOOD, build_parser, known_names, without_values


def test_a_passphrase_typed_as_an_option_is_refused_and_not_echoed():
    secret = "tender-quilt-orbit-canyon"
    done = run_reclaim("evidence", "list", "--passphrase", secret)
    assert done.returncode == 2
    assert secret not in done.stdout + done.stderr
    assert "--passphrase: not something this command takes" in done.stderr
    assert "--passphrase-file" in done.stderr


def test_abbreviations_are_not_taken_for_options(tmp_path):
    done = run_reclaim("evidence", "list", "--passphrase-fil", str(tmp_path / "x"))
    assert done.returncode == 2 and "--passphrase-fil:" in done.stderr
    assert str(tmp_path) not in done.stderr


#: A passphrase, typed where it doesn't belong; with a quote and a backslash, which
#: argparse would show escaped.
SECRET = "kettle meadow signal crayon"
ODD_SECRET = "kettle's \\ meadow"


def refused_without_echo(*argv: str, secret: str = SECRET) -> str:
    """`reclaim ARGV` is refused as a usage error; what it said, checked to hold neither
    the secret nor any part of it."""
    done = run_reclaim(*argv)
    said = done.stdout + done.stderr
    assert done.returncode == 2, said
    assert secret not in said and repr(secret)[1:-1] not in said, said
    assert not any(word in said for word in secret.split() if len(word) > 3), said
    return done.stderr


def test_a_passphrase_before_the_command_is_not_taken_for_the_command():
    """It used to answer "invalid choice: 'kettle meadow signal crayon'"."""
    said = refused_without_echo("--passphrase", SECRET, "evidence", "list")
    assert "--passphrase: not something this command takes" in said
    assert "use --passphrase-file" in said


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        # invalid choices: the command, a group's command, an option's choices
        ((SECRET,), "argument COMMAND: that is not one of: init, unlock,"),
        (("evidence", SECRET), "argument COMMAND: that is not one of: add, list,"),
        (("takedown", "update", "R-001", "--status", SECRET), "argument --status: that is not"),
        # a value of the wrong type
        (("password", "generate", "--words", SECRET), "argument --words: that is not a whole"),
        # unrecognized arguments: loose words, or after an unknown option's =
        (("evidence", "list", SECRET), "some words: not something this command takes"),
        (("evidence", "list", f"--passphrase={SECRET}"), "--passphrase: not something"),
        (("safety", f"--pass={SECRET}"), "--pass: not something this command takes"),
        # a value given to an option that takes none
        (("evidence", "list", f"--json={SECRET}"), "argument --json: takes no value"),
        ((f"-h{SECRET}",), "argument -h/--help: takes no value"),
        (("safety", f"-p{SECRET}"), "some words: not something this command takes"),
        (("safety", "-pkettle"), "-p: not something this command takes"),
        (("evidence", "add", f"--nope={SECRET}"), "--nope: not something this command takes"),
    ],
)
def test_no_kind_of_usage_error_repeats_the_value_typed(argv: tuple[str, ...], says: str):
    assert says in refused_without_echo(*argv)
    assert says in refused_without_echo(
        *(a.replace(SECRET, ODD_SECRET) for a in argv), secret=ODD_SECRET
    )


def test_an_ambiguous_option_is_named_without_its_value():
    """argparse says this only where abbreviations are allowed (never here, in this
    Python), so it is checked on its own message."""
    message = f"ambiguous option: --pass={SECRET} could match --passphrase-file, --password"
    words = ("evidence", "list", f"--pass={SECRET}")
    said = without_values(message, words, known_names(build_parser(list(words))))
    assert SECRET not in said and "--pass" in said


def test_a_message_that_still_holds_a_value_is_replaced():
    """The net under the rewordings: whatever argparse (or a later Python) says, a word
    typed that is no known name never comes back."""
    words = ("timeline", "list", SECRET)
    known = known_names(build_parser(list(words)))
    said = without_values(f"argument --since: bad date {SECRET!r}", words, known)
    assert said == "argument --since: that is not something it can use"
    assert without_values(f"nothing good: {SECRET}", words, known) == NOT_UNDERSTOOD
    assert without_values("argument --since: expected one argument", words, known) == (
        "argument --since: expected one argument"
    )


def test_every_command_refuses_an_unknown_option_without_its_value():
    parser = build_parser(None)
    for command in commands_of(parser):
        said = refused_without_echo(*command, f"--nope={SECRET}")
        assert "--nope: not something this command takes" in said, command
    for group in groups_of(parser):
        said = refused_without_echo(*group, SECRET)
        assert "that is not one of:" in said, group


def commands_of(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    """Every command of the tree, as the words that name it ("evidence", "add")."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands_of(sub, (*path, name)) or [(*path, name)]
    return found


def groups_of(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    """The words naming each command that only groups others, and () for the top."""
    commands = commands_of(parser)
    return sorted({command[:depth] for command in commands for depth in range(len(command))})


def test_a_value_that_starts_with_a_dash_is_still_taken():
    words = ["takedown", "update", "R-001", "--notes", "-see above", "--reference=a b"]
    parsed = build_parser(words).parse_args(words)
    assert (parsed.notes, parsed.reference) == ("-see above", "a b")


def test_a_passphrase_typed_for_its_files_name_is_not_repeated_back(tmp_path):
    """`--passphrase-file "kettle meadow signal crayon"`: an easy slip, which used to
    answer "There is no file at kettle meadow signal crayon ..."."""
    case = str(tmp_path / "case")
    for command in (("init",), ("evidence", "list"), ("safety", "--json")):
        done = run_reclaim(*command, "--vault", case, "--passphrase-file", SECRET)
        assert SECRET not in done.stdout + done.stderr, command
    done = run_reclaim("init", "--vault", case, "--passphrase-file", SECRET)
    assert (
        done.returncode == 1 and "no file at the path given for the new passphrase" in done.stderr
    )
