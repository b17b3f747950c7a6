"""Copies: an encrypted backup of the case in another place, such as a USB drive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import size
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Copies: keep a safe copy of your case in more than one place.")
WHERE = N_(
    "Type the full path of a folder to keep the copy in, for example a USB drive at "
    "/media/usb, then press Enter."
)
WHERE_HELP = N_("The copy is encrypted: your passphrase or recovery code opens it.")
MAKING = N_("Making the copy. This can take a while for large files.")
MADE = N_("Copied {exhibits} to {folder}: {written} written this time, {total} in all.")
ENCRYPTED = N_("The copy is encrypted: your passphrase or recovery code opens it.")


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.copies.backup import make_backup

    prompter.heading(_(TITLE))
    with prompter.form():
        folder = Path(prompter.ask(_(WHERE), _(WHERE_HELP), required=True)).expanduser()
    prompter.say(_(MAKING))
    try:
        result = make_backup(vault, folder)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(
        _(MADE).format(
            exhibits=ngettext("{count} exhibit", "{count} exhibits", result.exhibits).format(
                count=result.exhibits
            ),
            folder=result.folder,
            written=size(result.copied_bytes),
            total=size(result.total_bytes),
        )
    )
    prompter.say(_(ENCRYPTED))
