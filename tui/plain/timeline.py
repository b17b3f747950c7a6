"""The timeline: what happened, in order, one event at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Timeline: write down what happened, in order.")
CHOICES = (N_("Add an event"), N_("Hear the events so far"))
WHEN = N_(
    "When did it happen? For example 5 March 2024, March 2024, or about 2023. Then press Enter."
)
WHEN_HELP = N_("A rough date is fine when you do not know the day.")
OPTIONAL = N_("Press Enter alone to leave it out.")
ADDED = N_("Event {id} is saved.")
NONE_YET = N_("There are no events yet.")
EVENT = "{id}, {when}: {title}."


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: add(prompter, vault), lambda: hear(prompter, vault))
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def ask_when(prompter: Prompter) -> str:
    """A date as typed, asked again until it can be read."""
    from tui.core.shared.fuzzy_dates import When

    while True:
        typed = prompter.ask(_(WHEN), _(WHEN_HELP), required=True)
        try:
            When.parse(typed)
        except ReclaimError as error:
            prompter.say(str(error))
            continue
        return typed


def add(prompter: Prompter, vault: Vault) -> None:
    from tui.core.timeline.events import PROMPTS, add_event

    with prompter.form():
        when = ask_when(prompter)
        title = prompter.ask(_(PROMPTS["title"]), required=True)
        details = prompter.ask(_(PROMPTS["details"]) + " " + _(OPTIONAL))
        try:
            event = add_event(vault, when, title, details=details)
        except ReclaimError as error:
            prompter.say(str(error))
            return
    prompter.say(_(ADDED).format(id=event.id))


def hear(prompter: Prompter, vault: Vault) -> None:
    from tui.core.timeline.events import list_events

    events = sorted(list_events(vault), key=lambda event: event.sort_key())
    if not events:
        prompter.say(_(NONE_YET))
    for event in events:
        prompter.say(EVENT.format(id=event.id, when=event.moment.text(), title=event.title))
