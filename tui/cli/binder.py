"""`reclaim binder DEST.pdf`: the police (or lawyer's) binder as one PDF."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from tui.cli.common import Commands, StderrProgress, add_command, open_vault, read_secret, say
from tui.core.shared import clock
from tui.core.shared.display import shown


def export_date(text: str | None) -> date:
    """A `--date` (YYYY-MM-DD), or today."""
    from tui.core.shared.errors import InputError

    if not text:
        return clock.utc_now().date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f'"{text}" is not a date; write it like 2024-03-05.') from None


def clinic_name(args: argparse.Namespace) -> str:
    """The clinic's name from the settings (`clinic_name`), named in packages; '' unset."""
    from tui.core.settings import load_settings

    config = getattr(args, "config", None)
    return load_settings(Path(config).expanduser() if config else None).clinic_name


def _format_lines(pdfa_part: int | None) -> list[str]:
    """What kind of PDF was made, and what the password choice meant for it."""
    if pdfa_part is None:
        return [
            "The PDF is encrypted, so it is not PDF/A: PDF/A, which courts' filing systems "
            "ask for, forbids encryption."
        ]
    return [
        f"The PDF is PDF/A-{pdfa_part}b, for courts' filing systems and archives.",
        "The PDF is not encrypted: keep it somewhere safe (--password-file encrypts it, "
        "but then it is no longer PDF/A).",
    ]


def cmd_binder(args: argparse.Namespace) -> int:
    from tui.core.binder.build import write_binder
    from tui.core.binder.choices import BinderChoices
    from tui.core.binder.packages import write_package

    password = read_secret(args.password_file, "binder password") if args.password_file else None
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
    )
    choices.check()
    destination, progress = Path(args.dest).expanduser(), StderrProgress("Binding")
    organization = clinic_name(args) if args.package else ""
    with open_vault(args) as vault:
        if args.declaration is not None:  # drafted now, from the case as it is
            from dataclasses import replace

            from tui.cli.declaration import drafted

            choices = replace(choices, declaration=drafted(vault, args.declaration).text)
        if args.package:
            result = write_package(
                vault, destination, choices, progress, organization=organization
            )
        else:
            result = write_binder(vault, destination, choices, progress)
    say(
        f"Wrote {shown(str(result.path))}: {result.pages} pages, {len(result.exhibits)} exhibits, "
        f"sha256:{result.sha256}"
    )
    for line in result.notice_lines():
        say(shown(line))  # it may name an exhibit
    if args.package:
        say("The folder is a BagIt bag: the binder, the originals and a README with checks.")
    for line in _format_lines(choices.pdfa_part):
        say(line)
    return 0


def register(commands: Commands) -> None:
    binder = add_command(
        commands,
        "binder",
        cmd_binder,
        "making the binder",
        "one printable PDF: cover, contents, evidence index, timeline, exhibits, hashes",
    )
    binder.add_argument("dest", metavar="DEST.pdf", help="the PDF, or a new folder with --package")
    binder.add_argument(
        "--package",
        action="store_true",
        help="write a folder for a USB drive: the PDF, the originals and a README (BagIt)",
    )
    binder.add_argument(
        "--for", dest="prepared_for", choices=("police", "lawyer", "court"), default="police"
    )
    binder.add_argument("--prepared-by", metavar="NAME", help="your name, or the helper's")
    binder.add_argument("--title", metavar="TEXT", help="the title on the cover")
    binder.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the export date, and a package's Bagging-Date (default today)",
    )
    binder.add_argument("--paper", choices=("a4", "letter"), default="a4")
    binder.add_argument("--order", choices=("exhibit", "time"), default="exhibit")
    binder.add_argument(
        "--exclude", action="append", metavar="ID", help="leave this exhibit out (repeat)"
    )
    binder.add_argument("--prefix", default="RCL", help="control-number prefix (RCL-000001)")
    binder.add_argument(
        "--attach-originals",
        action="store_true",
        help="embed the original files, byte-exact, each up to 256 MiB (PDF/A-3b)",
    )
    binder.add_argument(
        "--declaration",
        nargs="?",
        const="",
        choices=("us-1746", "uk-s9", "ca-affidavit", "au-statdec", "plain"),
        metavar="KIND",
        help="print a declaration for you to sign after the cover (by default the kind "
        "for where you live; see reclaim declaration)",
    )
    binder.add_argument(
        "--password-file",
        metavar="F",
        help="encrypt the PDF (AES-256) with the password in F; an encrypted PDF is not "
        "PDF/A, which courts' filing systems ask for",
    )
