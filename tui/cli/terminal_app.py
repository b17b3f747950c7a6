"""`reclaim` with no command: the terminal app, on the default case (or --vault), as a
clinic's kiosk, or on the made-up sample case. Loaded only when the app is what was asked
for, so that the commands never load Textual."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app import ReclaimApp
from tui.cli.common import settings_for, vault_path
from tui.cli.stop_signals import StopOnSignal, Stopped
from tui.core.demo import DEMO_PASSPHRASE, create_demo_case, remove_demo_case, sweep_stale_demos
from tui.core.kiosk import throttle
from tui.core.settings import Settings, check_kiosk, is_discreet
from tui.core.shared.i18n import _
from tui.core.vault.layout import is_vault, neutral_vault_dir
from tui.discreet import name_process
from tui.plain.hint import plain_hint
from tui.unforeseen import MOST_RESTARTS
from tui.widgets.full_picture import prepare

if TYPE_CHECKING:
    # Only a type here: the vault and its cryptography load when a case opens, after the
    # unlock screen's first frame.
    from tui.core.vault.vault import Vault


def run_app(args: argparse.Namespace) -> int:
    """The terminal app: the default vault (or --vault), a kiosk, or the demo case.
    Demo folders left by an earlier demo that was killed are swept first. Where the app
    can't be drawn (TERM=dumb, no terminal size), one line suggests `reclaim --plain`."""
    sweep_stale_demos()
    settings = settings_for(args)
    if args.kiosk:
        check_kiosk(settings)  # a folder that opens a door between clients: one sentence
    # After the settings: a settings file that can't be used is said first, wherever.
    if hint := plain_hint():
        print(hint, file=sys.stderr)
        return 2
    if settings.discreet:
        name_process()  # "notes" in ps and top, before anything is shown
    prepare(settings.full_detail_pictures)  # asks the terminal, so before the app starts
    throttle.KIOSK = None  # made from the kiosk's cases folder, where its counts are kept
    demo: Vault | None = None

    def clean_up() -> None:
        if demo is not None:
            remove_demo_case(demo)

    with StopOnSignal(clean_up) as stop:
        try:
            if args.demo:
                demo = create_demo_case()  # a signal meanwhile removes the half-made folder
                stop.check()
                hint = _("This is the made-up sample case. Its passphrase is: {passphrase}")
                hint = hint.format(passphrase=_(DEMO_PASSPHRASE))  # as the demo was made
                app = ReclaimApp(demo.path, settings, demo_vault=demo, demo_hint=hint)
            else:
                path = case_folder(args, settings)
                if is_discreet(settings, path):
                    name_process()  # "notes" in ps and top, before anything is shown
                app = ReclaimApp(path, settings, kiosk=args.kiosk)
                app.language_asked = bool(getattr(args, "language", None)) and not args.kiosk
            status = stop.run(app)
            # A kiosk never leaves its client at a shell: after an error nobody foresaw
            # (one sentence, no traceback) it starts again at the neutral start.
            for _unused in range(MOST_RESTARTS):
                if not (args.kiosk and app.unforeseen):
                    break
                app = ReclaimApp(case_folder(args, settings), settings, kiosk=True)
                app.started_again = True
                status = stop.run(app)
            return status
        except Stopped:
            return stop.status
        finally:
            stop.closing = True  # a signal from here on waits for this clean-up
            clean_up()


def case_folder(args: argparse.Namespace, settings: Settings) -> Path:
    """The case to open, or to make: in discreet mode, a first case on this computer is
    made in a folder whose name says nothing (an existing one is never moved)."""
    path = vault_path(args)
    if settings.discreet and not args.vault and not args.kiosk and not is_vault(path):
        return neutral_vault_dir()
    return path
