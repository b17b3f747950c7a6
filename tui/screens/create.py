"""Making a new case: a passphrase typed twice, its strength shown as it is typed, where
the person lives (it decides the laws, deadlines and helplines shown), then the recovery
code shown once."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tui.core.settings import DISCREET_MARK, is_discreet
from tui.core.shared.errors import explain
from tui.core.shared.i18n import N_, _
from tui.core.vault.layout import default_vault_dir, neutral_vault_dir
from tui.host import host
from tui.messages import CaseCreated
from tui.screens.language import CHOOSE
from tui.screens.place import DISCREET_QUESTION, QUESTION, place_options
from tui.widgets.notice import Notice
from tui.widgets.tick import TickBox

#: Wait this long after the last key before judging strength, so typing never stutters.
STRENGTH_DELAY = 0.15
#: How this screen offers a generated passphrase, in the weak-passphrase advice.
MAKE_ONE = N_("press Ctrl+G for one")
#: The choice of discreet mode (`tui/discreet.py`), in words a person can follow.
DISCREET_CHOICE = N_("Discreet: show only the name “Notes”; F12 hides the screen at once")


class CreateScreen(Screen[None]):
    AUTO_FOCUS = "#first"
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding(
            "ctrl+g",
            "generate",
            N_("Make a passphrase"),
            tooltip=N_("Fill in a strong passphrase of six random words, and show it"),
            id="create.generate",
        ),
        Binding(
            "escape",
            "back",
            N_("Back to start"),
            tooltip=N_("Back to the start without making a case"),
            id="create.back",
        ),
        # Words in all three languages: a person who can't read the one on show
        # still finds their own (as on a kiosk's start).
        Binding("f2", "app.language", CHOOSE, id="create.language"),
    ]

    def __init__(self, path: Path, case_number: str = "") -> None:
        super().__init__()
        self.path = path
        self.case_number = case_number
        self.making = False
        """While the case is being made (no going back: its recovery code comes next)."""

    def compose(self) -> ComposeResult:
        discreet = is_discreet(host(self).settings, self.path)
        with Vertical(classes="form") as form:
            form.border_title = _("New notes") if discreet else _("Make your case")
            yield Static(
                _(
                    "Your notes are encrypted on this computer. Choose a passphrase to lock "
                    "them: four or five unrelated words are strong and easy to remember."
                )
                if discreet
                else _(
                    "Reclaim keeps what you collect encrypted on this computer. Choose a "
                    "passphrase to lock it: four or five unrelated words are strong and easy "
                    "to remember."
                )
            )
            yield Input(password=True, id="first", placeholder=_("new passphrase"), compact=True)
            yield Input(
                password=True,
                id="second",
                placeholder=_("the same passphrase again"),
                compact=True,
            )
            yield Static("", id="strength", classes="strength")
            question = _(DISCREET_QUESTION) if discreet else _(QUESTION)
            yield Static(question, id="place-question", markup=False)
            yield Select(
                [(str(o.prompt), str(o.id)) for o in place_options()],
                value=self.default_place(),
                allow_blank=False,
                compact=True,
                id="place",
            )
            tick = TickBox(_(DISCREET_CHOICE), discreet, id="discreet", compact=True)
            tick.display = not host(self).kiosk  # a clinic's kiosk: its settings decide
            yield tick
            yield Notice(id="message")
            label = _("Begin") if discreet else _("Make my case")
            yield Button(label, id="create", variant="primary", compact=True)
        yield Footer()

    def default_place(self) -> str:
        """A kiosk starts on the clinic's place; elsewhere, and when it hasn't said, on
        "I'd rather not say", so that nobody is given a place's law by a stray Enter."""
        from tui.core.places.catalogue import resolve
        from tui.core.places.model import NOT_SAID

        app = host(self)
        code = app.settings.kiosk_jurisdiction if app.kiosk else ""
        place = resolve(code)  # '' is general advice
        return place.code if not place.general else NOT_SAID

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only on a kiosk, where a start screen comes before this one (elsewhere
        this is the first screen), and not while the case is being made."""
        if action == "back":
            return host(self).kiosk and not self.making
        return True

    async def action_back(self) -> None:
        """Kiosk: back to the neutral start (the app's lock clears what was typed)."""
        await self.app.run_action("lock")

    @on(Input.Changed, "#first")
    def typed(self, event: Input.Changed) -> None:
        self.judge(event.value)

    @work(
        thread=True,
        exclusive=True,
        group="strength",
        description="Judging strength",  # i18n: not shown
    )
    def judge(self, passphrase: str) -> str | None:
        """The strength line for `passphrase`, or None when typing moved on meanwhile.
        Returns rather than updating the screen, so a closing app never waits on it."""
        time.sleep(STRENGTH_DELAY)
        if get_current_worker().is_cancelled:
            return None
        if not passphrase:
            return ""
        from tui.core.passwords.strength import assess
        from tui.widgets.strength import meter

        return meter(assess(passphrase))

    def action_generate(self) -> None:
        """A generated passphrase in both fields, shown once so it can be written down:
        the easy way past the strength rule."""
        from tui.core.passwords.passphrase import generate

        made = generate()
        for field in self.query(Input):
            field.value = made
        self.query_one("#message", Notice).say(
            _("Write down or learn your new passphrase, then press Enter: {made}").format(
                made=made
            )
        )
        self.query_one("#second", Input).focus()

    @on(Input.Submitted, "#first")
    def next_field(self) -> None:
        self.query_one("#second", Input).focus()

    @on(Input.Submitted, "#second")
    @on(Button.Pressed, "#create")
    def submit(self) -> None:
        from tui.core.passwords.strength import weakness

        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        if first != second:
            self.query_one("#message", Notice).say(
                _("The two passphrases are not the same. Type them again."), error=True
            )
            self.query_one("#second", Input).clear()
            return
        if problem := weakness(first, make_one=_(MAKE_ONE)):  # a new case has no profile yet
            self.query_one("#message", Notice).say(problem, error=True)
            return
        for field in self.query(Input):
            field.disabled = True
        self.query_one("#create", Button).disabled = True
        self.query_one("#place", Select).disabled = True
        self.query_one("#discreet", TickBox).disabled = True
        self.making = True
        self.refresh_bindings()  # no Back while the case is being made
        self.query_one("#message", Notice).say(_("Making your case… (this takes a second)"))
        discreet = self.query_one("#discreet", TickBox).value
        self.create_case(first, str(self.query_one("#place", Select).value), discreet)

    @work(thread=True, exclusive=True, exit_on_error=False, group="create", description="Creating")
    def create_case(self, passphrase: str, place: str, discreet: bool = False) -> None:
        from tui.core.takedowns.deadlines import set_case_place
        from tui.core.vault.vault import Vault

        path = self.path
        if discreet and not host(self).kiosk and path == default_vault_dir():
            path = neutral_vault_dir()  # a new install's folder: no name says what it is
        vault, code = Vault.create(path, passphrase)
        if discreet:  # read before the passphrase is typed, so beside the record
            with contextlib.suppress(OSError):
                (vault.path / DISCREET_MARK).touch()
        # The recovery code must be shown whatever happens here; a place not kept only
        # means the case hasn't said, and Takedowns and Safety offer j.
        with contextlib.suppress(Exception):
            set_case_place(vault, place)

        # Straight from here to the app, even if this screen was left meanwhile (a lock):
        # the recovery code exists only now, and must be shown.
        self.app.post_message(CaseCreated(vault, code, self.case_number))

    @on(Worker.StateChanged)
    def worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "strength" and event.state == WorkerState.SUCCESS:
            if isinstance(event.worker.result, str) and not event.worker.is_cancelled:
                self.query_one("#strength", Static).update(event.worker.result)
        elif event.worker.group == "create" and event.state == WorkerState.ERROR:
            self.failed(event.worker.error)

    def failed(self, error: BaseException | None) -> None:
        for field in self.query(Input):
            field.disabled = False
        self.query_one("#create", Button).disabled = False
        self.query_one("#place", Select).disabled = False
        self.query_one("#discreet", TickBox).disabled = False
        self.making = False
        self.refresh_bindings()
        if error is not None:
            self.query_one("#message", Notice).say(
                explain(error, _("making the case")), error=True
            )
