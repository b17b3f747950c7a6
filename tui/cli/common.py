"""What every command shares: reading secrets, opening the vault, progress, printing,
and the options and sub-command plumbing of the parser."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tui.core.shared import clock
from tui.core.shared.i18n import LANGUAGES, N_, _, language_tag, ngettext
from tui.core.shared.text import size

if TYPE_CHECKING:
    from tui.core.settings import Settings
    from tui.core.vault.vault import Vault

Handler = Callable[[argparse.Namespace], int]
#: What `ArgumentParser.add_subparsers()` returns (a private argparse type).
Commands = Any


# ---- reading secrets ----------------------------------------------------------------

#: Each secret a command reads, by its key: (its name, its name as a sentence's subject,
#: when none was given, when it is empty). Whole sentences, so that a language whose
#: words agree with the secret's gender can say each one rightly.
SECRETS: dict[str, tuple[str, str, str, str]] = {
    "passphrase": (
        N_("passphrase"),
        N_("the passphrase"),
        N_(
            "No passphrase was given. Use --passphrase-file FILE (or - for standard input), "
            "or run this in a terminal."
        ),
        N_("The passphrase is empty."),
    ),
    "new passphrase": (
        N_("new passphrase"),
        N_("the new passphrase"),
        N_(
            "No new passphrase was given. Use --passphrase-file FILE (or - for standard "
            "input), or run this in a terminal."
        ),
        N_("The new passphrase is empty."),
    ),
    "recovery code": (
        N_("recovery code"),
        N_("the recovery code"),
        N_(
            "No recovery code was given. Use --passphrase-file FILE (or - for standard "
            "input), or run this in a terminal."
        ),
        N_("The recovery code is empty."),
    ),
    "binder password": (
        N_("binder password"),
        N_("the binder password"),
        N_(
            "No binder password was given. Use --passphrase-file FILE (or - for standard "
            "input), or run this in a terminal."
        ),
        N_("The binder password is empty."),
    ),
    "PIN": (
        N_("PIN"),
        N_("the PIN"),
        N_(
            "No PIN was given. Use --passphrase-file FILE (or - for standard input), "
            "or run this in a terminal."
        ),
        N_("The PIN is empty."),
    ),
}


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _read_line(source: str, what: str) -> str:
    if source == "-":
        line = sys.stdin.readline()
    else:
        from tui.core.shared.errors import InputError

        # The path is never repeated back: it may be the passphrase itself, typed where
        # its file's name belongs (`--passphrase-file "kettle meadow signal crayon"`).
        try:
            with Path(source).open(encoding="utf-8") as handle:
                line = handle.readline()
        except FileNotFoundError:
            raise InputError(
                _(
                    "There is no file at the path given for {the_secret}: give the path of "
                    "a file that holds it (or - for standard input), or leave it out to "
                    "type it."
                ).format(the_secret=_(SECRETS[what][1]))
            ) from None
        except (OSError, UnicodeDecodeError):
            said = _("{the_secret} could not be read from the file given.")
            raise InputError(_capitalized(said.format(the_secret=_(SECRETS[what][1])))) from None
    return line.removesuffix("\n").removesuffix("\r")


def read_secret(source: str | None, what: str) -> str:
    """A passphrase or code from a file, standard input, or a no-echo terminal prompt.
    `what` names it: one of `SECRETS`."""
    from tui.core.shared.errors import InputError

    name, _the_name, not_given, empty = SECRETS[what]
    if source is not None:
        secret = _read_line(source, what)
    elif sys.stdin.isatty():
        secret = getpass.getpass(_capitalized(_(name)) + ": ")
    else:
        raise InputError(_(not_given))
    if not secret:
        raise InputError(_(empty))
    return secret


#: How the command line offers a generated passphrase, in the weak-passphrase advice.
MAKE_ONE = N_("run 'reclaim password generate' for one")


def read_new_passphrase(
    source: str | None, personal_words: Mapping[str, str] | Iterable[str] = ()
) -> str:
    """A new passphrase: typed twice on a terminal, checked for strength against the
    case's own words (`personal_words`, its profile; a new case has none)."""
    from tui.core.passwords.strength import weakness
    from tui.core.shared.errors import InputError

    passphrase = read_secret(source, "new passphrase")  # i18n: not shown
    if source is None and getpass.getpass(_("Type it again: ")) != passphrase:
        raise InputError(_("The two passphrases are not the same; nothing was changed."))
    if problem := weakness(passphrase, personal_words, make_one=_(MAKE_ONE)):
        raise InputError(problem)
    return passphrase


# ---- opening the vault --------------------------------------------------------------


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings file's (`--config`, `RECLAIM_CONFIG`, or the usual place)."""
    from tui.core.settings import load_settings

    config = getattr(args, "config", None)
    return load_settings(Path(config).expanduser() if config else None)


def vault_path(args: argparse.Namespace) -> Path:
    from tui.core.vault.layout import default_vault_dir

    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


def open_vault(args: argparse.Namespace) -> Vault:
    """Unlock the case; say at once if it holds evidence its record doesn't know. Should
    that fail, the case is closed again (its lock let go) before the error goes on."""
    from tui.core.evidence.strays import any_strays, strays

    vault = _unlock(args)
    try:
        for notice in vault.notices:
            print(notice, file=sys.stderr)
        if any_strays(vault) and (found := strays(vault)):
            print(missing_from_record(len(found)), file=sys.stderr)
    except BaseException:
        vault.close()
        raise
    return vault


def missing_from_record(count: int) -> str:
    """What to say of blobs in the case folder that the record doesn't list."""
    return ngettext(
        "{count} exhibit is in the case folder but missing from its record (an older copy "
        "of the record may have been put back, or a save was interrupted). Nothing is lost: "
        "`reclaim evidence recover` takes them back.",
        "{count} exhibits are in the case folder but missing from its record (an older copy "
        "of the record may have been put back, or a save was interrupted). Nothing is lost: "
        "`reclaim evidence recover` takes them back.",
        count,
    ).format(count=count)


def _unlock(args: argparse.Namespace) -> Vault:
    """Unlock with the recovery code, a remembered key, or the passphrase."""
    from tui.core.shared.errors import VaultDamaged
    from tui.core.vault import device_keyring
    from tui.core.vault.vault import Vault, read_header

    path = vault_path(args)
    header = read_header(path)
    if getattr(args, "recovery_code", False):
        return Vault.open(path, recovery_code=read_secret(args.passphrase_file, "recovery code"))
    if args.passphrase_file is None and (key := device_keyring.recall(header.vault_id)):
        try:
            return Vault.open(path, data_key=key)
        except VaultDamaged:
            pass  # a stale remembered key: fall back to asking
    return Vault.open(path, passphrase=read_secret(args.passphrase_file, "passphrase"))


def has_case(args: argparse.Namespace) -> bool:
    """Whether there is a case at --vault (or the default place) to open."""
    from tui.core.vault.layout import is_vault

    return is_vault(vault_path(args))


def passphrase_given(args: argparse.Namespace) -> bool:
    """Whether --passphrase-file gives the passphrase with nobody typing it: a file, or
    standard input that is no terminal."""
    source = args.passphrase_file
    return source is not None and not (source == "-" and sys.stdin.isatty())


def open_vault_without_asking(args: argparse.Namespace) -> Vault | None:
    """The case, when it opens with nobody asked anything: with the passphrase file given
    (standard input only when it is no terminal, where someone would have to type), or a
    key this computer remembers. None when it would have to ask, when there is no case,
    or when it does not open (a wrong passphrase, a damaged case): the caller goes on
    without it. For what must never wait behind a lock: `reclaim safety`."""
    from tui.core.shared.errors import ReclaimError
    from tui.core.vault import device_keyring
    from tui.core.vault.vault import Vault, read_header

    path = vault_path(args)
    try:
        if passphrase_given(args):
            return Vault.open(path, passphrase=read_secret(args.passphrase_file, "passphrase"))
        if args.passphrase_file is not None:
            return None  # standard input is a terminal: someone would have to type
        key = device_keyring.recall(read_header(path).vault_id)
        return Vault.open(path, data_key=key) if key else None
    except (ReclaimError, OSError, ValueError):
        return None


# ---- progress -----------------------------------------------------------------------


class StderrProgress:
    """Progress for long work, on standard error, at most a few times a second."""

    THRESHOLD = 32 * 1024 * 1024

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.THRESHOLD:
            return
        now = clock.monotonic()
        if done < total and now - self._last < 0.5:
            return
        self._last = now
        percent = 100 * done // max(total, 1)
        end = "\r" if self.stream.isatty() and done < total else "\n"
        said = _("{label}: {percent}% of {size}").format(
            label=self.label, percent=percent, size=size(total)
        )
        self.stream.write(said + end)
        self.stream.flush()
        self._shown = True


def say(text: str = "") -> None:
    """Print a line for the person. Every field from the case should already have gone
    through `shown`; this is the net under it: no escape sequence, bidi control or
    other control character but a newline or tab reaches the terminal, whatever the
    caller forgot (see `tui.core.shared.display`)."""
    from tui.core.shared.display import shown_block

    print(shown_block(text), flush=True)


def warn(text: str) -> None:
    """`say`, on standard error: for notices beside the output, not part of it."""
    from tui.core.shared.display import shown_block

    print(shown_block(text), file=sys.stderr, flush=True)


def say_json(data: object, **options: Any) -> None:
    """Machine-readable output. The strings stay exact (a program reading it gets the
    stored values back), but every character a terminal might obey is a \\u escape."""
    import json

    from tui.cli.output_encoding import takes_every_character
    from tui.core.shared.display import shown_json

    plain = not takes_every_character()  # an ASCII line gets \u escapes, still exact
    say(shown_json(json.dumps(data, indent=2, ensure_ascii=plain, **options)))


def add_common_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """Options every command takes, before or after the command's name."""
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--vault",
        metavar="DIR",
        default=default,
        help=_("the case folder (default: your data folder)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="PATH",
        default=default,
        help=_("read the passphrase from the first line of PATH (- for standard input)"),
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        type=language_tag,
        choices=list(LANGUAGES),
        default=default,
        help=_("the language to speak: en, es or fr (default: the one LANG asks for)"),
    )


def add_command(
    group: Commands, name: str, handler: Handler, doing: str, help_text: str
) -> argparse.ArgumentParser:
    """A sub-command; `doing` finishes the sentence of any error ("while adding the evidence")."""
    sub: argparse.ArgumentParser = group.add_parser(name, help=help_text, description=help_text)
    add_common_options(sub, top=False)
    sub.set_defaults(handler=handler, doing=doing)
    return sub


def add_group(commands: Commands, name: str, help_text: str) -> Commands:
    """A command that only groups others (`reclaim evidence add`)."""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    group = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND")
    group.required = True
    return group
