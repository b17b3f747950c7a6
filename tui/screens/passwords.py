"""Step 3, Passwords: a strength check that knows the person, a passphrase maker, the
accounts changed, the words about the person, and password-manager guidance.

The password typed here lives only in the input and in the worker judging it: it is
never saved, logged or notified, and the input is emptied when the screen is left."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Footer,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from tui.core.passwords import changed_accounts as accounts
from tui.core.passwords import passphrase, profile
from tui.core.passwords.managers import shipped as guidance
from tui.core.passwords.strength import assess
from tui.core.shared import clock
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.shared.local_formats import dates_in
from tui.screens.case import case_is_open, checked_on, open_case
from tui.screens.profile_form import ProfileForm
from tui.widgets.fields import StoredInput
from tui.widgets.notice import Notice
from tui.widgets.strength import meter
from tui.widgets.tick import TickBox

#: Wait this long after the last key before judging, so typing never stutters.
JUDGE_DELAY = 0.15


class PasswordsScreen(Screen[None]):
    made = ""
    """The passphrase made and shown on the tab 'Make one'."""
    made_with: tuple[str, str] = ("", "")
    """The number of words and what goes between them, as `made` was made."""

    #: How this form is named if what was typed could not be saved at a lock.
    FORM_NAME = N_("the Passwords step")
    CSS_PATH = "passwords.tcss"
    BINDINGS = [
        Binding(
            "escape",
            "leave",
            N_("Back"),
            tooltip=N_("Back to the steps (asks first if you changed your profile)"),
            id="back",
        ),
        Binding(
            "ctrl+t",
            "show_typed",
            N_("Show/hide"),
            tooltip=N_("Show what you type"),
            priority=True,
        ),
        Binding("ctrl+g", "generate", N_("New passphrase"), priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("Step 3: Passwords"), id="heading")
        with TabbedContent(id="tabs"):
            with TabPane(_("Check"), id="check"):
                yield Static(
                    _(
                        "Type a password to see how hard it is to guess. It is never saved. "
                        "Words from your profile (tab 'About you') count against it."
                    ),
                    classes="lead",
                )
                yield Input(password=True, id="password", placeholder=_("a password to check"))
                yield TickBox(_("Show what I type (Ctrl+T)"), id="show")
                yield Static("", id="meter")
            with TabPane(_("Make one"), id="make"):
                yield Static(
                    _(
                        "Random words are strong and easy to remember. Press Ctrl+G for a "
                        "new one. Write it down only somewhere safe, or keep it in a "
                        "password manager."
                    ),
                    classes="lead",
                )
                with Horizontal(classes="row"):
                    yield Label(_("Words"))
                    yield Select(
                        [(str(n), n) for n in range(passphrase.MIN_WORDS, 9)],
                        value=passphrase.DEFAULT_WORDS,
                        allow_blank=False,
                        id="words",
                    )
                    yield Label(_("Between"))
                    yield Select(
                        [(_(name), mark) for name, mark in passphrase.SEPARATORS.items()],
                        value="-",
                        allow_blank=False,
                        id="separator",
                    )
                yield Static("", id="passphrase")
                yield Static("", id="passphrase-meter")
            with TabPane(_("Accounts changed"), id="accounts"):
                yield DataTable(cursor_type="row", id="account-table")
                with Horizontal(classes="row"):
                    yield Input(placeholder=_("account, e.g. Gmail"), id="account-name")
                    yield Select(
                        [(accounts.kind_name(kind), kind) for kind in accounts.KINDS],
                        value="email",
                        allow_blank=False,
                        id="account-kind",
                    )
                    yield TickBox(_("two-step on"), id="account-two-step")
                    yield Button(_("Changed today"), id="account-add", compact=True)
                yield Notice(id="account-message")
            with TabPane(_("About you"), id="about"), VerticalScroll():
                yield Static(
                    _(
                        "Names, dates and places a guesser who knows you would try. They stay "
                        "in your encrypted case. Separate entries with commas."
                    ),
                    classes="lead",
                )
                for name, label in profile.LABELS.items():
                    yield Label(_(label))
                    yield StoredInput(id=f"profile-{name}", classes="profile")
                yield Button(_("Save"), id="profile-save", compact=True)
                yield Notice(id="profile-message")
            with TabPane(_("Password managers"), id="managers"), VerticalScroll():
                yield Static(self._guidance(), id="guidance")
        yield Footer()

    @staticmethod
    def _guidance() -> str:
        text = guidance()
        look_for = "\n".join(f"• {escape(item)}" for item in text.look_for)
        options = "\n".join(
            _("{label}: {value}").format(
                label=f"[b]{escape(o.name)}[/b] ({escape(o.cost)})", value=escape(o.note)
            )
            for o in text.options
        )
        return _(
            "{intro}\n\n[b]What to look for[/b]\n{look_for}\n\n"
            "[b]Some well-known choices[/b]\n{options}\n\n"
            "[dim]Checked {date}: {source}[/dim]"
        ).format(
            intro=escape(text.intro),
            look_for=look_for,
            options=options,
            date=checked_on(text.reviewed),
            source=escape(text.source),
        )

    def on_mount(self) -> None:
        table = self.query_one("#account-table", DataTable)
        table.add_columns(_("Account"), _("Kind"), _("Changed"), _("Two-step"))
        self.refresh_accounts()
        self.profile_form = ProfileForm(self)
        self.profile_form.load()
        self.make_passphrase()
        self.query_one("#password", Input).focus()

    # ---- checking ---------------------------------------------------------------

    @on(Input.Changed, "#password")
    def typed(self, event: Input.Changed) -> None:
        self.judge(event.value, profile.load(open_case(self)).personal_words())

    @work(
        thread=True,
        exclusive=True,
        group="judge",
        description="Judging strength",  # i18n: not shown
    )
    def judge(self, password: str, personal: dict[str, str]) -> None:
        time.sleep(JUDGE_DELAY)
        if get_current_worker().is_cancelled:
            return
        text = meter(assess(password, personal), detailed=True) if password else ""
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one("#meter", Static).update, text)

    @on(Checkbox.Changed, "#show")
    def show_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#password", Input).password = not event.value

    def action_show_typed(self) -> None:
        self.query_one("#show", Checkbox).toggle()

    def on_screen_suspend(self) -> None:
        """Forgotten when another screen comes over this one; not for a glance at the
        palette or the choice of language, which come back here (a new language
        rebuilds this screen with what it held: `tui.screens.carry`)."""
        from textual.command import CommandPalette

        from tui.screens.language import LanguageScreen

        if not isinstance(self.app.screen, (CommandPalette, LanguageScreen)):
            self.forget_password()

    def on_unmount(self) -> None:
        self.forget_password()

    def forget_password(self) -> None:
        """Empty the input and the meter: the password is not kept once the person
        moves on (another screen, the lock, leaving the step)."""
        for widget in self.query("#password").results(Input):
            widget.value = ""
        for judged in self.query("#meter").results(Static):
            judged.update("")

    # ---- making -----------------------------------------------------------------

    def action_generate(self) -> None:
        self.query_one("#tabs", TabbedContent).active = "make"
        # Focus follows, or the tabs switch back to wherever focus still is.
        self.query_one("#words", Select).focus()
        self.make_passphrase()

    @on(Select.Changed, "#words")
    @on(Select.Changed, "#separator")
    def choice_changed(self) -> None:
        if self._choices() != self.made_with:  # not the choices carried over with it
            self.make_passphrase()

    def _choices(self) -> tuple[str, str]:
        words = self.query_one("#words", Select).value
        return str(words), str(self.query_one("#separator", Select).value)

    def make_passphrase(self) -> None:
        words, separator = self._choices()
        self.show_made(passphrase.generate(int(words), separator))

    def show_made(self, made: str) -> None:
        self.made, self.made_with = made, self._choices()
        self.query_one("#passphrase", Static).update(escape(made))
        self.query_one("#passphrase-meter", Static).update(meter(assess(made)))

    def held_over(self) -> dict[str, object]:
        """The passphrase made and shown, kept over a change of language (it may be
        being written down): see `tui.screens.carry`."""
        return {"made": self.made}

    def hold(self, extra: dict[str, object]) -> None:
        if isinstance(made := extra.get("made"), str) and made:
            self.show_made(made)

    # ---- accounts ---------------------------------------------------------------

    def refresh_accounts(self) -> None:
        table = self.query_one("#account-table", DataTable)
        table.clear()
        for account in accounts.list_accounts(open_case(self)):
            table.add_row(
                Text(shown(account.name)),
                Text(shown(accounts.kind_name(account.kind))),
                Text(shown(dates_in(account.changed_on) or _("not yet"))),
                _("on") if account.two_step else _("off"),
                key=account.name,
            )

    @on(Button.Pressed, "#account-add")
    @on(Input.Submitted, "#account-name")
    def add_account(self) -> None:
        name = self.query_one("#account-name", Input)
        notice = self.query_one("#account-message", Notice)
        try:
            added = accounts.record_account(
                open_case(self),
                name.value,
                str(self.query_one("#account-kind", Select).value),
                clock.today().isoformat(),
                self.query_one("#account-two-step", Checkbox).value,
            )
        except ReclaimError as error:
            notice.say(shown(str(error)), error=True)
            return
        name.value = ""
        notice.say(
            _("{shown}: password changed today. Only the date is kept.").format(
                shown=shown(added.name)
            )
        )
        self.refresh_accounts()

    # ---- profile ----------------------------------------------------------------

    @on(Button.Pressed, "#profile-save")
    def save_profile(self) -> None:
        """Keep the fields changed here; asks first about any changed elsewhere too."""
        self.profile_form.save()

    def action_leave(self) -> None:
        """Back to the steps: at once unless the profile holds words not saved; then
        Save / Keep editing / Discard, as every form asks (the tab 'About you' shown)."""
        from tui.dialogs.unsaved import ask_to_leave

        account = self.query_one("#account-name", Input)
        if case_is_open(self) and account.value.strip():  # typed, Enter not yet pressed
            self.query_one("#tabs", TabbedContent).active = "accounts"

            def add(_leave: object) -> None:
                self.add_account()
                if not account.value:  # added (else the reason is said, the name kept)
                    self.action_leave()  # then the profile, if it changed too

            def drop() -> None:
                account.value = ""
                self.action_leave()

            what, after = _("the account you typed"), _("Discard leaves the list as it was.")
            ask_to_leave(self, what, after, save=add, leave=drop)
            return
        if not case_is_open(self) or not self.profile_form.changed():
            self.dismiss()
            return
        self.query_one("#tabs", TabbedContent).active = "about"
        if self.focused is None or not self.focused.has_class("profile"):
            self.profile_form.focus_changed()
        ask_to_leave(
            self,
            _("your profile"),
            _("Discard leaves your profile as it was last saved."),
            save=self.profile_form.save,
            leave=self.dismiss,
        )

    def save_now(self) -> None:
        """Before a lock: the password is dropped; the profile form is not saved
        unasked (Save is explicit), so nothing half-typed lands in the case."""
        if case_is_open(self):
            self.forget_password()
