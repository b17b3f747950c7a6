"""The walk's menu: open (or make) the case, then the steps, one numbered choice at a
time; a lock (typed, or after the idle time) closes the case and asks for the passphrase
again; quit leaves."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.core.shared.errors import InputError, explain
from tui.core.shared.i18n import N_, _
from tui.plain import (
    binder,
    copies,
    evidence,
    language,
    passwords,
    place,
    privacy,
    safety,
    takedowns,
    timeline,
)
from tui.plain.case import open_or_make
from tui.plain.language import speak_case_language
from tui.plain.prompt import EVERY_PROMPT_HELP, KEPT_AT_LOCK, Back, Locked, Prompter, Quit

if TYPE_CHECKING:
    from tui.core.settings import Settings
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
WELCOME = N_(
    "Reclaim, plain mode. Reclaim keeps the evidence of image-based abuse safe, encrypted "
    "on this computer, and walks you through what to do, one question at a time."
)
#: The welcome in discreet mode: only the neutral name (said in its words, "Notes").
DISCREET_WELCOME = N_("Reclaim, plain mode.")
MAIN = N_("Main menu.")
WHICH_STEP = N_("Which step would you like?")
MAIN_HELP = N_("Each step is one thing to do. You can do them in any order, and come back later.")
#: The steps in the app's order (`tui.core.steps`), so that a person who uses both finds
#: each step at the same number; then where the person lives, which the app keeps apart.
STEP_KEYS = (
    "safety", "privacy", "passwords", "evidence", "copies", "timeline", "binder", "takedowns",
    "place",
)  # fmt: skip
STEP_NAMES = (
    N_("Safety first: what to do if you are threatened"),
    N_("Privacy settings: lock down your accounts"),
    N_("Passwords: strong new ones, and which accounts you changed"),
    N_("Evidence: save files and their details"),
    N_("Copies: keep a safe copy of your case"),
    N_("Timeline: write down what happened, in order"),
    N_("Binder: one printable file for the police or a lawyer, and a declaration to sign"),
    N_("Takedowns: ask sites to remove the images, and draft letters"),
    N_("Where you live, and the language of your documents"),
)
#: The timeline's place in STEP_NAMES (the tests find it by this).
TIMELINE_STEP = STEP_KEYS.index("timeline")
LOCK_CHOICE, LEAVE_CHOICE = N_("Lock the case"), N_("Leave Reclaim")
AT_THE_TOP = N_("This is the main menu, the top level. Type quit to leave Reclaim.")
LOCKED = N_("The case is locked.")
LOCKED_IDLE = N_("The case was locked because nothing was typed for a while.")
GOODBYE = N_("The case is closed. Goodbye, and take care.")
NOTHING_TO_LOCK = N_("There is no case to lock yet: nothing was made.")
DOING = N_("doing that step")

Step = Callable[["Prompter", "Vault", "Settings"], None]
STEPS: tuple[Step, ...] = (
    lambda p, v, s: safety.run(p, v, s),
    lambda p, v, s: privacy.run(p, v),
    lambda p, v, s: passwords.run(p, v),
    lambda p, v, s: evidence.run(p, v),
    lambda p, v, s: copies.run(p, v, neutral=s.discreet),
    lambda p, v, s: timeline.run(p, v),
    lambda p, v, s: binder.run(p, v),
    lambda p, v, s: takedowns.run(p, v),
    lambda p, v, s: place.run(p, v),
)


NO_PLAIN_KIOSK = N_(
    "Plain mode does not run as a clinic's kiosk yet: it could not keep one client's case "
    "apart from the next. Start the kiosk without --plain, or give plain mode the "
    "client's own case folder with --vault."
)


def run_from_args(args: argparse.Namespace) -> int:
    """`reclaim --plain`: the default case (or --vault), with the settings' idle time."""
    from tui.core.settings import load_settings
    from tui.core.vault.layout import default_vault_dir

    if getattr(args, "kiosk", False):
        # Refused, not ignored: the kiosk's own case folder would be every client's.
        raise InputError(_(NO_PLAIN_KIOSK))
    path = Path(args.vault).expanduser() if args.vault else default_vault_dir()
    settings = load_settings(Path(args.config).expanduser() if args.config else None)
    if getattr(args, "demo", False):
        return run_demo(settings)
    asked = bool(getattr(args, "language", None))  # --language wins for this run, as in the app
    return run_plain(path, settings, follow_case_language=not asked)


def run_demo(settings: Settings) -> int:
    """`reclaim --plain --demo`: the made-up sample case, as the app opens it, removed at
    the end (a demo left by one that was killed is swept first)."""
    from tui.core.demo import (
        DEMO_PASSPHRASE,
        create_demo_case,
        remove_demo_case,
        sweep_stale_demos,
    )

    sweep_stale_demos()
    demo = create_demo_case()
    demo.close()
    try:
        hint = _("This is the made-up sample case. Its passphrase is: {passphrase}")
        print(hint.format(passphrase=_(DEMO_PASSPHRASE)), flush=True)
        return run_plain(demo.path, settings)
    finally:
        remove_demo_case(demo)


def run_plain(
    path: Path,
    settings: Settings,
    input: TextIO | None = None,
    output: TextIO | None = None,
    *,
    follow_case_language: bool = True,
) -> int:
    """Walk the case at `path` on `input` and `output` (standard input and output). In
    discreet mode, what is said while the case is locked names only "Notes", and so does
    the list of programs."""
    from tui.core.settings import is_discreet
    from tui.core.vault.layout import is_vault
    from tui.process_name import name_process

    idle_seconds = settings.idle_minutes * 60
    prompter = Prompter(input or sys.stdin, output or sys.stdout)
    discreet = is_discreet(settings, path)
    if discreet:
        name_process()  # "notes" in ps and top, before anything is said
    prompter.neutral = discreet
    prompter.say(_(DISCREET_WELCOME) if discreet else _(WELCOME))
    prompter.say(_(EVERY_PROMPT_HELP))
    vault: Vault | None = None
    try:
        while True:
            try:
                if vault is None:
                    prompter.neutral = discreet
                    prompter.idle_seconds = 0  # nothing is open to lock while it is asked
                    vault = open_or_make(prompter, path, discreet=discreet)
                    if vault is None:
                        return 0
                    if vault.path != path or (not discreet and is_discreet(settings, vault.path)):
                        path = vault.path  # made discreet: its folder and its words from now
                        discreet = is_discreet(settings, path)
                        if discreet:
                            name_process()
                    if follow_case_language:
                        speak_case_language(vault)
                    prompter.neutral = False
                    prompter.idle_seconds = idle_seconds
                menu(prompter, vault, settings)
            except Back:
                continue  # never above the top: the main menu (or the first question) again
            except Locked as locked:
                if vault is not None:
                    vault.close()
                    vault = None
                kept = prompter.at_lock()
                prompter.neutral = discreet
                if not is_vault(path):
                    prompter.say(_(NOTHING_TO_LOCK))  # typed before a case was made
                    continue
                prompter.say(_(LOCKED_IDLE) if locked.idle else _(LOCKED))
                if kept:
                    prompter.say(_(KEPT_AT_LOCK))
                if locked.idle:
                    prompter.ready_to_unlock()
    except Quit:
        prompter.neutral = discreet
        prompter.say(_(GOODBYE))
        return 0
    finally:
        if vault is not None:
            vault.close()


def menu(prompter: Prompter, vault: Vault, settings: Settings) -> None:
    """The steps, until the person locks or leaves (`Locked`, `Quit`)."""
    from tui.core.settings import in_neutral_words, is_discreet

    # Discreet mode: a screen reader never says Reclaim or a case aloud (d4, issue 29).
    plain = in_neutral_words if is_discreet(settings, vault.path) else _
    while True:
        # Built each time: the language spoken may have changed (the last choice).
        choices = [*(_(name) for name in STEP_NAMES), plain(LOCK_CHOICE), plain(LEAVE_CHOICE)]
        choices.append(language.CHOOSE)
        prompter.start_over()
        prompter.heading(_(MAIN))
        try:
            choice = prompter.choose(_(WHICH_STEP), choices, _(MAIN_HELP))
        except Back:
            prompter.say(plain(AT_THE_TOP))
            continue
        if choice == len(STEP_NAMES):
            raise Locked
        if choice == len(STEP_NAMES) + 1:
            raise Quit
        try:
            if choice == len(STEP_NAMES) + 2:
                language.choose(prompter, vault)
                continue
            STEPS[choice](prompter, vault, settings)
        except Back:
            continue
        except (Locked, Quit):
            raise
        except Exception as error:  # one plain sentence, never a traceback
            prompter.unsaved = False
            prompter.say(explain(error, _(DOING)))
