"""The words plain mode reads and says, as a screen reader's user types and hears them:
the words that work at every question (lock, help, back, quit) and yes and no in English
and in the language spoken, numbers typed as digits or as words, and what is said with
its symbols put in words and without any control character."""

from __future__ import annotations

import re
import unicodedata

from tui.core.shared.i18n import N_, _, pgettext

# ---- what a person reads -------------------------------------------------------------
#: The words that work at every question, as typed in English; each is understood in the
#: language spoken too (`typed`).
LOCK, HELP, BACK, QUIT = "lock", "help", "back", "quit"
YES_WORDS = frozenset({"yes", "y"})
NO_WORDS = frozenset({"no", "n"})
#: Symbols the shipped texts use as meaning ("Settings → Privacy", "⋯ → Report"), said in
#: words: a braille display or a speech synthesiser may skip them or read them oddly.
SPOKEN = (
    (" → ", N_(", then ")),
    ("→", N_(" then ")),
    ("⋯", N_("three dots")),
    ("⋮", N_("three dots")),
    ("☰", N_("three lines")),
    ("⚙", N_("gear")),
    (" · ", ", "),
    ("·", ","),
    ("•", ","),
    ("§ ", N_("section ")),  # "§ 1746" is "section 1746", one space
    ("§", N_("section ")),
    # The app's keys, which plain mode has not: said as what does the same here.
    ("Ctrl+L", N_("the word lock, typed at any question")),
    (" (F1)", N_(" (step 1 of the main menu)")),
)
#: What a terminal puts in a line for a key that is not a letter (an arrow key pressed
#: to go back over what was typed: ESC [ A), and any other control character: never
#: kept in an answer, and never written (a braille display or a speech synthesiser
#: would get an escape sequence).
CONTROL = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|O.|.)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: The numbers typed as words (a person dictating, "two"), one to twenty (the same
#: words are translated in `number_typed`).
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip


#: What voice typing puts around a word said alone ("Yes.", "¿Dos?").
AROUND = " .,;:!?¡¿\"'«»“”"


def folded(text: str) -> str:
    """`text` as it is compared with a word that works: any case, with or without accents,
    with or without the full stop voice typing adds ("Sí", "si", "SI" and "Sí." are the
    same answer)."""
    decomposed = unicodedata.normalize("NFD", text.strip(AROUND).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def typed(english: frozenset[str] | str, translated: str) -> frozenset[str]:
    """What can be typed for a word: its English spellings, and every spelling (separated
    by spaces) its translation lists."""
    words = {english} if isinstance(english, str) else set(english)
    return frozenset(folded(word) for word in (*words, *translated.split()))


def special_words() -> dict[str, frozenset[str]]:
    """Each word that works at every question, and what can be typed for it here and now."""
    return {
        LOCK: typed(LOCK, pgettext("typed at any question (every spelling, spaced)", "lock")),
        HELP: typed(HELP, pgettext("typed at any question (every spelling, spaced)", "help")),
        BACK: typed(BACK, pgettext("typed at any question (every spelling, spaced)", "back")),
        QUIT: typed(QUIT, pgettext("typed at any question (every spelling, spaced)", "quit")),
    }


def yes_words() -> frozenset[str]:
    return typed(YES_WORDS, pgettext("a typed answer (every spelling, spaced)", "yes y"))


def no_words() -> frozenset[str]:
    return typed(NO_WORDS, pgettext("a typed answer (every spelling, spaced)", "no n"))


def spoken(text: str) -> str:
    """`text` with the symbols that carry meaning put in words, and no control
    character (a tab is a space)."""
    for symbol, words in SPOKEN:
        if symbol in text:
            text = text.replace(symbol, _(words))
    return without_controls(text)


def without_controls(text: str) -> str:
    """`text` without escape sequences or control characters (a tab is a space)."""
    return CONTROL.sub("", text.replace("\t", " "))


def number_typed(answer: str) -> int | None:
    """The number typed, in any digits ("2", "  2  ") or as a word in English or the
    language spoken ("two", "dos", "deux"); None when it is not one."""
    if (digits := answer.strip(AROUND)).isdecimal():
        return int(digits)
    word = folded(answer)
    translated = folded(
        pgettext(
            "numbers typed as words, one to twenty, spaced (a slash between two spellings)",
            "one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        )
    ).split()
    for words in (list(NUMBER_WORDS), translated):
        for number, spellings in enumerate(words, start=1):
            if word in spellings.split("/"):  # "un/une": either is one
                return number
    return None
