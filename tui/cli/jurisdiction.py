"""`reclaim jurisdiction ...`: the places Reclaim knows, and where the case's person lives
(which decides the laws, deadlines and helplines shown)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.common import Commands, add_command, add_group, say, say_json

if TYPE_CHECKING:
    from tui.core.settings import Settings


def add_place_option(parser: argparse.ArgumentParser) -> None:
    """--place CODE, for the guidance commands that never unlock the case."""
    parser.add_argument(
        "--place",
        metavar="CODE",
        help="where you live (reclaim jurisdiction list; none for general advice); "
        "default: the clinic's setting, else general advice",
    )


def default_place(args: argparse.Namespace) -> str | None:
    """The --place given, checked; None to use the settings' default."""
    from tui.core.places.catalogue import check_code

    return check_code(args.place) if args.place is not None else None


def settings_for(args: argparse.Namespace) -> Settings:
    from pathlib import Path

    from tui.core.settings import load_settings

    config = getattr(args, "config", None)
    return load_settings(Path(config).expanduser() if config else None)


def place_for(args: argparse.Namespace) -> str:
    """The code the guidance commands show: --place, else the clinic's default."""
    chosen = default_place(args)
    return chosen if chosen is not None else settings_for(args).kiosk_jurisdiction


def cmd_jurisdiction_list(args: argparse.Namespace) -> int:
    from tui.core.places.catalogue import places

    known = places()
    if args.json:
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
        also = f"  (also: {', '.join(place.aliases)})" if place.aliases else ""
        say(f"{place.code:<7}{place.name}{also}")
    say("none   I'd rather not say: general advice only")
    say("\nA province without a file of its own (ca-on) is shown with its country's rules.")
    return 0


def cmd_jurisdiction_set(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.places.case_place import display_name
    from tui.core.places.catalogue import check_code
    from tui.core.takedowns.deadlines import set_case_place

    code = check_code(args.code)  # a wrong code is named before the passphrase is asked
    with open_vault(args) as vault:
        set_case_place(vault, code)
    say(f"Where you live: {display_name(code)}. Deadlines and next steps now follow it.")
    return 0


def register(commands: Commands) -> None:
    group = add_group(
        commands, "jurisdiction", "where you live: it decides the laws, deadlines and helplines"
    )
    listing = add_command(
        group, "list", cmd_jurisdiction_list, "reading the places", "the places Reclaim knows"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    setting = add_command(
        group, "set", cmd_jurisdiction_set, "saving where you live", "say where you live"
    )
    setting.add_argument(
        "code", metavar="CODE", help="a code from reclaim jurisdiction list (uk works), or none"
    )
