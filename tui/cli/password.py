"""`reclaim password ...` and `reclaim profile ...`: strength checks that know the
person, passphrases, and the words of the case profile. A password is read from
standard input only, never from the command line, and never printed."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown


def _read_password() -> str:
    from tui.core.shared.errors import InputError

    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass("Password to check (not shown): ")
    else:
        password = sys.stdin.readline().removesuffix("\n").removesuffix("\r")
    if not password:
        raise InputError("No password was given: type it, or pipe it in on standard input.")
    return password


def cmd_check(args: argparse.Namespace) -> int:
    from tui.core.passwords.strength import ABOUT_YOU, assess
    from tui.core.shared.errors import InputError

    personal: dict[str, str] = {}
    if args.vault is not None:
        if args.passphrase_file in (None, "-"):
            raise InputError(
                "Standard input carries the password, so give the case's passphrase with "
                "--passphrase-file FILE."
            )
        from tui.core.passwords.profile import load

        with open_vault(args) as vault:
            personal = load(vault).personal_words()
    for word in args.personal or ():
        from tui.core.passwords.profile import word_variants

        for variant in word_variants(word) | {word.casefold()}:
            personal.setdefault(variant, ABOUT_YOU)
    found = assess(_read_password(), personal)
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
    say(f"Strength: {found.score} of 4, {found.words}")
    say(f"Guesses needed: about {found.guesses:.3g}")
    say(f"Time to crack offline (slow hash): {found.crack_time}")
    if warning:
        say(f"Warning: {shown(warning)}")  # it may quote a word from the profile
    for suggestion in found.suggestions:
        say(f"Try: {shown(suggestion)}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from tui.core.passwords.passphrase import SEPARATORS, entropy_bits, generate

    separator = SEPARATORS.get(args.separator, args.separator)
    passphrase = generate(args.words, separator)
    print(
        f"{args.words} random words from the EFF list ({entropy_bits(args.words):.0f} bits):",
        file=sys.stderr,
    )
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
        say(f"{label}: {words or '-'}")
    return 0


def cmd_profile_set(args: argparse.Namespace) -> int:
    from tui.core.passwords.profile import change, split_entries

    entries = [entry for value in args.values for entry in split_entries(value)]
    with open_vault(args) as vault:  # read and written in one transaction: that field only
        change(vault, {args.field: entries})
    say(f"Saved {len(entries)} {args.field} in your case profile.")
    return 0


def register(commands: Commands) -> None:
    from tui.core.passwords.passphrase import DEFAULT_WORDS, SEPARATORS
    from tui.core.passwords.profile import KINDS

    group = add_group(commands, "password", "check a password, or make a passphrase")
    check = add_command(
        group,
        "check",
        cmd_check,
        "checking the password",
        "how strong a password is (read from standard input, never shown)",
    )
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument(
        "--personal",
        metavar="WORD",
        action="append",
        help="a word about you that a guesser would try (repeatable)",
    )
    generate = add_command(
        group, "generate", cmd_generate, "making a passphrase", "print one random passphrase"
    )
    generate.add_argument("--words", type=int, default=DEFAULT_WORDS, help="how many words")
    generate.add_argument(
        "--separator",
        default="dash",
        help=f"between words: {', '.join(SEPARATORS)}, or any text (default: dash)",
    )

    profile = add_group(commands, "profile", "the words about you that passwords should avoid")
    show = add_command(
        profile, "show", cmd_profile_show, "reading the profile", "show the case profile"
    )
    show.add_argument("--json", action="store_true", help="machine-readable output")
    set_ = add_command(
        profile, "set", cmd_profile_set, "saving the profile", "replace one field's entries"
    )
    set_.add_argument("field", choices=list(KINDS), help="which list to set")
    set_.add_argument("values", nargs="*", metavar="VALUE", help="entries (commas split too)")
