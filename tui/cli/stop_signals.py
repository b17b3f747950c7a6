"""Stopping the terminal app cleanly when the terminal goes away (a closed window, a
dropped SSH link) or the system asks Reclaim to stop: the case closed, the demo's folder
removed, the conventional exit status."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App


#: Signals that mean the terminal is gone (a closed window, a dropped SSH link) or that
#: the system asks Reclaim to stop. Without a handler they end the process on the spot,
#: leaving the demo's folder behind and the case's lock in place.
STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
#: How long the app may take to close after such a signal before it is stopped anyway
#: (a terminal that is gone can make closing hang); the demo's folder goes first.
HARD_STOP_SECONDS = 5.0
#: How often the app is asked again to close after such a signal, until it has.
RETRY_SECONDS = 0.2


class Stopped(BaseException):
    """A stop signal arrived before or after the app ran: unwinds through the clean-up.
    Not an `Exception`, so `run` never reports it as a failure."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class StopOnSignal:
    """While Reclaim runs, SIGHUP and SIGTERM close it as Ctrl+Q would (the case closed,
    the demo removed), and it then exits with the conventional status, 128 + the signal's
    number.

    While the app runs, the signals are the app's event loop's (`add_signal_handler`):
    the loop then wakes at once, whichever thread the signal landed on (a plain Python
    handler would wait for the loop's next timer, seconds later). Before and after the
    app, a plain handler unwinds through the clean-up (`Stopped`), or, once the clean-up
    has begun, lets it finish."""

    def __init__(self, clean_up: Callable[[], None] = lambda: None) -> None:
        self.clean_up = clean_up
        self.app: App[Any] | None = None
        self.signum = 0
        self.closing = False
        """Set once the app has closed: a signal then waits for the clean-up under way."""
        self._before: dict[int, Any] = {}

    @property
    def status(self) -> int:
        return 128 + self.signum

    def __enter__(self) -> StopOnSignal:
        for each in STOP_SIGNALS:
            self._before[each] = signal.signal(each, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for each, before in self._before.items():
            signal.signal(each, before)

    def _handle(self, signum: int, _frame: object) -> None:
        """Outside the app: stop what is under way, unless it is the clean-up. The raise
        can be swallowed (a library's bare `except`, a finaliser running just then), so
        `check` asks again at each step."""
        if self.signum:
            return  # already stopping (a hang-up often comes with a SIGTERM, or twice)
        self.signum = signum
        if not self.closing:
            raise Stopped(signum)

    def check(self) -> None:
        """Stop here if a signal came while something swallowed its `Stopped`."""
        if self.signum and not self.closing:
            raise Stopped(self.signum)

    def _in_loop(self, signum: int, loop: asyncio.AbstractEventLoop) -> None:
        """On the app's loop: close the app, and make sure the process ends even if
        closing hangs (writing to a terminal that is gone)."""
        if self.signum:
            return
        self.signum = signum
        self._close_app(loop)
        timer = threading.Timer(HARD_STOP_SECONDS, self._hard_stop)
        timer.daemon = True
        timer.start()

    def _close_app(self, loop: asyncio.AbstractEventLoop) -> None:
        """Close as Ctrl+Q does, without asking (a kiosk's "Close Reclaim?" has nobody
        left to answer it). Asked again until the app has gone: a request that arrives
        while the app is still starting up can be lost."""
        if self.app is not None and not self.closing:
            self.app.exit(return_code=self.status)
            loop.call_later(RETRY_SECONDS, self._close_app, loop)

    def _hard_stop(self) -> None:
        """The app did not close in time: clean up from here and end the process."""
        if self.closing:
            return
        try:
            self.clean_up()
        finally:
            os._exit(self.status)

    def run(self, app: App[Any]) -> int:
        """Run `app` to its end; its exit status, or 128 + the signal's number. The same
        as `app.run()` (asyncio.Runner is what asyncio.run uses), with the loop's own
        handlers for the stop signals."""
        self.check()
        self.app = app
        try:
            with asyncio.Runner() as runner:
                loop = runner.get_loop()
                for each in STOP_SIGNALS:
                    loop.add_signal_handler(each, self._in_loop, each, loop)
                try:
                    runner.run(app.run_async())
                finally:
                    self.closing = True
                    # Closing the loop puts the default handlers back (which would end the
                    # process before the clean-up): the signals wait until ours are back.
                    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        except Exception:
            if not self.signum:
                raise
            # The terminal went away under the closing app; there is nobody to tell.
        finally:
            self.closing = True
            self.app = None
            for each in STOP_SIGNALS:
                signal.signal(each, self._handle)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        # The app's own status: 1 after an error nobody foresaw, so that whatever started
        # Reclaim (a kiosk's wrapper that restarts it on failure) can tell.
        return self.status if self.signum else (app.return_code or 0)
