"""The `reclaim` command line. It drives `tui.core` and never the screens; each group of
commands lives in its own module here and adds itself to the parser."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import __version__
from tui.cli import (
    binder,
    case,
    checklist,
    copies,
    evidence,
    jurisdiction,
    legal,
    letter,
    password,
    safety,
    takedown,
    timeline,
)
from tui.cli.common import Handler, add_common_options, vault_path

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.vault.vault import Vault


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
        return self.status if self.signum else 0


def run_app(args: argparse.Namespace) -> int:
    """The terminal app: the default vault (or --vault), a kiosk, or the demo case.
    Demo folders left by an earlier demo that was killed are swept first."""
    from tui.app import ReclaimApp
    from tui.core.demo import (
        DEMO_PASSPHRASE,
        create_demo_case,
        remove_demo_case,
        sweep_stale_demos,
    )
    from tui.core.settings import load_settings

    sweep_stale_demos()
    settings = load_settings(Path(args.config).expanduser() if args.config else None)
    from tui.widgets.full_picture import prepare

    prepare(settings.full_detail_pictures)  # asks the terminal, so before the app starts
    demo: Vault | None = None

    def clean_up() -> None:
        if demo is not None:
            remove_demo_case(demo)

    with StopOnSignal(clean_up) as stop:
        try:
            if args.demo:
                demo = create_demo_case()  # a signal meanwhile removes the half-made folder
                stop.check()
                hint = f"This is the made-up sample case. Its passphrase is: {DEMO_PASSPHRASE}"
                app = ReclaimApp(demo.path, settings, demo_vault=demo, demo_hint=hint)
            else:
                app = ReclaimApp(vault_path(args), settings, kiosk=args.kiosk)
            return stop.run(app)
        except Stopped:
            return stop.status
        finally:
            stop.closing = True  # a signal from here on waits for this clean-up
            clean_up()


class ReclaimParser(argparse.ArgumentParser):
    """argparse without abbreviations (`--passphrase` must never be taken for
    `--passphrase-file`), and an unknown option named without repeating what followed it:
    that may be a passphrase someone tried to type on the command line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = sorted({extra.split("=", 1)[0] for extra in extras if extra[:1] == "-"})
            if any("pass" in option or "code" in option for option in options):
                hint = (
                    " A passphrase or recovery code is never taken on the command line: "
                    "use --passphrase-file (or type it when asked)."
                )
            else:
                hint = ""
            named = ", ".join(options) if options else "some words"
            self.error(f"{named}: not something this command takes.{hint}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = ReclaimParser(
        prog="reclaim",
        description=(
            "Reclaim keeps the evidence of image-based abuse safe, encrypted on this "
            "computer, and helps you put your case in order."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reclaim {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a made-up sample case (removed on exit)"
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="clinic mode: separate cases, short idle lock"
    )
    parser.add_argument("--config", metavar="PATH", help="settings file (idle lock, contacts)")
    add_common_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (
        case,
        evidence,
        copies,
        timeline,
        binder,
        takedown,
        letter,
        legal,
        checklist,
        password,
        jurisdiction,
        safety,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args.doing = "starting Reclaim"
        return run(run_app, args)
    return run(handler, args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run one command; every failure becomes one plain sentence, never a traceback."""
    from tui.cli.common import warn
    from tui.core.shared.errors import ReclaimError, explain

    try:
        return handler(args)
    except KeyboardInterrupt:
        print("\nreclaim: Stopped; nothing was changed.", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("RECLAIM_DEBUG") and not isinstance(error, OSError | ReclaimError):
            raise
        warn(f"reclaim: {explain(error, args.doing)}")  # it may quote a file's name
        return 1
