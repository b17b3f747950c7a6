"""`reclaim password ...` and `reclaim profile ...`: strength checks that know the
person, passphrases, and the words of the case profile. A password is read from
standard input only, never from the command line, and never printed."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown
from tui.core.shared.i18n import _, ngettext, speaking


def _read_password() -> str:
    from tui.core.shared.errors import InputError

    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(_("Password to check (not shown): "))
    else:
        password = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    if not password:
        raise InputError(_("No password was given: type it, or pipe it in on standard input."))
    return password


def cmd_check(args: argparse.Namespace) -> int:
    from tui.core.passwords.strength import ABOUT_YOU, assess
    from tui.core.shared.errors import InputError

    personal: dict[str, str] = {}
    if args.vault is not None:
        if args.passphrase_file in (None, "-"):
            raise InputError(
                _(
                    "Standard input carries the password, so give the case's passphrase with "
                    "--passphrase-file FILE."
                )
            )
        from tui.core.passwords.profile import load

        with open_vault(args) as vault:
            personal = load(vault).personal_words()
    for word in args.personal or ():
        from tui.core.passwords.profile import word_variants

        for variant in word_variants(word) | {word.casefold()}:
            personal.setdefault(variant, ABOUT_YOU)
    password = _read_password()
    # --json is for programs: its words stay English in every language.
    with speaking("en") if args.json else nullcontext():
        found = assess(password, personal)
    warning = " ".join(part for part in (found.personal_warning, found.warning) if part)
    if args.json:
        record = {
            "score": found.score,
            "guesses": found.guesses,
            "crack_time": found.crack_time,
            "warning": warning,
            "suggestions": list(found.suggestions),
        }
        say_json(record)
        return 0
    say(_("Strength: {score} of 4, {words}").format(score=found.score, words=_(found.words)))
    say(_("Guesses needed: about {guesses}").format(guesses=f"{found.guesses:.3g}"))
    say(_("Time to crack offline (slow hash): {time}").format(time=_(found.crack_time)))
    if warning:
        # It may quote a word from the profile.
        say(_("Warning: {text}").format(text=shown(warning)))
    for suggestion in found.suggestions:
        say(_("Try: {text}").format(text=shown(suggestion)))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from tui.core.passwords.passphrase import SEPARATORS, entropy_bits, generate

    separator = SEPARATORS.get(args.separator, args.separator)
    passphrase = generate(args.words, separator)
    said = ngettext(
        "{count} random word ({bits} bits):",
        "{count} random words ({bits} bits):",
        args.words,
    )
    print(said.format(count=args.words, bits=f"{entropy_bits(args.words):.0f}"), file=sys.stderr)
    say(passphrase)
    return 0


def cmd_profile_show(args: argparse.Namespace) -> int:
    from tui.core.passwords.profile import LABELS, load

    with open_vault(args) as vault:
        profile = load(vault)
    if args.json:
        say_json(profile.to_record())
        return 0
    for name, label in LABELS.items():
        words = ", ".join(shown(word) for word in getattr(profile, name))
        say(_("{label}: {value}").format(label=_(label), value=words or "-"))
    return 0


def cmd_profile_set(args: argparse.Namespace) -> int:
    from tui.core.passwords.profile import change, split_entries

    entries = [entry for value in args.values for entry in split_entries(value)]
    with open_vault(args) as vault:  # read and written in one transaction: that field only
        change(vault, {args.field: entries})
    say(
        _("Saved {count} {field} in your case profile.").format(
            count=len(entries), field=args.field
        )
    )
    return 0


def register(commands: Commands) -> None:
    from tui.core.passwords.passphrase import DEFAULT_WORDS, SEPARATORS
    from tui.core.passwords.profile import KINDS

    group = add_group(commands, "password", _("check a password, or make a passphrase"))
    check = add_command(
        group,
        "check",
        cmd_check,
        _("checking the password"),
        _("how strong a password is (read from standard input, never shown)"),
    )
    check.add_argument("--json", action="store_true", help=_("machine-readable output"))
    check.add_argument(
        "--personal",
        metavar="WORD",
        action="append",
        help=_("a word about you that a guesser would try (repeatable)"),
    )
    generate = add_command(
        group, "generate", cmd_generate, _("making a passphrase"), _("print one random passphrase")
    )
    generate.add_argument("--words", type=int, default=DEFAULT_WORDS, help=_("how many words"))
    generate.add_argument(
        "--separator",
        default="dash",
        help=_("between words: {separators}, or any text (default: dash)").format(
            separators=", ".join(SEPARATORS)
        ),
    )

    profile = add_group(commands, "profile", _("the words about you that passwords should avoid"))
    show = add_command(
        profile, "show", cmd_profile_show, _("reading the profile"), _("show the case profile")
    )
    show.add_argument("--json", action="store_true", help=_("machine-readable output"))
    set_ = add_command(
        profile, "set", cmd_profile_set, _("saving the profile"), _("replace one field's entries")
    )
    set_.add_argument("field", choices=list(KINDS), help=_("which list to set"))
    set_.add_argument("values", nargs="*", metavar="VALUE", help=_("entries (commas split too)"))
