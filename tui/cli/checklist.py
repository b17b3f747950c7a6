"""`reclaim checklist ...`: the privacy and account-security checklists, and ticks."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown
from tui.core.shared.i18n import _, speaking


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
        if args.json:
            with speaking("en"):  # --json: the data files' own words, in every language
                say_json([_record(p) for p in all_progress(vault)])
            return 0
        progresses = all_progress(vault)
    done, title = _("DONE"), _("TITLE")
    say(f"{'ID':<20}{done:>7}  {'':<14}{title}")
    for p in progresses:
        state = _("not relevant") if p.not_relevant else (_("yours") if p.counts else "")
        say(f"{p.checklist.id:<20}{p.done:>3}/{p.total:<3}  {state:<14}{p.checklist.title}")
    say("\n" + _("Your checklists: {summary}.").format(summary=summary(progresses)))
    say(_("Choose your accounts with: reclaim checklist choose ID..."))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from tui.core.privacy.checklists import find
    from tui.core.privacy.lockdown import progress_of

    checklist = find(args.id)
    if args.json:
        with speaking("en"):  # --json: the data files' own words, in every language
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
    say(
        _("{title} ({done} of {total} done)").format(
            title=checklist.title, done=progress.done, total=progress.total
        )
    )
    from tui.core.shared.local_formats import long_date

    checked = _("Checked {day}: {source}").format(
        day=long_date(checklist.reviewed), source=checklist.source
    )
    say(checked + "\n")
    say(checklist.intro + "\n")
    for item in steps:
        mark = "[x]" if item["done"] else "[ ]"
        say(f"{item['number']:>2}. {mark} {item['title']}  ({item['id']})")
        indent = " " * 7
        if item["warning"]:
            say(indent + _("Warning: {text}").format(text=item["warning"]))
        say(indent + _("Do: {text}").format(text=item["do"]))
        say(indent + _("Why: {text}").format(text=item["why"]))
        if item["action"]:
            say(
                indent
                + _("Save the evidence from {platform} before this step.").format(
                    platform=checklist.platform
                )
            )
        if item["done"]:
            when = shown(str(item["done_at"]))
            if item["before_evidence"]:
                done = _("Done {when} (before any evidence was saved)").format(when=when)
            else:
                done = _("Done {when}").format(when=when)
            say(indent + done)
        if item["note"]:
            say(indent + _("Note: {text}").format(text=shown(item["note"])))
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
                _(
                    "The case holds no evidence from {platform} yet, and {effect}. "
                    "Save the evidence first (step 4), or tick it with --anyway if you "
                    "already have it somewhere else."
                ).format(platform=refused.platform, effect=refused.effect)
            ) from None
    ticked = (
        _("Unticked. {title}: {done} of {total} done.")
        if args.undo
        else _("Ticked. {title}: {done} of {total} done.")
    )
    say(ticked.format(title=checklist.title, done=progress.done, total=progress.total))
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
    names = ", ".join(c.platform for c in chosen)
    if args.not_relevant:
        said = _("{names}: no longer not relevant.") if args.undo else _("{names}: not relevant.")
    elif args.undo:
        said = _("{names}: no longer one of your accounts.")
    else:
        said = _("{names}: one of your accounts.")
    say(said.format(names=names))
    return 0


def register(commands: Commands) -> None:
    group = add_group(commands, "checklist", _("privacy and account-security checklists"))
    listing = add_command(
        group, "list", cmd_list, _("listing the checklists"), _("the checklists and your progress")
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    show = add_command(
        group, "show", cmd_show, _("reading the checklist"), _("one checklist, step by step")
    )
    show.add_argument(
        "id",
        metavar="ID",
        help=_("a checklist id or platform name, e.g. instagram, ig or twitter"),
    )
    show.add_argument("--json", action="store_true", help=_("machine-readable output"))
    done = add_command(
        group, "done", cmd_done, _("saving the tick"), _("tick one step of a checklist")
    )
    done.add_argument(
        "id",
        metavar="ID",
        help=_("a checklist id or platform name, e.g. instagram, ig or twitter"),
    )
    done.add_argument("step", metavar="STEP", help=_("the step's number or id"))
    done.add_argument("--undo", action="store_true", help=_("untick it"))
    done.add_argument(
        "--anyway",
        action="store_true",
        help=_("tick a block/report/delete step though no evidence from the platform is saved"),
    )
    choose = add_command(
        group,
        "choose",
        cmd_choose,
        _("saving your accounts"),
        _("say which accounts you have, so progress counts only those"),
    )
    choose.add_argument(
        "ids",
        nargs="+",
        metavar="ID",
        help=_("checklist ids or platform names, e.g. instagram twitter"),
    )
    choose.add_argument("--undo", action="store_true", help=_("take them off your list"))
    choose.add_argument(
        "--not-relevant", action="store_true", help=_("mark them not relevant instead")
    )
