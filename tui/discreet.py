"""Discreet mode, for someone who shares the computer with the person they fear: a
neutral name ("Notes") in the app's title, the terminal's title and the list of
programs, and F12, which covers the screen at once with a plain page of notes and locks
the case behind it (`tui/screens/notes_cover.py`).

The app's class stands on this one (`ReclaimApp(Discreet)`), so that app.py stays a
map of the screens."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.binding import Binding

from tui.core.kiosk.save_folders import SaveFolders
from tui.core.settings import Settings, in_neutral_words, is_discreet
from tui.core.shared.i18n import N_, _
from tui.messages import CaseCreated
from tui.process_name import name_process as name_process  # moved: plain mode uses it too
from tui.unforeseen import PlainErrors
from tui.widgets.key_words import speak_keys

#: xterm's "keep the window's title" and "put it back" (most terminals and tmux know
#: them; those that don't ignore them), and "set the window's title".
SAVE_TITLE = "\x1b[22;0t"
RESTORE_TITLE = "\x1b[23;0t"


def title_sequence(title: str) -> str:
    """What sets a terminal window's (and its tab's) title to `title`."""
    return f"\x1b]0;{title}\x07"


class Discreet(PlainErrors):
    BINDINGS = [
        Binding("f12", "cover", N_("Cover the screen"), priority=True, show=False,
                tooltip=N_("Cover the screen at once with plain notes and lock; F12 again "
                "asks for the passphrase"), id="app.cover"),
    ]  # fmt: skip

    settings: Settings
    vault_path: Path
    save_folders: SaveFolders
    _titled = False
    """Whether this app set the terminal's title (to put the old one back at the end)."""
    _title_shown = ""
    """The terminal's title as this app last set it."""

    @property
    def discreet(self) -> bool:
        return is_discreet(self.settings, self.vault_path)

    def on_mount(self) -> None:
        self.show_name()

    def key_words(self, english: str) -> str:
        """The words of the app's keys (`speak_keys`), in discreet mode neutral ones:
        Ctrl+Q "Close", not "Close Reclaim", on the lock screen's list of keys too."""
        return in_neutral_words(english) if self.discreet else _(english)

    @on(CaseCreated)
    def _made(self, message: CaseCreated) -> None:
        # The case may have been made in the neutral folder instead of the usual one.
        self.vault_path = message.vault.path
        self.save_folders.neutral = self.discreet
        if self.discreet:  # ticked on the make screen: `ps` says "notes" from now on
            name_process()
            speak_keys(self)  # the app's keys in neutral words from now on
        self.show_name()

    def show_name(self) -> None:
        """In discreet mode: "Notes", in the language spoken (the word the screens
        show), as the app's title, and the terminal's once the app is running (called
        from the app's `__init__` too, so even the first frame and anything that reads
        the title before it say it; and again when the language changes)."""
        if not self.discreet:
            return
        name = _("Notes")  # NEUTRAL_NAME, in the language spoken
        self.title = name
        self.sub_title = ""
        if self._driver is not None and self._title_shown != name:
            self._write(("" if self._titled else SAVE_TITLE) + title_sequence(name))
            self._titled, self._title_shown = True, name

    def on_unmount(self) -> None:
        if self._titled:
            self._write(RESTORE_TITLE)

    def _write(self, text: str) -> None:
        if self._driver is not None:
            self._driver.write(text)

    def action_cover(self) -> None:
        """F12: plain notes over everything at once, the case locked behind them; on the
        notes, F12 again shows the unlock screen (any other key does nothing, so that a
        curious key press finds only notes, not a passphrase prompt)."""
        # Imported when asked for, to keep start-up fast.
        from tui.screens.notes_cover import NotesCover

        if isinstance(self.screen, NotesCover):
            self.pop_screen()
            return
        self.action_lock()
        self.push_screen(NotesCover())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the notes cover the screen, only F12 and Quit do anything: Safety or
        the palette would show what the cover is hiding."""
        from tui.screens.notes_cover import NotesCover

        if isinstance(self.screen, NotesCover):
            return action in {"cover", "quit"}
        return True
