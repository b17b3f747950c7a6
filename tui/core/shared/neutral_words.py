"""Discreet mode's words (issue 29): what the few sentences shown before a passphrase
say instead of Reclaim, a case, evidence or images, in every language Reclaim speaks."""

from __future__ import annotations

import re

from tui.core.shared.i18n import N_, _, language

#: Discreet mode's name for the app, wherever a glance could catch it.
NEUTRAL_NAME = "Notes"


#: Discreet mode's plain words for the words that would say what the app is for.
_NEUTRAL_WORDS = (
    ("Welcome to Reclaim", NEUTRAL_NAME),
    ("Start a new case", "Start new notes"),
    ("New case", "New notes"),
    ("case numbers", "numbers"),
    ("case number", "number"),
    ("Case ", "Number "),
    ("person's case is", "person's notes are"),
    ("open a case", "open any notes"),
    ("this case", "these notes"),
    ("Reclaim", NEUTRAL_NAME),
)


#: The same in each language Reclaim speaks, for its sentences as translated: "case"
#: becomes a notebook, a noun of the same gender and number ("tu caso está bloqueado",
#: "tu cuaderno está bloqueado"), so that the sentence around it stays right; a case's
#: number is just a number; the app's name is "Notes" in the language.
_NEUTRAL_BY_LANGUAGE: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        (r"\bcase numbers\b", "numbers"),
        (r"\bcase number\b", "number"),
        (r"\bperson's case is\b", "person's notes are"),
        (r"\bopen a case\b", "open any notes"),
        (r"\bthis case\b", "these notes"),
        (r"\bcases\b", "notebooks"),
        (r"\bcase\b", "notebook"),
        (r"\bimages\b", "files"),
    ),
    "es": (
        (r"\bnúmeros de caso\b", "números"),
        (r"\bnúmero de caso\b", "número"),
        (r"\bReclaim\b", "Notas"),
        (r"\bcasos\b", "cuadernos"),
        (r"\bCasos\b", "Cuadernos"),
        (r"\bcaso\b", "cuaderno"),
        (r"\bCaso\b", "Cuaderno"),
        # an article agrees with its noun: "las imágenes", "los archivos"
        (r"\b([Ll])as imágenes\b", r"\1os archivos"),
        (r"\b([Ee])sas imágenes\b", r"\1sos archivos"),
        (r"\b([Ee])stas imágenes\b", r"\1stos archivos"),
        (r"\b([Uu])na imagen\b", r"\1n archivo"),
        (r"\bla imagen\b", "el archivo"),
        (r"\bLa imagen\b", "El archivo"),
        (r"\bimágenes\b", "archivos"),
        (r"\bimagen\b", "archivo"),
        (r"\bpruebas\b", "notas"),
    ),
    "fr": (
        (r"\bnuméros de dossier\b", "numéros"),
        (r"\bnuméro de dossier\b", "numéro"),
        (r"\bReclaim\b", "Notes"),
        (r"\bdossiers\b", "carnets"),
        (r"\bDossiers\b", "Carnets"),
        (r"\bdossier\b", "carnet"),
        (r"\bDossier\b", "Carnet"),
        (r"\b([Ll])'image\b", r"\1e fichier"),
        (r"\b([Uu])ne image\b", r"\1n fichier"),
        (r"\b([Cc])ette image\b", r"\1e fichier"),
        (r"\bimages\b", "fichiers"),
        (r"\bimage\b", "fichier"),
        (r"\bpreuves\b", "notes"),
    ),
}


def neutral_words(text: str) -> str:
    """`text`, a sentence already in the language spoken, in discreet mode's words
    (for an English source sentence not yet translated, `in_neutral_words`)."""
    for pattern, plain in _NEUTRAL_BY_LANGUAGE.get(language(), ()):  # first: "Notas"
        text = re.sub(pattern, plain, text)
    for telling, plain in _NEUTRAL_WORDS:
        text = text.replace(telling, plain)
    return text


#: Whole sentences that can be shown before a passphrase (a key's words, the palette's),
#: and discreet mode's own sentence for each: a neutral msgid is translated as a
#: sentence, where words patched into the English would find no translation at all.
NEUTRAL_SENTENCES = {
    "Close Reclaim": N_("Close"),
    "Close Reclaim; your case is saved (Ctrl+Q)": N_("Close; your notes are saved (Ctrl+Q)"),
    "Hide your case at once; the passphrase opens it again": N_(
        "Hide everything at once; the passphrase opens it again"
    ),
    "Hide your case at once (Ctrl+L)": N_("Hide everything at once (Ctrl+L)"),
    "Open the case with the recovery code instead of the passphrase": N_(
        "Open with the recovery code instead of the passphrase"
    ),
    "Back to the start, to type the case number again": N_(
        "Back to the start, to type the number again"
    ),
    "Start a new, empty case": N_("Start new, empty notes"),
    # Plain mode's main menu, said aloud by a screen reader.
    "Lock the case": N_("Lock the notebook"),
    "Leave Reclaim": N_("Leave Notes"),
    "This is the main menu, the top level. Type quit to leave Reclaim.": N_(
        "This is the main menu, the top level. Type quit to leave."
    ),
}


def in_neutral_words(english: str) -> str:
    """`english`, a source sentence, said in discreet mode's words in the language
    spoken: its neutral sentence (`NEUTRAL_SENTENCES`, or the English with its telling
    words replaced), translated, then any telling word the translation still has
    replaced (`neutral_words`). Never the other way round: a sentence patched in the
    language first is no longer the msgid, and stays English ("Welcome to Notas")."""
    plain = NEUTRAL_SENTENCES.get(english)
    if plain is None:
        plain = english
        for telling, neutral in _NEUTRAL_WORDS:
            plain = plain.replace(telling, neutral)
    return neutral_words(_(plain))
