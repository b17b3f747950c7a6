"""The binder: one numbered, printable file for the police or a lawyer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.text import counted
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = "Binder: one numbered, printable file of your evidence, for the police or a lawyer."
FOR_WHOM = "Who is the binder for?"
FOR_WHOM_CHOICES = ("The police", "A lawyer", "A court")
PREPARED_FOR = ("police", "lawyer", "court")
WHERE = (
    "Type the full path for the binder file, ending in .pdf, for example "
    "/media/usb/binder.pdf, then press Enter."
)
WHERE_HELP = "The binder is not encrypted: keep it somewhere safe."
MAKING = "Making the binder. This can take a while."
MADE = "The binder is saved in {path}: {pages}, {exhibits}."
NOT_ENCRYPTED = "The binder is not encrypted: keep it somewhere safe."
NOT_SHOWN = "Exhibit {id} is named in the binder but not shown: {why}"


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.binder.build import write_binder
    from tui.core.binder.choices import BinderChoices

    prompter.heading(TITLE)
    with prompter.form():
        prepared_for = PREPARED_FOR[prompter.choose(FOR_WHOM, FOR_WHOM_CHOICES)]
        path = Path(prompter.ask(WHERE, WHERE_HELP, required=True)).expanduser()
    prompter.say(MAKING)
    try:
        choices = BinderChoices(prepared_for=prepared_for)
        choices.check()
        result = write_binder(vault, path, choices)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(
        MADE.format(
            path=result.path,
            pages=counted(result.pages, "page"),
            exhibits=counted(len(result.exhibits), "exhibit"),
        )
    )
    for exhibit_id, why in result.notices:
        prompter.say(NOT_SHOWN.format(id=exhibit_id, why=why))
    prompter.say(NOT_ENCRYPTED)
