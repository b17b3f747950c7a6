"""The binder: one numbered, printable file for the police or a lawyer; and, from here
as in the app, a declaration the person can sign that produces the evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, ngettext
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Binder: one numbered, printable file of your evidence, for the police or a lawyer.")
CHOICES = (N_("Make the binder"), N_("Draft a declaration you can sign"))
FOR_WHOM = N_("Who is the binder for?")
FOR_WHOM_CHOICES = (N_("The police"), N_("A lawyer"), N_("A court"))
PREPARED_FOR = ("police", "lawyer", "court")
WRITTEN_IN = N_(
    '{written}. To write it in another language, choose "{step}" at the main menu, then '
    "change the language of your documents."
)
#: The main menu's name for the step where the documents' language is chosen.
PLACE_STEP = N_("Where you live, and the language of your documents")
WHERE = N_(
    "Type the full path for the binder file, ending in .pdf, for example "
    "/media/usb/binder.pdf, then press Enter."
)
WHERE_HELP = N_("The binder is not encrypted: keep it somewhere safe.")
MAKING = N_("Making the binder. This can take a while.")
MADE = N_("The binder is saved in {path}: {pages}, {exhibits}.")
NOT_ENCRYPTED = N_("The binder is not encrypted: keep it somewhere safe.")
NOT_SHOWN = N_("Exhibit {id} is named in the binder but not shown: {why}")


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.plain import declaration

    actions = (lambda: make(prompter, vault), lambda: declaration.run(prompter, vault))
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def make(prompter: Prompter, vault: Vault) -> None:
    from tui.core.binder.build import write_binder
    from tui.core.binder.choices import BinderChoices
    from tui.core.binder.documents_language import written_in

    with prompter.form():
        prepared_for = PREPARED_FOR[prompter.choose(_(FOR_WHOM), [_(c) for c in FOR_WHOM_CHOICES])]
        prompter.say(
            _(WRITTEN_IN).format(written=written_in(vault, prepared_for), step=_(PLACE_STEP))
        )
        path = Path(prompter.ask(_(WHERE), _(WHERE_HELP), required=True)).expanduser()
    prompter.say(_(MAKING))
    try:
        choices = BinderChoices(prepared_for=prepared_for)
        choices.check()
        result = write_binder(vault, path, choices)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(
        _(MADE).format(
            path=result.path,
            pages=ngettext("{count} page", "{count} pages", result.pages).format(
                count=result.pages
            ),
            exhibits=ngettext("{count} exhibit", "{count} exhibits", len(result.exhibits)).format(
                count=len(result.exhibits)
            ),
        )
    )
    for exhibit_id, why in result.notices:
        prompter.say(_(NOT_SHOWN).format(id=exhibit_id, why=why))
    prompter.say(_(NOT_ENCRYPTED))
