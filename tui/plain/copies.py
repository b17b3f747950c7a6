"""Copies: an encrypted backup of the case in another place, such as a USB drive; checking
that a copy is whole; restoring a case from one (always as a new case in a folder of its
own, said before anything is made: the open case is never written over)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, ngettext, pgettext
from tui.core.shared.text import size
from tui.plain.prompt import Prompter
from tui.plain.words import folded, typed

if TYPE_CHECKING:
    from tui.core.copies.register import Copy
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Copies: keep a safe copy of your case in more than one place.")
CHOICES = (
    N_("Make a new copy"),
    N_("Check that a copy is whole"),
    N_("Restore a case from a copy"),
    N_("Hear where your copies are"),
)
WHERE = N_(
    "Type the full path of a folder to keep the copy in, for example a USB drive at "
    "/media/usb, then press Enter."
)
WHERE_HELP = N_("The copy is encrypted: your passphrase or recovery code opens it.")
MAKING = N_("Making the copy. This can take a while for large files.")
MADE = N_("Copied {exhibits} to {folder}: {written} written this time, {total} in all.")
ENCRYPTED = N_("The copy is encrypted: your passphrase or recovery code opens it.")
NONE_YET = N_("There are no copies noted yet.")
COPY_LINE = N_("{id}, {kind}, at {where}: {state}.")
WHICH_COPY = N_("Which copy should be checked?")
ANOTHER = N_("A copy in another folder: type its path")
FOLDER = N_(
    "Type the full path of the folder that holds the copy, for example /media/usb, then "
    "press Enter."
)
CHECKING = N_("Checking the copy, file by file. This can take a while for large files.")
WHOLE = N_("The copy at {folder} is whole: every file and {exhibits} match.")
WHOLE_NO_EVIDENCE = N_(
    "The copy at {folder} is whole: every file matches. It holds no evidence yet."
)
NOT_WHOLE = N_("The copy at {folder} is not whole: {problem}.")
MAKE_NEW = N_("Make a new copy, or restore from another one.")
FROM = N_(
    "Type the full path of the folder that holds the copy to restore from, for example "
    "/media/usb, then press Enter."
)
FROM_HELP = N_(
    "Restoring makes a new case from the copy, in a folder of its own. The case open now "
    "is not changed."
)
GOES_TO = N_(
    "The restored case will be a new case in {folder}. The case open now stays as it is. "
    "Restore it there? Type yes to restore there, or no to type another folder."
)
NEW_FOLDER = N_(
    "Type the full path of a new, empty folder for the restored case, then press Enter."
)
OPEN_CASE_FOLDER = N_(
    "That is the folder of the case open now, and nothing is ever written over it. Please "
    "choose another folder."
)
NOT_EMPTY = N_("{folder} is not empty. Please choose a new, empty folder.")
COPY_PASSPHRASE = N_(
    "Type the passphrase the case had when the copy was made, then press Enter. Nothing "
    "shows while you type. Or type code to use the recovery code."
)
COPY_CODE = N_("Type the recovery code, then press Enter. Nothing shows while you type.")
RESTORING = N_("Checking the copy and restoring it. This can take a while for large files.")
RESTORED = N_(
    "The case is restored in {folder}, and every piece of evidence matched. To open it, "
    "start Reclaim with: reclaim --plain --vault {folder}"
)
RESTORED_DAMAGED = N_(
    "The case is restored in {folder}, with every piece of evidence that was whole. These "
    "could not be restored:"
)
DAMAGED_LINE = N_("{id}: {what}.")
SET_ASIDE = N_("What the copy held of them is kept, as it was, in {folder}.")
OTHER_COPY = N_("Another copy may hold them whole: you can check your other copies here.")
STILL_OPEN = N_("The case open now is still open, and unchanged.")
CODE_WORD = "code"  # i18n: not shown (typed; its translation is understood too)


def run(prompter: Prompter, vault: Vault, neutral: bool = False) -> None:
    """`neutral`: discreet mode is asked for in the settings (a backup's folder then says
    nothing of Reclaim, as for a case made discreet)."""
    actions = (lambda: make(prompter, vault, neutral), lambda: check(prompter, vault),
               lambda: restore(prompter, vault), lambda: hear(prompter, vault))  # fmt: skip
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def make(prompter: Prompter, vault: Vault, neutral: bool = False) -> None:
    from tui.core.copies.backup import make_backup

    with prompter.form():
        folder = Path(prompter.ask(_(WHERE), _(WHERE_HELP), required=True)).expanduser()
    prompter.say(_(MAKING))
    try:
        result = make_backup(vault, folder, neutral=neutral)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(
        _(MADE).format(
            exhibits=exhibits(result.exhibits),
            folder=result.folder,
            written=size(result.copied_bytes),
            total=size(result.total_bytes),
        )
    )
    prompter.say(_(ENCRYPTED))


def exhibits(count: int) -> str:
    return ngettext("{count} exhibit", "{count} exhibits", count).format(count=count)


def copy_line(copy: Copy, newest: str) -> str:
    from tui.core.copies.register import KINDS, state

    kind = _(copy.kind) if copy.kind in KINDS else copy.kind
    return _(COPY_LINE).format(
        id=copy.id, kind=kind, where=copy.where, state=_(state(copy, newest))
    )


def newest_exhibit(vault: Vault) -> str:
    from tui.core.evidence.model import list_exhibits

    return max((exhibit.added_at for exhibit in list_exhibits(vault)), default="")


def hear(prompter: Prompter, vault: Vault) -> None:
    from tui.core.copies.register import list_copies

    copies = list_copies(vault)
    if not copies:
        prompter.say(_(NONE_YET))
    newest = newest_exhibit(vault)
    for copy in copies:
        prompter.say(copy_line(copy, newest))


def check(prompter: Prompter, vault: Vault) -> None:
    """A backup checked byte for byte with the open case's key; the register notes it."""
    from tui.core.copies.register import list_copies, mark_check_failed, mark_verified
    from tui.core.copies.verify import find_backup, verify_backup

    backups = [copy for copy in list_copies(vault) if copy.kind == "backup"]
    newest = newest_exhibit(vault)
    names = [copy_line(copy, newest) for copy in backups] + [_(ANOTHER)]
    choice = prompter.choose(_(WHICH_COPY), names)
    if choice < len(backups):
        where = Path(backups[choice].where)
    else:
        where = Path(prompter.ask(_(FOLDER), required=True)).expanduser()
    prompter.say(_(CHECKING))
    try:
        folder = find_backup(where)
        result = verify_backup(folder, data_key=vault.data_key)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    if result.whole:
        mark_verified(vault, folder)
        if result.exhibits:
            prompter.say(_(WHOLE).format(folder=folder, exhibits=exhibits(result.exhibits)))
        else:
            prompter.say(_(WHOLE_NO_EVIDENCE).format(folder=folder))
        return
    mark_check_failed(vault, folder, result.problems[0])
    prompter.say(_(NOT_WHOLE).format(folder=folder, problem=result.problems[0]))
    prompter.say(_(MAKE_NEW))


def suggested_folder(vault: Vault) -> Path:
    """A new folder beside the open case for a restored one: never the case's own."""
    base = vault.path.with_name(vault.path.name + "-restored")
    folder, number = base, 1
    while folder.exists():
        number += 1
        folder = base.with_name(f"{base.name}-{number}")
    return folder


def unusable(vault: Vault, folder: Path) -> str:
    """Why a restored case can't go in `folder` ('' when it can): said before the
    passphrase is asked, so that the question names only a folder that will be used."""
    if folder.absolute() == vault.path.absolute() or folder.resolve() == vault.path.resolve():
        return _(OPEN_CASE_FOLDER)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return _(NOT_EMPTY).format(folder=folder)
    return ""


def restore(prompter: Prompter, vault: Vault) -> None:
    """A case made from a copy, in a new folder the person agreed to; the open case
    stays open and unchanged."""
    from tui.core.copies.restore import restore as restore_copy

    with prompter.form():
        source = Path(prompter.ask(_(FROM), _(FROM_HELP), required=True)).expanduser()
        destination = suggested_folder(vault)
        while not prompter.yes_no(_(GOES_TO).format(folder=destination)):
            while True:
                destination = Path(prompter.ask(_(NEW_FOLDER), required=True)).expanduser()
                if not (problem := unusable(vault, destination)):
                    break
                prompter.say(problem)
        secret = prompter.secret(_(COPY_PASSPHRASE))
        code = None
        if folded(secret) in typed(
            CODE_WORD,
            pgettext("typed at the passphrase question (every spelling, spaced)", "code"),
        ):
            code, secret = prompter.secret(_(COPY_CODE)), ""
    prompter.say(_(RESTORING))
    try:
        result = restore_copy(
            source, destination, passphrase=secret or None, recovery_code=code or None
        )
    except ReclaimError as error:
        prompter.say(str(error))
        prompter.say(_(STILL_OPEN))
        return
    if not result.damaged:
        prompter.say(_(RESTORED).format(folder=result.path))
    else:
        prompter.say(_(RESTORED_DAMAGED).format(folder=result.path))
        for exhibit_id, what in result.damaged.items():
            prompter.say(_(DAMAGED_LINE).format(id=exhibit_id, what=what))
        if result.set_aside is not None:
            prompter.say(_(SET_ASIDE).format(folder=result.set_aside))
        prompter.say(_(OTHER_COPY))
    prompter.say(_(STILL_OPEN))
