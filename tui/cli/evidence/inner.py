"""`reclaim evidence add-inner`: the files inside an exhibit (a document's pictures, a
PDF's or an email's attachments, a zip's members) listed, or taken in as exhibits of
their own, linked to the exhibit they came from."""

from __future__ import annotations

import argparse

from tui.cli.common import Commands, add_command, open_vault, say, warn
from tui.core.shared.display import shown
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _


def add_inner_command(evidence: Commands) -> None:
    command = add_command(
        evidence,
        "add-inner",
        cmd_evidence_add_inner,
        _("taking in the files inside it"),
        _(
            "list the files inside an exhibit (pictures in a document, attachments of an "
            "email or PDF), or take them in as exhibits of their own"
        ),
    )
    command.add_argument("id", metavar="ID")
    command.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=_("the files to take in, by name or by the place listed"),
    )
    command.add_argument("--all", action="store_true", help=_("take in every file inside it"))


def cmd_evidence_add_inner(args: argparse.Namespace) -> int:
    from tui.cli.evidence.provenance import taken_in_by
    from tui.core.evidence.inner_exhibits import add_inner, inner_choices
    from tui.core.shared.text import size

    if args.all and args.names:
        raise InputError(_("Name the files to take in, or use --all, not both."))
    with open_vault(args) as vault:
        if not args.all and not args.names:
            choices = inner_choices(vault, args.id)
            if not choices:
                say(_("{id} holds no files that can be taken out.").format(id=args.id.upper()))
                return 0
            for choice in choices:
                if not choice.readable:
                    state = _("can't be read")
                elif choice.already:
                    state = _("already in the case as {id}").format(id=choice.already)
                else:
                    state = f"sha256:{choice.sha256}"
                line = f"{shown(choice.where)}  {shown(choice.name)}  {size(choice.size)}  {state}"
                say(line)
            say(_("Name the files to take in (by name or place), or use --all."))
            return 0
        result = add_inner(vault, args.id, None if args.all else args.names, taken_in_by(vault))
    for exhibit in result.added:
        say(f"{exhibit.id}  {shown(exhibit.original_name)}  sha256:{exhibit.sha256}")
    for name, exhibit in result.already:
        warn(
            _("{name} is already in the case as {id}; it was not added again.").format(
                name=shown(name), id=exhibit.id
            )
        )
    for problem in result.problems:
        warn(shown(problem))
    return 1 if result.problems else 0
