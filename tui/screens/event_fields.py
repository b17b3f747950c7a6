"""The event form's fields: how each is named, shown and put back from the stored
event (after a save, or when the person keeps the other window's value)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import SelectionList, Static

from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _
from tui.core.timeline.events import PROMPTS, Event, Person
from tui.widgets.fields import StoredInput, StoredTextArea

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.evidence.model import Exhibit
    from tui.core.vault.vault import Vault

WHEN_LABEL = N_("When (a day, a month, a year, or 'about 2023' are all fine)")
#: The form's fields as a conflict names them.
LABELS = {
    "when": N_("When"),
    "title": N_("Title"),
    "place": N_("Where"),
    "details": N_("What happened"),
    "response": N_("What I did"),
    "witnesses": N_("Who can confirm it"),
    "evidence": N_("Evidence"),
}


def ticks_label(field: str) -> str:
    """The label over the witnesses or the evidence to tick, with what to tick."""
    if field == "witnesses":
        return _("Who can confirm it (Space ticks). {prompt}").format(prompt=_(PROMPTS[field]))
    return _("Evidence (Space ticks). {prompt}").format(prompt=_(PROMPTS[field]))


def exhibit_choices(exhibits: list[Exhibit], linked: set[str]) -> list[tuple[Content, str, bool]]:
    """The case's exhibits to tick for an event, those it names ticked."""
    return [
        (Content(f"{e.id}  {shown(e.description or e.original_name)}"), e.id, e.id in linked)
        for e in exhibits
    ]


def person_label(person: Person) -> Content:
    """A witness in the picker: their name (and role) as written, never as markup."""
    return Content(shown(f"{person.name} ({person.role})" if person.role else person.name))


def show_value(screen: Screen[Any], name: str, value: Any) -> None:
    """Put a stored value into its field."""
    from tui.core.shared.fuzzy_dates import When

    if name == "when":
        screen.query_one("#when", StoredInput).show(When.from_stored(value).text())
    elif name in ("title", "place"):
        screen.query_one(f"#{name}", StoredInput).show(value or "")
    elif name in ("details", "response"):
        screen.query_one(f"#{name}", StoredTextArea).show(value or "")
    else:
        picker: SelectionList[str] = screen.query_one(f"#{name}", SelectionList)
        listed = {picker.get_option_at_index(i).value for i in range(picker.option_count)}
        picker.deselect_all()
        for chosen in value or []:
            if chosen in listed:  # someone or something this form doesn't list is left out
                picker.select(chosen)


def show_lists(screen: Screen[Any]) -> None:
    """An empty picker is not shown and is no stop for Tab (with no height, it would
    take the focus off screen and what was typed next would go nowhere); a line says
    there is nobody (or nothing) to choose yet."""
    for name in ("witnesses", "evidence"):
        picker: SelectionList[str] = screen.query_one(f"#{name}", SelectionList)
        empty = picker.option_count == 0
        picker.display = not empty
        screen.query_one(f"#no-{name}", Static).display = empty


def visible_value(vault: Vault, name: str, value: object) -> str:
    """A stored value as the person reads it, for the question about a conflict."""
    from tui.core.shared.fuzzy_dates import When
    from tui.core.timeline.events import list_people

    if name == "when" and isinstance(value, str) and value:
        return When.from_stored(value).text()
    if name == "witnesses" and isinstance(value, list):
        people = {p.id: p.name for p in list_people(vault)}
        return ", ".join(people.get(str(pid), str(pid)) for pid in value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value or "")


def heading(event: Event) -> str:
    """ "T-0002: We broke up" ("T-0002 : …" in French) above an event's form."""
    return _("{label}: {value}").format(label=event.id, value=shown(event.title))
