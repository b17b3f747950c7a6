"""The question asked when a save meets a field that another window (or a command)
changed since this one read it: for each such field, both values, and which to keep.

Nothing was saved when it opens. "Save my choices" returns the fields whose value from
this window is kept; Escape (Keep editing) returns None and saves nothing. Each choice is
a pair of radio buttons under the two values (Tab moves between fields, the arrows and
Enter choose), and the list scrolls, so it fits 80x24 with any number of fields."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static

from tui.core.shared.i18n import N_, _

#: How much of a long value is shown in the question; the rest is in the form and history.
SHOWN_CHARS = 300


@dataclass(frozen=True)
class Both:
    """One field changed in both places, as the person reads it."""

    field: str
    label: str
    theirs: str
    """Changed elsewhere (what the case holds now), in its visible form."""
    mine: str
    """What this window would save, in its visible form."""


def _cut(text: str) -> str:
    if not text:
        return _("(empty)")
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


class ConflictDialog(ModalScreen[set[str] | None]):
    DEFAULT_CSS = """
    ConflictDialog { align: center middle; }
    ConflictDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: round $warning; background: $surface;
    }
    ConflictDialog #question { text-style: bold; }
    ConflictDialog VerticalScroll { height: auto; max-height: 15; }
    ConflictDialog .field { text-style: bold; margin-top: 1; }
    ConflictDialog RadioSet { width: 100%; height: auto; }
    ConflictDialog Horizontal { height: auto; align-horizontal: right; }
    ConflictDialog Button { margin-left: 1; min-width: 10; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Keep editing"), id="conflict.cancel")]

    def __init__(self, what: str, both: list[Both]) -> None:
        """`what`: the form's subject ("E-0002", "this event")."""
        super().__init__()
        self.what = what
        self.both = both

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                _(
                    "{what} was changed elsewhere while you edited it. Nothing is "
                    "saved yet: choose which to keep."
                ).format(what=self.what[:1].upper() + self.what[1:]),
                id="question",
                markup=False,
            )
            with VerticalScroll():
                for item in self.both:
                    yield Static(item.label, classes="field", markup=False)
                    yield Static(
                        _("Changed elsewhere: {cut}").format(cut=_cut(item.theirs)), markup=False
                    )
                    yield Static(_("Yours: {cut}").format(cut=_cut(item.mine)), markup=False)
                    with RadioSet(id=f"keep-{item.field}", compact=True):
                        yield RadioButton(
                            _("Keep the one changed elsewhere"), id=f"theirs-{item.field}"
                        )
                        yield RadioButton(_("Keep yours"), value=True, id=f"mine-{item.field}")
            with Horizontal():
                yield Button(_("Save my choices"), id="save", variant="primary")
                yield Button(_("Keep editing"), id="keep")

    def on_mount(self) -> None:
        for choice in self.query(RadioSet):
            # The highlight starts on the answer chosen (Yours), not on the first line.
            choice._selected = choice.pressed_index
        self.query_one(RadioSet).focus()

    def chosen(self) -> set[str]:
        """The fields whose value from this window is kept."""
        return {
            item.field
            for item in self.both
            if self.query_one(f"#mine-{item.field}", RadioButton).value
        }

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.chosen() if event.button.id == "save" else None)
