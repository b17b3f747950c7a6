"""The `reclaim` parser. Each group of commands lives in a module of its own here and adds
itself to the parser; only the module of the command named on the command line is loaded,
so a command never pays for the others' options and imports."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NoReturn

from tui import __version__
from tui.cli.common import add_common_options
from tui.core.shared import i18n
from tui.core.shared.i18n import N_, _, language_tag

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
TOP_OPTIONS_WITH_VALUES = frozenset({"--vault", "--passphrase-file", "--config", "--language"})
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
#: What is said of a value that is not of its option's type.
KINDS: dict[object, str] = {
    int: N_("that is not a whole number"),
    float: N_("that is not a number"),
}
NOT_USABLE = N_("that is not something it can use")
#: When nothing better can be said without repeating what was typed.
NOT_UNDERSTOOD = N_(
    "Part of what was typed was not understood; reclaim --help says what it takes."
)

# ---- argparse's own words ------------------------------------------------------------
#: The sentences of the standard library's argparse that a person may read (help and
#: errors), as it writes them in Python 3.11 to 3.13; they are translated in this
#: domain's catalogue, and argparse is given them while `argparse_in_language` lasts.
USAGE = N_("usage: ")
ARGUMENT = N_("argument %(argument_name)s: %(message)s")
ERROR = N_("%(prog)s: error: %(message)s\n")
IGNORED = N_("ignored explicit argument %r")
AMBIGUOUS = N_("ambiguous option: %(option)s could match %(matches)s")
UNRECOGNIZED = N_("unrecognized arguments: %s")
ARGPARSE_WORDS = (
    USAGE,
    ARGUMENT,
    ERROR,
    IGNORED,
    AMBIGUOUS,
    UNRECOGNIZED,
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("unexpected option string: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return i18n.ngettext(singular, plural, count)


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """While it lasts, argparse writes its own words ("usage:", "options", "the following
    arguments are required") in the language spoken. argparse looks its `_` and
    `ngettext` up in its module each time it writes (`from gettext import gettext as _`),
    so they are swapped there, and put back afterwards."""
    saved = argparse.__dict__.get("_"), argparse.__dict__.get("ngettext")
    setattr(argparse, "_", i18n._)  # noqa: B010 (not an attribute typeshed knows)
    setattr(argparse, "ngettext", _argparse_ngettext)  # noqa: B010
    try:
        yield
    finally:
        for name, was in zip(("_", "ngettext"), saved, strict=True):
            if was is not None:
                setattr(argparse, name, was)


def asked_language(words: Sequence[str]) -> str | None:
    """The language --language asks for in `words` (before or after the command), read
    before the parser is built, so that its help is written in that language."""
    options, _rest = split_at_end_of_options(words)
    asked = None
    for index, word in enumerate(options):
        if word == "--language" and index + 1 < len(options):
            asked = options[index + 1]
        elif word.startswith("--language="):
            asked = word.removeprefix("--language=")
    return language_tag(asked) if asked else None


def _around(template: str, name: str) -> tuple[str, str]:
    """The words of a translated argparse `template` before and after `%(name)s`."""
    head, _found, tail = template.partition(f"%({name})s")
    return head, tail


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
        """An invalid choice, named without the word typed. An option given without its
        value takes its `const` ("--declaration" alone: the kind for where the person
        lives), which Python 3.11 checks against the choices too; it is always taken."""
        if action.nargs == argparse.OPTIONAL and value == action.const:
            return
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(str(choice) for choice in action.choices)
            raise argparse.ArgumentError(
                action, _("that is not one of: {choices}").format(choices=choices)
            )

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        """A value of the wrong type, named without the word typed."""
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            said = KINDS.get(action.type, _(NOT_USABLE))
            raise argparse.ArgumentError(action, _(said)) from None


def not_taken(words: Sequence[str]) -> str:
    """What to say of words nothing takes: the options among them, by name."""
    options = sorted({name for word in words if (name := option_name(word))})
    named = ", ".join(options) if options else _("some words")
    said = _("{named}: not something this command takes.").format(named=named)
    if any("pass" in option or "code" in option for option in options):
        said += " " + _(
            "A passphrase or recovery code is never taken on the command line: "
            "use --passphrase-file (or type it when asked)."
        )
    return said


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
    """argparse's `message` (in the language spoken: see `argparse_in_language`),
    reworded where it repeats a value typed."""
    head, tail = _around(_(ARGUMENT), "argument_name")
    between = tail.partition("%(message)s")[0]
    who, what = "", message
    if head and message.startswith(head) and between in message:
        who, _found, what = message.removeprefix(head).partition(between)

    def about(said: str) -> str:
        return _(ARGUMENT) % {"argument_name": who, "message": said}

    unknown = unknown_options(words, known)
    if unknown and not message.endswith(not_taken(unknown)):
        # Often the cause of what went wrong after it: the word after an option that is
        # not one is taken for the command ("invalid choice").
        return not_taken(unknown)
    ambiguous, could_match = _around(_(AMBIGUOUS), "option")
    could_match = could_match.partition("%(matches)s")[0]
    if who and what.startswith(_(IGNORED).partition("%r")[0]):
        message = about(_("takes no value"))
    elif message.startswith(ambiguous) and could_match in message:
        typed, _found, matches = message.removeprefix(ambiguous).rpartition(could_match)
        message = _("{option} could be {matches}").format(
            option=option_name(typed) or _("an option"), matches=matches
        )
    elif message.startswith(_(UNRECOGNIZED).partition("%s")[0]):
        message = not_taken(words)
    for value in values_in(words):
        if value in known:
            continue
        written = (value, repr(value)[1:-1])
        if any(re.search(rf"(?<![\w-]){re.escape(each)}(?![\w-])", message) for each in written):
            if who and not any(each in who for each in written):
                return about(_(NOT_USABLE))
            return _(NOT_UNDERSTOOD)
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
            names.update(getattr(action.choices, "values", ()))  # ChoiceWords' English
    return frozenset(names)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: with the command it names, or with every command when it
    asks for help, names something that is not a command, or is not given (None)."""
    parser = ReclaimParser(
        prog="reclaim",
        description=(
            _(
                "Reclaim keeps the evidence of image-based abuse safe, encrypted on this "
                "computer, and helps you put your case in order."
            )
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"reclaim {__version__}",
        help=_("show program's version number and exit"),  # not translated by 3.11's argparse
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open a made-up sample case (removed on exit)")
    )
    parser.add_argument(
        "--kiosk", action="store_true", help=_("clinic mode: separate cases, short idle lock")
    )
    parser.add_argument("--config", metavar="PATH", help=_("settings file (idle lock, contacts)"))
    parser.add_argument(
        "--plain",
        action="store_true",
        help=_("a guided walk, one line at a time, for a screen reader or braille display"),
    )
    add_common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules_for(argv):
        # Loaded here, by name: a command loads only its own module (see COMMAND_MODULES).
        importlib.import_module(f"tui.cli.{module}").register(commands)
    say_metavars(parser)
    return parser


def say_metavars(parser: argparse.ArgumentParser) -> None:
    """Every placeholder of `parser`'s tree (`--vault DIR`, `COMMAND`) in the language
    spoken (`metavars.said`), as argparse will write it in the usage, the help and the
    errors. An option given none stands for its name in capitals, as argparse writes it."""
    from tui.cli.metavars import said

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                say_metavars(sub)
        if isinstance(action.metavar, str):
            action.metavar = said(action.metavar)
        elif isinstance(action.metavar, tuple):
            action.metavar = tuple(said(each) for each in action.metavar)
        elif action.option_strings and action.nargs != 0 and action.choices is None:
            action.metavar = said(action.dest.upper())


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
