"""`reclaim takedown ...`: where and how to ask each site to remove the images, and the
tracker of requests made (the letters are `reclaim letter ...`)."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tui.cli.choice_words import YES_NO, ChoiceWords
from tui.cli.common import Commands, add_command, add_group, say, say_json
from tui.cli.jurisdiction import add_place_option, place_for
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _, ngettext, speaking

#: A request's status as the case keeps it (and --status takes it), said in the
#: language spoken.
STATUS_WORDS = (
    N_("drafted"),
    N_("submitted"),
    N_("acknowledged"),
    N_("removed"),
    N_("refused"),
    N_("escalated"),
)


def cmd_takedown_sites(args: argparse.Namespace) -> int:
    from tui.core.places.catalogue import resolve
    from tui.core.takedowns.deadlines import for_place

    code = place_for(args)
    directions, place = for_place(code), resolve(code)
    if args.json:
        with speaking("en"):  # --json: the data files' own words, in every language
            directions, place = for_place(code), resolve(code)
        say_json(
            {
                "reviewed": directions.reviewed.isoformat(),
                "place": place.code,
                "sites": [asdict(site) for site in directions.sites],
                "hash_services": [asdict(s) for s in directions.hash_services],
                "clocks": [asdict(clock) for clock in place.clocks],
                "routes": [asdict(route) for route in place.routes],
            },
            default=str,
        )
        return 0
    say(_("Where you live: {place}").format(place=place.name))
    for clock in place.clocks:
        say(f"  {clock.rule}")  # a proposed clock's rule says so
    if not place.clocks:
        say(_("  No law there sets a removal deadline; ask anyway, and keep the reference."))
    say("")
    say(directions.under_18)
    say("")
    for site in directions.sites:
        deadline = ""
        if site.deadline_hours:
            hours = site.deadline_hours
            if not site.deadline_by_law:  # a regulator's guidance on when to go to it
                said = ngettext(
                    "(then the regulator, after {hours} hour)",
                    "(then the regulator, after {hours} hours)",
                    hours,
                )
            elif site.deadline_starts == "request":
                said = ngettext(
                    "(within {hours} hour of the request)",
                    "(within {hours} hours of the request)",
                    hours,
                )
            else:
                said = ngettext(
                    "(within {hours} hour of a notice)",
                    "(within {hours} hours of a notice)",
                    hours,
                )
            deadline = "  " + said.format(hours=hours)
        say(f"{site.id:<14}{site.name}{deadline}")
        say(f"{'':<14}{site.route}")
        if aliases := site.shown_aliases():
            say(f"{'':<14}" + _("also: {aliases}").format(aliases=", ".join(aliases)))
    say("")
    for service in directions.hash_services:
        for_whom = _("{name}: for {who}").format(name=service.name, who=service.who)
        say(f"{service.id:<14}{for_whom}")
    checked = _("Directions last checked {day}; forms change, so recheck on the site.")
    say("\n" + checked.format(day=directions.reviewed.isoformat()))
    return 0


def register(commands: Commands) -> None:
    takedown = add_group(commands, "takedown", _("asking sites to remove the images"))
    sites = add_command(
        takedown,
        "sites",
        cmd_takedown_sites,
        _("reading the directions"),
        _("each site's route for removing intimate images, and the hash-matching services"),
    )
    sites.add_argument("--json", action="store_true", help=_("machine-readable output"))
    add_place_option(sites)
    register_tracker(takedown)


def _record(request: object) -> dict[str, object]:
    from tui.core.takedowns.deadlines import due_at, is_overdue, needs_follow_up
    from tui.core.takedowns.requests import Request

    assert isinstance(request, Request)
    due = due_at(request)
    return {
        "id": request.id,
        "site": request.site,
        "urls": request.urls,
        "evidence": request.evidence,
        "status": request.status,
        "reference": request.reference,
        "sent_at": request.sent_at,
        "notice_at": request.notice_at,
        "helpline": request.helpline,
        "place": request.place,
        "follow_up": request.follow_up,
        "due_at": due.strftime("%Y-%m-%dT%H:%M:%SZ") if due else "",
        "overdue": is_overdue(request),
        "follow_up_due": needs_follow_up(request),
    }


def cmd_takedown_add(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.shared.errors import InputError
    from tui.core.takedowns.requests import NoWebAddress, add_request

    with open_vault(args) as vault:
        try:
            request = add_request(vault, args.site, args.url or [], args.evidence or [])
        except NoWebAddress:
            raise InputError(
                _("Give at least one web address where the content is (--url).")
            ) from None
    drafted = _("drafted: {route}").format(route=shown(request.route))
    say(f"{request.id}  {shown(request.site)}  {drafted}")
    say(
        _("When you have sent it: reclaim takedown update {id} --status submitted").format(
            id=request.id
        )
    )
    return 0


def cmd_takedown_list(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.takedowns.requests import list_requests

    with open_vault(args) as vault:
        records = [_record(request) for request in list_requests(vault)]
    if args.json:
        say_json(records)
        return 0
    if not records:
        say(_("No takedown requests yet. See where to ask with: reclaim takedown sites"))
        return 0
    from tui.core.shared.local_formats import dates_in

    statuses = [_(shown(str(record["status"]))) for record in records]
    width = max(13, *(len(status) + 1 for status in statuses))
    for record, status in zip(records, statuses, strict=True):
        flags = " " + _("OVERDUE") if record["overdue"] else ""
        flags += " " + _("follow up now") if record["follow_up_due"] else ""
        # "2026-12-09 23:12" in English, "9 dic 2026 23:12" in Spanish
        when = dates_in(str(record["due_at"])[:16].replace("T", " "))
        due = " " + _("due {when} UTC").format(when=when) if record["due_at"] else ""
        site = shown(str(record["site"]))
        say(f"{record['id']}  {site:<14}{status:<{width}}{due}{flags}")
    return 0


def cmd_takedown_update(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault, read_secret
    from tui.core.takedowns.requests import update_request

    pin = read_secret(args.pin_file, "PIN") if args.pin_file else None
    with open_vault(args) as vault:
        request = update_request(
            vault,
            args.id,
            status=args.status,
            reference=args.reference,
            pin=pin,
            follow_up=args.follow_up,
            notes=args.notes,
            sent=args.sent,
            notice=args.notice,
            helpline=args.helpline,
        )
    say(_("{id} is {status}.").format(id=request.id, status=_(shown(request.status))))
    return 0


def cmd_takedown_next(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.places.case_place import case_code
    from tui.core.takedowns.letters import get_facts
    from tui.core.takedowns.next_steps import suggestions
    from tui.core.takedowns.requests import list_requests

    with open_vault(args) as vault:
        place = case_code(vault)
        requests, under_18 = list_requests(vault), get_facts(vault).under_18
    if args.json:
        with speaking("en"):  # --json: the data files' own words, in every language
            say_json([asdict(s) for s in suggestions(requests, under_18, place=place)])
        return 0
    found = suggestions(requests, under_18, place=place)
    if not found:
        say(_("Nothing to do next: start with reclaim takedown sites."))
    for suggestion in found:
        about = f"{shown(suggestion.request)}: " if suggestion.request else ""
        rung = f"{suggestion.rung}. " if suggestion.rung else ""
        say(f"{about}{rung}{shown(suggestion.title)}")
        say(f"    {shown(suggestion.how)}")
        if suggestion.bring:
            bring = "; ".join(shown(item) for item in suggestion.bring)
            say("    " + _("Bring: {items}.").format(items=bring))
        if suggestion.link:
            say(f"    {shown(suggestion.link)}")
    return 0


def register_tracker(takedown: Commands) -> None:
    from tui.core.takedowns.states import STATUSES

    add = add_command(
        takedown, "add", cmd_takedown_add, _("saving the request"), _("start a takedown request")
    )
    add.add_argument(
        "--site",
        required=True,
        help=_(
            "the site: its id from reclaim takedown sites, or its usual name (instagram, "
            "twitter, pornhub), in any case"
        ),
    )
    add.add_argument(
        "--url", action="append", help=_("where it is (repeat; none for a hash service)")
    )
    add.add_argument("--evidence", action="append", metavar="ID", help=_("an exhibit (repeat)"))
    listing = add_command(
        takedown,
        "list",
        cmd_takedown_list,
        _("reading the requests"),
        _("every request and its state"),
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    update = add_command(
        takedown, "update", cmd_takedown_update, _("saving the request"), _("record what happened")
    )
    update.add_argument("id", metavar="ID")
    update.add_argument(
        "--status",
        choices=(statuses := ChoiceWords(STATUSES)),
        type=statuses,
        help=_("where the request stands now (submitted: sent to the site)"),
    )
    update.add_argument("--reference", metavar="R", help=_("the site's reference or case number"))
    update.add_argument(
        "--follow-up", metavar="WHEN", help=_('when to look again, e.g. "1 December 2026"')
    )
    update.add_argument("--notes", help=_("anything worth remembering about it"))
    update.add_argument(
        "--sent",
        metavar="WHEN",
        help=_('when you sent it, if not just now (local time), e.g. "5 March 2024 21:14"'),
    )
    update.add_argument(
        "--notice",
        metavar="WHEN",
        help=_(
            "when a regulator gave a removal notice for it (its clock starts then), "
            'e.g. "2 June 2026 09:00"; "" clears it'
        ),
    )
    update.add_argument(
        "--helpline",
        choices=(yes_no := ChoiceWords(YES_NO)),
        type=yes_no,
        help=_(
            "whether you asked the helpline where you live for help with it; its letter "
            "mentions the helpline only after yes"
        ),
    )
    update.add_argument(
        "--pin-file",
        metavar="PATH",
        help=_("a service's PIN, from the first line of PATH (- for standard input)"),
    )
    following = add_command(
        takedown,
        "next",
        cmd_takedown_next,
        _("reading the requests"),
        _("what to do next, and why"),
    )
    following.add_argument("--json", action="store_true", help=_("machine-readable output"))
