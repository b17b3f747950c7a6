"""`reclaim evidence history ID`: what happened to one exhibit, newest first, from the
custody log: each change of a detail from what to what, and intake, confirmations,
exclusions and exports one line each."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tui.cli.common import open_vault, say, say_json
from tui.core.shared.i18n import _


def cmd_evidence_history(args: argparse.Namespace) -> int:
    from tui.core.evidence.history import history, what, when
    from tui.core.evidence.model import get_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
        steps = history(vault, exhibit.id)
    if args.json:
        say_json([asdict(step) for step in steps])
        return 0
    if not steps:
        say(_("The custody log says nothing yet about {id}.").format(id=exhibit.id))
        return 0
    for step in steps:
        say(f"{when(step)}  {what(step)}")
    return 0
