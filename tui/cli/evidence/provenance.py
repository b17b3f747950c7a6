"""`reclaim evidence provenance`, and the options that say where evidence came from (also
given to `evidence add`, for every file of that one add)."""

from __future__ import annotations

import argparse

from tui.cli.common import open_vault, say
from tui.core.evidence.provenance import CLOCKS, FIELDS, HOWS, ROLES, lines
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault


def add_provenance_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("where it came from"))
    group.add_argument("--captured-by", metavar="NAME", help=_("who captured it"))
    group.add_argument(
        "--role", metavar="ROLE", help=_("their role: {roles}").format(roles=", ".join(ROLES))
    )
    group.add_argument(
        "--how", metavar="HOW", help=_("how it was captured: {hows}").format(hows=", ".join(HOWS))
    )
    group.add_argument(
        "--from", dest="from_whom", metavar="NAME", help=_("who sent it (with --how received)")
    )
    group.add_argument("--app", metavar="APP", help=_("the app it was captured with"))
    group.add_argument("--device", metavar="DEVICE", help=_('e.g. "Apple iPhone 13"'))
    group.add_argument("--system", metavar="SYSTEM", help='e.g. "iOS 17.1"')
    group.add_argument(
        "--clock",
        metavar="CLOCK",
        help=_("whose clock the capture time comes from: {clocks}, or your words").format(
            clocks=", ".join(CLOCKS)
        ),
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
            say(_("{id}: where it came from is updated.").format(id=exhibit.id))
        else:
            exhibit = get_exhibit(vault, args.id)
    from tui.cli.evidence.reading import labelled

    found = lines(exhibit)
    if not found:
        say(
            _(
                "Nothing is said yet of where {id} came from. Say it with "
                "reclaim evidence provenance {id} --captured-by NAME --role ROLE "
                "--how HOW --app APP."
            ).format(id=exhibit.id)
        )
        return 0
    for label, text in found:
        say(labelled(_(label), text, 20))
    return 0
