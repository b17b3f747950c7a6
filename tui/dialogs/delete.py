"""Deleting an exhibit for good: the person types its number to confirm.

"Remove" (leave out of the binder) is the everyday choice; this dialog says so first.

Its buttons sit at the left, both inside the left half of an 80-column screen: notices
come up at the bottom right (up to half the width), and one once covered "Delete for
good". Those already showing go when the dialog opens (the app clears a screen's notices
as it is left); any sent while it is open stay clear of the buttons."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown
from tui.core.shared.i18n import N_, _


class DeleteDialog(ModalScreen[tuple[str, str] | None]):
    """Returns (what was typed, reason), or None when the person keeps the item."""

    DEFAULT_CSS = """
    DeleteDialog { align: center middle; }
    DeleteDialog > Vertical {
        width: 72; max-width: 100%; height: auto; padding: 1 2;
        border: round $error; background: $surface;
    }
    DeleteDialog Input { margin-top: 1; }
    DeleteDialog Horizontal { height: auto; margin-top: 1; align-horizontal: left; }
    DeleteDialog Button { margin-right: 2; min-width: 11; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Keep it"), id="delete.keep")]

    def __init__(self, exhibit: Exhibit) -> None:
        super().__init__()
        self.exhibit = exhibit

    def compose(self) -> ComposeResult:
        name = shown(self.exhibit.description or self.exhibit.original_name)
        with Vertical():
            yield Static(
                _(
                    "Delete {id} ({name}) for good?\n\nEvidence deleted now can't be shown "
                    "later. To keep it out of the binder only, press Esc and use Remove (x) "
                    "instead.\nTo delete it, type {id} below."
                ).format(id=self.exhibit.id, name=name),
                markup=False,
            )
            yield Input(placeholder=self.exhibit.id, id="typed")
            yield Input(placeholder=_("Why (optional, kept in the custody log)"), id="reason")
            with Horizontal():
                yield Button(_("Delete for good"), id="delete", variant="error", disabled=True)
                yield Button(_("Keep it"), id="keep")

    @on(Input.Changed, "#typed")
    def typed(self, event: Input.Changed) -> None:
        matches = event.value.strip().upper() == self.exhibit.id
        self.query_one("#delete", Button).disabled = not matches

    @on(Input.Submitted)
    def submitted(self) -> None:
        if not self.query_one("#delete", Button).disabled:
            self._answer()

    @on(Button.Pressed, "#keep")
    def keep(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#delete")
    def _answer(self) -> None:
        self.dismiss(
            (self.query_one("#typed", Input).value, self.query_one("#reason", Input).value)
        )
