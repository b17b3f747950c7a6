"""`reclaim evidence verify` and `recover`: is every exhibit whole, and taking back the
evidence the record has lost."""

from __future__ import annotations

import argparse

from tui.cli.common import (
    StderrProgress,
    missing_from_record,
    open_vault,
    read_secret,
    say,
    vault_path,
)
from tui.core.shared.display import shown
from tui.core.shared.text import counted, plural_of

# Each command loads the core modules it needs when it runs, not when the parser is built:
# `evidence list` never pays for intake's file readers (keeps start-up fast).


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
