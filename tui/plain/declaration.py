"""A declaration the person can sign, drafted from the case in the form of where they live:
what it still needs (their name, and the address, occupation or age the form prints; where
each exhibit came from) is asked first, one question at a time, and kept in the case; then
it is saved where the person says, or read out here; when the form is signed in another
language than the documents' (a US form for a Spanish reader), its copy to read goes with
it, saying it is not signed. Signing and witnessing are theirs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.declarations.kinds import Kind
    from tui.core.evidence.model import Exhibit
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
ABOUT = N_(
    "For where you live, Reclaim drafts this form: {title} ({law}). Have a lawyer check it, "
    "then you sign it."
)
FACT = N_("Type {what}, then press Enter.")
KEEP = N_("Press Enter alone to keep it as it is.")
NOW = N_("Now: {value}.")
WHERE_FROM = N_("Where did exhibit {id} come from? It is {name}. {description}")
WHO = N_("Who captured it, or saved it?")
HOW = N_("How was it captured?")
FROM_WHOM = N_("Who sent it to you? Type their name, or how you know them, then press Enter.")
NO_EXHIBITS = N_("Add at least one piece of evidence first: a declaration lists the evidence.")
WHERE = N_(
    "Type the full path to save the declaration, ending in .pdf, .docx or .txt, for example "
    "/media/usb/declaration.pdf. Or press Enter alone to hear it here."
)
SAVED = N_(
    "The draft declaration is saved in {path}. It is not encrypted. Have a lawyer check it "
    "before you sign it."
)
START = N_("The declaration starts here.")
END = N_("The declaration ends here.")
#: What is saved as it is typed, named when back is typed before the declaration is made
#: (the facts' own questions, "your full name", unless shorter words say it in a list).
SHORT = {"address": N_("your address"), "age": N_("your age")}
CAME_FROM = N_("where exhibit {id} came from")


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.declarations.drafting import (
        COPY_SAVED,
        copy_to_read,
        default_kind,
        draft,
        to_sign_and_read,
    )
    from tui.core.evidence.model import list_exhibits
    from tui.core.takedowns.letter_files import copy_destination
    from tui.core.takedowns.letter_needs import MissingFacts

    if not any(not exhibit.excluded for exhibit in list_exhibits(vault)):
        prompter.say(_(NO_EXHIBITS))  # before anything is asked: nothing to declare yet
        return
    kind = default_kind(vault)
    prompter.say(_(ABOUT).format(title=_(kind.title), law=_(kind.law)))
    prompter.say(_(kind.witness))
    with prompter.form():
        ask_facts(prompter, vault, kind)
        ask_provenance(prompter, vault)
    try:
        declaration = draft(vault, kind.code)
        copy = copy_to_read(vault, kind.code)  # where the form's words are another language's
    except MissingFacts as missing:
        keys = [need.key for need in missing.needs]
        prompter.say(_(NO_EXHIBITS) if "exhibits" in keys else str(missing))
        return
    except ReclaimError as error:
        prompter.say(str(error))
        return
    where = prompter.ask(_(WHERE))
    if where:
        from tui.core.declarations.files import export_declaration

        try:
            path = export_declaration(vault, declaration, Path(where).expanduser())
            if copy is not None:
                beside = export_declaration(vault, copy, copy_destination(path))
        except ReclaimError as error:
            prompter.say(str(error))
            return
        prompter.say(_(SAVED).format(path=path))
        if copy is not None:
            prompter.say(_(COPY_SAVED).format(path=beside))
            prompter.say(to_sign_and_read(declaration, copy))
        return
    for each in (declaration, copy) if copy is not None else (declaration,):
        prompter.say(_(START))
        for line in each.text.splitlines():
            prompter.say(line)
        prompter.say(_(END))
    if copy is not None:
        prompter.say(to_sign_and_read(declaration, copy))


def ask_facts(prompter: Prompter, vault: Vault, kind: Kind) -> None:
    """Each of the person's facts the form prints, kept as soon as it is typed (and asked
    again, with the reason, when it can't be kept: an age written another way)."""
    from tui.core.declarations.drafting import NEEDS, get_facts_for, save_facts

    facts = get_facts_for(vault)
    for name in ("name", *kind.needs):
        current = str(getattr(facts, name))
        # The question is the same whether a value is kept or not: after a lock, the
        # answers kept are matched to their questions (see `prompt`).
        question = _(FACT).format(what=_(NEEDS[name].question))
        if current:
            prompter.say(_(NOW).format(value=current) + " " + _(KEEP))
        while True:
            typed = prompter.ask(question, required=not current)
            if not typed:
                break
            try:
                save_facts(vault, **{name: typed})
            except ReclaimError as error:
                prompter.say(str(error))
                continue
            prompter.saved(_(SHORT[name]) if name in SHORT else _(NEEDS[name].question))
            break


def needs_provenance(exhibit: Exhibit) -> bool:
    said = exhibit.provenance
    return not said.get("how") or not (said.get("captured_by") or said.get("role"))


def ask_provenance(prompter: Prompter, vault: Vault) -> None:
    """Who captured each exhibit not yet said, and how: a declaration says where each
    piece of evidence came from."""
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.provenance import HOWS, ROLES, update_provenance

    for exhibit in list_exhibits(vault):
        if exhibit.excluded or not needs_provenance(exhibit):
            continue
        description = exhibit.description.strip()
        if description and not description.endswith((".", "!", "?")):
            description += "."  # said as a sentence of its own
        prompter.say(
            _(WHERE_FROM)
            .format(id=exhibit.id, name=exhibit.original_name, description=description)
            .strip()
        )
        roles, hows = list(ROLES), list(HOWS)
        given = {"role": exhibit.provenance.get("role") or ""}
        if not exhibit.provenance.get("captured_by") and not given["role"]:
            given["role"] = roles[prompter.choose(_(WHO), [_(ROLES[r]) for r in roles])]
        given["how"] = hows[prompter.choose(_(HOW), [_(HOWS[h]) for h in hows])]
        if given["how"] == "received" and not exhibit.provenance.get("from_whom"):
            given["from_whom"] = prompter.ask(_(FROM_WHOM), required=True)
        try:
            update_provenance(vault, exhibit.id, {k: v for k, v in given.items() if v})
        except ReclaimError as error:
            prompter.say(str(error))
        else:
            prompter.saved(_(CAME_FROM).format(id=exhibit.id))
