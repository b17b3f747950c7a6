"""Errors nobody foresaw. Textual's own handler ends the app with a traceback whose local
variables can show what a case holds (what a person typed, its paths). Reclaim's says one
plain sentence on the terminal and nothing else; a kiosk goes back to its neutral start
instead of leaving the client at a shell (a screen's error within the app; the app's own,
by the terminal app starting a fresh one)."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.screen import Screen

from tui.core.shared.i18n import N_, _

#: All that is said, on the terminal, when Reclaim meets an error nobody foresaw.
UNFORESEEN = N_(
    "Reclaim met a problem it did not expect and had to close. Your case is as it was "
    "at its last save; open Reclaim again to go on."
)
#: What a kiosk says when such an error sent it back to the neutral start.
STARTED_AGAIN = N_(
    "Something went wrong, so Reclaim went back to the start. The case is safe; "
    "open it again to go on."
)
#: How many times a kiosk goes back to the start after such errors before it gives up.
MOST_RESTARTS = 5


class PlainErrors(App[None]):
    """The app's fatal-error handling, in plain words."""

    kiosk: bool
    _restarts = 0
    """How often unforeseen errors sent this kiosk back to the neutral start."""
    unforeseen = False
    """Whether this run ended on an error nobody foresaw (a kiosk is then started again)."""
    started_again = False
    """Set on a kiosk started again after such an error: it says so once shown."""

    def on_ready(self) -> None:
        if self.started_again:
            self.notify(_(STARTED_AGAIN), severity="warning", timeout=30)

    def action_lock(self) -> None:
        raise NotImplementedError  # the app's own: close the case, show the start

    def _handle_exception(self, error: Exception) -> None:
        if self.kiosk and self._may_start_again():
            self._restarts += 1
            self.call_later(self._start_again)
            return
        self._return_code = 1
        self.unforeseen = True
        if self._exception is None:  # for a test run, which raises it again at its end
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(_(UNFORESEEN)))
        self._close_messages_no_wait()

    def _may_start_again(self) -> bool:
        """Only a screen (or a widget on one) stops at such an error; the app's own loop,
        or the neutral start itself failing, can only end."""
        from textual._context import active_message_pump
        from textual.widget import Widget

        from tui.screens.kiosk import ChooseCaseScreen

        failed: object = active_message_pump.get(None)
        if not isinstance(failed, Widget) or not self.is_running:
            return False
        screen = failed if isinstance(failed, Screen) else failed.screen
        if isinstance(screen, ChooseCaseScreen) or screen is self.screen_stack[0]:
            return False
        return self._restarts < MOST_RESTARTS

    def _start_again(self) -> None:
        try:
            self.action_lock()
        except Exception as error:  # the way back failed too: end, with the one sentence
            self.kiosk = False
            self._handle_exception(error)
            return
        self.notify(_(STARTED_AGAIN), severity="warning", timeout=30)
