"""The eight steps of the guide, and how far the person has got with each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.shared.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    """Short id used by screens, the palette and tests."""
    title: str
    summary: str
    """One line under the title on the home screen."""


STEPS: tuple[Step, ...] = (
    Step(1, "safety", N_("Safety"), N_("If you are in danger: what to do now, who can help")),
    Step(
        2,
        "privacy",
        N_("Privacy settings"),
        N_("Lock down your accounts without deleting anything"),
    ),
    Step(
        3,
        "passwords",
        N_("Passwords"),
        N_("Strong new passwords, and which accounts you changed"),
    ),
    Step(
        4,
        "evidence",
        N_("Evidence"),
        N_("Save screenshots, pages and recordings before they go"),
    ),
    Step(5, "copies", N_("Copies"), N_("Keep safe copies in more than one place")),
    Step(6, "timeline", N_("Timeline"), N_("Your written account of what happened, in order")),
    Step(
        7,
        "binder",
        N_("Police binder"),
        N_("One numbered, printable file for the police or a lawyer"),
    ),
    Step(
        8,
        "takedowns",
        N_("Takedowns & legal options"),
        N_("Ask sites to remove the images; know your options"),
    ),
)


def progress(vault: Vault) -> dict[str, str]:
    """A few words per step saying where the person is with it."""
    # The app imports this module as it starts; these load the vault and every feature
    # (about 0.6 s more before the first frame), so they wait until the home screen asks.
    from tui.core.copies.register import summary as copies_summary
    from tui.core.evidence.model import TABLE as EXHIBITS
    from tui.core.passwords import changed_accounts as accounts
    from tui.core.privacy.lockdown import all_progress, summary
    from tui.core.takedowns.next_steps import summary as takedowns_summary
    from tui.core.vault import custody

    count = len(vault.table(EXHIBITS))
    words: dict[str, str] = {}
    words["safety"] = _("always one key away: F1")
    words["privacy"] = summary(all_progress(vault))
    words["passwords"] = accounts.summary(accounts.list_accounts(vault))
    binders = [e for e in custody.entries(vault.table(custody.TABLE)) if e["action"] == "binder"]
    words["copies"] = copies_summary(vault)
    words["binder"] = (
        _("last made {day}").format(day=made_day(binders[-1]["at"]))
        if binders
        else _("not made yet")
    )
    events = len(vault.table("events"))
    words["timeline"] = (
        ngettext("{count} event", "{count} events", events).format(count=events)
        if events
        else _("no events yet")
    )
    words["takedowns"] = takedowns_summary(vault)
    words["evidence"] = (
        ngettext("{count} item saved", "{count} items saved", count).format(count=count)
        if count
        else _("nothing saved yet")
    )
    return words


def made_day(at: str) -> str:
    """The day a binder was made, as the language says it ("7 de diciembre de 2026",
    "7 décembre 2026"); English keeps the ISO day it always showed."""
    from datetime import date

    from tui.core.shared.i18n import language
    from tui.core.shared.local_formats import long_date

    day = at[:10]
    return day if language() == "en" else long_date(date.fromisoformat(day))
