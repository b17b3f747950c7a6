"""The language Reclaim speaks to the person, and choosing it: English, Español or
Français, each named in itself (a person who can't read the current language must still
find their own).

The app starts in the language the command line chose (`--language`, else the
environment). A case keeps its person's choice in its own settings
(`tui.core.vault.case_language`): it opens in it. On a kiosk, every client's start is in
the kiosk's language (`[kiosk] language`), and F2 there lets a client choose theirs.
Choosing redraws the screens at once: the keys' words (`speak_keys`) and, rebuilt
fresh, the home screen and the step on show, or the start, each holding what was typed
into it (`tui.screens.carry`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import LANGUAGES, N_, person_language, set_language
from tui.widgets.always_keys import add_always_keys
from tui.widgets.key_words import speak_keys, speak_keys_within

if TYPE_CHECKING:
    from tui.core.settings import Settings
    from tui.core.vault.vault import Vault
    from tui.screens.carry import Held

#: The title of the choice, in every language Reclaim speaks at once.
CHOOSE = "Language / Idioma / Langue"  # i18n: not shown (the same in every language)


class LanguageScreen(ModalScreen[str | None]):
    """The languages, each in its own words; Enter chooses, Escape keeps the one spoken."""

    DEFAULT_CSS = """
    LanguageScreen { align: center middle; }
    LanguageScreen > Vertical {
        width: 40; height: auto; padding: 1 2; border: round $primary; background: $surface;
    }
    LanguageScreen #title { text-style: bold; margin-bottom: 1; }
    LanguageScreen OptionList { height: auto; }
    """
    AUTO_FOCUS = "OptionList"
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Keep as it is"), id="language.keep")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(CHOOSE, id="title", markup=False)
            yield OptionList(*[Option(name, id=code) for code, name in LANGUAGES.items()])
        # Escape's words and the line of keys always there (F1 Safety…), as every
        # screen has them (the app adds the line under a footer).
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = list(LANGUAGES).index(person_language())

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class SpeaksLanguages(App[Any]):
    """The app's part: which language it speaks when, and redrawing in a new one."""

    vault: Vault | None
    kiosk: bool
    settings: Settings
    chosen_at_start = False
    """A kiosk client chose a language at the start (F2): kept until the next lock."""

    first_language = ""
    """The language the app was started in: a kiosk's start falls back to it."""

    language_asked = False
    """`--language` was given (not on a kiosk): it wins over the case's own choice for this
    run, as it does for every command; the person can still choose in the app."""

    def start_language(self) -> None:
        """A kiosk's start speaks the kiosk's language, unless its client chose theirs."""
        self.first_language = self.first_language or person_language()
        if self.kiosk and self.vault is None and not self.chosen_at_start:
            set_language(self.settings.kiosk_language or self.first_language)
            speak_keys(self)
            self._named()

    def case_language(self, vault: Vault, *, new: bool = False) -> None:
        """An opened case speaks its person's language; a new one keeps the language
        chosen at the start, if one was."""
        from tui.core.vault.case_language import case_language

        if new and (self.chosen_at_start or self.language_asked):
            self._keep(vault, person_language())
        elif self.language_asked:
            pass  # for this run: the language on show stays (the last one chosen)
        elif (code := case_language(vault)) and code != person_language():
            set_language(code)
            speak_keys(self)
            self._named()
        self.chosen_at_start = False

    def _named(self) -> None:
        """The app's title in the language spoken (discreet mode's neutral name)."""
        show_name = getattr(self, "show_name", None)  # `tui.discreet.Discreet`'s
        if callable(show_name):
            show_name()

    def action_language(self) -> None:
        self.push_screen(LanguageScreen(), self.speak)

    def speak(self, code: str | None) -> None:
        """Speak `code` from now on; with a case open, it is the case's language too."""
        if not code or code == person_language():
            return
        set_language(code)
        if self.vault is None:
            self.chosen_at_start = True
        else:
            self._keep(self.vault, code)
        self.redraw()

    def _keep(self, vault: Vault, code: str) -> None:
        from tui.core.vault.case_language import set_case_language

        try:
            set_case_language(vault, code)
        except ReclaimError as error:
            self.notify(str(error), severity="warning", markup=False)

    def redraw(self) -> None:
        """Every screen afresh in the language spoken now: home and the step on show
        (rebuilt from the case), or the start; what their fields held is carried over
        (`tui.screens.carry`), so nothing typed is lost."""

        from tui.screens.carry import held

        speak_keys(self)
        self._named()
        kept = {type(screen).__name__: held(screen) for screen in self.screen_stack[1:]}
        if self.vault is None:
            self.show_start()
        else:
            self._redraw_case()
        self._carry_over(kept)

    def _carry_over(self, kept: dict[str, Held]) -> None:
        """What each form held, put back into its screen built afresh, once it is
        mounted and first drawn (a message to the screen runs after its Compose and
        Mount; the first frame hides the tabs not on show, which would move the focus)."""
        from tui.screens.carry import carry_into

        for screen in self.screen_stack[1:]:
            if (was := kept.get(type(screen).__name__)) is not None:
                screen.call_later(screen.call_after_refresh, carry_into, screen, was)

    def _redraw_case(self) -> None:
        from tui.screens.steps import STEP_SCREENS

        step = next(
            (
                key
                for key, entry in STEP_SCREENS.items()
                for screen in self.screen_stack
                if not entry.toggles and type(screen).__name__ == entry.name
            ),
            None,
        )
        self.show_home()
        if step is not None:
            self.action_open_step(step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "language":
            return self.may_change_language()
        return super().check_action(action, parameters)

    def may_change_language(self) -> bool:
        """Only where nothing typed can be lost: the start, home and the steps' lists
        (a form would be left unsaved by the redraw)."""
        from textual.command import CommandPalette

        from tui.screens.steps import STEP_SCREENS

        names = {entry.name for entry in STEP_SCREENS.values()}
        names |= {"HomeScreen", "UnlockScreen", "ChooseCaseScreen", "CreateScreen"}
        # The palette the choice is made from (Reclaim's own `Palette` is one too).
        return all(
            type(screen).__name__ in names or isinstance(screen, CommandPalette)
            for screen in self.screen_stack[1:]
        )

    def dress(self, screen: Screen[object]) -> None:
        """What every screen gets from the app: its keys' words in the person's language
        (`speak_keys`) and the line of keys that are always there (`add_always_keys`)."""
        speak_keys_within(screen)
        add_always_keys(screen)
        screen.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A widget mounted after its screen says its keys in the person's language too,
        once it has the focus and its keys are in the footer."""
        speak_keys(event.widget)

    # Defined by the app.
    def show_start(self) -> None:
        raise NotImplementedError

    def show_home(self) -> None:
        raise NotImplementedError

    def action_open_step(self, key: str) -> None:
        raise NotImplementedError
