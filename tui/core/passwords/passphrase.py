"""Passphrases made of random words in the person's language, picked with `secrets`.
The lists are those the maintained `xkcdpass` package ships: English from the EFF long
list (7,772 words once the 4 with a dash are left out: 12.9 bits each); French from
`fr-freelang` and Spanish from `spa-mich`, kept to words of 4 to 8 plain letters (no
accent to find on a keyboard over SSH, nothing to spell two ways): 8,478 French words
(13.0 bits each) and 29,136 Spanish ones (14.8 bits)."""

from __future__ import annotations

import math
import secrets
from functools import cache
from pathlib import Path

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _, language

DEFAULT_WORDS = 6
MIN_WORDS, MAX_WORDS = 4, 12
#: The separators by name (as --separator takes them; said with `_()` on screen).
SEPARATORS = {N_("dash"): "-", N_("space"): " ", N_("dot"): ".", N_("underscore"): "_"}
#: Each language's list in xkcdpass, and the lengths of the words kept from it.
WORD_FILES = {"en": ("eff-long", 3, 9), "fr": ("fr-freelang", 4, 8), "es": ("spa-mich", 4, 8)}


@cache
def word_list(code: str = "en") -> tuple[str, ...]:
    """The words passphrases are made of in `code` (English for a language without a list)."""
    from xkcdpass import xkcd_password

    name, shortest, longest = WORD_FILES.get(code, WORD_FILES["en"])
    path = Path(xkcd_password.locate_wordfile(name))
    lines = {line.strip() for line in path.read_text("utf-8-sig").splitlines()}  # a BOM
    # A few English entries ("t-shirt", "yo-yo") hold a dash, which would blur the
    # separator; French and Spanish words with an accent or a capital are left out.
    english = name == "eff-long"
    return tuple(
        sorted(
            word
            for word in lines
            if shortest <= len(word) <= longest
            and word.isalpha()
            and (english or (word.isascii() and word.islower()))
        )
    )


def generate(words: int = DEFAULT_WORDS, separator: str = "-") -> str:
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise InputError(
            _("Choose between {fewest} and {most} words.").format(fewest=MIN_WORDS, most=MAX_WORDS)
        )
    pool = word_list(language())
    return separator.join(secrets.choice(pool) for _unused in range(words))


def entropy_bits(words: int) -> float:
    return words * math.log2(len(word_list(language())))
