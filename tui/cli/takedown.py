"""`reclaim takedown ...`: where and how to ask each site to remove the images. (The
request tracker and letters build on this.)"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from tui.cli.common import Commands, add_command, add_group, say


def cmd_takedown_sites(args: argparse.Namespace) -> int:
    from tui.core.takedown_sites import shipped

    directions = shipped()
    if args.json:
        say(
            json.dumps(
                {
                    "reviewed": directions.reviewed.isoformat(),
                    "sites": [asdict(site) for site in directions.sites],
                    "hash_services": [asdict(s) for s in directions.hash_services],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    say(directions.under_18)
    say("")
    for site in directions.sites:
        deadline = f"  (within {site.deadline_hours} hours)" if site.deadline_hours else ""
        say(f"{site.id:<14}{site.name}{deadline}")
        say(f"{'':<14}{site.route}")
    say("")
    for service in directions.hash_services:
        say(f"{service.id:<14}{service.name}: for {service.who}")
    say(f"\nDirections last checked {directions.reviewed.isoformat()}; forms change, so "
        "recheck on the site.")  # fmt: skip
    return 0


def register(commands: Commands) -> None:
    takedown = add_group(commands, "takedown", "asking sites to remove the images")
    sites = add_command(
        takedown,
        "sites",
        cmd_takedown_sites,
        "reading the directions",
        "each site's route for removing intimate images, and the hash-matching services",
    )
    sites.add_argument("--json", action="store_true", help="machine-readable output")
