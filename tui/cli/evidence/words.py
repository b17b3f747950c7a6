"""`reclaim evidence read` and `search`: the words in the pictures, read on this computer,
and finding words across the case; and what `evidence show` says the picture shows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tui.cli.common import Commands, add_command, open_vault, say, say_json, warn
from tui.core.shared.display import shown
from tui.core.shared.i18n import _, ngettext

if TYPE_CHECKING:
    from tui.core.evidence.model import Exhibit

# Each command loads the core modules it needs when it runs: `evidence list` never pays
# for the recogniser (which loads its models only when a picture is first read).


def cmd_evidence_read(args: argparse.Namespace) -> int:
    """Read the pictures of the exhibits named (or of every exhibit not read yet), one at
    a time, each kept as soon as it is read: Ctrl+C stops with what is done kept."""
    from tui.core.evidence.model import get_exhibit, normalize_id
    from tui.core.evidence.reading import engine
    from tui.core.evidence.reading.read import (
        OFF,
        has_pictures,
        read_exhibit,
        unread_exhibits,
    )
    from tui.core.evidence.reading.setting import reading_on
    from tui.core.evidence.reading.shows import what_it_shows

    with open_vault(args) as vault:
        if not reading_on(vault):
            warn(_("reclaim: {problem}").format(problem=_(OFF)))
            return 1
        wanted = [normalize_id(each) for each in args.ids] or unread_exhibits(vault)
        if not wanted:
            say(_("The words in every picture of the case have been read already."))
            return 0
        engine.engine()  # said at once, before any exhibit, if this computer can't read
        total = len(wanted)
        failed = 0
        for number, exhibit_id in enumerate(wanted, start=1):
            exhibit = get_exhibit(vault, exhibit_id)
            if not has_pictures(exhibit):
                say(
                    _("{number} of {total}: {id} has no pictures to read.").format(
                        number=number, total=total, id=exhibit_id
                    )
                )
                continue
            reading = read_exhibit(vault, exhibit_id)
            lines = len(reading.lines)
            if not reading.pictures and not reading.problem:
                say(
                    _("{number} of {total}: {id} has no pictures to read.").format(
                        number=number, total=total, id=exhibit_id
                    )
                )
                continue
            if reading.problem:
                failed += not lines
                said = shown(reading.problem)
            else:
                record = get_exhibit(vault, exhibit_id).to_record()
                said = shown(what_it_shows(reading, record).sentence)
            done = ngettext("{count} line read", "{count} lines read", lines).format(count=lines)
            say(
                _("{number} of {total}: {id}: {done}. {said}").format(
                    number=number, total=total, id=exhibit_id, done=done, said=said
                )
            )
    say(
        _(
            "Text recognised by machine is kept with each exhibit; the picture is the evidence. "
            "Details filled from it are guesses until you confirm them "
            "(reclaim evidence edit ID --confirm-guesses)."
        )
    )
    return 1 if failed else 0


def where_said(where: str) -> str:
    """Where a line was found, as a person reads it."""
    if where == "details":
        return _("in the details")
    if where == "picture":
        return _("in the picture")
    kind, _space, number = where.partition(" ")
    if kind == "page":
        return _("on page {number}").format(number=number)
    if kind == "still":
        return _("in still {number}").format(number=number)
    if kind == "picture":
        return _("in picture {number}").format(number=number)
    return _("in {where}").format(where=where)


def cmd_evidence_search(args: argparse.Namespace) -> int:
    from tui.core.evidence.reading.search import search

    with open_vault(args) as vault:
        hits = search(vault, args.words)
    if args.json:
        say_json([{"exhibit": h.exhibit_id, "where": h.where, "line": h.text} for h in hits])
        return 0
    if not hits:
        say(_("No exhibit holds those words, in its details or its pictures."))
        return 0
    for hit in hits:
        say(f"{hit.exhibit_id}  {where_said(hit.where)}: {shown(hit.text)}")
    return 0


def picture_lines(exhibit: Exhibit) -> list[tuple[str, str]]:
    """What `evidence show` says of the words in the exhibit's pictures."""
    from tui.core.evidence.reading.model import reading_of
    from tui.core.evidence.reading.read import has_pictures
    from tui.core.evidence.reading.shows import what_it_shows

    if not has_pictures(exhibit):
        return []
    reading = reading_of(exhibit.extra)
    label = _("Words in it")
    if reading is None:
        return [
            (
                label,
                _("not read yet (reclaim evidence read {id})").format(id=exhibit.id),
            )
        ]
    shows = what_it_shows(reading, exhibit.to_record())
    read = ngettext(
        "{count} line recognised by machine on {day}; the picture is the evidence",
        "{count} lines recognised by machine on {day}; the picture is the evidence",
        len(reading.lines),
    ).format(count=len(reading.lines), day=reading.read_at[:10])
    return [(label, read), (_("What it shows"), shows.sentence)]


def add_words_commands(evidence: Commands) -> None:

    read = add_command(
        evidence,
        "read",
        cmd_evidence_read,
        _("reading the words in the pictures"),
        _(
            "read the words in exhibits' pictures, on this computer (all not read yet, "
            "or those named); Ctrl+C stops, keeping what is done"
        ),
    )
    read.add_argument("ids", nargs="*", metavar="ID")
    search = add_command(
        evidence,
        "search",
        cmd_evidence_search,
        _("searching the evidence"),
        _("find words in the exhibits' details and in the words read in their pictures"),
    )
    search.add_argument("words", metavar="WORDS")
    search.add_argument("--json", action="store_true", help=_("machine-readable output"))
