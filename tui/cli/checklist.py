"""`reclaim checklist ...`: the privacy and account-security checklists, and ticks."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown


def _record(progress: Any) -> dict[str, Any]:
    checklist = progress.checklist
    return {
        "id": checklist.id,
        "title": checklist.title,
        "platform": checklist.platform,
        "kind": checklist.kind,
        "reviewed": checklist.reviewed.isoformat(),
        "steps": progress.total,
        "done": progress.done,
        "mine": progress.mine,
        "not_relevant": progress.not_relevant,
    }


def cmd_list(args: argparse.Namespace) -> int:
    from tui.core.privacy.lockdown import all_progress, summary

    with open_vault(args) as vault:
        progresses = all_progress(vault)
    if args.json:
        say_json([_record(p) for p in progresses])
        return 0
    say(f"{'ID':<20}{'DONE':>7}  {'':<14}TITLE")
    for p in progresses:
        state = "not relevant" if p.not_relevant else ("yours" if p.counts else "")
        say(f"{p.checklist.id:<20}{p.done:>3}/{p.total:<3}  {state:<14}{p.checklist.title}")
    say(f"\nYour checklists: {summary(progresses)}.")
    say("Choose your accounts with: reclaim checklist choose ID...")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from tui.core.privacy.checklists import find
    from tui.core.privacy.lockdown import progress_of

    checklist = find(args.id)
    with open_vault(args) as vault:
        progress = progress_of(vault, checklist)
    steps: list[dict[str, Any]] = []
    for number, step in enumerate(checklist.steps, start=1):
        tick = progress.ticks.get(step.id)
        steps.append(
            {
                "number": number,
                "id": step.id,
                "title": step.title,
                "do": step.do,
                "why": step.why,
                "warning": step.warning,
                "link": step.link,
                "action": step.action,
                "done": tick is not None,
                "done_at": tick.done_at if tick else None,
                "before_evidence": tick.before_evidence if tick else False,
                "note": progress.notes.get(step.id, ""),
            }
        )
    if args.json:
        record = _record(progress) | {"source": checklist.source, "intro": checklist.intro}
        say_json(record | {"steps": steps})
        return 0
    say(f"{checklist.title} ({progress.done} of {progress.total} done)")
    say(f"Checked {checklist.reviewed.isoformat()}: {checklist.source}\n")
    say(checklist.intro + "\n")
    for item in steps:
        mark = "[x]" if item["done"] else "[ ]"
        say(f"{item['number']:>2}. {mark} {item['title']}  ({item['id']})")
        if item["warning"]:
            say(f"       Warning: {item['warning']}")
        say(f"       Do: {item['do']}")
        say(f"       Why: {item['why']}")
        if item["action"]:
            say(f"       Save the evidence from {checklist.platform} before this step.")
        if item["done"]:
            anyway = " (before any evidence was saved)" if item["before_evidence"] else ""
            say(f"       Done {shown(str(item['done_at']))}{anyway}")
        if item["note"]:
            say(f"       Note: {shown(item['note'])}")
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from tui.core.privacy.checklists import find
    from tui.core.privacy.lockdown import EvidenceFirst, tick
    from tui.core.shared.errors import InputError

    checklist = find(args.id)
    with open_vault(args) as vault:
        try:
            progress = tick(vault, checklist, args.step, done=not args.undo, anyway=args.anyway)
        except EvidenceFirst as refused:
            raise InputError(
                f"The case holds no evidence from {refused.platform} yet, and {refused.effect}. "
                "Save the evidence first (step 4), or tick it with --anyway if you "
                "already have it somewhere else."
            ) from None
    say(
        f"{'Unticked' if args.undo else 'Ticked'}. "
        f"{checklist.title}: {progress.done} of {progress.total} done."
    )
    return 0


def cmd_choose(args: argparse.Namespace) -> int:
    from tui.core.privacy.checklists import find
    from tui.core.privacy.lockdown import set_mine, set_not_relevant

    chosen = [find(name) for name in args.ids]  # every name checked before any change
    with open_vault(args) as vault:
        for checklist in chosen:
            if args.not_relevant:
                set_not_relevant(vault, checklist, not args.undo)
            else:
                set_mine(vault, checklist, not args.undo)
    what = "not relevant" if args.not_relevant else "one of your accounts"
    names = ", ".join(c.platform for c in chosen)
    say(f"{names}: {'no longer ' if args.undo else ''}{what}.")
    return 0


def register(commands: Commands) -> None:
    group = add_group(commands, "checklist", "privacy and account-security checklists")
    listing = add_command(
        group, "list", cmd_list, "listing the checklists", "the checklists and your progress"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = add_command(
        group, "show", cmd_show, "reading the checklist", "one checklist, step by step"
    )
    show.add_argument(
        "id", metavar="ID", help="a checklist id or platform name, e.g. instagram, ig or twitter"
    )
    show.add_argument("--json", action="store_true", help="machine-readable output")
    done = add_command(group, "done", cmd_done, "saving the tick", "tick one step of a checklist")
    done.add_argument(
        "id", metavar="ID", help="a checklist id or platform name, e.g. instagram, ig or twitter"
    )
    done.add_argument("step", metavar="STEP", help="the step's number or id")
    done.add_argument("--undo", action="store_true", help="untick it")
    done.add_argument(
        "--anyway",
        action="store_true",
        help="tick a block/report/delete step though no evidence from the platform is saved",
    )
    choose = add_command(
        group,
        "choose",
        cmd_choose,
        "saving your accounts",
        "say which accounts you have, so progress counts only those",
    )
    choose.add_argument(
        "ids",
        nargs="+",
        metavar="ID",
        help="checklist ids or platform names, e.g. instagram twitter",
    )
    choose.add_argument("--undo", action="store_true", help="take them off your list")
    choose.add_argument(
        "--not-relevant", action="store_true", help="mark them not relevant instead"
    )
