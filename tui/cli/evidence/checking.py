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
from tui.core.shared.i18n import _, ngettext

# Each command loads the core modules it needs when it runs, not when the parser is built:
# `evidence list` never pays for intake's file readers (keeps start-up fast).


def cmd_evidence_verify(args: argparse.Namespace) -> int:
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.verify import verify_all

    with open_vault(args) as vault:
        count = len(list_exhibits(vault))
        report = verify_all(vault, StderrProgress(_("Checking")))
    for problem in report.damaged:
        say(f"{problem.exhibit}: {problem.damage}.")
    for what in report.log_problems:
        say(_("log: {problem}.").format(problem=shown(what)))
    if report.unlisted:
        say(_("record: {problem}").format(problem=missing_from_record(report.unlisted)))
    if notes := pieces_note(report.removed_pieces, report.recent_pieces):
        say(_("Note: {text}.").format(text=notes))
    if report.not_logged:
        why = shown(report.not_logged)
        say(_("Note: this check could not be written to the custody log: {why}.").format(why=why))
    if report.intact:
        say(
            ngettext(
                "All {count} exhibits match the hashes taken when they were added, "
                "and the custody log is whole.",
                "All {count} exhibits match the hashes taken when they were added, "
                "and the custody log is whole.",
                count,
            ).format(count=count)
        )
        return 0
    if damaged := len(report.damaged):
        say(
            ngettext(
                "{damaged} of {count} exhibits are damaged or missing. "
                "Restore them from a backup copy; the rest are intact.",
                "{damaged} of {count} exhibits are damaged or missing. "
                "Restore them from a backup copy; the rest are intact.",
                damaged,
            ).format(damaged=damaged, count=count)
        )
    return 1


def pieces_note(removed: int, recent: int) -> str:
    """What a check found of adds that were interrupted ('' when nothing)."""
    parts = []
    if removed:
        parts.append(
            ngettext(
                "removed {count} unfinished piece left by an add that was interrupted",
                "removed {count} unfinished pieces left by an add that was interrupted",
                removed,
            ).format(count=removed)
        )
    if recent:
        parts.append(
            ngettext(
                "{count} unfinished piece is from an add under way or stopped in the last hour "
                "(they go once an hour old)",
                "{count} unfinished pieces are from an add under way or stopped in the last "
                "hour (they go once an hour old)",
                recent,
            ).format(count=recent)
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
                _(
                    "The damaged record is kept as {name}. The evidence is back; the "
                    "timeline, requests and notes were in that record: restore them from a "
                    "backup copy if you have one."
                ).format(name=kept.name)
            )
        return 0
    with vault:
        result = recover(vault)
    say(result.summary())
    return 1 if result.problems and not result.adopted else 0
