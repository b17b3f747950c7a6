"""The `reclaim` parser. Each group of commands lives in a module of its own here and adds
itself to the parser; only the module of the command named on the command line is loaded,
so a command never pays for the others' options and imports."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any

from tui import __version__
from tui.cli.common import add_common_options

#: Every command, and the module here that adds it to the parser, in the order that
#: `reclaim --help` lists them.
COMMAND_MODULES = {
    "init": "case",
    "unlock": "case",
    "remember": "case",
    "forget": "case",
    "log": "case",
    "passphrase": "case",
    "evidence": "evidence",
    "backup": "copies",
    "restore": "copies",
    "copies": "copies",
    "timeline": "timeline",
    "binder": "binder",
    "takedown": "takedown",
    "letter": "letter",
    "legal": "legal",
    "checklist": "checklist",
    "password": "password",
    "profile": "password",
    "jurisdiction": "jurisdiction",
    "safety": "safety",
}
#: The options before a command that take a value (which is never the command's name).
TOP_OPTIONS_WITH_VALUES = frozenset({"--vault", "--passphrase-file", "--config"})
HELP = frozenset({"-h", "--help"})


class ReclaimParser(argparse.ArgumentParser):
    """argparse without abbreviations (`--passphrase` must never be taken for
    `--passphrase-file`), and an unknown option named without repeating what followed it:
    that may be a passphrase someone tried to type on the command line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = sorted({extra.split("=", 1)[0] for extra in extras if extra[:1] == "-"})
            if any("pass" in option or "code" in option for option in options):
                hint = (
                    " A passphrase or recovery code is never taken on the command line: "
                    "use --passphrase-file (or type it when asked)."
                )
            else:
                hint = ""
            named = ", ".join(options) if options else "some words"
            self.error(f"{named}: not something this command takes.{hint}")
        return parsed


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: with the command it names, or with every command when it
    asks for help, names something that is not a command, or is not given (None)."""
    parser = ReclaimParser(
        prog="reclaim",
        description=(
            "Reclaim keeps the evidence of image-based abuse safe, encrypted on this "
            "computer, and helps you put your case in order."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reclaim {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a made-up sample case (removed on exit)"
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="clinic mode: separate cases, short idle lock"
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (idle lock, contacts)")
    add_common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules_for(argv):
        # Loaded here, by name: a command loads only its own module (see COMMAND_MODULES).
        importlib.import_module(f"tui.cli.{module}").register(commands)
    return parser


def modules_for(argv: Sequence[str] | None) -> list[str]:
    """The command modules the parser for `argv` needs, in their order in --help."""
    every = list(dict.fromkeys(COMMAND_MODULES.values()))
    if argv is None:
        return every
    command, asks_help = named_command(argv)
    if command is None:
        return every if asks_help else []  # the app, --version, or a top option's error
    if command in COMMAND_MODULES:
        return [COMMAND_MODULES[command]]
    return every  # argparse names the commands there are


def named_command(argv: Sequence[str]) -> tuple[str | None, bool]:
    """The first word of `argv` that is neither an option nor an option's value, and
    whether help was asked for before it."""
    words = iter(argv)
    for word in words:
        if word in HELP:
            return None, True
        if word == "--":
            return next(words, None), False
        if word in TOP_OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word, False
    return None, False
