"""One exhibit's history, newest first, from the custody log: each change of a detail
from what to what, and intake, confirmations, exclusions and exports one line each.

Enter on a change offers to put the old value back; that is a normal, logged edit, and
it is refused (nothing written) when the detail was changed again since."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.evidence.history import FIELD_NAMES, Step, history, quoted, what, when
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.shared.local_formats import dates_in
from tui.screens.case import case_is_open, open_case


class ExhibitHistoryScreen(Screen[bool]):
    """Dismissed with True when something was put back (the form reads it again)."""

    DEFAULT_CSS = """
    ExhibitHistoryScreen #heading { text-style: bold; padding: 0 1; }
    ExhibitHistoryScreen #explain { padding: 0 1; color: $text-muted; }
    ExhibitHistoryScreen OptionList { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the exhibit's details")),
        Binding(
            "enter", "put_back", N_("Put back"), tooltip=N_("Put this change's old value back")
        ),
    ]

    def __init__(self, exhibit_id: str) -> None:
        super().__init__()
        self.exhibit_id = exhibit_id
        self.steps: list[Step] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Static(
            _("History of {exhibit_id}, newest first").format(exhibit_id=self.exhibit_id),
            id="heading",
        )
        yield Static(
            _("Enter on a change offers to put the old words back."), id="explain", markup=False
        )
        yield OptionList(id="steps")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        self.steps = history(open_case(self), self.exhibit_id)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if not self.steps:
            options.add_option(Option(Text(_("The custody log says nothing yet.")), disabled=True))
            return
        options.add_options(
            Option(Text(f"{dates_in(when(step))}  {shown(what(step))}")) for step in self.steps
        )
        options.highlighted = min(highlighted or 0, len(self.steps) - 1)

    def action_back(self) -> None:
        self.dismiss(self.changed)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_put_back()

    def action_put_back(self) -> None:
        from tui.dialogs.choice import ChoiceDialog

        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.steps):
            return
        step = self.steps[index]
        if not step.known:
            self.notify(_("Only a change whose old words were kept can be put back."))
            return
        assert step.old is not None and step.new is not None
        name = _(FIELD_NAMES.get(step.field, step.field))

        def answered(answer: str | None) -> None:
            if answer != "put_back" or not case_is_open(self):
                return
            from tui.core.evidence.history import put_back

            try:
                put_back(open_case(self), self.exhibit_id, step)
            except ReclaimError:
                self.notify(
                    _(
                        "{name} was changed again since; nothing was put back. The "
                        "newest change is at the top."
                    ).format(name=name.capitalize()),
                    severity="warning",
                    markup=False,
                )
                self.reload()
                return
            self.changed = True
            self.notify(_("Put back: {name}.").format(name=name), markup=False)
            self.reload()

        self.app.push_screen(
            ChoiceDialog(
                _("Put back {name}?").format(name=name),
                shown(
                    _(
                        "This change made it {new}. Put back {old}, as it was before? "
                        "That is saved as a new change, so it can be undone the same way."
                    ).format(new=quoted(step.new), old=quoted(step.old))
                ),
                [("put_back", _("Put it back")), ("keep", _("Leave it"))],
            ),
            answered,
        )
