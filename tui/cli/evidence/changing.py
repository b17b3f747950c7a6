"""`reclaim evidence edit`, `remove` and `delete`: changing what the case says of an
exhibit, leaving it out of the binder, or (typed twice, and logged) deleting it."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import open_vault, say, warn
from tui.cli.evidence.details import given_details
from tui.core.evidence.model import clean_details, get_exhibit
from tui.core.shared.display import shown
from tui.core.shared.errors import InputError

# Each command loads the core modules it needs when it runs, not when the parser is built:
# `evidence list` never pays for intake's file readers (keeps start-up fast).


def cmd_evidence_edit(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import update_details
    from tui.core.evidence.guesses import GUESS_SOURCES, confirmable
    from tui.core.evidence.model import DETAIL_FIELDS

    details = {k: v for k, v in given_details(args).items() if v is not None}
    clean_details(details)
    named = [name.strip().lower().replace("-", "_") for name in args.confirm_guess]
    unknown = sorted(set(named) - set(DETAIL_FIELDS))
    if unknown:
        raise InputError(
            f"{', '.join(unknown)} is not a detail Reclaim keeps; it knows "
            f"{', '.join(DETAIL_FIELDS)}."
        )
    if not details and not args.confirm_guesses and not named:
        raise InputError("Nothing to change: give at least one detail, like --platform.")
    with open_vault(args) as vault:
        guesses = get_exhibit(vault, args.id).guesses
        together, alone = confirmable(guesses) if args.confirm_guesses else ([], [])
        # A time read from the file's own time is confirmed only when named on its own.
        left = [name for name in alone if name not in named and name not in details]
        confirm = tuple(together) + tuple(name for name in named if name in guesses)
        exhibit = update_details(vault, args.id, details, confirm=confirm)
    say(f"{exhibit.id} is updated.")
    for name in left:
        source = GUESS_SOURCES.get(guesses[name], "the file")
        say(
            f"{name} is still a guess: it came from {source}, which is often when the file "
            f"was copied, not when it was captured. If it is right, confirm it on its own "
            f"with --confirm-guess {name}."
        )
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import set_excluded

    with open_vault(args) as vault:
        exhibit = set_excluded(vault, args.id, not args.undo)
    if exhibit.excluded:
        say(f"{exhibit.id} is left out of the binder. It stays in the case, untouched.")
    else:
        say(f"{exhibit.id} is back in the binder.")
    return 0


def cmd_evidence_delete(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import delete_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
        typed = args.confirm
        if typed is None:
            if not sys.stdin.isatty():
                raise InputError(
                    f"Deleting needs confirmation: add --confirm {exhibit.id}, "
                    "or run it in a terminal to be asked."
                )
            warn(
                f"Deleting {exhibit.id} ({shown(exhibit.description or exhibit.original_name)}) "
                "can't be undone. To leave it out of the binder only, use "
                f"'reclaim evidence remove {exhibit.id}'."
            )
            typed = input(f"Type {exhibit.id} to delete it for good: ")
        deleted = delete_exhibit(vault, exhibit.id, typed, args.reason or "")
    say(f"{deleted.id} is deleted. The custody log records its hash and this deletion.")
    return 0
