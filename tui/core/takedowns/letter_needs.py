"""What a letter still needs before it can be drafted, as values: each missing fact by
its key and in plain words. The faces say where each is given (the command line names
its options, the letter screen focuses its fields), so none of that is worded here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _


@dataclass(frozen=True)
class Need:
    """One missing fact: its key (a field of `Facts` or of the request, or "events"), and
    how a person would be asked for it."""

    key: str
    words: str
    """How to ask for it, in English (marked `N_` where it is written)."""

    @property
    def question(self) -> str:
        """How to ask for it, in the language spoken here and now."""
        return _(self.words)


class MissingFacts(InputError):
    """What a letter still needs; the faces say where each is given."""

    def __init__(self, needs: Sequence[Need]) -> None:
        self.needs = list(needs)
        asked = "; ".join(need.question for need in self.needs)
        super().__init__(
            _(
                "Before this letter can be drafted it needs: {asked}. What you give is kept "
                "in the case for the next letter."
            ).format(asked=asked)
        )


NEEDS = {
    need.key: need
    for need in (
        Need("name", N_("your full name")),
        Need("contact", N_("how to reach you, an email or postal address")),
        Need("signature", N_("your full name typed as your signature")),
        Need(
            "no_consent", N_("your confirmation that the images were shared without your consent")
        ),
        Need(
            "under_18",
            N_("whether the person shown was under 18 when they were taken: yes, no or unsure"),
        ),
        Need("self_taken", N_("your confirmation that you took the pictures yourself")),
        Need("work", N_("a short description of your original picture or video")),
        Need("recipient", N_("the name of the person the letter is to")),
        Need("respond_by", N_("the date by which they must do it")),
        Need("events", N_("at least one event in your written account")),
    )
}
