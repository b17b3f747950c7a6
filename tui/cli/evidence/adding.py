"""`reclaim evidence add` and `stitch`: new exhibits, from the person's files or from
screenshots already in the case."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import StderrProgress, open_vault, say, warn
from tui.cli.evidence.details import given_details
from tui.core.shared.display import shown
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _, ngettext

# Each command loads the core modules it needs when it runs, not when the parser is built:
# `evidence list` never pays for intake's file readers (keeps start-up fast).


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from tui.cli.evidence.provenance import given_provenance, taken_in_by
    from tui.core.evidence.adding import IntakeResult, stage_file
    from tui.core.evidence.intake import Batcher
    from tui.core.evidence.kept_words import said_again
    from tui.core.evidence.model import clean_details
    from tui.core.evidence.provenance import clean_provenance, missing_question
    from tui.core.evidence.sources import open_source

    details = given_details(args)
    clean_details(details)  # refuse a bad date before anything is opened
    # Where the files came from is said once for all the files of this add.
    provenance = clean_provenance(given_provenance(args))
    if question := missing_question(provenance):
        raise InputError(question)
    paths = [Path(name) for name in args.files]
    for path in paths:  # every file must be readable before the first is added
        open_source(path, args.follow_links).close()

    def recorded(path: Path, result: IntakeResult) -> None:
        """Said once the record holding it is saved: only then is it in the case."""
        exhibit = result.exhibit
        if result.duplicate:
            warn(
                _("{path} is already in the case as {id}; it was not added again.").format(
                    path=shown(str(path)), id=exhibit.id
                )
            )
            return
        say(f"{exhibit.id}  {shown(path.name)}  sha256:{exhibit.sha256}")
        if inside := sum(len(exhibit.facts.get(key) or []) for key in ("attachments", "pictures")):
            hint = ngettext(
                "{id} holds {count} file inside it: reclaim evidence add-inner {id} lists it.",
                "{id} holds {count} files inside it: reclaim evidence add-inner {id} lists them.",
                inside,
            )
            say("  " + hint.format(id=exhibit.id, count=inside))
        if problem := exhibit.facts.get("problem"):
            kept = _("{id} was kept as it is, but: {problem}")
            # The problem is kept in English, and said in the reader's language.
            said = said_again(str(problem))
            warn("  " + kept.format(id=exhibit.id, problem=shown(said)))

    with open_vault(args) as vault:
        by = args.added_by if args.added_by is not None else taken_in_by(vault)
        batcher = Batcher(vault, recorded)
        try:
            for path in paths:
                progress = StderrProgress(_("Adding {name}").format(name=shown(path.name)))
                batcher.ahead(path.stat().st_size)
                staged = stage_file(
                    vault, path, details, progress, args.follow_links, provenance, by
                )
                batcher.add(path, staged)
            batcher.flush()
        except BaseException:
            batcher.flush()  # what was copied before the problem is kept
            raise
    return 0


def cmd_evidence_stitch(args: argparse.Namespace) -> int:
    from tui.core.evidence.stitch import stitch

    with open_vault(args) as vault:
        result = stitch(vault, args.ids, args.description or "")
    exhibit = result.exhibit
    if result.duplicate:
        say(_("That stitched image is already in the case as {id}.").format(id=exhibit.id))
        return 0
    say(
        f"{exhibit.id}  {shown(exhibit.original_name)}  {exhibit.width}x{exhibit.height}  "
        f"sha256:{exhibit.sha256}"
    )
    say(
        _("Made from {exhibits}, which are kept as they were.").format(
            exhibits=", ".join(exhibit.derived_from)
        )
    )
    return 0
