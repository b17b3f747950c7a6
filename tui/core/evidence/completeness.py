"""Is an exhibit described well enough? What the guide says a capture should show, and
which of those details are still missing or only guessed."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.evidence.guesses import GUESS_SOURCES
from tui.core.evidence.model import Exhibit
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.shared.text import listed

#: The details a capture of a post should record, in the order a person would look
#: (each label marked for the catalogues, and said with `_()` where it is shown).
WANTED = (
    ("poster", N_("who posted it")),
    ("posted_at", N_("when it was posted")),
    ("captured_at", N_("when you captured it")),
    ("url", N_("the web address")),
    ("caption", N_("captions and comments")),
)
LABELS = dict(WANTED)


@dataclass(frozen=True)
class Completeness:
    missing: tuple[str, ...]
    """Fields with nothing in them."""
    guessed: tuple[str, ...]
    """Fields filled in from the file, not yet confirmed by the person."""

    @property
    def done(self) -> int:
        return len(WANTED) - len(self.missing) - len(self.guessed)

    @property
    def total(self) -> int:
        return len(WANTED)

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def short(self) -> str:
        """For a table cell: `5/5 ✓`, `3/5`, `3/5 ?` when a guess awaits a check."""
        mark = " ✓" if self.complete else (" ?" if self.guessed else "")
        return f"{self.done}/{self.total}{mark}"


def assess(exhibit: Exhibit) -> Completeness:
    missing = tuple(name for name, _ in WANTED if not getattr(exhibit, name))
    guessed = tuple(name for name, _ in WANTED if name in exhibit.guesses and name not in missing)
    return Completeness(missing=missing, guessed=guessed)


def is_complete(exhibit: Exhibit) -> bool:
    """`assess(exhibit).complete`, without building the assessment (counted over every
    exhibit of a case on the Evidence step)."""
    guesses = exhibit.guesses
    return all(getattr(exhibit, name) and name not in guesses for name in _WANTED_NAMES)


_WANTED_NAMES = tuple(name for name, _ in WANTED)


def hint(exhibit: Exhibit) -> str:
    """One or two plain sentences for the details form, in the language spoken."""
    found = assess(exhibit)
    if found.complete:
        return _("Everything the guide asks a capture to record is here.")
    parts = []
    if found.missing:
        missing = listed([_(LABELS[name]) for name in found.missing])
        parts.append(_("Still missing: {details}.").format(details=missing))
    # One sentence per source, not per detail: five guesses read from one picture are
    # one sentence, which leaves the form room on an 80x24 screen.
    by_source: dict[str, list[str]] = {}
    for name in found.guessed:
        source = GUESS_SOURCES.get(exhibit.guesses[name], N_("the file"))
        by_source.setdefault(source, []).append(_(LABELS[name]))
    for source, details in by_source.items():
        said = listed(details)
        parts.append(
            ngettext(
                "{details} is a guess from {source}: check it, then confirm.",
                "{details} are guesses from {source}: check them, then confirm.",
                len(details),
            ).format(details=said[:1].upper() + said[1:], source=_(source))
        )
    return " ".join(parts)
