"""The case's setting for the words in its pictures (issue 30): read them on this
computer, or not. Stored in the case, encrypted (`tui.core.evidence.reading.setting`);
`reclaim settings read_pictures on|off` is the same switch. Turned off, nothing more is
read (a reading under way stops at its next picture); what was read before is kept.
Turned on, the pictures not yet read are read in the background."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static, Switch

from tui.core.evidence.reading.setting import reading_on, set_reading
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import _
from tui.reading_work import reading
from tui.screens.case import case_is_open, open_case


class ReadingSettingsScreen(ModalScreen[None]):
    """One switch, and what it does, in plain words."""

    DEFAULT_CSS = """
    ReadingSettingsScreen { align: center middle; }
    ReadingSettingsScreen > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    ReadingSettingsScreen #title { text-style: bold; }
    ReadingSettingsScreen Horizontal { height: auto; margin: 1 0; }
    ReadingSettingsScreen Label { padding: 1 1 0 1; width: 1fr; }
    ReadingSettingsScreen #about { color: $text-muted; }
    """
    AUTO_FOCUS = "Switch"
    BINDINGS = [Binding("escape", "close", "Back", tooltip="Back to where you were")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Words in pictures"), id="title")
            with Horizontal():
                yield Switch(reading_on(open_case(self)), id="read-pictures")
                yield Label(_("Read the words in screenshots and other pictures"))
            yield Static(
                _(
                    "Reading happens on this computer; nothing is sent anywhere. The words "
                    "are kept in your encrypted case, to search and to fill in details as "
                    "guesses you confirm. They are machine-read: the picture stays the "
                    "evidence. Space switches; Esc goes back."
                ),
                id="about",
            )

    @on(Switch.Changed, "#read-pictures")
    def switched(self, event: Switch.Changed) -> None:
        if not case_is_open(self):
            return
        try:
            set_reading(open_case(self), event.value)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        work = reading(self.app)
        if not event.value:
            if work.job is not None:
                work.job.cancel()  # stops at its next picture; what was read is kept
            self.notify(_("Words in pictures will not be read. What was read is kept."))
        elif work.start():
            self.notify(_("Reading the words in the pictures not read yet."))
        else:
            self.notify(_("Words in pictures will be read as files are added."))

    def action_close(self) -> None:
        self.dismiss(None)
