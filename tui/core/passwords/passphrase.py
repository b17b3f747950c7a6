"""Passphrases made of random words from the EFF long word list (shipped by the
maintained `xkcdpass` package; 7,772 words once the 4 with a dash are left out), picked
with `secrets`: each word adds 12.9 bits."""

from __future__ import annotations

import math
import secrets
from functools import cache

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _

DEFAULT_WORDS = 6
MIN_WORDS, MAX_WORDS = 4, 12
#: The separators by name (as --separator takes them; said with `_()` on screen).
SEPARATORS = {N_("dash"): "-", N_("space"): " ", N_("dot"): ".", N_("underscore"): "_"}


@cache
def word_list() -> tuple[str, ...]:
    from xkcdpass import xkcd_password

    path = xkcd_password.locate_wordfile("eff-long")
    words = xkcd_password.generate_wordlist(wordfile=path, min_length=3, max_length=9)
    # A few entries ("t-shirt", "yo-yo") hold a dash, which would blur the separator.
    return tuple(sorted({word for word in words if word.isalpha()}))


def generate(words: int = DEFAULT_WORDS, separator: str = "-") -> str:
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise InputError(
            _("Choose between {fewest} and {most} words.").format(fewest=MIN_WORDS, most=MAX_WORDS)
        )
    pool = word_list()
    return separator.join(secrets.choice(pool) for _unused in range(words))


def entropy_bits(words: int) -> float:
    return words * math.log2(len(word_list()))
