"""`reclaim evidence ...`: add, list, show, edit, verify and export exhibits. The parser is
here; each job's commands are in a module of their own."""

from __future__ import annotations

from tui.cli.common import Commands, add_command, add_group
from tui.cli.evidence.adding import cmd_evidence_add, cmd_evidence_stitch
from tui.cli.evidence.changing import cmd_evidence_delete, cmd_evidence_edit, cmd_evidence_remove
from tui.cli.evidence.checking import cmd_evidence_recover, cmd_evidence_verify
from tui.cli.evidence.details import add_detail_options
from tui.cli.evidence.history import cmd_evidence_history
from tui.cli.evidence.inner import add_inner_command
from tui.cli.evidence.provenance import add_provenance_options, cmd_evidence_provenance
from tui.cli.evidence.reading import (
    cmd_evidence_export,
    cmd_evidence_list,
    cmd_evidence_show,
    cmd_evidence_similar,
)
from tui.cli.evidence.words import add_words_commands
from tui.core.shared.i18n import _


def register(commands: Commands) -> None:
    evidence = add_group(commands, "evidence", _("add, list, check and export evidence"))
    add = add_command(
        evidence,
        "add",
        cmd_evidence_add,
        _("adding the evidence"),
        _("copy files into the case, untouched, with their SHA-256"),
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument(
        "--follow-links",
        action="store_true",
        help=_("add what a link points to (links are refused otherwise)"),
    )
    add_detail_options(add)
    add_provenance_options(add)
    add.add_argument(
        "--added-by",
        metavar="NAME",
        help=_(
            "who is taking the files into Reclaim (kept in the custody log; "
            "by default the name the case gives for letters)"
        ),
    )
    listing = add_command(
        evidence, "list", cmd_evidence_list, _("listing the evidence"), _("list the evidence")
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    show = add_command(
        evidence,
        "show",
        cmd_evidence_show,
        _("reading the evidence"),
        _("show one exhibit's details"),
    )
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help=_("machine-readable output"))
    edit = add_command(
        evidence,
        "edit",
        cmd_evidence_edit,
        _("saving the details"),
        _("change one exhibit's details"),
    )
    edit.add_argument("id", metavar="ID")
    add_detail_options(edit)
    edit.add_argument(
        "--confirm-guesses",
        action="store_true",
        help=_(
            "the details guessed from the file are right; stop marking them as guesses "
            "(a time read from the file's own time is confirmed only with --confirm-guess)"
        ),
    )
    edit.add_argument(
        "--confirm-guess",
        action="append",
        default=[],
        metavar="FIELD",
        help=_("confirm one guessed detail on its own, e.g. captured_at"),
    )
    provenance = add_command(
        evidence,
        "provenance",
        cmd_evidence_provenance,
        _("saving where it came from"),
        _("say or change who captured one exhibit, how, with what and on what (logged)"),
    )
    provenance.add_argument("id", metavar="ID")
    add_provenance_options(provenance)
    provenance.add_argument(
        "--confirm-guesses",
        action="store_true",
        help=_("the device and system read from the file are right; stop marking them"),
    )
    history = add_command(
        evidence,
        "history",
        cmd_evidence_history,
        _("reading the exhibit's history"),
        _("what changed in one exhibit's details, from what to what, newest first"),
    )
    history.add_argument("id", metavar="ID")
    history.add_argument("--json", action="store_true", help=_("machine-readable output"))
    stitch = add_command(
        evidence,
        "stitch",
        cmd_evidence_stitch,
        _("stitching the screenshots"),
        _("join screenshots, top to bottom, into one new exhibit (originals kept)"),
    )
    stitch.add_argument("ids", nargs="+", metavar="ID", help=_("two or more, top first"))
    stitch.add_argument("--description", metavar="TEXT", help=_("what the stitched image shows"))
    remove = add_command(
        evidence,
        "remove",
        cmd_evidence_remove,
        _("removing the exhibit from the binder"),
        _("leave an exhibit out of the binder; it stays in the case"),
    )
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--undo", action="store_true", help=_("put it back in the binder"))
    delete = add_command(
        evidence,
        "delete",
        cmd_evidence_delete,
        _("deleting the exhibit"),
        _("delete an exhibit for good (asks you to type its number; logged)"),
    )
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--confirm", metavar="ID", help=_("the exhibit number again, to confirm"))
    delete.add_argument("--reason", metavar="TEXT", help=_("why, kept in the custody log"))
    similar = add_command(
        evidence,
        "similar",
        cmd_evidence_similar,
        _("comparing the images"),
        _("group images that show the same picture (perceptual hash, computed here)"),
    )
    similar.add_argument("--json", action="store_true", help=_("machine-readable output"))
    add_command(
        evidence,
        "verify",
        cmd_evidence_verify,
        _("checking the evidence"),
        _("decrypt and re-hash every exhibit"),
    )
    add_command(
        evidence,
        "recover",
        cmd_evidence_recover,
        _("taking the evidence back"),
        _(
            "put back evidence that is in the case folder but missing from its record "
            "(or rebuild a lost record from the evidence itself)"
        ),
    )
    export = add_command(
        evidence,
        "export",
        cmd_evidence_export,
        _("exporting the evidence"),
        _("write one exhibit's original bytes to DEST"),
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("dest", metavar="DEST", help=_("a file name, or a folder to put it in"))
    add_words_commands(evidence)
    add_inner_command(evidence)
