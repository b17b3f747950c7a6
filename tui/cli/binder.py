"""`reclaim binder DEST.pdf`: the police (or lawyer's) binder as one PDF."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from tui.cli.common import (
    Commands,
    StderrProgress,
    add_command,
    open_vault,
    read_secret,
    say,
    settings_for,
)
from tui.core.shared import clock
from tui.core.shared.display import shown
from tui.core.shared.i18n import _, ngettext


def export_date(text: str | None) -> date:
    """A `--date` (YYYY-MM-DD), or today."""
    from tui.core.shared.errors import InputError

    if not text:
        return clock.utc_now().date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            _('"{text}" is not a date; write it like 2024-03-05.').format(text=text)
        ) from None


def clinic_name(args: argparse.Namespace) -> str:
    """The clinic's name from the settings (`clinic_name`), named in packages; '' unset."""
    return settings_for(args).clinic_name


def _format_lines(pdfa_part: int | None) -> list[str]:
    """What kind of PDF was made, and what the password choice meant for it."""
    if pdfa_part is None:
        return [
            _(
                "The PDF is encrypted, so it is not PDF/A: PDF/A, which courts' filing systems "
                "ask for, forbids encryption."
            )
        ]
    return [
        _("The PDF is PDF/A-{part}b, for courts' filing systems and archives.").format(
            part=pdfa_part
        ),
        _(
            "The PDF is not encrypted: keep it somewhere safe (--password-file encrypts it, "
            "but then it is no longer PDF/A)."
        ),
    ]


def pages_and_exhibits(pages: int, exhibits: int) -> tuple[str, str]:
    """ "12 pages", "3 exhibits", in the language spoken."""
    return (
        ngettext("{count} page", "{count} pages", pages).format(count=pages),
        ngettext("{count} exhibit", "{count} exhibits", exhibits).format(count=exhibits),
    )


def wrote(path: Path, pages: int, exhibits: int, sha256: str) -> str:
    page_count, exhibit_count = pages_and_exhibits(pages, exhibits)
    return _("Wrote {path}: {pages}, {exhibits}, sha256:{sha256}").format(
        path=shown(str(path)), pages=page_count, exhibits=exhibit_count, sha256=sha256
    )


def cmd_binder(args: argparse.Namespace) -> int:
    from tui.core.binder.build import write_binder
    from tui.core.binder.choices import BinderChoices
    from tui.core.binder.packages import write_package

    what = "binder password"  # i18n: not shown
    password = read_secret(args.password_file, what) if args.password_file else None
    choices = BinderChoices(
        prepared_for=args.prepared_for,
        prepared_by=args.prepared_by or "",
        case_title=args.title or BinderChoices.case_title,
        export_date=export_date(args.date),
        paper=args.paper,
        order=args.order,
        exclude=frozenset(args.exclude or ()),
        prefix=args.prefix,
        attach_originals=args.attach_originals,
        password=password,
        language=args.document_language or "",
    )
    choices.check()
    destination, progress = Path(args.dest).expanduser(), StderrProgress(_("Binding"))
    organization = clinic_name(args) if args.package else ""
    with open_vault(args) as vault:
        if args.declaration is not None:  # drafted now, from the case as it is
            from dataclasses import replace

            from tui.cli.declaration import drafted
            from tui.core.binder.documents_language import documents_language

            # In the binder's language where its form may be signed in it (else in the
            # language its law sets); what it still needs is said in the person's words.
            language = choices.language or documents_language(vault)
            text = drafted(vault, args.declaration, language).text
            choices = replace(choices, declaration=text)
        if args.package:
            result = write_package(
                vault, destination, choices, progress, organization=organization
            )
        else:
            result = write_binder(vault, destination, choices, progress)
        from tui.core.binder.documents_language import written_in

        written = written_in(vault, choices.prepared_for, choices.language)
    say(wrote(result.path, result.pages, len(result.exhibits), result.sha256))
    say(written)
    for line in result.notice_lines():
        say(shown(line))  # it may name an exhibit
    if args.package:
        say(_("The folder is a BagIt bag: the binder, the originals and a README with checks."))
    for line in _format_lines(choices.pdfa_part):
        say(line)
    return 0


def register(commands: Commands) -> None:
    binder = add_command(
        commands,
        "binder",
        cmd_binder,
        _("making the binder"),
        _("one printable PDF: cover, contents, evidence index, timeline, exhibits, hashes"),
    )
    binder.add_argument(
        "dest", metavar="DEST.pdf", help=_("the PDF, or a new folder with --package")
    )
    binder.add_argument(
        "--package",
        action="store_true",
        help=_("write a folder for a USB drive: the PDF, the originals and a README (BagIt)"),
    )
    binder.add_argument(
        "--for",
        dest="prepared_for",
        choices=("police", "lawyer", "court"),
        default="police",
        help=_("who the binder is for: the police, a lawyer or a court (default: police)"),
    )
    binder.add_argument("--prepared-by", metavar="NAME", help=_("your name, or the helper's"))
    binder.add_argument("--title", metavar="TEXT", help=_("the title on the cover"))
    binder.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_("the export date, and a package's Bagging-Date (default today)"),
    )
    binder.add_argument(
        "--document-language",
        metavar="CODE",
        choices=("en", "es", "fr"),
        help=_(
            "write the binder in en, es or fr (default: the language of those who read it "
            "where you live; see reclaim settings documents_language)"
        ),
    )
    binder.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default="",
        help=_("paper size (default: letter in the US and Canada, else a4)"),
    )
    binder.add_argument(
        "--order",
        choices=("exhibit", "time"),
        default="exhibit",
        help=_("the exhibits in order of their number, or of when each was captured"),
    )
    binder.add_argument(
        "--exclude", action="append", metavar="ID", help=_("leave this exhibit out (repeat)")
    )
    binder.add_argument("--prefix", default="RCL", help=_("control-number prefix (RCL-000001)"))
    binder.add_argument(
        "--attach-originals",
        action="store_true",
        help=_("embed the original files, byte-exact, each up to 256 MiB (PDF/A-3b)"),
    )
    binder.add_argument(
        "--declaration",
        nargs="?",
        const="",
        choices=("us-1746", "uk-s9", "ca-affidavit", "au-statdec", "plain"),
        metavar="KIND",
        help=_(
            "print a declaration for you to sign after the cover (by default the kind "
            "for where you live; see reclaim declaration)"
        ),
    )
    binder.add_argument(
        "--password-file",
        metavar="F",
        help=_(
            "encrypt the PDF (AES-256) with the password in F; an encrypted PDF is not "
            "PDF/A, which courts' filing systems ask for"
        ),
    )
