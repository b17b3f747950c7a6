"""`reclaim letter ...`: draft a takedown request, a copyright notice or a cease-and-desist
letter from the case, print it, and optionally save it as text, DOCX or PDF. Facts a
letter needs and the case doesn't hold yet are asked for by name."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.choice_words import UNDER_18, ChoiceWords
from tui.cli.common import Commands, add_command, add_group, say
from tui.core.shared.display import shown, shown_block
from tui.core.shared.i18n import N_, _

if TYPE_CHECKING:
    from tui.core.takedowns.letters import Letter
    from tui.core.vault.vault import Vault


def _save_facts(args: argparse.Namespace) -> None:
    from tui.cli.common import open_vault
    from tui.core.takedowns.letters import save_facts
    from tui.core.takedowns.requests import update_request

    with open_vault(args) as vault:
        save_facts(
            vault,
            name=args.name,
            contact=args.contact,
            signature=args.signature,
            acting_for=args.acting_for,
            no_consent=True if args.confirm_no_consent else None,
            under_18=args.under_18,
            recipient=getattr(args, "to", None),
            recipient_contact=getattr(args, "to_contact", None),
            respond_by=getattr(args, "respond_by", None),
            demands=getattr(args, "demand", None),
        )
        work, took = getattr(args, "work", None), getattr(args, "i_took_them", False)
        if work is not None or took:
            update_request(vault, args.id, work=work, self_taken=True if took else None)


#: Where each fact a letter needs is given on the command line (see `letter_needs`).
OPTIONS = {
    "name": "--name",
    "contact": "--contact",
    "signature": "--signature",
    "no_consent": "--confirm-no-consent",
    "under_18": "--under-18",
    "self_taken": "--i-took-them",
    "work": "--work",
    "recipient": "--to",
    "respond_by": "--respond-by",
    "events": "reclaim timeline add",  # i18n: not shown
}
NOT_FOR_A_MINOR = N_(
    "A copyright notice is never the route when the person shown was, or may have been, "
    "under 18: use Take It Down and report it to the police (reclaim takedown sites says "
    "how, and who else helps where you live)."
)


def _draft(vault: Vault, args: argparse.Namespace) -> Letter:
    """The letter, or a sentence naming the options that give what it still needs."""
    from tui.core.shared.errors import InputError
    from tui.core.takedowns.letter_needs import MissingFacts
    from tui.core.takedowns.letters import NotForAMinor, draft

    try:
        return draft(vault, args.kind, getattr(args, "id", ""), args.document_language or "")
    except MissingFacts as missing:
        asked = "; ".join(f"{need.question} ({OPTIONS[need.key]})" for need in missing.needs)
        raise InputError(
            _(
                "Before this letter can be drafted it needs: {asked}. What you give is kept "
                "in the case for the next letter."
            ).format(asked=asked)
        ) from None
    except NotForAMinor:
        raise InputError(_(NOT_FOR_A_MINOR)) from None


def cmd_letter(args: argparse.Namespace) -> int:
    from tui.cli.common import open_vault
    from tui.core.binder.documents_language import written_in
    from tui.core.takedowns.letter_files import copy_destination, export_letter
    from tui.core.takedowns.letters import copy_to_read

    _save_facts(args)
    copy_path = None
    with open_vault(args) as vault:
        letter = _draft(vault, args)
        copy = copy_to_read(vault, letter, args.document_language or "")
        written = written_in(vault, "letter", args.document_language or "")
        if args.out:
            out = Path(args.out).expanduser()
            path = export_letter(vault, letter, letter.text, out)
            if copy is not None:
                copy_path = export_letter(vault, copy, copy.text, copy_destination(out))
    if args.out:
        say(
            _(
                "Saved the draft to {path}. It is not encrypted; read it through before sending."
            ).format(path=shown(str(path)))
        )
        if copy_path is not None:
            say(
                _("Saved a copy to read in your language to {path}: send the other one.").format(
                    path=shown(str(copy_path))
                )
            )
        say(written)
    else:
        say(shown_block(letter.text))  # names, addresses and demands, as they were given
        if copy is not None:
            say("")
            say("-" * 40)
            say(shown_block(copy.text))
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help=_("your full name (kept for the next letter)"))
    parser.add_argument("--contact", help=_("how to reach you: email or postal address"))
    parser.add_argument("--signature", help=_("your full name, typed as your signature"))
    parser.add_argument("--acting-for", metavar="NAME", help=_("the person shown, if not you"))
    parser.add_argument(
        "--confirm-no-consent",
        action="store_true",
        help=_("confirm the images were shared without consent"),
    )
    parser.add_argument(
        "--under-18",
        choices=(said := ChoiceWords(UNDER_18)),
        type=said,
        help=_("was the person shown under 18 when they were taken"),
    )
    parser.add_argument("--out", metavar="FILE", help=_("save as .txt, .docx or .pdf too"))
    parser.add_argument(
        "--document-language",
        metavar="CODE",
        choices=("en", "es", "fr"),
        help=_(
            "write the letter in en, es or fr (default: the language of those who read it "
            "where you live; see reclaim settings documents_language)"
        ),
    )


def register(commands: Commands) -> None:
    letter = add_group(commands, "letter", _("draft a letter from the case (not legal advice)"))
    takedown = add_command(
        letter, "takedown", cmd_letter, _("drafting the letter"), _("a takedown request to a site")
    )
    takedown.add_argument("id", metavar="ID", help=_("the request, from: reclaim takedown list"))
    takedown.set_defaults(kind="takedown")
    _common(takedown)
    copyright_notice = add_command(
        letter,
        "copyright",
        cmd_letter,
        _("drafting the letter"),
        _("a copyright notice, for pictures you took yourself (never if under 18)"),
    )
    copyright_notice.add_argument("id", metavar="ID", help=_("the request it is for"))
    copyright_notice.add_argument("--work", help=_("a short description of your original"))
    copyright_notice.add_argument(
        "--i-took-them", action="store_true", help=_("confirm you took the pictures yourself")
    )
    copyright_notice.set_defaults(kind="copyright")
    _common(copyright_notice)
    cease = add_command(
        letter,
        "cease-desist",
        cmd_letter,
        _("drafting the letter"),
        _("a cease-and-desist letter to the person who shared them, from your timeline"),
    )
    cease.add_argument("--to", help=_("the name of the person it is to"))
    cease.add_argument("--to-contact", metavar="ADDRESS", help=_("their address (optional)"))
    cease.add_argument("--respond-by", metavar="DATE", help=_("by when, e.g. 2026-12-15"))
    cease.add_argument(
        "--demand",
        action="append",
        metavar="TEXT",
        help=_("what they must do (repeat; replaces the usual list)"),
    )
    cease.set_defaults(kind="cease-desist")
    _common(cease)
