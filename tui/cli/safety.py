"""`reclaim safety`: what to do if you are in danger, and who can help where you live.
It never asks for the passphrase: help is never behind a lock."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tui.cli.common import Commands, add_command, say, say_json
from tui.cli.jurisdiction import add_place_option, default_place, settings_for
from tui.core.shared.display import shown


def cmd_safety(args: argparse.Namespace) -> int:
    from tui.core.safety import safety_page

    safety = safety_page(settings_for(args), default_place(args))  # None: the clinic's default
    if args.json:
        say_json(
            {
                "place": safety.place,
                "emergency": asdict(safety.emergency) if safety.emergency else None,
                "steps": list(safety.steps),
                "contacts": [asdict(contact) for contact in safety.contacts],
            }
        )
        return 0
    say(f"{safety.title} ({safety.place})")
    if safety.emergency:
        say(f"\nEmergency: {shown(safety.emergency.how)}. {shown(safety.emergency.note)}")
    say("")
    for step in safety.steps:
        say(f"- {step}")
    say("\nWho can help:")
    for contact in safety.contacts:
        say(f"  {shown(contact.name)}: {shown(contact.how)}")  # a clinic's file may be odd
        if contact.note:
            say(f"      {shown(contact.note)}")
    return 0


def register(commands: Commands) -> None:
    safety = add_command(
        commands,
        "safety",
        cmd_safety,
        "reading the safety page",
        "what to do if you are in danger, and who can help where you live",
    )
    add_place_option(safety)
    safety.add_argument("--json", action="store_true", help="machine-readable output")
