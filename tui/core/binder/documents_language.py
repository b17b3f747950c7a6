"""The language documents are written in (the binder, letters, takedown requests,
declarations, the package's README), chosen by who will read them, not by who types.

A case may name it (table `case_settings`, field `documents_language`, an optional field:
a case without it reads as not chosen). Not chosen, it follows the case's place and the
person's language: where the authorities work in one language (the United States, the
United Kingdom's nations, Australia, Ireland) it is English; in Canada it is French for a
person who speaks French, else English, and French in Quebec; in Spain and France (and
their regions in the European Union) it is Spanish or French; elsewhere in the Union it is
English, unless the person speaks one of that country's languages (French in Belgium or
Luxembourg); where the place is not said (or only "the Union"), it is the person's
language when Reclaim speaks it, else English.

The code that writes a document wraps its making in `i18n.speaking(code)`, so the words
are the reader's in that thread only, while the screen keeps the person's."""

from __future__ import annotations

from tui.core.places.case_place import case_code, display_name
from tui.core.places.catalogue import resolve
from tui.core.places.model import with_the
from tui.core.shared import i18n
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _
from tui.core.vault import custody
from tui.core.vault.vault import Vault

TABLE = "case_settings"
FIELD = "documents_language"
#: Places whose authorities and sites read English, whatever the person speaks.
ENGLISH_PLACES = ("us", "gb", "au", "ie")
#: Within an English-speaking place, where the police and courts work in Spanish too
#: (Puerto Rico's): the person's language.
SPANISH_SPEAKING_TERRITORIES = ("pr",)
#: Member states and regions of the European Union whose one official language Reclaim
#: writes: their police and courts read it, whatever the person speaks.
POLICE_LANGUAGE = {code: "es" for code in ("es", "ic", "ea")} | {
    code: "fr" for code in ("fr", "gp", "gf", "mq", "yt", "re", "mf")
}
#: Member states with more than one official language, and those of them Reclaim writes
#: (Belgian Constitution art. 4; Luxembourg's law of 24 February 1984 on languages;
#: Constitution of Malta art. 5): a person who speaks one is written to in it. Elsewhere
#: in the Union, English, which their police read more often than Spanish or French.
MEMBER_LANGUAGES = {"be": ("fr",), "lu": ("fr",), "mt": ("en",)}
#: Places where a document may be in English or in French.
ENGLISH_OR_FRENCH = ("ca",)
#: Regions of those places whose police and courts work in French, whoever writes (Quebec's
#: Charter of the French Language); English is still chosen by F3 or --document-language.
FRENCH_REGIONS = ("qc",)
#: Each language's name, to be said in the language being spoken.
NAMES = {"en": N_("English"), "es": N_("Spanish"), "fr": N_("French")}
#: Who reads a binder, as the sentence saying which language it is in.
WRITTEN_FOR = {
    "police": N_("Written in {language} (for the police in {place})"),
    "lawyer": N_("Written in {language} (for a lawyer in {place})"),
    "court": N_("Written in {language} (for the court in {place})"),
    "letter": N_("Written in {language} (for those who read it in {place})"),
}
WRITTEN_IN = N_("Written in {language}")
#: The key that changes a document's language on a screen, and what the screen says.
KEY = "f3"
KEY_LABEL = N_("Language")
KEY_HELP = N_("Write it in another language")
CHANGE_HINT = N_("{written}. F3 changes it.")
COPY_SAVED = N_("Saved a copy to read in your language to {path}: send the other one.")


def default_for(place_code: str, person: str) -> str:
    """The language a document's readers in `place_code` read, for a person who speaks
    `person` (a code Reclaim speaks)."""
    parts = (place_code or "us").lower().split("-")
    if parts[-1] in SPANISH_SPEAKING_TERRITORIES:
        return person if person in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE
    if parts[0] in ENGLISH_PLACES or (parts[0] == "eu" and parts[-1] == "ie"):
        return "en"
    if parts[0] == "eu" and parts[-1] in POLICE_LANGUAGE:
        return POLICE_LANGUAGE[parts[-1]]  # Spain's police read Spanish, whoever writes
    if parts[0] == "eu" and len(parts) > 1:  # a member whose own language Reclaim can't write
        return person if person in MEMBER_LANGUAGES.get(parts[-1], ()) else "en"
    head = parts[0]
    if head in ENGLISH_OR_FRENCH and parts[-1] in FRENCH_REGIONS:
        return "fr"
    if head in ENGLISH_OR_FRENCH:
        return "fr" if person == "fr" else "en"
    return person if person in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def chosen(vault: Vault) -> str:
    """The language the person chose for the case's documents; '' when not chosen."""
    records = vault.table(TABLE).all()
    return str(records[0].get(FIELD, "")) if records else ""


def documents_language(vault: Vault, person: str | None = None) -> str:
    """The language the case's documents are written in: the one chosen, else the place's
    (see the module's docstring) for `person` (by default, the language spoken to them)."""
    return chosen(vault) or default_for(case_code(vault), person or i18n.person_language())


def check(code: str) -> str:
    """A language code as typed ("ES" is "es"); '' or "auto" is "not chosen"."""
    wanted = code.strip().lower()
    if wanted in ("", "auto"):
        return ""
    if wanted not in i18n.LANGUAGES:
        raise InputError(
            _("Documents can be written in {languages}.").format(
                languages=", ".join(i18n.LANGUAGES)
            )
        )
    return wanted


def save(vault: Vault, code: str) -> str:
    """Keep `code` as the case's documents' language ('' or "auto": back to the place's);
    logged; the same again writes nothing. The code kept."""
    wanted = check(code)
    if wanted == chosen(vault):
        return wanted
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update({FIELD: wanted}, doc_ids=[first[0].doc_id])
        else:
            table.insert({FIELD: wanted})
        logged = "case settings"  # i18n: not shown
        custody.append(vault.table(custody.TABLE), logged, fields=[FIELD])
    return wanted


def language_name(code: str) -> str:
    """The language's name, in the language being spoken ("inglés")."""
    return _(NAMES.get(code, NAMES["en"]))


def written_in(vault: Vault, reader: str = "police", code: str = "") -> str:
    """ "Written in English (for the police in the United States)", in the person's
    words."""
    code = code or documents_language(vault)
    place = resolve(case_code(vault))
    if place.general:
        return _(WRITTEN_IN).format(language=language_name(code))
    sentence = WRITTEN_FOR.get(reader, WRITTEN_FOR["letter"])
    name = display_name(case_code(vault))
    # English says "in the United States"; the translations carry their own articles.
    name = with_the(name) if i18n.language() == i18n.SOURCE_LANGUAGE else name
    return _(sentence).format(language=language_name(code), place=name)
