"""The Reclaim app: which screen a person sees, the open case, locking and the kiosk.

The app owns the one open `Vault`. Screens never keep it: they ask the app, so that
locking (Ctrl+L, or after an idle time) really takes the case off the screen and out of
reach, and the unlock prompt (or, on a kiosk, the neutral start) comes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import WorkerState

from tui.core.settings import Settings
from tui.core.shared.display import shown
from tui.core.shared.save_folders import Places
from tui.core.steps import STEPS, progress
from tui.core.vault.layout import is_vault
from tui.messages import CaseChosen, CaseCreated, CaseOpened, NewCaseRequested
from tui.widgets.always_keys import AlwaysKeys, key_name

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault


#: How a screen whose typing could not be saved at a lock is named afterwards.
FORM_NAMES = {
    "EventScreen": "the timeline event",
    "ExhibitScreen": "an exhibit's details",
    "LetterScreen": "the letter",
    "RequestScreen": "the takedown request",
    "LawyerPackageScreen": "the notes for the lawyer",
}
#: Work that brings a case onto the screen; while it runs, Ctrl+L must still win.
OPENING_WORK = frozenset({"unlock", "create", "keyring"})


class ReclaimApp(App[None]):
    TITLE = "Reclaim"
    CSS_PATH = "app.tcss"
    # Shown on a line of their own under every footer (`AlwaysKeys`), not in the footer,
    # where a step's own keys would push them off at 80 columns.
    BINDINGS = [
        Binding("f1", "safety", "Safety", priority=True, show=False,
                tooltip="What to do if you are in danger, and who can help", id="app.safety"),
        Binding("ctrl+l", "lock", "Lock", priority=True, show=False,
                tooltip="Hide your case at once; the passphrase opens it again", id="app.lock"),
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False,
                tooltip="Close Reclaim", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Every key", priority=True, show=False,
                tooltip="Every step, every key of this screen, and the colours", id="app.palette"),
    ]  # fmt: skip

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
        self._last_activity = monotonic()
        super().__init__()
        self.settings = settings or Settings()
        self.vault_path = vault_path
        self.kiosk = kiosk
        self.places = Places(
            kiosk=kiosk,
            export_dir=self.settings.kiosk_export_dir,
            import_dirs=self.settings.kiosk_import_dirs,
        )
        """Where files are offered to be saved and browsed; a kiosk's session files."""
        self.vault: Vault | None = demo_vault
        self.demo = demo_vault is not None
        self.demo_hint = demo_hint
        minutes = self.settings.kiosk_idle_minutes if kiosk else self.settings.idle_minutes
        self.idle_seconds = idle_seconds or minutes * 60
        self._first_start = True
        self._unsaved_at_lock: tuple[str, list[str]] = ("", [])
        """(case, forms) whose typing could not be saved at the last lock."""
        self._current_screen: Screen[object] | None = None
        """The screen on show, to know at a switch which one is being left."""

    # ---- start, home and locking -------------------------------------------------

    def on_mount(self) -> None:
        check_every = min(5.0, self.idle_seconds / 10)
        self.set_interval(check_every, self.lock_when_idle, name="idle lock")
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self.show_start()

    # ---- every screen: its notices and the keys that are always there -------------

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
        if screen.is_mounted:
            self.add_always_keys(screen)
        else:  # composed first: this runs after its Compose and Mount
            screen.call_later(self.add_always_keys, screen)

    def add_always_keys(self, screen: Screen[object]) -> None:
        """Put the F1 / Ctrl+L / Ctrl+P line under a screen's footer (once), and take
        those keys and the palette's out of the footer, to leave it the step's keys.
        Footers are compact: one space between keys lets eight of them fit 80 columns."""
        footers = screen.query_children(Footer)
        if not footers:
            return
        for footer in footers:
            footer.show_command_palette = False
            footer.compact = True
        found = screen.query_children(AlwaysKeys)
        if found:
            found.refresh()
            return
        screen.add_class("-always-keys")
        screen.mount(AlwaysKeys())

    def _clear_screens(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def show_start(self) -> None:
        """The first screen: the home of an open case, else unlock, create or (kiosk) choose."""
        from tui.screens.create import CreateScreen
        from tui.screens.kiosk import ChooseCaseScreen
        from tui.screens.unlock import UnlockScreen

        first, self._first_start = self._first_start, False
        self._clear_screens()
        if self.vault is not None:
            self.show_home()
        elif self.kiosk:
            self.push_screen(ChooseCaseScreen(self.settings.kiosk_cases_dir))
        elif not is_vault(self.vault_path):
            self.push_screen(CreateScreen(self.vault_path))
        else:
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
        from tui.core.evidence import cards
        from tui.screens.home import HomeScreen

        assert self.vault is not None
        self._clear_screens()
        self.push_screen(HomeScreen(demo=self.demo))
        vault_id, unsaved = self._unsaved_at_lock
        if unsaved and vault_id == self.vault.header.vault_id:
            self.notify(
                "When the case locked, what you were typing in "
                + ", ".join(sorted(set(unsaved)))
                + " could not be saved (it was not complete). Please type it again.",
                severity="warning",
                timeout=30,
            )
        self._unsaved_at_lock = ("", [])
        while self.vault.notices:  # what opening found (a change cut short), said once
            self.notify(self.vault.notices.pop(0), severity="warning", timeout=30, markup=False)
        if cards.any_strays(self.vault) and (found := cards.strays(self.vault)):
            self.notify(
                cards.stray_message(found).replace(
                    "`reclaim evidence recover`", "“Take back missing evidence” (Ctrl+P)"
                ),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def action_recover(self) -> None:
        """Take back evidence the record forgot (checked against each blob's card)."""
        from tui.core.evidence import cards
        from tui.core.shared.errors import ReclaimError
        from tui.screens.home import HomeScreen

        if self.vault is None:
            return
        try:
            result = cards.recover(self.vault)
        except ReclaimError as error:
            self.notify(shown(str(error)), severity="error", markup=False)
            return
        self.notify(shown(result.summary()), timeout=15, markup=False)
        if isinstance(self.screen, HomeScreen):
            self.screen.on_screen_resume()

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Refused: a picture of the screen would be the case, unencrypted, on disk."""

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Refused, as `action_screenshot` (Textual's own screenshot paths end here)."""
        return None

    def step_progress(self) -> dict[str, str]:
        """A few words per step for the home screen, read from the open case."""
        return progress(self.vault) if self.vault is not None else {}

    def action_lock(self) -> None:
        """Close the case and show the unlock prompt (or the kiosk's neutral start)."""
        if self.vault is not None:
            self._save_screens()
            self.vault.close()
            self.vault = None
        # Notifications may name what the case holds; those the screens sent while
        # saving arrive as messages, so clear again once they have.
        self.clear_notifications()
        self.call_after_refresh(self.clear_notifications)
        if self.kiosk:
            self.vault_path = Path()
            self.places.clear_staged()
        self.show_start()

    def _save_screens(self) -> None:
        """Let screens keep what is typed but not yet saved (a note) before the lock."""
        from tui.core.shared.errors import ReclaimError

        unsaved = []
        for screen in self.screen_stack:
            # Background work stops first, then typed details are saved. Locking must
            # never fail; the saved case is whole either way.
            for hook in ("stop_work", "save_now"):
                method = getattr(screen, hook, None)
                if method is None:
                    continue
                try:
                    saved = method()
                except (ReclaimError, OSError):
                    saved = False
                if hook == "save_now" and saved is False:
                    unsaved.append(FORM_NAMES.get(type(screen).__name__, "a form"))
        # Said after the same case is next opened, never on the locked screen (where the
        # next person at a kiosk would see it).
        if unsaved and self.vault is not None:
            self._unsaved_at_lock = (self.vault.header.vault_id, unsaved)

    def lock_when_idle(self) -> None:
        """Lock once nobody has touched a key (or the mouse) for the idle time."""
        if monotonic() - self._last_activity < self.idle_seconds:
            return
        self._last_activity = monotonic()
        if self.vault is not None or self.kiosk:
            self.action_lock()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self._last_activity = monotonic()
        await super().on_event(event)

    # ---- what the screens report ------------------------------------------------

    @on(CaseOpened)
    def case_opened(self, message: CaseOpened) -> None:
        self.vault = message.vault
        if message.remember:
            from tui.core.vault import device_keyring

            if not device_keyring.remember(message.vault.header.vault_id, message.vault.data_key):
                self.notify("This computer's keyring could not keep the key.", severity="warning")
        self.show_home()
        if message.by_recovery_code:
            self.action_new_passphrase(after_recovery=True)

    def action_new_passphrase(self, after_recovery: bool = False) -> None:
        from tui.screens.new_passphrase import NewPassphraseScreen

        if self.vault is not None:
            self.push_screen(NewPassphraseScreen(after_recovery=after_recovery))

    @on(CaseCreated)
    def case_created(self, message: CaseCreated) -> None:
        from tui.screens.recovery import RecoveryScreen

        self.vault = message.vault
        self._clear_screens()
        self.push_screen(
            RecoveryScreen(message.recovery_code, message.case_number),
            lambda _: self.show_home(),
        )

    @on(CaseChosen)
    def case_chosen(self, message: CaseChosen) -> None:
        from tui.screens.unlock import UnlockScreen

        self.vault_path = message.path
        self.push_screen(UnlockScreen(message.path))

    @on(NewCaseRequested)
    def new_case(self) -> None:
        from tui.core.kiosk.cases import new_case_dir
        from tui.screens.create import CreateScreen

        path, number = new_case_dir(self.settings.kiosk_cases_dir)
        self.vault_path = path
        self.push_screen(CreateScreen(path, case_number=number))

    # ---- steps and safety -------------------------------------------------------

    def action_open_step(self, key: str) -> None:
        if self.vault is None:
            return
        if key == "safety":
            self.action_safety()
        elif key == "passwords":
            from tui.screens.passwords import PasswordsScreen

            self.push_screen(PasswordsScreen())
        elif key == "privacy":
            from tui.screens.privacy import PrivacyScreen

            self.push_screen(PrivacyScreen())
        elif key == "evidence":
            from tui.screens.evidence import EvidenceScreen

            self.push_screen(EvidenceScreen())
        elif key == "copies":
            from tui.screens.copies import CopiesScreen

            self.push_screen(CopiesScreen())
        elif key == "binder":
            from tui.screens.binder import BinderScreen

            self.push_screen(BinderScreen())
        elif key == "timeline":
            from tui.screens.timeline import TimelineScreen

            self.push_screen(TimelineScreen())
        elif key == "takedowns":
            from tui.screens.takedowns import TakedownsScreen

            self.push_screen(TakedownsScreen())

    def action_safety(self) -> None:
        from tui.screens.safety import SafetyScreen

        if isinstance(self.screen, SafetyScreen):
            self.pop_screen()
        else:
            self.push_screen(SafetyScreen(self.settings.safety()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_step":
            return self.vault is not None
        if action == "lock":
            return self._something_to_lock()
        return True

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

    def action_command_palette(self) -> None:
        """Textual's palette, with a prompt in Reclaim's words."""
        open_already = any(isinstance(each, CommandPalette) for each in self.screen_stack)
        if self.use_command_palette and not open_already:
            self.push_screen(
                CommandPalette(
                    placeholder="What would you like to do? A step, a key, Safety…",
                    id="--command-palette",
                )
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Reclaim's own commands, and of Textual's only those a person needs: nothing
        here writes to disk (Textual's "Screenshot" would save the screen, case and
        all, unencrypted), so its built-in list is not used."""
        yield SystemCommand("Safety", "What to do if you are in danger (F1)", self.action_safety)
        yield from self._screen_commands(screen)
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("Keys", "Hide the list of keys", self.action_hide_help_panel)
        else:
            yield SystemCommand(
                "Keys", "Show the keys of this screen", self.action_show_help_panel
            )
        yield SystemCommand("Quit", "Close Reclaim; your case is saved (Ctrl+Q)", self.action_quit)
        if self.vault is None:
            return
        from tui.core.evidence import cards

        if cards.any_strays(self.vault):
            yield SystemCommand(
                "Take back missing evidence",
                "Put back evidence that is in the case folder but missing from its record",
                self.action_recover,
            )
        yield SystemCommand("Lock", "Hide your case at once (Ctrl+L)", self.action_lock)
        yield SystemCommand(
            "Change passphrase",
            "A new passphrase; a new key too if someone else may know the old one",
            self.action_new_passphrase,
        )
        yield SystemCommand("Home", "The steps of the guide", self.show_home)
        for each in STEPS:
            yield SystemCommand(
                f"Step {each.number}: {each.title}",
                each.summary,
                lambda key=each.key: self.action_open_step(key),
            )

    def _screen_commands(self, screen: Screen[object]) -> Iterator[SystemCommand]:
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
                f"{binding.description} ({' or '.join(keys[action])})",
                binding.tooltip or "On this screen",
                partial(screen.run_action, action),
            )

    # ---- leaving ----------------------------------------------------------------

    async def action_quit(self) -> None:
        if not self.kiosk:
            self.exit()
            return
        from tui.dialogs.confirm import ConfirmDialog

        def answered(really: bool | None) -> None:
            if really:
                self.exit()

        self.push_screen(
            ConfirmDialog("Close Reclaim on this computer?", yes="Close", no="Stay"), answered
        )

    def on_unmount(self) -> None:
        if self.vault is not None:
            self.vault.close()
            self.vault = None
