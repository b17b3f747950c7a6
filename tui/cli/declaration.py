"""`reclaim declaration`: draft a declaration the person can sign, for where they live (or
the kind named), listing every exhibit with its SHA-256 and where it came from; print it
or save it as text, DOCX or PDF. What it still needs is asked for by name."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import Commands, add_command, say
from tui.core.shared.display import shown, shown_block
from tui.core.shared.i18n import _

if TYPE_CHECKING:
    from tui.core.declarations.drafting import Declaration
    from tui.core.vault.vault import Vault

KINDS = ("us-1746", "uk-s9", "ca-affidavit", "au-statdec", "plain")

#: Where each fact a declaration needs is given on the command line.
OPTIONS = {
    "name": "--name",
    "address": "--address",
    "occupation": "--occupation",
    "age": "--age",
    "exhibits": "reclaim evidence add",  # i18n: not shown
}


def cmd_declaration(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.declarations.drafting import (
        COPY_SAVED,
        copy_to_read,
        save_facts,
        to_sign_and_read,
    )
    from tui.core.declarations.files import export_declaration
    from tui.core.takedowns.letter_files import copy_destination

    language = args.document_language or ""
    copy_path = None
    with open_vault(args) as vault:
        save_facts(
            vault,
            name=args.name,
            address=args.address,
            occupation=args.occupation,
            age=args.age,
        )
        declaration = drafted(vault, args.kind or "", language)
        copy = copy_to_read(vault, declaration.kind, language)
        if args.out:
            out = Path(args.out).expanduser()
            path = export_declaration(vault, declaration, out)
            if copy is not None:
                copy_path = export_declaration(vault, copy, copy_destination(out))
    if args.out:
        say(
            _(
                "Saved the draft to {path}. It is not encrypted. Have a lawyer check it "
                "before you sign it."
            ).format(path=shown(str(path)))
        )
        if copy_path is not None:
            say(_(COPY_SAVED).format(path=shown(str(copy_path))))
    else:
        say(shown_block(declaration.text))
        if copy is not None:
            say("")
            say("-" * 40)
            say(shown_block(copy.text))
    if copy is not None:
        say(to_sign_and_read(declaration, copy))
    return 0


def drafted(vault: Vault, kind: str, language: str = "") -> Declaration:
    """The declaration (in `language`'s readers' language where its form allows), or one
    sentence naming the options that give what it needs."""
    from tui.core.declarations.drafting import draft
    from tui.core.shared.errors import InputError
    from tui.core.takedowns.letter_needs import MissingFacts

    try:
        return draft(vault, kind, language)
    except MissingFacts as missing:
        asked = "; ".join(_asked(need.key, need.question) for need in missing.needs)
        raise InputError(
            _(
                "Before this declaration can be drafted it needs: {asked}. What you give is "
                "kept in the case (reclaim declaration gives it)."
            ).format(asked=asked)
        ) from None


def _asked(key: str, question: str) -> str:
    if key.startswith("provenance:"):
        exhibit = key.split(":", 1)[1]
        command = (
            "reclaim evidence provenance {exhibit} "  # i18n: not shown
            "--captured-by NAME --role ROLE --how HOW"
        )
        return f"{question} ({command.format(exhibit=exhibit)})"
    return f"{question} ({OPTIONS.get(key, '--' + key)})"


def register(commands: Commands) -> None:
    parser = add_command(
        commands,
        "declaration",
        cmd_declaration,
        _("drafting the declaration"),
        _("draft a declaration you can sign that produces your evidence (not legal advice)"),
    )
    parser.add_argument(
        "--kind",
        choices=KINDS,
        help=_(
            "the form (by default the one for where you live): US 28 U.S.C. 1746, UK "
            "s 9 witness statement, Canadian solemn declaration (s. 41), Australian statutory "
            "declaration, or a plain statement"
        ),
    )
    parser.add_argument("--out", metavar="FILE", help=_("save as .txt, .docx or .pdf too"))
    parser.add_argument("--name", metavar="NAME", help=_("your full name"))
    parser.add_argument("--address", metavar="TEXT", help=_("your address"))
    parser.add_argument("--occupation", metavar="TEXT", help=_("your occupation"))
    parser.add_argument("--age", metavar="AGE", help=_('"over 18", or your age'))
    parser.add_argument(
        "--document-language",
        metavar="CODE",
        choices=("en", "es", "fr"),
        help=_(
            "write it in en, es or fr where its form allows, with a copy to read otherwise "
            "(default: the language of those who read it where you live)"
        ),
    )
