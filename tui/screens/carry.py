"""What a form holds, carried over when its screen is drawn again (a change of language).

Choosing a language rebuilds the screens on show, so that every word is in the new one.
A person may have typed into them meanwhile: a name, a passphrase twice, a filter, the
tab they were on. `held` reads every field of a screen by its id (and the focus), and
`carry_into` puts it back into the screen built afresh, once that one is mounted, so
nothing typed is lost and there is nothing to decide. A screen with more to keep than
its fields (a passphrase made and shown) adds it with `held_over()` / `hold(...)`. The
language a document is to be written in, chosen on its screen with F3 (the binder's),
is carried too (`ChoosesDocumentLanguage`), and the order a list is sorted in
(`SortsRows`: the Evidence step's).

It stays in memory only, for the moment of the rebuild."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TabbedContent, TextArea
from textual.widgets.select import InvalidSelectValueError


@dataclass
class Held:
    """One screen's fields by id, the widget focused, and the screen's own extras."""

    values: dict[str, object] = field(default_factory=dict)
    focused: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    language: str | None = None
    """The document's language chosen on the screen (F3); None where it has none."""
    order: str | None = None
    """The order the screen's list is sorted in; None where it has no such list."""


@runtime_checkable
class ChoosesDocumentLanguage(Protocol):
    """A screen where F3 chooses the language its document is written in."""

    language: str
    """The language chosen ('' for the case's documents' language)."""

    def show_language(self) -> None:
        """Say on the screen which language the document is written in, now."""


@runtime_checkable
class SortsRows(Protocol):
    """A screen whose list the person sorts (the Evidence step's `s`)."""

    sort_key: str

    def refresh_rows(self, focus_id: str | None = None) -> None:
        """Filter, sort and show the rows again."""


def _value(widget: Widget) -> object:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return widget.value
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, TabbedContent):
        return widget.active
    raise TypeError(widget)


_KINDS = (Input, TextArea, Select, Checkbox, TabbedContent)


def held(screen: Screen[Any]) -> Held:
    """What `screen`'s fields hold now (a field with no id is not carried)."""
    kept = Held()
    for widget in screen.query("*"):
        if widget.id and isinstance(widget, _KINDS) and widget.id not in kept.values:
            kept.values[widget.id] = _value(widget)
    focused = screen.focused
    if focused is not None and focused.id:
        kept.focused = focused.id
    held_over = getattr(screen, "held_over", None)
    if callable(held_over):
        kept.extra = dict(held_over())
    if isinstance(screen, ChoosesDocumentLanguage):
        kept.language = screen.language
    if isinstance(screen, SortsRows):
        kept.order = screen.sort_key
    return kept


def carry_into(screen: Screen[Any], kept: Held) -> None:
    """Put `kept` back into `screen`, built afresh: each field found by its id, only
    where it differs (so a field's own handlers run as if the person had typed it)."""
    if not screen.is_attached:
        return
    tabs: list[tuple[TabbedContent, str]] = []
    for widget in screen.query("*"):
        if not (widget.id and widget.id in kept.values and isinstance(widget, _KINDS)):
            continue
        value = kept.values[widget.id]
        if _value(widget) == value:
            continue
        if isinstance(widget, Input) and isinstance(value, str):
            widget.value = value
        elif isinstance(widget, TextArea) and isinstance(value, str):
            widget.text = value
        elif isinstance(widget, Select):
            with contextlib.suppress(InvalidSelectValueError):  # no longer a choice
                widget.value = value
        elif isinstance(widget, Checkbox) and isinstance(value, bool):
            widget.value = value
        elif isinstance(widget, TabbedContent) and isinstance(value, str) and value:
            tabs.append((widget, value))
    for tabbed, active in tabs:
        tabbed.active = active
    hold = getattr(screen, "hold", None)
    if kept.extra and callable(hold):
        hold(kept.extra)
    if isinstance(screen, SortsRows) and kept.order not in (None, screen.sort_key):
        screen.sort_key = str(kept.order)
        screen.refresh_rows()
    chosen = kept.language
    if isinstance(screen, ChoosesDocumentLanguage) and chosen not in (None, screen.language):
        screen.language = str(chosen)
        screen.show_language()
    if kept.focused:
        for widget in screen.query("*"):
            if widget.id == kept.focused and widget.focusable:
                widget.focus()
                break
