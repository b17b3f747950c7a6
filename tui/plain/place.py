"""Where the person lives (whose laws, deadlines, letters and helplines apply), and the
language the case's documents are written in (by who reads them, not who types)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.places.model import Jurisdiction
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Where you live, and the language of your documents.")
CHOICES = (N_("Change where you live"), N_("Change the language of your documents"))
LIVES = N_("Where you live now: {place}.")
WHERE = N_("Where do you live? This decides which laws, deadlines and helplines Reclaim uses.")
NOT_SAID_LABEL = N_("I would rather not say (general advice only)")
SAVED = N_("Where you live: {place}. Deadlines and next steps follow it.")
LATER = N_("You can choose where you live later, from the main menu.")
WRITTEN = N_(
    "Your binder, letters and declarations are written in {language}, for the people "
    "who read them."
)
WHICH_LANGUAGE = N_("Which language should your documents be written in?")
AS_PLACE = N_("The one that suits where you live: {language}")
LANGUAGE_SAVED = N_("Your documents will be written in {language}.")
#: The choice that is the case's now, so that the list says which one it is.
CHOSEN_NOW = N_("{choice} (chosen now)")


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: choose_place(prompter, vault), lambda: choose_language(prompter, vault))

    def title() -> str:  # where things stand now, said again after each change
        return " ".join((_(TITLE), now_lives(vault), now_written(vault)))

    prompter.menu(title, list(zip([_(c) for c in CHOICES], actions, strict=True)))


def now_lives(vault: Vault) -> str:
    from tui.core.places.case_place import case_code, display_name, stored

    code = stored(vault)
    if not code:
        return _(LIVES).format(place=_("not chosen yet"))
    return _(LIVES).format(place=display_name(case_code(vault)))


def now_written(vault: Vault) -> str:
    from tui.core.binder.documents_language import documents_language, language_name

    return _(WRITTEN).format(language=language_name(documents_language(vault)))


def choose_place(prompter: Prompter, vault: Vault) -> None:
    """Where the person lives, chosen by its number; the requests' deadlines follow it."""
    from tui.core.places.case_place import display_name, stored
    from tui.core.places.model import NOT_SAID
    from tui.core.takedowns.deadlines import set_case_place

    known = listed_places()
    names = [place.name for place in known] + [_(NOT_SAID_LABEL)]
    codes = [place.code for place in known] + [NOT_SAID]
    if now := stored(vault):
        now_code = NOT_SAID if now == NOT_SAID else resolve_code(now)
        if now_code in codes:
            where = codes.index(now_code)
            names[where] = _(CHOSEN_NOW).format(choice=names[where])
    code = codes[prompter.choose(_(WHERE), names)]
    try:
        chosen = set_case_place(vault, code)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(_(SAVED).format(place=display_name(chosen.code)))


def listed_places() -> list[Jurisdiction]:
    """The places in the order of their English names, each country's parts right after
    it, whatever the language spoken: a number read out over the phone by a helper is the
    same place in English, Spanish and French (each name is said in the language)."""
    from tui.core.places.catalogue import places, shipped

    known = shipped()

    def order(place: Jurisdiction) -> tuple[str, bool, str]:
        parent = known.get(place.extends) if place.extends else None
        first = parent.english_name if parent else place.english_name
        return (first, parent is not None, place.english_name)

    return sorted(places(), key=order)


def choose_language(prompter: Prompter, vault: Vault) -> None:
    from tui.core.binder.documents_language import chosen, default_for, language_name, save
    from tui.core.places.case_place import case_code
    from tui.core.shared import i18n

    codes = ["", *i18n.LANGUAGES]
    suits = default_for(case_code(vault), i18n.person_language())
    names = [_(AS_PLACE).format(language=language_name(suits))]
    names += [language_name(code) for code in i18n.LANGUAGES]
    now = codes.index(chosen(vault)) if chosen(vault) in codes else 0
    names[now] = _(CHOSEN_NOW).format(choice=names[now])
    code = codes[prompter.choose(_(WHICH_LANGUAGE), names)]
    try:
        save(vault, code)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(_(LANGUAGE_SAVED).format(language=language_name(code or suits)))


def resolve_code(code: str) -> str:
    """The listed place a stored code is read as (a province without a file of its own
    is its country)."""
    from tui.core.places.catalogue import resolve

    return resolve(code).code
