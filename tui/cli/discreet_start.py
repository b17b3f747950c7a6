"""Discreet mode from the first moment of any `reclaim` command (issue 29): the process is
named "notes" in `ps` before a command's work begins (a backup, a binder, a big file
added can run long enough to be seen), and `--help` names "notes", not Reclaim.

Read from the words typed, before the parser is built: the settings file (`--config`,
RECLAIM_CONFIG or the usual place) and the case folder (`--vault` or the usual one).
A settings file that can't be read counts as no setting here: the command says why
itself, in its own words, once it runs."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from tui.core.shared.i18n import _
from tui.process_name import PROCESS_NAME

#: The program's name in the help and the errors of the command line, in discreet mode.
NEUTRAL_PROG = PROCESS_NAME


def discreet_asked(words: Sequence[str]) -> bool:
    """Whether discreet mode is on for `reclaim WORDS`: in the settings, or the case
    named (or the usual one) was made discreet."""
    from tui.cli.parser import split_at_end_of_options
    from tui.core.settings import Settings, is_discreet, load_settings
    from tui.core.vault.layout import default_vault_dir

    options, _rest = split_at_end_of_options(words)
    config, vault = _value(options, "--config"), _value(options, "--vault")
    try:
        settings = load_settings(Path(config).expanduser() if config else None)
    except Exception:  # said by the command itself, in its own words, once it runs
        settings = Settings()
    try:
        folder = Path(vault).expanduser() if vault else default_vault_dir()
        return is_discreet(settings, folder)
    except (OSError, RuntimeError):  # no home folder to look in: the settings alone
        return settings.discreet


def _value(options: Sequence[str], name: str) -> str | None:
    """The last value given to the option `name` (`--config PATH` or `--config=PATH`)."""
    found = None
    for index, word in enumerate(options):
        if word == name and index + 1 < len(options):
            found = options[index + 1]
        elif word.startswith(name + "="):
            found = word.removeprefix(name + "=")
    return found


def neutral_parser(parser: argparse.ArgumentParser) -> None:
    """`parser`'s tree named "notes" (`notes binder --help`, `notes: error: …`), with a
    description that says nothing of what it keeps."""
    parser.description = _("Your notes, kept private and encrypted on this computer.")
    _rename(parser, parser.prog)


def _rename(parser: argparse.ArgumentParser, old: str) -> None:
    if parser.prog == old or parser.prog.startswith(old + " "):
        parser.prog = NEUTRAL_PROG + parser.prog.removeprefix(old)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action._prog_prefix = NEUTRAL_PROG + action._prog_prefix.removeprefix(old)
            for child in {id(p): p for p in action.choices.values()}.values():
                _rename(child, old)
