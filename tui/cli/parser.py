"""The `reclaim` parser. Each group of commands lives in a module of its own here and adds
itself to the parser; only the module of the command named on the command line is loaded,
so a command never pays for the others' options and imports."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any, NoReturn

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
    "declaration": "declaration",
    "legal": "legal",
    "checklist": "checklist",
    "password": "password",
    "profile": "password",
    "jurisdiction": "jurisdiction",
    "safety": "safety",
    "timestamp": "timestamp",
    "settings": "settings",
}
#: The options before a command that take a value (which is never the command's name).
TOP_OPTIONS_WITH_VALUES = frozenset({"--vault", "--passphrase-file", "--config"})
HELP = frozenset({"-h", "--help"})


#: The words being parsed and every name the parser knows (options, commands, choices),
#: while `ReclaimParser.parse_args` runs: each parser of the tree words its errors
#: without repeating what was typed (see `ReclaimParser.error`).
_TYPED: ContextVar[tuple[Sequence[str], frozenset[str]]] = ContextVar(
    "typed", default=((), frozenset())
)
#: A word typed as an option: a long one's name, and whatever follows its "="; a short
#: one's letter, and whatever is glued to it (with no space: argparse takes "-a b" for
#: a value, as in `--notes "-see above"`).
OPTION_SHAPE = re.compile(r"(--[A-Za-z0-9][\w-]*)(?:=.*)?|(-[A-Za-z])[^ ]*", re.DOTALL)
#: What an option of each type takes, for "not a whole number".
KINDS: dict[object, str] = {int: "a whole number", float: "a number"}
#: When nothing better can be said without repeating what was typed.
NOT_UNDERSTOOD = "Part of what was typed was not understood; reclaim --help says what it takes."
#: Typed words shorter than this can't be told from the words of a message.
SHORTEST_VALUE = 3


class ReclaimParser(argparse.ArgumentParser):
    """argparse without abbreviations (`--passphrase` must never be taken for
    `--passphrase-file`), and whose errors name the option or the position but never
    repeat a value typed: that may be a passphrase someone tried to type on the command
    line (`reclaim --passphrase "kettle meadow" evidence list`). Every parser of the
    tree is one of these (argparse makes sub-commands' parsers of the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        typed = _TYPED.set((words, known_names(self)))
        try:
            parsed, extras = self.parse_known_args(words, namespace)
            # An unknown option glued to a value with a space ("--pass=kettle meadow")
            # is no option to argparse: it would be taken as a file's name, say.
            unknown = unknown_options(words, _TYPED.get()[1])
            if extras or unknown:
                self.error(not_taken([*extras, *unknown]))
        finally:
            _TYPED.reset(typed)
        return parsed

    def error(self, message: str) -> NoReturn:
        words, known = _TYPED.get()
        super().error(without_values(message, words, known))

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """An invalid choice, named without the word typed."""
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(str(choice) for choice in action.choices)
            raise argparse.ArgumentError(action, f"that is not one of: {choices}")

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        """A value of the wrong type, named without the word typed."""
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            kind = KINDS.get(action.type, "something it can use")
            raise argparse.ArgumentError(action, f"that is not {kind}") from None


def not_taken(words: Sequence[str]) -> str:
    """What to say of words nothing takes: the options among them, by name."""
    options = sorted({name for word in words if (name := option_name(word))})
    if any("pass" in option or "code" in option for option in options):
        hint = (
            " A passphrase or recovery code is never taken on the command line: "
            "use --passphrase-file (or type it when asked)."
        )
    else:
        hint = ""
    named = ", ".join(options) if options else "some words"
    return f"{named}: not something this command takes.{hint}"


def option_name(word: str) -> str:
    """The option a typed word names ("--pass=x" names --pass; "-pkettle" names -p),
    or '' for a word that is no option."""
    shaped = OPTION_SHAPE.fullmatch(word)
    return (shaped.group(1) or shaped.group(2)) if shaped else ""


def unknown_options(words: Sequence[str], known: frozenset[str]) -> list[str]:
    """The words typed as options that no command has."""
    options, _rest = split_at_end_of_options(words)
    return [word for word in options if (name := option_name(word)) and name not in known]


def values_in(words: Sequence[str]) -> list[str]:
    """What was typed that is not an option's name: the words that are no option, what
    follows an option's "=", and what is glued to a short option ("-pkettle")."""
    values: list[str] = []
    options, rest = split_at_end_of_options(words)
    for word in options:
        name = option_name(word)
        values.append(word[len(name) :].removeprefix("=") if name else word)
    return [value for value in (*values, *rest) if len(value) >= SHORTEST_VALUE]


def split_at_end_of_options(words: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """The words before a "--", and those after it (never options, whatever they look like)."""
    if "--" not in words:
        return words, ()
    end = list(words).index("--")
    return words[:end], words[end + 1 :]


def without_values(message: str, words: Sequence[str], known: frozenset[str]) -> str:
    """argparse's `message`, reworded where it repeats a value typed."""
    who, _, what = message.partition(": ")
    if not who.startswith("argument "):
        who, what = "", message
    unknown = unknown_options(words, known)
    if unknown and not message.endswith(not_taken(unknown)):
        # Often the cause of what went wrong after it: the word after an option that is
        # not one is taken for the command ("invalid choice").
        return not_taken(unknown)
    if what.startswith("ignored explicit argument"):
        message = f"{who}: takes no value"
    elif message.startswith("ambiguous option: "):
        typed, _, matches = message.removeprefix("ambiguous option: ").rpartition(" could match ")
        message = f"{option_name(typed) or 'an option'} could be {matches}"
    elif message.startswith("unrecognized arguments: "):
        message = not_taken(words)
    for value in values_in(words):
        if value in known:
            continue
        written = (value, repr(value)[1:-1])
        if any(re.search(rf"(?<![\w-]){re.escape(each)}(?![\w-])", message) for each in written):
            if who and not any(each in who for each in written):
                return f"{who}: that is not something it can use"
            return NOT_UNDERSTOOD
    return message


def known_names(parser: argparse.ArgumentParser) -> frozenset[str]:
    """Every option, command, choice, metavar and destination of `parser`'s tree: words
    that may be named back."""
    names: set[str] = set()
    for action in parser._actions:
        names.update(action.option_strings)
        names.update(name for name in (action.dest, action.metavar) if isinstance(name, str))
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                names.add(command)
                names |= known_names(sub)
        elif action.choices is not None:
            names.update(str(choice) for choice in action.choices)
    return frozenset(names)


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
    parser.add_argument(
        "--plain",
        action="store_true",
        help="a guided walk, one line at a time, for a screen reader or braille display",
    )
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
