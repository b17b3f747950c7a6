"""The question asked when a changed form is left with Escape: Save, Keep editing or
Discard; or, when what is in the form can't be saved as it is, only Keep editing or
Discard, with the reason. Nothing is ever saved without the person choosing Save, and a
form can always be left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from tui.core.shared.i18n import _
from tui.dialogs.choice import ChoiceDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen
    from textual.widget import Widget


def unsaved_changes(
    what: str, problem: str | None, after: str, discard: str | None = None
) -> ChoiceDialog:
    """`what`: the form's subject ("E-0001", "this event"); `problem`: why it can't be
    saved, or None; `after`: what Discard leaves, in one sentence. The answers' keys are
    "save", "keep" and "discard" (Escape answers None: keep editing)."""
    discard = discard or _("Discard changes")
    if problem is None:
        return ChoiceDialog(
            _("Save the changes to {what}?").format(what=what),
            _("Save keeps what you typed. Keep editing goes back to the form. {after}").format(
                after=after
            ),
            [("save", _("Save")), ("keep", _("Keep editing")), ("discard", discard)],
        )
    return ChoiceDialog(
        _("{what} can't be saved as it is.").format(what=what[:1].upper() + what[1:]),
        _("{problem}\n\nKeep editing to put it right. {after}").format(
            problem=problem, after=after
        ),
        [("keep", _("Keep editing")), ("discard", discard)],
    )


def ask_to_leave(
    screen: Screen[Any],
    what: str,
    after: str,
    *,
    save: Callable[[Callable[[], object]], object],
    leave: Callable[[], object],
    problem: str | None = None,
    discard: str | None = None,
) -> None:
    """Ask before a changed form is left: Save calls `save(leave)` (which leaves once
    saved, and keeps the form open, its words in it, when it can't be); Discard calls
    `leave`; Keep editing (or Escape) gives the focus back where it was, the cursor
    where it was. Only a form with unsaved changes should ask."""
    was = screen.focused

    def answered(answer: str | None) -> None:
        if answer == "discard":
            leave()
        elif answer == "save":
            save(leave)
        elif was is not None and was.is_mounted:
            was.focus()

    screen.app.push_screen(unsaved_changes(what, problem, after, discard), answered)


def cursor_at_end(field: Widget) -> None:
    """The cursor after what a field holds, nothing selected: the next key goes on with
    the words, never over them (a form opens so)."""
    if isinstance(field, Input):
        field.selection = Selection.cursor(len(field.value))
    elif isinstance(field, TextArea):
        field.move_cursor(field.document.end)
