"""`reclaim jurisdiction ...`: the places Reclaim knows, and where the case's person lives
(which decides the laws, deadlines and helplines shown)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.common import Commands, add_command, add_group, say, say_json, settings_for
from tui.core.shared.i18n import N_, _, speaking

if TYPE_CHECKING:
    pass


#: Where the guidance commands take the place from, by default.
FOLLOWS_THE_CASE = N_(
    "default: the case's place (reclaim jurisdiction set), else the clinic's setting, "
    "else general advice"
)
#: What `reclaim safety` says when it could not see where the case's person lives.
NOT_OPENED = N_(
    "Your case wasn't opened, so this may not be the advice for where you live: see it "
    "with reclaim safety --place CODE (codes: reclaim jurisdiction list), or give your "
    "passphrase with --passphrase-file FILE."
)
NOT_OPENED_BY_IT = N_(
    "The passphrase given didn't open your case, so this may not be the advice for where "
    "you live: see it with reclaim safety --place CODE (codes: reclaim jurisdiction list)."
)
GENERAL_ONLY = N_(
    "This is general advice: see the advice for where you live with "
    "reclaim safety --place CODE (codes: reclaim jurisdiction list)."
)


def add_place_option(parser: argparse.ArgumentParser, default: str = FOLLOWS_THE_CASE) -> None:
    """--place CODE, for the guidance commands: it overrides the case's place. `default`
    says where the place comes from without it (translated here)."""
    parser.add_argument(
        "--place",
        metavar="CODE",
        help=_("where you live (reclaim jurisdiction list; none for general advice); {default}")
        .format(default=_(default))
        .replace("%", "%%"),
    )


def default_place(args: argparse.Namespace) -> str | None:
    """The --place given, checked; None to use the case's place or the settings' default."""
    from tui.core.places.catalogue import check_code

    # What it doesn't know is refused without repeating what was typed.
    return None if args.place is None else check_code(args.place)


def place_for(args: argparse.Namespace) -> str:
    """The code the guidance commands show: --place; else the case's, opening it as
    every command does (asking for the passphrase if need be); else, with no case yet,
    the clinic's default."""
    from tui.cli.common import has_case, open_vault
    from tui.core.places.case_place import case_code

    chosen = default_place(args)
    if chosen is not None:
        return chosen
    if has_case(args):
        with open_vault(args) as vault:
            return case_code(vault)
    return settings_for(args).kiosk_jurisdiction


def place_without_asking(args: argparse.Namespace) -> tuple[str | None, str]:
    """For `reclaim safety`, which never waits for a passphrase: --place; else the case's
    place when the case opens with nobody asked (`open_vault_without_asking`); else None
    (the clinic's default, or general advice). With it, a line saying how to see the
    advice for where the person lives, when the case was there but not opened."""
    from tui.cli.common import has_case, open_vault_without_asking, passphrase_given
    from tui.core.places.case_place import case_code

    chosen = default_place(args)
    if chosen is not None:
        return chosen, ""
    if not has_case(args):
        return None, ""
    vault = open_vault_without_asking(args)
    if vault is None:
        return None, _(NOT_OPENED_BY_IT) if passphrase_given(args) else _(NOT_OPENED)
    with vault:
        return case_code(vault), ""


def cmd_jurisdiction_list(args: argparse.Namespace) -> int:
    from tui.core.places.catalogue import places

    known = places()
    if args.json:
        with speaking("en"):  # --json: the data files' own words, in every language
            known = places()
        say_json(
            [
                {
                    "code": place.code,
                    "name": place.name,
                    "extends": place.extends,
                    "aliases": list(place.aliases),
                    "emergency": place.emergency.number,
                    "reviewed": place.reviewed.isoformat(),
                }
                for place in known
            ]
        )
        return 0
    for place in known:
        also = (
            "  " + _("(also: {aliases})").format(aliases=", ".join(place.aliases))
            if place.aliases
            else ""
        )
        say(f"{place.code:<7}{place.name}{also}")
    say(_("none   I'd rather not say: general advice only"))
    say(_("\nA province without a file of its own (ca-on) is shown with its country's rules."))
    return 0


def cmd_jurisdiction_set(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.places.case_place import display_name
    from tui.core.places.catalogue import check_code
    from tui.core.takedowns.deadlines import set_case_place

    code = check_code(args.code)  # a wrong code is refused before the passphrase is asked
    with open_vault(args) as vault:
        set_case_place(vault, code)
    say(
        _("Where you live: {place}. Deadlines and next steps now follow it.").format(
            place=display_name(code)
        )
    )
    return 0


def register(commands: Commands) -> None:
    group = add_group(
        commands, "jurisdiction", _("where you live: it decides the laws, deadlines and helplines")
    )
    listing = add_command(
        group,
        "list",
        cmd_jurisdiction_list,
        _("reading the places"),
        _("the places Reclaim knows"),
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    setting = add_command(
        group, "set", cmd_jurisdiction_set, _("saving where you live"), _("say where you live")
    )
    setting.add_argument(
        "code", metavar="CODE", help=_("a code from reclaim jurisdiction list (uk works), or none")
    )
