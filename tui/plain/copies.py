"""Copies: an encrypted backup of the case in another place, such as a USB drive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.text import counted, size
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = "Copies: keep a safe copy of your case in more than one place."
WHERE = (
    "Type the full path of a folder to keep the copy in, for example a USB drive at "
    "/media/usb, then press Enter."
)
WHERE_HELP = "The copy is encrypted: your passphrase or recovery code opens it."
MAKING = "Making the copy. This can take a while for large files."
MADE = "Copied {exhibits} to {folder}: {written} written this time, {total} in all."
ENCRYPTED = "The copy is encrypted: your passphrase or recovery code opens it."


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.copies.backup import make_backup

    prompter.heading(TITLE)
    with prompter.form():
        folder = Path(prompter.ask(WHERE, WHERE_HELP, required=True)).expanduser()
    prompter.say(MAKING)
    try:
        result = make_backup(vault, folder)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(
        MADE.format(
            exhibits=counted(result.exhibits, "exhibit"),
            folder=result.folder,
            written=size(result.copied_bytes),
            total=size(result.total_bytes),
        )
    )
    prompter.say(ENCRYPTED)
