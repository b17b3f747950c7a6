"""How much a reading of legacy text looks like words of a real language: the measure
that chooses between single-byte code pages when the detector can't.

`charset-normalizer` judges a text by its letter frequencies, which a short text doesn't
have: Spanish `mañana` in Latin-1 comes out as Central European `mańana`, a short line
as Arabic (`enseٌaré`). Here each word holding a letter outside ASCII is looked at:
it is plausible when all its letters are of one script and, for Latin letters,
all its accented ones belong to one language's alphabet (`mañana` is Spanish; `enseńaré`
is neither Polish, which lacks `é`, nor Czech, which lacks `ń`), and its case is a word's
(lower, upper or capitalised). A reading in the wrong code page mixes alphabets or puts
symbols inside words (`Powiedzia³`), so its share of plausible words is lower."""

from __future__ import annotations

import re
import string
import unicodedata

#: The letters beyond ASCII of languages written in the Latin script (lower case).
_ALPHABETS: tuple[frozenset[str], ...] = tuple(
    frozenset(letters)
    for letters in (
        "áéíóúüñ",  # Spanish, Galician
        "àçèéíïòóúü",  # Catalan
        "àâæçéèêëîïôœùûüÿ",  # French
        "áâãàçéêíóôõúü",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "äöüß",  # German
        "áéèëïóöüíú",  # Dutch
        "æøåéóêòôà",  # Danish, Norwegian
        "åäöé",  # Swedish
        "äöåšž",  # Finnish
        "äöõüšž",  # Estonian
        "áðéíóúýþæö",  # Icelandic
        "æøáíóúð",  # Faroese
        "áéíóú",  # Irish
        "çë",  # Albanian
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "čćđšž",  # Croatian, Bosnian, Serbian, Slovene
        "áéíóöőúüű",  # Hungarian
        "ăâîșşțţ",  # Romanian
        "çğıöşüâî",  # Turkish
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "ăâêôơưđàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ",  # Vietnamese (in part)
    )
)
#: Marks that may stand before or after a word.
_EDGES = string.punctuation + "¿¡«»“”\u2018\u2019„\u201a\u2039\u203a…\u2013—°·•€£¥¢§©®™±\u00d7÷ªº"
#: Marks that may stand inside a word (`aujourd'hui`, `col·legi`, `e-mail`).
_INSIDE = frozenset("'\u2019-·.")
#: Words: runs between spaces and the punctuation of East Asian text (`。`, `、`).
_WORDS = re.compile(r"[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]+")
#: Scripts written together in one East Asian word.
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})


def _script(char: str) -> str:
    """The script a letter is written in (`LATIN`, `ARABIC`, …), '' for no letter."""
    if not char.isalpha():
        return ""
    try:
        script = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return ""
    if script == "HALFWIDTH":  # old Japanese terminals' kana: a misreading, nearly always
        return ""
    return "CJK" if script in _EAST_ASIAN else script


def _fits(word: str) -> frozenset[str] | str | None:
    """What a word beyond ASCII fits: its script when that is not Latin, else the
    accented letters it needs an alphabet to hold; None when no language holds it."""
    if not all(char.isalnum() or char in _INSIDE for char in word):
        return None
    scripts = {_script(char) for char in word if char.isalpha()}
    if len(scripts) != 1 or "" in scripts:
        return None
    if scripts != {"LATIN"}:
        return scripts.pop()
    if not (word.islower() or word.isupper() or word[1:].islower()):
        return None
    return frozenset(char for char in word.lower() if not char.isascii())


def share(text: str) -> float | None:
    """The share of a text's words beyond ASCII that one language (its alphabet, or a
    script other than Latin) could hold, for the language that holds most of them; None
    when the text has no such word."""
    needs: list[frozenset[str] | str | None] = []
    for token in _WORDS.findall(text):
        word = token.strip(_EDGES)
        if not word.isascii():
            needs.append(_fits(word))
    if not needs:
        return None
    scripts = [need for need in needs if isinstance(need, str)]
    held = max((scripts.count(script) for script in set(scripts)), default=0)
    for alphabet in _ALPHABETS:
        held = max(held, sum(isinstance(need, frozenset) and need <= alphabet for need in needs))
    return held / len(needs)
