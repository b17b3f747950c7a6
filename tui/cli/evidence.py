"""`reclaim evidence ...`: add, list, show, edit, verify and export exhibits."""

from __future__ import annotations

import argparse
import json
import json.encoder
import sys
from pathlib import Path
from typing import Any

from tui.cli.common import (
    Commands,
    StderrProgress,
    add_command,
    add_group,
    missing_from_record,
    open_vault,
    read_secret,
    say,
    say_json,
    vault_path,
    warn,
)
from tui.core.shared.display import shown
from tui.core.shared.text import counted, plural_of, size


def _details(args: argparse.Namespace) -> dict[str, str | None]:
    """The details given as options, on top of those in `--details-file` (a TOML file,
    or - for standard input), which keeps them out of `ps` and the shell's history."""
    from tui.core.evidence.model import DETAIL_FIELDS

    given: dict[str, str | None] = {}
    if getattr(args, "details_file", None):
        given.update(_details_file(args.details_file))
    for name in DETAIL_FIELDS:
        if getattr(args, name, None) is not None:
            given[name] = getattr(args, name)
    return given


def _details_file(source: str) -> dict[str, str]:
    import tomllib

    from tui.core.evidence.model import DETAIL_FIELDS
    from tui.core.shared.errors import InputError

    try:
        text = sys.stdin.read() if source == "-" else Path(source).expanduser().read_text("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError):
        raise InputError(f"The details could not be read from {source}.") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"The details file {source} can't be read: {error}.") from None
    unknown = sorted(set(data) - set(DETAIL_FIELDS))
    if unknown:
        raise InputError(
            f"The details file names {', '.join(unknown)}, which Reclaim doesn't keep; "
            f"it knows {', '.join(DETAIL_FIELDS)}."
        )
    if not all(isinstance(value, str) for value in data.values()):
        raise InputError('In the details file, every value is text in quotes, like url = "…".')
    return {key: str(value) for key, value in data.items()}


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from tui.core.evidence.adding import IntakeResult, stage_file
    from tui.core.evidence.intake import Batcher
    from tui.core.evidence.model import clean_details
    from tui.core.evidence.sources import open_source

    details = _details(args)
    clean_details(details)  # refuse a bad date before anything is opened
    paths = [Path(name) for name in args.files]
    for path in paths:  # every file must be readable before the first is added
        open_source(path, args.follow_links).close()

    def recorded(path: Path, result: IntakeResult) -> None:
        """Said once the record holding it is saved: only then is it in the case."""
        exhibit = result.exhibit
        if result.duplicate:
            warn(
                f"{shown(str(path))} is already in the case as {exhibit.id}; "
                "it was not added again."
            )
            return
        say(f"{exhibit.id}  {shown(path.name)}  sha256:{exhibit.sha256}")
        if problem := exhibit.facts.get("problem"):
            warn(f"  {exhibit.id} was kept as it is, but: {shown(str(problem))}")

    with open_vault(args) as vault:
        batcher = Batcher(vault, recorded)
        try:
            for path in paths:
                progress = StderrProgress(f"Adding {shown(path.name)}")
                batcher.ahead(path.stat().st_size)
                batcher.add(path, stage_file(vault, path, details, progress, args.follow_links))
            batcher.flush()
        except BaseException:
            batcher.flush()  # what was copied before the problem is kept
            raise
    return 0


def cmd_evidence_list(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import list_exhibits

    with open_vault(args) as vault:
        exhibits = list_exhibits(vault)
    if args.json:
        from tui.core.shared.display import shown_json

        say(shown_json(records_json([exhibit.listing() for exhibit in exhibits])))
        return 0
    if not exhibits:
        say("No evidence yet. Add some with: reclaim evidence add FILE")
        return 0
    say(f"{'ID':<8}{'ADDED':<12}{'TYPE':<18}{'SIZE':>10}  {'PLATFORM':<12}DESCRIPTION")
    for e in exhibits:
        description = shown(e.description or e.original_name)
        if e.excluded:
            description += " (left out of the binder)"
        say(
            f"{e.id:<8}{e.added_at[:10]:<12}{shown(e.media_type)[:17]:<18}"
            f"{size(e.size):>10}  {shown(e.platform)[:11]:<12}{description}"
        )
    return 0


def records_json(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record to a line. Each line is json's C encoder at work; an
    indent would make json encode every token in Python instead, which for 20,000
    exhibits takes longer than opening the case."""
    if not records:
        return "[]"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]"


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import get_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
    record = exhibit.listing()
    if args.json:
        say_json(record)
        return 0
    from tui.core.evidence.formats import fact_lines

    for key, value in record.items():
        if value not in ("", None, {}) and key != "facts":
            say(f"{key.replace('_', ' ') + ':':<18}{shown(str(value))}")
    for label, text in fact_lines(exhibit.facts):
        say(f"{shown(label) + ':':<18}{shown(text)}")
    return 0


def cmd_evidence_edit(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import update_details
    from tui.core.evidence.model import clean_details, get_exhibit

    details = {k: v for k, v in _details(args).items() if v is not None}
    clean_details(details)
    if not details and not args.confirm_guesses:
        from tui.core.shared.errors import InputError

        raise InputError("Nothing to change: give at least one detail, like --platform.")
    with open_vault(args) as vault:
        confirm = tuple(get_exhibit(vault, args.id).guesses) if args.confirm_guesses else ()
        exhibit = update_details(vault, args.id, details, confirm=confirm)
    say(f"{exhibit.id} is updated.")
    return 0


def cmd_evidence_stitch(args: argparse.Namespace) -> int:
    from tui.core.evidence.stitch import stitch

    with open_vault(args) as vault:
        result = stitch(vault, args.ids, args.description or "")
    exhibit = result.exhibit
    if result.duplicate:
        say(f"That stitched image is already in the case as {exhibit.id}.")
        return 0
    say(
        f"{exhibit.id}  {shown(exhibit.original_name)}  {exhibit.width}x{exhibit.height}  "
        f"sha256:{exhibit.sha256}"
    )
    say(f"Made from {', '.join(exhibit.derived_from)}, which are kept as they were.")
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import set_excluded

    with open_vault(args) as vault:
        exhibit = set_excluded(vault, args.id, not args.undo)
    if exhibit.excluded:
        say(f"{exhibit.id} is left out of the binder. It stays in the case, untouched.")
    else:
        say(f"{exhibit.id} is back in the binder.")
    return 0


def cmd_evidence_delete(args: argparse.Namespace) -> int:
    from tui.core.evidence.changes import delete_exhibit
    from tui.core.evidence.model import get_exhibit

    with open_vault(args) as vault:
        exhibit = get_exhibit(vault, args.id)
        typed = args.confirm
        if typed is None:
            if not sys.stdin.isatty():
                from tui.core.shared.errors import InputError

                raise InputError(
                    f"Deleting needs confirmation: add --confirm {exhibit.id}, "
                    "or run it in a terminal to be asked."
                )
            warn(
                f"Deleting {exhibit.id} ({shown(exhibit.description or exhibit.original_name)}) "
                "can't be undone. To leave it out of the binder only, use "
                f"'reclaim evidence remove {exhibit.id}'."
            )
            typed = input(f"Type {exhibit.id} to delete it for good: ")
        deleted = delete_exhibit(vault, exhibit.id, typed, args.reason or "")
    say(f"{deleted.id} is deleted. The custody log records its hash and this deletion.")
    return 0


def cmd_evidence_similar(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.similar import similar_groups

    with open_vault(args) as vault:
        exhibits = list_exhibits(vault)
    groups = similar_groups(exhibits)
    if args.json:
        say(json.dumps(groups))
        return 0
    if not groups:
        say("No two images in the case look like the same picture.")
    for group in groups:
        say("Same picture: " + ", ".join(group))
    return 0


def cmd_evidence_verify(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.verify import verify_all

    with open_vault(args) as vault:
        count = len(list_exhibits(vault))
        report = verify_all(vault, StderrProgress("Checking"))
    for problem in report.damaged:
        say(f"{problem.exhibit}: {problem.damage}.")
    for what in report.log_problems:
        say(f"log: {shown(what)}.")
    if report.unlisted:
        say(f"record: {missing_from_record(report.unlisted)}")
    if notes := pieces_note(report.removed_pieces, report.recent_pieces):
        say(f"Note: {notes}.")
    if report.not_logged:
        why = shown(report.not_logged)
        say(f"Note: this check could not be written to the custody log: {why}.")
    if report.intact:
        say(
            f"All {count} exhibits match the hashes taken when they were added, "
            "and the custody log is whole."
        )
        return 0
    if damaged := len(report.damaged):
        say(
            f"{damaged} of {count} exhibits are damaged or missing. "
            "Restore them from a backup copy; the rest are intact."
        )
    return 1


def pieces_note(removed: int, recent: int) -> str:
    """What a check found of adds that were interrupted ('' when nothing)."""
    parts = []
    if removed:
        left = counted(removed, "unfinished piece")
        parts.append(f"removed {left} left by an add that was interrupted")
    if recent:
        are = plural_of(recent, "is", "are")
        parts.append(
            f"{counted(recent, 'unfinished piece')} {are} from an add under way or stopped in "
            "the last hour (they go once an hour old)"
        )
    return "; ".join(parts)


def cmd_evidence_recover(args: argparse.Namespace) -> int:
    from tui.core.evidence.recovery import rebuild_record, recover
    from tui.core.shared.errors import RecordDamaged
    from tui.core.vault.vault import Vault

    try:
        vault = open_vault(args)
    except RecordDamaged:
        # The record itself is lost or damaged: rebuild it from the cards in the blobs.
        secret = read_secret(args.passphrase_file, "passphrase")
        with Vault.open_without_record(vault_path(args), passphrase=secret) as bare:
            result, kept = rebuild_record(bare)
        say(result.summary())
        if kept is not None:
            say(
                f"The damaged record is kept as {kept.name}. The evidence is back; the "
                "timeline, requests and notes were in that record: restore them from a "
                "backup copy if you have one."
            )
        return 0
    with vault:
        result = recover(vault)
    say(result.summary())
    return 1 if result.problems and not result.adopted else 0


def cmd_evidence_export(args: argparse.Namespace) -> int:
    from tui.core.evidence.export import export_original

    with open_vault(args) as vault:
        target = export_original(vault, args.id, Path(args.dest).expanduser())
    say(
        f"Wrote the original bytes to {shown(str(target))}; its SHA-256 matches the one "
        "taken at intake."
    )
    return 0


def _detail_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("details")
    group.add_argument("--platform", help="site or app, e.g. Instagram")
    group.add_argument("--url", help="where it was posted")
    group.add_argument("--poster", metavar="NAME", help="username of who posted it")
    group.add_argument(
        "--posted-at",
        metavar="WHEN",
        help='when it was posted, e.g. "5 March 2024 21:14", "March 2024" or "about 2023"',
    )
    group.add_argument(
        "--captured-at",
        metavar="WHEN",
        help='when you captured it, e.g. "6 March 2024 08:15" or 2024-03-06',
    )
    group.add_argument("--caption", metavar="TEXT", help="captions and comments seen with it")
    group.add_argument("--description", metavar="TEXT", help="what it shows")
    group.add_argument("--significance", metavar="TEXT", help="why it matters")
    group.add_argument("--notes", metavar="TEXT", help="anything else")
    group.add_argument(
        "--details-file",
        metavar="PATH",
        help="read the details from a TOML file (- for standard input), e.g. "
        'poster = "someuser"; keeps them out of the process list and shell history',
    )


def register(commands: Commands) -> None:
    evidence = add_group(commands, "evidence", "add, list, check and export evidence")
    add = add_command(
        evidence,
        "add",
        cmd_evidence_add,
        "adding the evidence",
        "copy files into the case, untouched, with their SHA-256",
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument(
        "--follow-links",
        action="store_true",
        help="add what a link points to (links are refused otherwise)",
    )
    _detail_options(add)
    listing = add_command(
        evidence, "list", cmd_evidence_list, "listing the evidence", "list the evidence"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    show = add_command(
        evidence, "show", cmd_evidence_show, "reading the evidence", "show one exhibit's details"
    )
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    edit = add_command(
        evidence, "edit", cmd_evidence_edit, "saving the details", "change one exhibit's details"
    )
    edit.add_argument("id", metavar="ID")
    _detail_options(edit)
    edit.add_argument(
        "--confirm-guesses",
        action="store_true",
        help="the times guessed from the file are right; stop marking them as guesses",
    )
    stitch = add_command(
        evidence,
        "stitch",
        cmd_evidence_stitch,
        "stitching the screenshots",
        "join screenshots, top to bottom, into one new exhibit (originals kept)",
    )
    stitch.add_argument("ids", nargs="+", metavar="ID", help="two or more, top first")
    stitch.add_argument("--description", metavar="TEXT", help="what the stitched image shows")
    remove = add_command(
        evidence,
        "remove",
        cmd_evidence_remove,
        "removing the exhibit from the binder",
        "leave an exhibit out of the binder; it stays in the case",
    )
    remove.add_argument("id", metavar="ID")
    remove.add_argument("--undo", action="store_true", help="put it back in the binder")
    delete = add_command(
        evidence,
        "delete",
        cmd_evidence_delete,
        "deleting the exhibit",
        "delete an exhibit for good (asks you to type its number; logged)",
    )
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--confirm", metavar="ID", help="the exhibit number again, to confirm")
    delete.add_argument("--reason", metavar="TEXT", help="why, kept in the custody log")
    similar = add_command(
        evidence,
        "similar",
        cmd_evidence_similar,
        "comparing the images",
        "group images that show the same picture (perceptual hash, computed here)",
    )
    similar.add_argument("--json", action="store_true", help="machine-readable output")
    add_command(
        evidence,
        "verify",
        cmd_evidence_verify,
        "checking the evidence",
        "decrypt and re-hash every exhibit",
    )
    add_command(
        evidence,
        "recover",
        cmd_evidence_recover,
        "taking the evidence back",
        "put back evidence that is in the case folder but missing from its record "
        "(or rebuild a lost record from the evidence itself)",
    )
    export = add_command(
        evidence,
        "export",
        cmd_evidence_export,
        "exporting the evidence",
        "write one exhibit's original bytes to DEST",
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("dest", metavar="DEST", help="a file name, or a folder to put it in")
