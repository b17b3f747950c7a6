"""The timeline: what happened, in order, one event at a time: adding, hearing,
changing and deleting one (deleting asks first)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.timeline.events import Event
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Timeline: write down what happened, in order.")
CHOICES = (
    N_("Add an event"),
    N_("Hear the events so far"),
    N_("Change an event"),
    N_("Delete an event"),
)
WHEN = N_(
    "When did it happen? For example 5 March 2024, March 2024, or about 2023. Then press Enter."
)
WHEN_HELP = N_("A rough date is fine when you do not know the day.")
OPTIONAL = N_("Press Enter alone to leave it out.")
ADDED = N_("Event {id} is saved.")
NONE_YET = N_("There are no events yet.")
EVENT = N_("{id}, {when}: {title}.")
WHICH_EVENT = N_("Which event?")
KEEP = N_("Press Enter alone to keep it as it is.")
NOW = N_("Now: {value}.")
CHANGED = N_("Event {id} is saved with your changes.")
UNCHANGED = N_("Nothing was changed in event {id}.")
DELETE = N_(
    "Delete event {id}, {title}? It is taken out of the timeline for good; your evidence "
    "stays as it is. Type yes or no."
)
DELETED = N_("Event {id} is deleted.")
KEPT = N_("Event {id} is kept as it was.")
#: What can be changed in an event, in the order it is asked (when first).
FIELDS = ("title", "details", "response", "place")


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: add(prompter, vault), lambda: hear(prompter, vault),
               lambda: change(prompter, vault), lambda: delete(prompter, vault))  # fmt: skip
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def ask_when(prompter: Prompter, suffix: str = "") -> str:
    """A date as typed, asked again until it can be read ('' kept as it is, when a
    `suffix` says Enter alone keeps it)."""
    from tui.core.shared.fuzzy_dates import When

    while True:
        question = _(WHEN) + (" " + _(suffix) if suffix else "")
        typed = prompter.ask(question, _(WHEN_HELP), required=not suffix)
        if not typed:
            return typed
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
        prompter.say(_(EVENT).format(id=event.id, when=event.moment.text(), title=event.title))


def which(prompter: Prompter, vault: Vault) -> Event | None:
    """An event chosen by its number in the list (None, said, when there are none)."""
    from tui.core.timeline.events import list_events

    events = sorted(list_events(vault), key=lambda event: event.sort_key())
    if not events:
        prompter.say(_(NONE_YET))
        return None
    names = [_(EVENT).format(id=e.id, when=e.moment.text(), title=e.title) for e in events]
    return events[prompter.choose(_(WHICH_EVENT), names)]


def change(prompter: Prompter, vault: Vault) -> None:
    """Each part of one event, with what it says now; Enter alone keeps a part."""
    from tui.core.timeline.events import PROMPTS, update_event

    event = which(prompter, vault)
    if event is None:
        return
    with prompter.form():
        prompter.say(_(NOW).format(value=event.moment.text()))
        when = ask_when(prompter, KEEP)
        texts: dict[str, Any] = {}  # only what was typed: Enter alone keeps a part
        for name in FIELDS:
            current = str(getattr(event, name))
            if current:
                prompter.say(_(NOW).format(value=current))
            typed = prompter.ask(_(PROMPTS[name]) + " " + _(KEEP))
            if typed:
                texts[name] = typed
        if not when and not texts:
            prompter.say(_(UNCHANGED).format(id=event.id))
            return
        try:
            update_event(vault, event.id, when=when or None, **texts)
        except ReclaimError as error:
            prompter.say(str(error))
            return
    prompter.say(_(CHANGED).format(id=event.id))


def delete(prompter: Prompter, vault: Vault) -> None:
    """One event taken out of the timeline, once the person says yes."""
    from tui.core.timeline.events import remove_event

    event = which(prompter, vault)
    if event is None:
        return
    if not prompter.yes_no(_(DELETE).format(id=event.id, title=event.title)):
        prompter.say(_(KEPT).format(id=event.id))
        return
    try:
        remove_event(vault, event.id)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(_(DELETED).format(id=event.id))
