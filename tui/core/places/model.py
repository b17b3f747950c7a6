"""What a place's pack holds: its emergency number, helplines, removal clocks, routes,
laws and letter wording, each fact with its source and the day it was checked.

Read from `checklists/jurisdictions/` by `catalogue`; the takedown deadlines are worked
out from a place's clocks in `tui.core.takedowns.deadlines`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.core.shared.data_files import name_key
from tui.core.shared.i18n import N_, _

#: The kinds of site a law can bind; every site in `checklists/takedowns.toml` is one.
SITE_KINDS = ("platform", "search", "adult", "fallback")
#: The pack for "I'd rather not say": general advice, no place's law or clock.
GENERAL = "general"
#: What the case stores for "I'd rather not say".
NOT_SAID = "none"
PROPOSED = N_("Proposed, not yet law: check with a lawyer.")
#: A clock a regulator's own guidance sets (not a law): it tells the person when to go to
#: the regulator, and makes a request overdue, but a letter never cites it as a deadline.
GUIDANCE = "guidance"
#: The statuses whose clocks count: a law in force, or a regulator's guidance.
COUNTING = ("law", GUIDANCE)
NOT_IN_FORCE = N_("Passed, but not confirmed in force: check with a lawyer.")


@dataclass(frozen=True)
class Emergency:
    number: str
    note: str
    source: str
    reviewed: date


@dataclass(frozen=True)
class PlaceContact:
    """A helpline or reporting service of one place."""

    name: str
    how: str
    source: str
    reviewed: date
    note: str = ""
    audience: str = ""
    """"under-18" or "adults" when the service is only for them; '' for anyone."""


@dataclass(frozen=True)
class Clock:
    """A removal deadline a law sets: `hours` from a valid request, or from a regulator's
    notice (`starts`), for the kinds of site it binds. Only a clock in force (`status`
    "law") or a regulator's guidance ("guidance": when to go to the regulator) ever makes
    a request due; a proposed one is shown as proposed."""

    id: str
    law: str
    hours: int
    starts: str
    kinds: tuple[str, ...]
    status: str
    rule: str
    source: str
    reviewed: date
    from_: date | None = None
    """The law binds from this day; a request sent earlier has no deadline."""
    valid_request: tuple[str, ...] = ()
    """What a request must contain for the clock to run."""

    @property
    def in_force(self) -> bool:
        return self.status == "law"

    @property
    def counts(self) -> bool:
        """Whether it makes a request due: a law in force, or a regulator's guidance."""
        return self.status in COUNTING


@dataclass(frozen=True)
class Route:
    """The regulator, tribunal or service of a place: the last rung of the ladder."""

    id: str
    after: str
    title: str
    how: str
    bring: tuple[str, ...]
    source: str
    reviewed: date
    link: str = ""
    audience: str = ""
    """"under-18" or "adults" when the route is only for them."""
    first: bool = False
    """Shown first in what to do next from the start, not only once a request is late."""


@dataclass(frozen=True)
class Law:
    id: str
    law: str
    what: str
    status: str
    source: str
    reviewed: date

    @property
    def text(self) -> str:
        if self.status == "law":
            return self.what
        return f"{self.what} {_(PROPOSED if self.status == 'proposed' else NOT_IN_FORCE)}"


@dataclass(frozen=True)
class LetterWording:
    cites: str
    source: str
    reviewed: date
    kinds: tuple[str, ...] = SITE_KINDS
    """The kinds of site the law binds, and so the letters that cite it."""
    helpline: str = ""
    """The sentence a takedown letter adds only when the person said they asked the
    place's helpline for help (never otherwise: a letter states only what they gave)."""


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    reviewed: date
    source: str
    emergency: Emergency
    contacts: tuple[PlaceContact, ...] = ()
    clocks: tuple[Clock, ...] = ()
    routes: tuple[Route, ...] = ()
    legal: tuple[Law, ...] = ()
    letter: LetterWording | None = None
    aliases: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """States or provinces without a file of their own, by ISO 3166-2 code, with their
    names in each language Reclaim speaks ("tx", ("Texas",)): typed, kept as us-tx."""
    """A union's member states (two-letter codes), typed by code or name in any language."""
    extends: str = ""
    english_name: str = ""
    """Its name in the file, which finds it in every language (not shown)."""

    @property
    def general(self) -> bool:
        """The general advice of a place not said: no place's laws, clocks or helplines."""
        return self.code == GENERAL

    def under_18_help(self) -> str:
        """Who else helps with images of someone under 18 where the person lives (its
        under-18 services), as a sentence; '' where the pack names none."""
        services = [c for c in self.contacts if c.audience == "under-18"]
        if not services:
            return ""
        listed = _("; ").join(f"{c.name} ({c.how})" for c in services)  # French: " ; "
        return _("Where you live, these can help too: {services}.").format(services=listed)

    def clock_for(self, kind: str, notice: bool = False) -> Clock | None:
        """The clock that counts for a kind of site, if the place has one: one that runs
        from a regulator's notice first when `notice` (the request has one), else one
        that runs from the request."""
        counting = [c for c in self.clocks if c.counts and kind in c.kinds]
        wanted = "notice" if notice else "request"
        preferred = [c for c in counting if c.starts == wanted]
        return next(iter(preferred or counting), None)

    def name_keys(self) -> frozenset[str]:
        names = (self.code, self.name, self.english_name, *self.aliases)
        return frozenset(name_key(name) for name in names if name)


def with_the(name: str) -> str:
    """A place's name as it reads after "in": "the United Kingdom", "Australia"."""
    first = name.split(" ", 1)[0]
    return f"the {name}" if first in {"United", "European"} else name
