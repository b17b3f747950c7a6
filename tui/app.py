"""The Reclaim app: which screen a person sees, the open case, locking and the kiosk.

The app owns the one open `Vault`. Screens never keep it: they ask the app (through
`tui.host.AppHost`), so that locking (Ctrl+L, or after an idle time) really takes the
case off the screen and out of reach, and the unlock prompt (or, on a kiosk, the
neutral start) comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import WorkerState

from tui.core.kiosk.save_folders import SaveFolders
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.shared.display import shown
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.core.steps import progress
from tui.core.vault.layout import is_vault
from tui.discreet import Discreet
from tui.held_keys import HoldsKeys
from tui.kept_for_case import KeptForCase
from tui.messages import CaseChosen, CaseCreated, CaseOpened, NewCaseRequested
from tui.parsed_styles import ParsesStylesOnce
from tui.screens.language import SpeaksLanguages
from tui.screens.recovery_asks import asked_about_code, offer_new_code
from tui.screens.steps import STEP_SCREENS, StepScreen
from tui.widgets.key_words import speak_keys
from tui.work_at_lock import (
    StoppedAtLock,
    asked_before_quitting,
    let_go_of_work,
    not_saved_at_lock,
    save_typing,
)

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.core.vault.vault import Vault


#: Work that brings a case onto the screen; while it runs, Ctrl+L must still win.
OPENING_WORK = frozenset({"unlock", "create", "keyring"})
PALETTE_PROMPT = N_("What would you like to do? A step, a key, Safety…")


def reclaim_commands() -> type[Provider]:
    """The palette's commands, loaded when it first opens: importing them at start-up
    would slow the unlock screen's first frame."""
    from tui.palette import ReclaimCommands

    return ReclaimCommands


class ReclaimApp(SpeaksLanguages, Discreet, HoldsKeys, ParsesStylesOnce):
    TITLE = "Reclaim"
    # The first screen's styles (unlock, create or kiosk: `forms.tcss`, theirs too) are
    # read with the app's: read at the screen, every widget would be styled twice.
    CSS_PATH = ["app.tcss", "screens/forms.tcss"]
    # Shown on a line of their own under every footer (`AlwaysKeys`), not in the footer,
    # where a step's own keys would push them off at 80 columns.
    BINDINGS = [
        Binding("f1", "safety", N_("Safety"), priority=True, show=False,
                tooltip=N_("What to do if you are in danger, and who can help"), id="app.safety"),
        Binding("ctrl+l", "lock", N_("Lock"), priority=True, show=False,
                tooltip=N_("Hide your case at once; the passphrase opens it again"),
                id="app.lock"),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, show=False,
                tooltip=N_("Close Reclaim"), id="app.quit"),
        Binding("ctrl+p", "command_palette", N_("Every key"), priority=True, show=False,
                tooltip=N_("Every step, every key of this screen, and the colours"),
                id="app.palette"),
    ]  # fmt: skip
    #: Reclaim's commands only: Textual's own would offer "Screenshot", which writes the
    #: screen, case and all, unencrypted to disk.
    COMMANDS = {reclaim_commands}

    def __init__(
        self,
        vault_path: Path,
        settings: Settings | None = None,
        *,
        kiosk: bool = False,
        demo_vault: Vault | None = None,
        demo_hint: str = "",
        idle_seconds: float | None = None,
    ) -> None:
        self._last_activity = clock.monotonic()
        super().__init__()
        self.settings = settings or Settings()
        self.vault_path = vault_path
        self.show_name()  # discreet mode: "Notes" from the start (tui/discreet.py)
        self.kiosk = kiosk
        self.save_folders = SaveFolders(
            kiosk=kiosk,
            export_dir=self.settings.kiosk_export_dir,
            import_dirs=self.settings.kiosk_import_dirs,
            cases_dir=self.settings.kiosk_cases_dir,
            neutral=self.discreet,  # discreet mode: files offered as "notes-…"
        )
        """Where files are offered to be saved and browsed; a kiosk's session files."""
        self.save_folders.guard()  # a kiosk reads and writes only where a client may
        self.vault: Vault | None = demo_vault
        self.demo = demo_vault is not None
        self.demo_hint = demo_hint
        minutes = self.settings.kiosk_idle_minutes if kiosk else self.settings.idle_minutes
        self.idle_seconds = idle_seconds or minutes * 60
        self._first_start = True
        self._unsaved_at_lock: tuple[str, list[str]] = ("", [])
        """(case, forms) whose typing could not be saved at the last lock."""
        self._stopped_at_lock = StoppedAtLock()
        """Work the last lock stopped: said after that case's next unlock."""
        self._unconfirmed = ("", "", "")
        """(case, recovery code, case number) of a new case locked before its code was
        confirmed: shown again after that case's next unlock. Kept in memory only."""
        self._current_screen: Screen[object] | None = None
        """The screen on show, to know at a switch which one is being left."""
        self.kept_for_case = KeptForCase()  # F3 choices, typing kept over a lock

    # ---- start and home -----------------------------------------------------------

    def on_mount(self) -> None:
        check_every = min(5.0, self.idle_seconds / 10)
        self.set_interval(check_every, self.lock_when_idle, name="idle lock")
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self.show_start()

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Called at once, inside the push or pop, as one screen gives way to another.

        Notices already on show belong to the screen being left, and would cover the
        next one (a dialog's button, say), so they go. A notice sent in the same
        moment as the move is news of it ("Saved.", "E-0005 is deleted"): it is still
        on its way as a message and arrives on the new screen. The command palette is
        a glance over the screen, not a move away from it: it leaves notices alone."""
        left, self._current_screen = self._current_screen, screen
        palette = isinstance(left, CommandPalette) or isinstance(screen, CommandPalette)
        if left is not None and not palette:
            self.clear_notifications()
            # The screen left may still show under a dialog: its toasts go too.
            left.query("#textual-toastrack ToastHolder").remove()
        speak_keys(self)
        if screen.is_mounted:
            self.dress(screen)
        else:  # composed first: this runs after its Compose and Mount
            screen.call_later(self.dress, screen)

    def _clear_screens(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def show_start(self) -> None:
        """The first screen: the home of an open case, else unlock, create or (kiosk) choose."""
        # Each screen is imported where it is shown, not at the top, to keep start-up
        # fast: only one of them is shown, and the unlock screen's first frame waits for
        # every module imported before it.
        first, self._first_start = self._first_start, False
        self._clear_screens()
        self.start_language()
        if self.vault is not None:
            self.show_home()
        elif self.kiosk:
            from tui.screens.kiosk import ChooseCaseScreen

            cases = self.settings.kiosk_cases_dir
            self.push_screen(ChooseCaseScreen(cases, just_made=self._unconfirmed[2]))
        elif not is_vault(self.vault_path):
            from tui.screens.create import CreateScreen

            self.push_screen(CreateScreen(self.vault_path))
        else:
            from tui.screens.unlock import UnlockScreen

            # The keyring is only looked at when a person may use it (not on a kiosk
            # or the demo), and only at launch does a remembered key open the case.
            may_remember = not (self.demo or self.kiosk)
            self.push_screen(
                UnlockScreen(
                    self.vault_path,
                    may_remember=may_remember,
                    try_remembered=may_remember and first,
                    hint=self.demo_hint,
                )
            )

    def show_home(self) -> None:
        # Imported once a case is open, to keep the unlock screen's first frame fast.
        from tui.core.evidence.strays import any_strays, strays
        from tui.screens.home import HomeScreen, strays_found

        assert self.vault is not None
        self._clear_screens()
        self.push_screen(HomeScreen(demo=self.demo))
        vault_id, unsaved = self._unsaved_at_lock
        if unsaved and vault_id == self.vault.header.vault_id:
            self.notify(not_saved_at_lock(unsaved), severity="warning", timeout=30)
        self._unsaved_at_lock = ("", [])
        for stopped in self._stopped_at_lock.notices(self.vault):
            self.notify(stopped, severity="warning", timeout=30, markup=False)
        while self.vault.notices:  # what opening found (a change cut short), said once
            self.notify(self.vault.notices.pop(0), severity="warning", timeout=30, markup=False)
        if any_strays(self.vault) and (found := strays(self.vault)):
            self.notify(strays_found(len(found)), severity="warning", timeout=30, markup=False)

    def action_home(self) -> None:
        """Back to the steps of the guide (from the palette)."""
        if self.vault is not None:
            self.show_home()

    def step_progress(self) -> dict[str, str]:
        """A few words per step for the home screen, read from the open case; a step
        whose work a lock stopped says it was not made (not the earlier one's date)."""
        if self.vault is None:
            return {}
        return self._stopped_at_lock.step_words(self.vault, progress(self.vault))

    # ---- steps, safety and the case's own commands --------------------------------

    def action_open_step(self, key: str) -> None:
        """Open a step of the guide (its screen comes from `STEP_SCREENS`)."""
        if self.vault is not None and key in STEP_SCREENS:
            self._open(STEP_SCREENS[key])

    def action_safety(self) -> None:
        """F1, from anywhere, with a case open or not: opens Safety, or closes it."""
        self._open(STEP_SCREENS["safety"])

    def _open(self, entry: StepScreen) -> None:
        if entry.toggles and isinstance(self.screen, entry.screen_class()):
            self.pop_screen()
        else:
            self.push_screen(entry.make())

    def action_new_passphrase(self, after_recovery: bool = False) -> None:
        from tui.screens.new_passphrase import NewPassphraseScreen  # imported when asked

        if self.vault is not None:
            self.push_screen(NewPassphraseScreen(after_recovery=after_recovery))

    def action_recover(self) -> None:
        """Take back evidence the record forgot (checked against each blob's card)."""
        # Imported when asked for, to keep start-up fast.
        from tui.core.evidence.recovery import recover
        from tui.screens.home import HomeScreen

        if self.vault is None:
            return
        try:
            result = recover(self.vault)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        self.notify(shown(result.summary()), timeout=15, markup=False)
        if isinstance(self.screen, HomeScreen):
            self.screen.on_screen_resume()

    def action_command_palette(self) -> None:
        """Textual's palette, with a prompt in Reclaim's words."""
        from tui.palette import open_palette  # loaded when first opened, as its commands

        open_palette(self, _(PALETTE_PROMPT))

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Refused: a picture of the screen would be the case, unencrypted, on disk."""

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Refused, as `action_screenshot` (Textual's own screenshot paths end here)."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_step":
            return self.vault is not None
        if action == "lock":
            return self._something_to_lock()
        return super().check_action(action, parameters)  # F12's cover (tui/discreet.py)

    # ---- locking ------------------------------------------------------------------

    def action_lock(self) -> None:
        """Hide the case at once and show the unlock prompt (or the kiosk's neutral
        start). Work under way is asked to stop, never waited for here: the case is
        closed on a thread of its own once the work has let go of it."""
        if self.vault is not None:
            vault = self.vault
            jobs = let_go_of_work(self.screen_stack)
            self._save_screens()
            self.vault = None
            self._stopped_at_lock.close_after(vault, jobs)
        # Notifications may name what the case holds; those the screens sent while
        # saving arrive as messages, so clear again once they have.
        self.clear_notifications()
        self.call_after_refresh(self.clear_notifications)
        if self.kiosk:
            self.vault_path = Path()
            self.save_folders.clear_staged()
        self.chosen_at_start = False  # the next client starts in the kiosk's language
        self.show_start()

    def _save_screens(self) -> None:
        """Let screens keep what is typed but not yet saved (a note) before the lock."""
        unsaved = save_typing(self.screen_stack)
        # Said after the same case is next opened, never on the locked screen (where the
        # next person at a kiosk would see it).
        if unsaved and self.vault is not None:
            self._unsaved_at_lock = (self.vault.header.vault_id, unsaved)

    def _something_to_lock(self) -> bool:
        """Lock means something only with a case open, or on its way (being unlocked or
        made: the lock must still win), or on a kiosk (back to the neutral start). On
        the unlock and create screens it is otherwise not offered."""
        if self.vault is not None or self.kiosk:
            return True
        return any(
            worker.group in OPENING_WORK
            and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def lock_when_idle(self) -> None:
        """Lock once nobody has touched a key (or the mouse) for the idle time, as
        `clock.monotonic` tells it (a test moves that clock instead of waiting)."""
        if clock.monotonic() - self._last_activity < self.idle_seconds:
            return
        self._last_activity = clock.monotonic()
        if self.vault is not None or self.kiosk:
            self.action_lock()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self._last_activity = clock.monotonic()
        await super().on_event(event)

    # ---- what the screens report --------------------------------------------------

    @on(CaseOpened)
    def case_opened(self, message: CaseOpened) -> None:
        self.vault = message.vault
        self.case_language(message.vault)
        if message.remember:
            # Imported only when a person asked for it: the keyring is slow to load.
            from tui.core.vault import device_keyring

            if not device_keyring.remember(message.vault.header.vault_id, message.vault.data_key):
                self.notify(
                    _("This computer's keyring could not keep the key."), severity="warning"
                )
        self.show_home()
        if message.by_recovery_code:
            self._unconfirmed = ("", "", "")  # the code is known; a new one comes next
            self.action_new_passphrase(after_recovery=True)
        elif self._unconfirmed[0] == message.vault.header.vault_id:
            self._show_code(again=True)
        else:  # the app ended before an earlier code was confirmed: a new one is offered
            offer_new_code(self, message.vault)

    @on(CaseCreated)
    def case_created(self, message: CaseCreated) -> None:
        self.vault = message.vault
        self.case_language(message.vault, new=True)
        vault_id = message.vault.header.vault_id
        self._unconfirmed = (vault_id, message.recovery_code, message.case_number)
        self._clear_screens()
        self._show_code()

    def _show_code(self, *, again: bool = False) -> None:
        """The new case's recovery code, until "I have written it down" (a lock first
        leaves it to come back after the next unlock)."""
        from tui.screens.recovery import RecoveryScreen  # imported when a case is made

        def confirmed(_unused: None) -> None:
            self._unconfirmed = ("", "", "")
            self.show_home()

        _unused, code, number = self._unconfirmed
        self.push_screen(RecoveryScreen(code, number, again=again, new_case=True), confirmed)

    @on(CaseChosen)
    def case_chosen(self, message: CaseChosen) -> None:
        # Imported when a kiosk client chooses a case, to keep start-up fast.
        from tui.screens.unlock import UnlockScreen

        self.vault_path = message.path
        self.push_screen(UnlockScreen(message.path))

    @on(NewCaseRequested)
    def new_case(self) -> None:
        # Imported when a kiosk client starts a case, to keep start-up fast.
        from tui.core.kiosk.cases import new_case_dir
        from tui.screens.create import CreateScreen

        path, number = new_case_dir(self.settings.kiosk_cases_dir)
        self.vault_path = path
        self.push_screen(CreateScreen(path, case_number=number))

    # ---- leaving ------------------------------------------------------------------

    async def action_quit(self) -> None:
        from tui.dialogs.confirm import ConfirmDialog  # imported when asked: fast start-up

        if asked_before_quitting(self) or asked_about_code(self):  # work, or a code unseen
            return
        if not self.kiosk:
            self.exit()
            return

        def answered(really: bool | None) -> None:
            if really:
                self.exit()

        self.push_screen(
            ConfirmDialog(_("Close Reclaim on this computer?"), yes=_("Close"), no=_("Stay")),
            answered,
        )

    def on_unmount(self) -> None:
        self._stopped_at_lock.wait()  # cases a lock closed once their work stopped
        if self.vault is not None:
            self.vault.close()
            self.vault = None
