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
from tui.core.shared.i18n import N_, _

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
            _("{names} is not a detail Reclaim keeps; it knows {known}.").format(
                names=", ".join(unknown), known=", ".join(DETAIL_FIELDS)
            )
        )
    if not details and not args.confirm_guesses and not named:
        raise InputError(_("Nothing to change: give at least one detail, like --platform."))
    with open_vault(args) as vault:
        guesses = get_exhibit(vault, args.id).guesses
        together, alone = confirmable(guesses) if args.confirm_guesses else ([], [])
        # A time read from the file's own time is confirmed only when named on its own.
        left = [name for name in alone if name not in named and name not in details]
        confirm = tuple(together) + tuple(name for name in named if name in guesses)
        exhibit = update_details(vault, args.id, details, confirm=confirm)
    say(_("{id} is updated.").format(id=exhibit.id))
    for name in left:
        source = GUESS_SOURCES.get(guesses[name], N_("the file"))
        say(
            _(
                "{name} is still a guess: it came from {source}, which is often when the file "
                "was copied, not when it was captured. If it is right, confirm it on its own "
                "with --confirm-guess {name}."
            ).format(name=name, source=_(source))
        )
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import set_excluded

    with open_vault(args) as vault:
        exhibit = set_excluded(vault, args.id, not args.undo)
    if exhibit.excluded:
        said = _("{id} is left out of the binder. It stays in the case, untouched.")
    else:
        said = _("{id} is back in the binder.")
    say(said.format(id=exhibit.id))
    return 0


def cmd_evidence_delete(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import delete_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
        typed = args.confirm
        if typed is None:
            if not sys.stdin.isatty():
                raise InputError(
                    _(
                        "Deleting needs confirmation: add --confirm {id}, "
                        "or run it in a terminal to be asked."
                    ).format(id=exhibit.id)
                )
            warn(
                _(
                    "Deleting {id} ({what}) can't be undone. To leave it out of the binder "
                    "only, use 'reclaim evidence remove {id}'."
                ).format(id=exhibit.id, what=shown(exhibit.description or exhibit.original_name))
            )
            typed = input(_("Type {id} to delete it for good: ").format(id=exhibit.id))
        deleted = delete_exhibit(vault, exhibit.id, typed, args.reason or "")
    say(
        _("{id} is deleted. The custody log records its hash and this deletion.").format(
            id=deleted.id
        )
    )
    return 0
