"""The kiosk's neutral start: nothing of any other client's case is shown. A client
opens theirs by typing its case number, or starts a new one."""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from tui.core.kiosk.cases import find_case_dir
from tui.core.settings import in_neutral_words, neutral_words
from tui.core.shared import clock
from tui.core.shared.display import shown
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _
from tui.host import host
from tui.messages import CaseChosen, NewCaseRequested
from tui.screens.language import CHOOSE
from tui.widgets.key_words import speak_keys
from tui.widgets.notice import Notice


def just_made_hint(number: str) -> str:
    """What the start says after a new case locked before its code was written down."""
    if not number:
        return ""
    return N_(
        "Case {number} was just made and locked before its recovery code was written down: "
        "type {number} and its passphrase to see the code again."
    )


#: The start's words in discreet mode (`in_neutral_words` of the English ones), so that
#: they are translated too: discreet mode says "notes" in every language.
NEUTRAL = (
    N_(
        "Each person's notes are kept separate and private on this computer. "
        "To open yours, type your number and press Enter."
    ),
    N_("number (6 digits)"),
    N_("Start new notes"),
    N_("New notes"),
    N_(
        "Number {number} was just made and locked before its recovery code was written "
        "down: type {number} and its passphrase to see the code again."
    ),
)


#: How long the start shows the number of a case just made and locked before its
#: recovery code was written down: 15 minutes from the lock (the note's first showing,
#: as `clock.monotonic` tells it), long enough for its person to come back, not for
#: whoever walks up next. Another case made here ends it at once (the app then holds
#: that case's number, or none once its code is confirmed).
JUST_MADE_SECONDS = 15 * 60
#: Per app: the number noted and when the start first showed it.
_noted_since: WeakKeyDictionary[object, tuple[str, float]] = WeakKeyDictionary()


def still_noted(app: object, number: str) -> str:
    """`number` while within `JUST_MADE_SECONDS` of its first showing on this app's
    start; '' once past that, or when there is none."""
    if not number:
        return ""
    noted, since = _noted_since.get(app, ("", 0.0))
    if noted != number:
        noted, since = number, clock.monotonic()
        _noted_since[app] = (noted, since)
    return number if clock.monotonic() - since < JUST_MADE_SECONDS else ""


class ChooseCaseScreen(Screen[None]):
    AUTO_FOCUS = "#number"
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding(
            "ctrl+n",
            "new_case",
            N_("New case"),
            tooltip=N_("Start a new, empty case"),
            id="kiosk.new",
        ),
        Binding("f2", "app.language", CHOOSE, id="kiosk.language"),
    ]

    def __init__(self, cases_dir: Path, *, just_made: str = "") -> None:
        super().__init__()
        self.cases_dir = cases_dir
        self.just_made = just_made
        """The number of a case made here that locked before its recovery code was
        written down (the number is not secret; without it the case is lost)."""

    def compose(self) -> ComposeResult:
        words = self.key_words
        with Vertical(classes="form") as form:
            form.border_title = words(N_("Welcome to Reclaim"))
            yield Static(
                words(
                    N_(
                        "Each person's case is kept separate and private on this computer. "
                        "To open yours, type your case number and press Enter."
                    )
                )
            )
            yield Input(
                id="number",
                placeholder=words(N_("case number (6 digits)")),
                max_length=12,
                compact=True,
            )
            self.just_made = still_noted(host(self), self.just_made)
            yield Notice(self._just_made_note(), id="message")
            yield Button(words(N_("Start a new case")), id="new", variant="primary", compact=True)
        yield Footer()

    def key_words(self, english: str) -> str:
        """What the start shows for `english`, in the language spoken: in discreet mode
        (`tui/discreet.py`) in words that say only "notes" (the footer's keys too)."""
        if host(self).settings.discreet:
            return in_neutral_words(english)  # made neutral, then translated
        return _(english)

    def _just_made_note(self) -> str:
        hint = just_made_hint(self.just_made)
        return self.key_words(hint).format(number=self.just_made) if hint else ""

    def on_mount(self) -> None:
        if self.just_made:  # the note goes on time even when nobody touches a key
            self.set_interval(30, self._forget_old_note)
        speak_keys(self)  # the footer's word for Ctrl+N, in discreet words too
        self.refresh_bindings()

    def _forget_old_note(self) -> None:
        if self.just_made and not still_noted(host(self), self.just_made):
            self.just_made = ""
            self.query_one("#message", Notice).say("")

    @on(Input.Submitted, "#number")
    def open_number(self, event: Input.Submitted) -> None:
        try:
            path = find_case_dir(self.cases_dir, event.value)
        except InputError as error:
            said = shown(str(error))
            if host(self).settings.discreet:
                said = neutral_words(said)
            self.query_one("#message", Notice).say(said, error=True)
            event.input.clear()
            return
        self.post_message(CaseChosen(path))

    @on(Button.Pressed, "#new")
    def action_new_case(self) -> None:
        self.post_message(NewCaseRequested())
