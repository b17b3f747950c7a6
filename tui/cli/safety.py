"""`reclaim safety`: what to do if you are in danger, and who can help where you live.
It never asks for the passphrase: help is never behind a lock. It follows the case's
place when the case opens with nobody asked (a passphrase file, a remembered key), as
the Safety screen does; else it shows the clinic's default or general advice, and says
how to see the advice for where the person lives."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tui.cli.common import Commands, add_command, say, say_json, settings_for, warn
from tui.cli.jurisdiction import GENERAL_ONLY, add_place_option, place_without_asking
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _, speaking


def cmd_safety(args: argparse.Namespace) -> int:
    from tui.core.safety import safety_page

    place, hint = place_without_asking(args)
    safety = safety_page(settings_for(args), place)  # None: the clinic's default
    if not hint and place is None and safety.general:
        hint = _(GENERAL_ONLY)
    if args.json:
        with speaking("en"):  # --json: the data files' own words, in every language
            safety = safety_page(settings_for(args), place)
        say_json(
            {
                "place": safety.place,
                "emergency": asdict(safety.emergency) if safety.emergency else None,
                "steps": list(safety.steps),
                "contacts": [asdict(contact) for contact in safety.contacts],
            }
        )
        if hint:
            warn(hint)  # beside the JSON, not in it
        return 0
    say(f"{safety.title} · {safety.place}")  # no brackets in brackets: the place may hold some
    if safety.emergency:
        emergency = _("Emergency: {how}. {note}").format(
            how=shown(safety.emergency.how), note=shown(safety.emergency.note)
        )
        say("\n" + emergency)
    say("")
    for step in safety.steps:
        say(f"- {step}")
    say(_("\nWho can help:"))
    for contact in safety.contacts:
        say(f"  {shown(contact.name)}: {shown(contact.how)}")  # a clinic's file may be odd
        if contact.note:
            say(f"      {shown(contact.note)}")
    if hint:
        say(f"\n{hint}")
    return 0


def register(commands: Commands) -> None:
    safety = add_command(
        commands,
        "safety",
        cmd_safety,
        _("reading the safety page"),
        _("what to do if you are in danger, and who can help where you live"),
    )
    add_place_option(
        safety,
        N_(
            "default: the case's place, when the case opens without asking (--passphrase-file, "
            "or a key this computer remembers), else the clinic's setting, else general advice"
        ),
    )
    safety.add_argument("--json", action="store_true", help=_("machine-readable output"))
