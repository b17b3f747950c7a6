"""Where do you live? A short list of the places Reclaim knows, and "I'd rather not say".
Used when a case is made, and from the Safety and Takedowns steps (j)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.places.catalogue import places
from tui.core.places.model import NOT_SAID
from tui.core.shared.i18n import N_, _

QUESTION = N_(
    "Where do you live? This decides which laws, deadlines and helplines Reclaim shows you."
)
#: The same question in discreet mode, which never names Reclaim.
DISCREET_QUESTION = N_(
    "Where do you live? This decides which laws, deadlines and helplines you see."
)
NOT_SAID_LABEL = N_("I'd rather not say (general advice only)")


def place_options() -> list[Option]:
    return [Option(p.name, id=p.code) for p in places()] + [Option(_(NOT_SAID_LABEL), id=NOT_SAID)]


class PlaceScreen(ModalScreen[str | None]):
    """Returns the chosen code ("none" for not said), or None when left with Escape."""

    DEFAULT_CSS = """
    PlaceScreen { align: center middle; }
    PlaceScreen > Vertical { width: 70; max-width: 100%; height: auto; border: round $primary;
                             background: $surface; padding: 0 1; }
    PlaceScreen OptionList { height: auto; max-height: 12; border: none; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Keep as it is"), id="place.cancel")]

    def __init__(self, current: str = "") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Where you live")
            yield Static(_(QUESTION), markup=False)
            yield OptionList(*place_options())

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        codes = [p.code for p in places()] + [NOT_SAID]
        if self.current in codes:
            options.highlighted = codes.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
