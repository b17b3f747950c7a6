"""The command palette (Ctrl+P): every step, every key of the screen on show, and the
few app-wide commands a person needs, in Reclaim's words.

Textual's own system commands are left out on purpose: its "Screenshot" would write the
screen, case and all, unencrypted to disk, and "Copy selected text" is not in Reclaim's
words. The palette is a glance over the screen, so nothing here changes what is on it
until a command is chosen."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets.option_list import Option

from tui.core.evidence.strays import any_strays
from tui.core.shared.i18n import N_, _
from tui.host import host
from tui.screens.language import CHOOSE
from tui.screens.reading_settings import ReadingSettingsScreen
from tui.screens.steps import STEP_SCREENS
from tui.widgets.always_keys import key_name


def palette_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Reclaim's own commands while `screen` is on show, in the order they are listed."""

    # Discreet mode (`tui/discreet.py`): the words a locked screen lists are neutral.
    said: Callable[[str], str] = getattr(app, "key_words", _)

    def run(action: str) -> Callable[[], Awaitable[bool]]:
        """Runs an app action as its key would (`check_action` still has its say)."""
        return partial(app.run_action, action)

    yield SystemCommand(_("Safety"), _("What to do if you are in danger (F1)"), run("safety"))
    yield from screen_commands(screen)
    yield SystemCommand(_("Theme"), _("Change the colours"), app.action_change_theme)
    if app.check_action("language", ()):
        yield SystemCommand(
            CHOOSE, "English · Español · Français", run("language")
        )  # i18n: not shown
    if screen.query("HelpPanel"):
        yield SystemCommand(_("Keys"), _("Hide the list of keys"), app.action_hide_help_panel)
    else:
        yield SystemCommand(
            _("Keys"), _("Show the keys of this screen"), app.action_show_help_panel
        )
    yield SystemCommand(
        _("Quit"), said(N_("Close Reclaim; your case is saved (Ctrl+Q)")), run("quit")
    )
    vault = host(app).vault
    if vault is None:
        return
    if getattr(app, "discreet", False) and getattr(screen, "new_case", False):
        return  # discreet: a new case's code is on show, where a glance may still fall
    if any_strays(vault):
        yield SystemCommand(
            _("Take back missing evidence"),
            _("Put back evidence that is in the case folder but missing from its record"),
            run("recover"),
        )
    yield SystemCommand(_("Lock"), said(N_("Hide your case at once (Ctrl+L)")), run("lock"))
    yield SystemCommand(
        _("Change passphrase"),
        _("A new passphrase; a new key too if someone else may know the old one"),
        run("new_passphrase"),
    )
    yield SystemCommand(
        _("Words in pictures"),
        _("Read the words in screenshots on this computer, or not (this case's setting)"),
        lambda: app.push_screen(ReadingSettingsScreen()),
    )
    yield SystemCommand(_("Home"), _("The steps of the guide"), run("home"))
    for key, entry in STEP_SCREENS.items():
        step = entry.step
        yield SystemCommand(
            _("Step {number}: {title}").format(number=step.number, title=_(step.title)),
            _(step.summary),
            run(f"open_step('{key}')"),
        )


def screen_commands(screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Every key of this screen (shown in its footer or not), so that one cut off at
    80 columns can still be found: "Lawyer package (p)" runs what p runs there.

    Only Reclaim's own keys: Textual's screen keys ("Copy selected text") are not
    in Reclaim's words. The home screen's step numbers are left out: the steps are
    listed already. Keys switched off on this screen (`check_action`) are too."""
    own = {
        binding.action
        for cls in type(screen).__mro__
        if cls.__module__.startswith("tui.")
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    }
    keys: dict[str, list[str]] = {}
    named: dict[str, Binding] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node is not screen or not active.enabled or not binding.description:
            continue
        if binding.action not in own or binding.action.startswith("app.open_step"):
            continue
        keys.setdefault(binding.action, []).append(key_name(binding.key_display or key))
        named.setdefault(binding.action, binding)
    for action, binding in named.items():
        yield SystemCommand(
            _("{description} ({keys})").format(
                description=_(binding.description), keys=_(" or ").join(keys[action])
            ),
            _(binding.tooltip) if binding.tooltip else _("On this screen"),
            partial(screen.run_action, action),
        )


class ReclaimCommands(Provider):
    """Offers `palette_commands` to Textual's command palette: all of them, sorted by
    name, before anything is typed; those that match as the person types."""

    async def discover(self) -> Hits:
        commands = sorted(palette_commands(self.app, self.screen), key=lambda c: c.title)
        for command in commands:
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in palette_commands(self.app, self.screen):
            if (score := matcher.match(command.title)) > 0:
                yield Hit(score, matcher.highlight(command.title), command.callback, command.help)


#: Textual's own words for keys it binds (a list opened from a choice; the palette),
#: for the catalogues: `speak_keys` says them in the person's language like Reclaim's.
TEXTUAL_KEY_WORDS = (N_("Dismiss menu"), N_("Exit the command palette"))


#: The style of "No matches found", as Textual draws it.
PLAIN = "not bold"  # i18n: not shown


class Palette(CommandPalette):
    """Textual's palette, saying "No matches found" in the person's language (Textual
    writes it in English, inside its countdown: this is that countdown, in our words)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # searching: say nothing matched
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style=PLAIN)),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:  # nothing typed: nothing to say
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def open_palette(app: App[Any], placeholder: str) -> None:
    """The palette with Reclaim's prompt, unless one is open already (under a dialog too)."""
    if app.use_command_palette and not any(
        isinstance(s, CommandPalette) for s in app.screen_stack
    ):
        app.push_screen(Palette(placeholder=placeholder, id="--command-palette"))
