"""Choices a person types in their own language: `--under-18 sí`, `--status enviada`,
`--helpline oui`. The case keeps the English value (it is data, the same in every
language); the usage, the help and the error list the words of the language spoken,
and English is accepted everywhere, as are the other languages' words (a person may
mix them). Accents and capitals don't matter ("si", "Reçue")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from tui.core.shared.i18n import LANGUAGES, N_, _, speaking
from tui.core.shared.text import folded

#: Whether the person shown was under 18 when the pictures were taken.
UNDER_18 = (N_("yes"), N_("no"), N_("unsure"))
YES_NO = (N_("yes"), N_("no"))
#: Other ways of typing a value, in any language ("no sé" is how Spanish says unsure).
SAME_AS: Mapping[str, str] = {
    "no se": "unsure",  # i18n: not shown
    "nose": "unsure",  # i18n: not shown
    "no estoy segura": "unsure",  # i18n: not shown
    "no estoy seguro": "unsure",  # i18n: not shown
    "je ne sais pas": "unsure",  # i18n: not shown
    "je sais pas": "unsure",  # i18n: not shown
    "pas sur": "unsure",  # i18n: not shown
    "pas sure": "unsure",  # i18n: not shown
    "not sure": "unsure",  # i18n: not shown
    "retirado": "removed",  # i18n: not shown
    "retire": "removed",  # i18n: not shown
}


def plain(word: str) -> str:
    """`word` lowercased, without accents or doubled spaces ("Sí" is "si")."""
    return folded(" ".join(word.split()))


class ChoiceWords:
    """An option's values, as argparse's `choices` and `type` at once: a value is in it
    when it is one of the English values; iterated, it gives the values as the language
    spoken says them (what argparse shows); called on what was typed, it gives the
    English value the word means (or what was typed, which `choices` then refuses)."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = tuple(values)

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def __iter__(self) -> Iterator[str]:
        return iter([_(value) for value in self.values])

    def __len__(self) -> int:
        return len(self.values)

    def __call__(self, typed: str) -> str:
        wanted = plain(typed)
        for value in self.values:
            if wanted == plain(value):
                return value
        if SAME_AS.get(wanted) in self.values:
            return SAME_AS[wanted]
        for code in LANGUAGES:
            with speaking(code):
                for value in self.values:
                    if wanted == plain(_(value)):
                        return value
        return typed

    def said(self, value: str) -> str:
        """One value as the language spoken says it."""
        return _(value) if value in self.values else value
