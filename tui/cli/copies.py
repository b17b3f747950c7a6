"""`reclaim backup`, `reclaim restore` and `reclaim copies`: encrypted backups to any
folder, checked and restored, and the register of where copies are."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import (
    Commands,
    StderrProgress,
    add_command,
    add_group,
    open_vault,
    read_secret,
    say,
    say_json,
    settings_for,
)
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import size

#: A copy's state and kind as the register keeps them, said in the language spoken.
WORDS = (
    N_("up to date"),
    N_("out of date"),
    N_("damaged"),
    N_("old key"),
    N_("drive"),
    N_("cloud"),
    N_("printed"),
    N_("other"),
)


def _secret(args: argparse.Namespace) -> dict[str, str]:
    if args.recovery_code:
        what = "recovery code"  # i18n: not shown
        return {"recovery_code": read_secret(args.passphrase_file, what)}
    return {"passphrase": read_secret(args.passphrase_file, "passphrase")}


def cmd_backup(args: argparse.Namespace) -> int:
    if args.target and args.target[0] == "verify":
        return _verify(args, args.target[1:])
    if len(args.target) != 1:
        from tui.core.shared.errors import InputError

        raise InputError(_("Give one folder to back up into, e.g. reclaim backup /media/usb."))
    from tui.core.copies.backup import BackupIsNewer, make_backup
    from tui.core.shared.errors import InputError

    neutral = settings_for(args).discreet  # discreet mode asked for: a neutral folder
    with open_vault(args) as vault:
        try:
            result = make_backup(
                vault, Path(args.target[0]).expanduser(), StderrProgress(_("Copying")),
                neutral=neutral,
            )  # fmt: skip
        except BackupIsNewer as newer:
            raise InputError(
                _(
                    "The backup in {folder} holds a newer state of this case (made "
                    "{made_at}) than the case itself, which may have been put back to an "
                    "older copy. Nothing was written. Check the case with `reclaim evidence "
                    "verify`, or restore this backup to a new folder."
                ).format(folder=newer.folder, made_at=newer.made_at)
            ) from None
    say(
        ngettext(
            "Backed up {count} exhibit to {folder} ({written} written this time, {total} in all).",
            "Backed up {count} exhibits to {folder} ({written} written this time, {total} in "
            "all).",
            result.exhibits,
        ).format(
            count=result.exhibits,
            folder=shown(str(result.folder)),
            written=size(result.copied_bytes),
            total=size(result.total_bytes),
        )
    )
    say(_("It is encrypted: your passphrase or recovery code opens it."))
    if kept := len(result.kept):
        said = ngettext(
            "The stored copy of {exhibits} in this case is damaged, so the backup kept the "
            "earlier, whole copy. Check the case with: reclaim evidence verify",
            "The stored copies of {exhibits} in this case are damaged, so the backup kept the "
            "earlier, whole copies. Check the case with: reclaim evidence verify",
            kept,
        )
        say(said.format(exhibits=", ".join(result.kept)))
    return 0


def _verify(args: argparse.Namespace, rest: list[str]) -> int:
    from tui.core.copies.verify import find_backup, verify_backup
    from tui.core.shared.errors import InputError
    from tui.core.shared.files import LinkRefused

    if len(rest) != 1:
        raise InputError(_("Give the backup to check, e.g. reclaim backup verify /media/usb."))
    folder = find_backup(Path(rest[0]).expanduser())
    secret = _secret(args)
    try:
        check = verify_backup(
            folder,
            passphrase=secret.get("passphrase"),
            recovery_code=secret.get("recovery_code"),
            progress=StderrProgress(_("Checking")),
        )
    except LinkRefused as refused:
        _note_check(args, folder, str(refused))  # a planted link fails the check too
        raise
    if check.whole:
        say(
            _(
                "The backup at {folder} is whole: every file and all {count} exhibits match "
                "their hashes (made {made_at})."
            ).format(folder=shown(str(folder)), count=check.exhibits, made_at=shown(check.made_at))
        )
        _note_check(args, folder, None)
        return 0
    for problem in check.problems:
        say(f"{shown(str(folder))}: {shown(str(problem))}.")
    say(_("This backup is not whole. Make a new backup, or restore from another copy."))
    _note_check(args, folder, check.problems[0])
    return 1


def _note_check(args: argparse.Namespace, folder: Path, problem: str | None) -> None:
    """Record the check, whole or failed, in the case's copies register when this case
    can be opened: a failed check must not leave the last good one showing."""
    from tui.cli.common import vault_path
    from tui.core.copies.register import mark_check_failed, mark_verified
    from tui.core.shared.errors import ReclaimError
    from tui.core.vault.layout import is_vault

    if args.recovery_code or args.passphrase_file in (None, "-") or not is_vault(vault_path(args)):
        return
    try:
        with open_vault(args) as vault:
            if problem is None:
                mark_verified(vault, folder)
            else:
                mark_check_failed(vault, folder, problem)
    except ReclaimError:
        pass  # another case's backup, or another passphrase: nothing to record


def cmd_restore(args: argparse.Namespace) -> int:
    from tui.cli.common import vault_path
    from tui.core.copies.restore import restore

    result = restore(
        Path(args.path).expanduser(),
        vault_path(args),
        progress=StderrProgress(_("Checking")),
        **_secret(args),
    )
    target = shown(str(result.path))
    if not result.damaged:
        say(_("Restored the case to {path}. Every exhibit matched its hash.").format(path=target))
        return 0
    count = len(result.damaged)
    say(
        ngettext(
            "Restored the case to {path}, with every exhibit that was whole. {count} exhibit "
            "could not be restored:",
            "Restored the case to {path}, with every exhibit that was whole. {count} exhibits "
            "could not be restored:",
            count,
        ).format(path=target, count=count)
    )
    for exhibit_id, what in result.damaged.items():
        say(f"  {exhibit_id}: {shown(what)}.")
    if result.set_aside is not None:
        kept_in = ngettext(
            "What the backup held of it was kept, as it was, in {folder}.",
            "What the backup held of them was kept, as it was, in {folder}.",
            count,
        )
        say(kept_in.format(folder=shown(str(result.set_aside))))
    say(
        _(
            "Another backup may hold a good copy: `reclaim copies list` shows where your "
            "copies are, and `reclaim backup verify` checks one."
        )
    )
    return 1


def cmd_copies_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from tui.core.copies.register import is_damaged, is_stale, list_copies
    from tui.core.copies.register import state as copy_state
    from tui.core.evidence.kept_words import said_again
    from tui.core.evidence.model import list_exhibits

    with open_vault(args) as vault:
        copies = list_copies(vault)
        newest = max((e.added_at for e in list_exhibits(vault)), default="")
    if args.json:
        say_json(
            [{**asdict(c), "stale": is_stale(c, newest), "damaged": is_damaged(c)} for c in copies]
        )
        return 0
    if not copies:
        say(_("No copies yet. Make one with: reclaim backup /path/to/drive"))
        return 0
    for copy in copies:
        state = copy_state(copy, newest)
        state = _(state) if state == "up to date" else _(state).upper()
        made = _("made {day}").format(day=_day(copy.made_at))
        if is_damaged(copy):
            made = _("made {day}, check failed {failed} ({problem})").format(
                day=_day(copy.made_at),
                failed=_day(copy.check_failed_at),
                problem=shown(said_again(str(copy.check_problem))),
            )
        elif copy.last_verified_at:
            made = _("made {day}, checked {checked}").format(
                day=_day(copy.made_at), checked=_day(copy.last_verified_at)
            )
        holding = ngettext("{count} exhibit", "{count} exhibits", copy.exhibits).format(
            count=copy.exhibits
        )
        say(
            f"{copy.id}  {_(shown(copy.kind)):<8} {state:<12} {made}, {holding}  "
            f"{shown(copy.where)}"
        )
    return 0


def cmd_copies_add(args: argparse.Namespace) -> int:
    from tui.core.copies.register import add_copy

    with open_vault(args) as vault:
        copy = add_copy(vault, args.kind, args.where, args.note or "")
    say(
        ngettext(
            "{id}  {kind}  {where}: noted, holding {count} exhibit.",
            "{id}  {kind}  {where}: noted, holding {count} exhibits.",
            copy.exhibits,
        ).format(
            id=copy.id, kind=_(shown(copy.kind)), where=shown(copy.where), count=copy.exhibits
        )
    )
    return 0


def register(commands: Commands) -> None:
    backup = add_command(
        commands,
        "backup",
        cmd_backup,
        _("backing up the case"),
        _("copy the encrypted case to a folder or drive (or: backup verify PATH)"),
    )
    backup.add_argument("target", nargs="+", metavar="DEST_DIR | verify PATH")  # i18n: not shown
    backup.add_argument(
        "--recovery-code", action="store_true", help=_("verify with the recovery code")
    )
    restore = add_command(
        commands,
        "restore",
        cmd_restore,
        _("restoring the case"),
        _("make a working case from a backup (into --vault NEW_DIR)"),
    )
    restore.add_argument("path", metavar="PATH")
    restore.add_argument(
        "--recovery-code", action="store_true", help=_("open it with the recovery code")
    )
    copies = add_group(commands, "copies", _("the register of where copies of the case are"))
    listing = add_command(
        copies,
        "list",
        cmd_copies_list,
        _("reading the copies"),
        _("every copy, and which are stale"),
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    add = add_command(
        copies, "add", cmd_copies_add, _("noting the copy"), _("note a copy made by hand")
    )
    add.add_argument(
        "--kind",
        choices=("drive", "cloud", "printed", "other"),
        required=True,
        help=_("what kind of copy it is: a drive, a cloud account, a printout, or other"),
    )
    add.add_argument("--where", required=True, metavar="TEXT", help=_("e.g. 'at Sam's flat'"))
    add.add_argument("--note", metavar="TEXT", help=_("anything to remember about it"))


def _day(stamp: str) -> str:
    """A copy's day as the language says it in a list ("7 dic 2026"; English's ISO day)."""
    from datetime import date

    from tui.core.shared.local_formats import short_date

    return shown(short_date(date.fromisoformat(stamp[:10])))
