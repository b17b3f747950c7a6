"""Commands about the case itself: create, open, passphrase, keyring, custody log."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import (
    Commands,
    add_command,
    add_group,
    open_vault,
    read_new_passphrase,
    say,
    say_json,
    settings_for,
    vault_path,
    warn,
)
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _

RECOVERY_NOTICE = N_("""\
Your recovery code (write it down now: Reclaim keeps no copy of it and can't show it
again):

    {code}

With it you can open the case if you forget your passphrase. Keep it on paper,
somewhere safe and away from this computer: anyone who has it can open the case.""")


#: The same in discreet mode (`discreet = true`): nothing says what the notes are.
DISCREET_RECOVERY_NOTICE = N_("""\
Your recovery code (write it down now: no copy of it is kept and it can't be shown
again):

    {code}

With it you can open your notes if you forget your passphrase. Keep it on paper,
somewhere safe and away from this computer: anyone who has it can open them.""")


def cmd_init(args: argparse.Namespace) -> int:
    from tui.core.places.catalogue import check_code
    from tui.core.places.model import NOT_SAID
    from tui.core.takedowns.deadlines import set_case_place
    from tui.core.vault.layout import DISCREET_MARK, is_vault, neutral_vault_dir
    from tui.core.vault.vault import Vault

    discreet = settings_for(args).discreet
    path = vault_path(args)
    if discreet and not args.vault and not is_vault(path):
        path = neutral_vault_dir()  # as the app makes it: no name says what it is
    passphrase = read_new_passphrase(args.passphrase_file)
    place = check_code(args.place) if args.place is not None else None
    vault, code = Vault.create(path, passphrase)
    try:
        if discreet:  # read before the passphrase is typed, so beside the record
            (vault.path / DISCREET_MARK).touch()
        # Not said is general advice, as the app's form starts: '' would be read as a case
        # made before Reclaim asked, and shown the United States' laws and helplines.
        set_case_place(vault, NOT_SAID if place is None else place)
    finally:
        vault.close()
    if discreet:
        say(_("Your notes are ready at {path}.").format(path=shown(str(path))) + "\n")
        say(_(DISCREET_RECOVERY_NOTICE).format(code=code))
        return 0
    say(_("Your case is ready at {path}.").format(path=shown(str(path))) + "\n")
    say(_(RECOVERY_NOTICE).format(code=code))
    if place is None:
        say(
            _(
                "\nWhere do you live? It decides which laws, deadlines and helplines Reclaim "
                "shows you: reclaim jurisdiction set CODE (reclaim jurisdiction list shows them; "
                "none for general advice only)."
            )
        )
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    with open_vault(args):
        say(_("That opens this case."))
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    from tui.core.passwords.profile import load
    from tui.core.vault import device_keyring, rekey

    vault = open_vault(args)
    with vault:
        personal = load(vault).personal_words()
        new_passphrase = read_new_passphrase(args.new_passphrase_file, personal)
        if not args.new_key:
            vault.change_passphrase(new_passphrase)
            say(_("Your passphrase is changed. Your recovery code still works."))
            say(_("If someone else may know your old passphrase or recovery code, use --new-key."))
            return 0
        vault_id = vault.header.vault_id

        def progress(done: int, total: int) -> None:
            if total >= 20 and done % max(1, total // 10) == 0:
                warn(_("Encrypting again: {done} of {total} items").format(done=done, total=total))

        # The new code is shown before anything changes: it counts only once every
        # piece of evidence is encrypted again under the new key (the point of no
        # return, after which the change always finishes).
        prepared = rekey.prepare(vault, new_passphrase)
        say(_(RECOVERY_NOTICE).format(code=prepared.code))
        say(_(NEW_CODE_COUNTS_WHEN_DONE))
        sys.stdout.flush()
        try:
            renewed = rekey.apply(vault, prepared, progress=progress)
        except KeyboardInterrupt:
            warn("\n" + _("reclaim: {problem}").format(problem=_stopped(vault.path)))
            return 130
    renewed.close()
    device_keyring.forget(vault_id)  # what it remembered is the old key
    say(
        _(
            "\nYour case has a new key: every piece of evidence was encrypted again. The old "
            "passphrase and the old recovery code no longer open it; the new passphrase and "
            "the recovery code above do. Backups made before now still open with the old "
            "passphrase: make a new backup, then destroy the old ones."
        )
    )
    return 0


NEW_CODE_COUNTS_WHEN_DONE = N_(
    "\nThis new recovery code (and your new passphrase) will open the case once every "
    "piece of evidence is encrypted again, which starts now. Until then, your old "
    "passphrase and recovery code still open it."
)


def _stopped(path: Path) -> str:
    """What Ctrl+C during a change of key left: nothing changed, or (past its point of
    no return) a change the next open finishes."""
    from tui.core.vault import key_change

    pending = key_change.read_pending(path)
    if pending is not None and pending.committed:
        return _(
            "Stopped after the point of no return: the change of key finishes the next "
            "time the case is opened. From then on your new passphrase and the recovery "
            "code shown above open it; the old ones no longer do."
        )
    return _("Stopped; nothing was changed: your old passphrase and recovery code still work.")


def cmd_remember(args: argparse.Namespace) -> int:
    from tui.core.shared.errors import InputError
    from tui.core.vault import device_keyring

    if not device_keyring.available():
        raise InputError(
            _(
                "This computer has no keyring Reclaim can use, so the case can't be "
                "remembered here; you will be asked for the passphrase each time."
            )
        )
    with open_vault(args) as vault:
        if not device_keyring.remember(vault.header.vault_id, vault.data_key):
            raise InputError(_("The keyring refused to store the key; nothing was remembered."))
    say(_("This computer now opens the case without asking. Undo it with: reclaim forget"))
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from tui.core.vault import device_keyring
    from tui.core.vault.vault import read_header

    device_keyring.forget(read_header(vault_path(args)).vault_id)
    say(_("This computer no longer remembers the case; the passphrase will be asked."))
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from tui.core.vault import custody, custody_details
    from tui.core.vault.custody_words import said

    with open_vault(args) as vault:
        table = vault.table(custody.TABLE)
        entries, problems = custody.entries(table), custody.verify(table)
    if args.json:
        say_json(entries)
    else:
        from tui.core.shared.local_formats import dates_in

        times = [dates_in(shown(entry["at"])) for entry in entries]  # "7 dic 2026 23:12:11 UTC"
        width = max(map(len, times), default=0)
        for entry, at in zip(entries, times, strict=True):
            details = ", ".join(
                shown(custody_details.pair(k, custody_details.value(k, v)))
                for k, v in entry["details"].items()
            )
            action = shown(said(str(entry["action"])))  # kept in English, said in the language
            say(f"{entry['seq']:>5}  {at:<{width}}  {action:<8} {details}")
    for problem in problems:
        warn(_("Warning: {problem}.").format(problem=shown(str(problem))))
    return 1 if problems else 0


def register(commands: Commands) -> None:
    init = add_command(
        commands, "init", cmd_init, _("creating the case"), _("create a new case vault")
    )
    init.add_argument(
        "--place",
        metavar="CODE",
        help=_("where you live (reclaim jurisdiction list; none for general advice only)"),
    )
    unlock = add_command(
        commands, "unlock", cmd_unlock, _("opening the case"), _("check that the case opens")
    )
    unlock.add_argument(
        "--recovery-code",
        action="store_true",
        help=_("use the recovery code instead of the passphrase"),
    )
    add_command(
        commands,
        "remember",
        cmd_remember,
        _("remembering the case"),
        _("open the case on this computer without asking (OS keyring)"),
    )
    add_command(commands, "forget", cmd_forget, _("forgetting the case"), _("undo remember"))
    log = add_command(
        commands, "log", cmd_log, _("reading the custody log"), _("show the custody log")
    )
    log.add_argument("--json", action="store_true", help=_("machine-readable output"))

    passphrase = add_group(commands, "passphrase", _("change the passphrase"))
    change = add_command(
        passphrase,
        "change",
        cmd_passphrase_change,
        _("changing the passphrase"),
        _("set a new passphrase (the evidence is not re-encrypted)"),
    )
    change.add_argument(
        "--recovery-code", action="store_true", help=_("prove it is you with the recovery code")
    )
    change.add_argument(
        "--new-key",
        action="store_true",
        help=_(
            "if someone else may know the old passphrase or recovery code: a new key for "
            "the whole case (every item encrypted again) and a new recovery code"
        ),
    )
    change.add_argument(
        "--new-passphrase-file",
        metavar="PATH",
        help=_("read the new passphrase from PATH (- for stdin)"),
    )
