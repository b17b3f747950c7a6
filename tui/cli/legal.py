"""`reclaim legal ...`: the legal options in plain words, and the lawyer package."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import Commands, add_command, add_group, say
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _

GENERAL_OPTIONS = N_(
    "You haven't said where you live, so these are general options. Tell Reclaim "
    "(reclaim jurisdiction set CODE) to see the laws of your place."
)

#: An option's next step as a command to type, where the app's page names its key
#: ("Press w on this step to draft one" means nothing at a shell).
NEXT_COMMANDS = {
    "police-report": N_("reclaim binder FILE.pdf --for police makes the police binder."),
    "cease-and-desist": N_("reclaim letter cease-desist drafts one."),
    "takedowns": N_("reclaim takedown sites gives each site's directions."),
    "working-with-a-lawyer": N_("reclaim legal package FOLDER makes the lawyer package."),
}

#: Points to keep in mind that name a step or key of the app (the data's words, in
#: English), as a command line says them.
POINTS_INSTEAD = {
    "Bring the police binder (step 7); it has every exhibit, its hash and your timeline.": N_(
        "Bring the police binder (reclaim binder); it has every exhibit, its hash and your "
        "timeline."
    ),
    "Keep every reference number; the tracker on this step keeps them.": N_(
        "Keep every reference number; reclaim takedown update ID --reference keeps them."
    ),
    "If a site doesn't act, where you live decides who to go to next: n on this step shows "
    "the ladder.": N_(
        "If a site doesn't act, where you live decides who to go to next: reclaim takedown "
        "next says who."
    ),
    "Bring the lawyer package from this step: the binder, your timeline as a Word file, "
    "and your notes.": N_(
        "Bring the lawyer package (reclaim legal package): the binder, your timeline as a "
        "Word file, and your notes."
    ),
}


def next_commands() -> dict[str, str]:
    """`NEXT_COMMANDS` in the language spoken, their placeholders too (FICHIER.pdf)."""
    from tui.cli.metavars import said

    return {option: said(_(step)) for option, step in NEXT_COMMANDS.items()}


def points_instead() -> dict[str, str]:
    """`POINTS_INSTEAD` by the words the page shows in the language spoken."""
    from tui.cli.metavars import said
    from tui.core.shared.data_files import words

    return {words(point): said(_(cli)) for point, cli in POINTS_INSTEAD.items()}


def cmd_legal_options(args: argparse.Namespace) -> int:
    from tui.cli.jurisdiction import place_for
    from tui.core.places.catalogue import resolve
    from tui.core.takedowns.legal_options import as_text, place_lines, shipped

    place = resolve(place_for(args))
    laws = place_lines(place) or [_(GENERAL_OPTIONS)]
    say(as_text(shipped(), laws, next_commands(), points_instead()))
    return 0


def cmd_legal_package(args: argparse.Namespace) -> int:
    from tui.cli.binder import clinic_name, export_date, pages_and_exhibits
    from tui.cli.common import StderrProgress, open_vault
    from tui.core.takedowns.lawyer_package import write_lawyer_package
    from tui.core.takedowns.letters import save_facts

    notes = None
    if args.notes_file:
        from tui.core.shared.errors import InputError

        try:
            notes = Path(args.notes_file).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise InputError(
                _("The notes could not be read from {path}.").format(path=args.notes_file)
            ) from None
    day, organization = export_date(args.date), clinic_name(args)
    with open_vault(args) as vault:
        save_facts(vault, lawyer_notes=notes)
        result = write_lawyer_package(
            vault,
            Path(args.dest).expanduser(),
            args.prepared_by or "",
            StderrProgress(_("Binding")),
            export_date=day,
            organization=organization,
        )
    pages, exhibits = pages_and_exhibits(result.pages, len(result.exhibits))
    say(
        _(
            "Made the lawyer package in {path}: the binder ({pages}, {exhibits}), the "
            "originals, timeline.docx and notes.txt. It is not encrypted; keep it safe."
        ).format(path=shown(str(result.path)), pages=pages, exhibits=exhibits)
    )
    for line in result.notice_lines():
        say(shown(line))  # it may name an exhibit
    return 0


def register(commands: Commands) -> None:
    legal = add_group(commands, "legal", _("your legal options, and a package for a lawyer"))
    options = add_command(
        legal,
        "options",
        cmd_legal_options,
        _("reading the options"),
        _("the options in plain words"),
    )
    from tui.cli.jurisdiction import add_place_option

    add_place_option(options)
    package = add_command(
        legal,
        "package",
        cmd_legal_package,
        _("making the lawyer package"),
        _("a folder for a lawyer: binder, originals, timeline (DOCX) and notes"),
    )
    package.add_argument("dest", metavar="FOLDER", help=_("a new folder to make"))
    package.add_argument("--prepared-by", metavar="NAME", help=_("your name, or the helper's"))
    package.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_("the binder's date and Bagging-Date (default today)"),
    )
    package.add_argument(
        "--notes-file", metavar="FILE", help=_("your notes for the lawyer (kept in the case)")
    )
