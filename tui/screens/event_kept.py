"""An event's form not yet saved when the case locks (no date Reclaim can read, no
title, a field also changed in another window) is kept in memory for that case
(`tui.kept_for_case`), never on disk, and given back once, when the same event (or a
new one, for a new event) is next opened: nothing typed in it is lost."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.widgets import Input

from tui.core.shared.i18n import _
from tui.host import host
from tui.screens.case import case_is_open, open_case
from tui.screens.event_fields import LABELS, show_value
from tui.widgets.fields import StoredInput, StoredTextArea

if TYPE_CHECKING:
    from textual.screen import Screen

TEXTS = ("when", "title", "place")
BLOCKS = ("details", "response")


@dataclass
class KeptEvent:
    """The fields typed and not saved, what this window had read of each (so a save
    after the unlock still asks about one changed elsewhere meanwhile), the focus."""

    typed: dict[str, object] = field(default_factory=dict)
    read: dict[str, Any] = field(default_factory=dict)
    saved: dict[str, object] = field(default_factory=dict)
    focused: str | None = None


class EventForm(Protocol):
    """What is read of `tui.screens.event.EventScreen` (not imported: it imports this)."""

    event_id: str | None
    _base: dict[str, Any]
    _saved: dict[str, object] | None

    def _form(self) -> dict[str, object]: ...

    def changed(self) -> bool: ...


def kept_as(event_id: str | None) -> str:
    return f"event:{event_id or 'new'}"


def keep(screen: Screen[Any]) -> None:
    """At a lock, once the save was tried: what it could not save is kept."""
    event = cast("EventForm", screen)
    if not case_is_open(screen) or not event.changed():
        return
    form, before = event._form(), event._saved or {}
    touched = {name for name, value in form.items() if value != before.get(name)}
    focused = screen.focused
    kept = KeptEvent(
        typed={name: form[name] for name in touched},
        read={name: event._base.get(name) for name in touched if name in LABELS},
        saved={name: before.get(name) for name in touched},
        focused=focused.id if focused is not None else None,
    )
    host(screen).kept_for_case.keep_typing(open_case(screen), kept_as(event.event_id), kept)


def give_back(screen: Screen[Any]) -> None:
    """Once the form is built: what was kept for this event at the last lock is put
    back, still to be saved, and the person is told."""
    event = cast("EventForm", screen)
    kept = host(screen).kept_for_case.typing(open_case(screen), kept_as(event.event_id))
    if not isinstance(kept, KeptEvent):
        return
    for name, value in kept.typed.items():
        if name in TEXTS:
            screen.query_one(f"#{name}", StoredInput).show(str(value))
        elif name in BLOCKS:
            screen.query_one(f"#{name}", StoredTextArea).show(str(value))
        elif name == "new-person":
            screen.query_one("#new-person", Input).value = str(value)
        else:
            show_value(screen, name, value)
    if event.event_id is not None:
        event._base.update(kept.read)
    if event._saved is not None:
        event._saved.update(kept.saved)
    if kept.focused:
        target = screen.query_one(f"#{kept.focused}")
        target.focus()
        if isinstance(target, Input):
            target.cursor_position = len(target.value)
    screen.notify(
        _("What you were typing here before the case locked is back. It is not saved yet.")
    )
