"""`reclaim timeline ...`: the written account, event by event."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import Commands, add_command, add_group, open_vault, say, say_json
from tui.core.shared.display import shown
from tui.core.shared.i18n import _


def cmd_timeline_add(args: argparse.Namespace) -> int:
    from tui.core.shared.fuzzy_dates import When
    from tui.core.timeline.events import add_event

    When.parse(args.when)  # a bad date is refused before the case is opened
    with open_vault(args) as vault:
        event = add_event(
            vault,
            args.when,
            args.title,
            details=args.details or "",
            response=args.response or "",
            place=args.where or "",
            witnesses=args.witness or [],
            evidence=args.evidence or [],
        )
    say(f"{event.id}  {shown(event.moment.text())}  {shown(event.title)}")
    return 0


def cmd_timeline_list(args: argparse.Namespace) -> int:
    from tui.core.timeline.events import as_records, entries

    with open_vault(args) as vault:
        if args.json:
            say_json(as_records(vault))
            return 0
        listed = entries(vault)  # its dates in the language spoken, unlike --json's
    if not listed:
        say(_('No events yet. Add one with: reclaim timeline add --when 2024-03 --title "..."'))
        return 0
    width = max(22, *(len(shown(entry.when)) for entry in listed))  # a long Spanish date
    for entry in listed:
        event = entry.event
        line = f"{event.id}  {shown(entry.when):<{width}}  {shown(event.title)}"
        if event.evidence:
            line += "  " + _("(see {exhibits})").format(exhibits=shown(", ".join(event.evidence)))
        say(line)
    return 0


def cmd_timeline_remove(args: argparse.Namespace) -> int:
    from tui.core.timeline.events import remove_event

    with open_vault(args) as vault:
        event = remove_event(vault, args.id)
    say(
        _("{id} ({title}) is taken out of the timeline.").format(
            id=event.id, title=shown(event.title)
        )
    )
    return 0


def cmd_timeline_export(args: argparse.Namespace) -> int:
    from tui.core.shared.errors import InputError
    from tui.core.shared.unwritable import not_written
    from tui.core.timeline.written_account import export

    with open_vault(args) as vault:
        try:
            target = export(vault, Path(args.dest).expanduser())
        # As the app says it. No ValueError: a command line can't hold the NUL that
        # makes one from a name, and one from the text must not be blamed on the name.
        except (OSError, RuntimeError) as error:
            raise InputError(not_written(error, _("saving the account"))) from None
    say(
        _(
            "Wrote the account to {path}. It is not encrypted there: keep it somewhere safe."
        ).format(path=shown(str(target)))
    )
    return 0


def register(commands: Commands) -> None:
    timeline = add_group(
        commands, "timeline", _("your written account of what happened, in order")
    )
    add = add_command(
        timeline, "add", cmd_timeline_add, _("adding the event"), _("add an event to the timeline")
    )
    add.add_argument(
        "--when",
        required=True,
        metavar="WHEN",
        help='2024-03-05 21:14, 2024-03-05, 2024-03, 2023, "5 March 2024", "about 2023"',
    )
    add.add_argument(
        "--title", required=True, metavar="TEXT", help=_("a few words: what happened")
    )
    add.add_argument("--details", metavar="TEXT", help=_("what happened, in your own words"))
    add.add_argument("--response", metavar="TEXT", help=_("what you did about it"))
    add.add_argument("--where", metavar="PLACE", help=_("the site, app or place"))
    add.add_argument(
        "--witness", action="append", metavar="NAME", help=_("who can confirm it (repeat)")
    )
    add.add_argument(
        "--evidence", action="append", metavar="ID", help=_("an exhibit that shows it (repeat)")
    )
    listing = add_command(
        timeline,
        "list",
        cmd_timeline_list,
        _("reading the timeline"),
        _("the events, in time order"),
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    remove = add_command(
        timeline, "remove", cmd_timeline_remove, _("removing the event"), _("take an event out")
    )
    remove.add_argument("id", metavar="ID")
    export = add_command(
        timeline,
        "export",
        cmd_timeline_export,
        _("exporting the account"),
        _("write the account as DEST.md, DEST.txt or DEST.docx"),
    )
    export.add_argument("dest", metavar="DEST")
