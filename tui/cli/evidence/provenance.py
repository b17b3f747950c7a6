"""`reclaim evidence provenance`, and the options that say where evidence came from (also
given to `evidence add`, for every file of that one add)."""

from __future__ import annotations

import argparse

from tui.cli.common import open_vault, say
from tui.core.evidence.provenance import CLOCKS, FIELDS, HOWS, ROLES, lines
from tui.core.shared.display import shown
from tui.core.vault.vault import Vault


def add_provenance_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("where it came from")
    group.add_argument("--captured-by", metavar="NAME", help="who captured it")
    group.add_argument("--role", metavar="ROLE", help=f"their role: {', '.join(ROLES)}")
    group.add_argument("--how", metavar="HOW", help=f"how it was captured: {', '.join(HOWS)}")
    group.add_argument(
        "--from", dest="from_whom", metavar="NAME", help="who sent it (with --how received)"
    )
    group.add_argument("--app", metavar="APP", help="the app it was captured with")
    group.add_argument("--device", metavar="DEVICE", help='e.g. "Apple iPhone 13"')
    group.add_argument("--system", metavar="SYSTEM", help='e.g. "iOS 17.1"')
    group.add_argument(
        "--clock",
        metavar="CLOCK",
        help=f"whose clock the capture time comes from: {', '.join(CLOCKS)}, or your words",
    )


def given_provenance(args: argparse.Namespace) -> dict[str, str | None]:
    return {name: getattr(args, name) for name in FIELDS if getattr(args, name, None) is not None}


def taken_in_by(vault: Vault) -> str:
    """Who is taking files into this case, if the case says: the name given for letters,
    else the first of the profile's names ('' when neither is known)."""
    from tui.core.passwords.profile import load
    from tui.core.takedowns.letters import get_facts

    name = get_facts(vault).name
    if name:
        return name
    names = load(vault).names
    return names[0] if names else ""


def cmd_evidence_provenance(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import get_exhibit
    from tui.core.evidence.provenance import update_provenance

    given = given_provenance(args)
    with open_vault(args) as vault:
        if given or args.confirm_guesses:
            before = get_exhibit(vault, args.id)
            confirm = list(before.provenance_guesses) if args.confirm_guesses else []
            exhibit = update_provenance(vault, args.id, given, confirm=confirm)
            say(f"{exhibit.id}: where it came from is updated.")
        else:
            exhibit = get_exhibit(vault, args.id)
    found = lines(exhibit)
    if not found:
        say(
            f"Nothing is said yet of where {exhibit.id} came from. Say it with "
            f"reclaim evidence provenance {exhibit.id} --captured-by NAME --role ROLE "
            "--how HOW --app APP."
        )
        return 0
    for label, text in found:
        say(f"{label + ':':<20}{shown(text)}")
    return 0
