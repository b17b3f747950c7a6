"""Asking and reading, one line at a time: the words that work at every question (lock,
help, back, quit), numbered choices, passphrases read without echo, and the idle lock.

Nothing here draws: every line ends with a newline and holds no escape sequence, so a
screen reader or a braille display reads it as it comes.

Nothing typed is lost to a lock: the answers given since the main menu are kept, as
(question, answer) pairs, and when a lock comes in the middle of a form they are kept
(in this process's memory only, never on disk) until the same case is unlocked; then
they are answered again, silently, and the person is back at the question they were at.
A passphrase is never kept: the walk comes back up to the question that asked it."""

from __future__ import annotations

import select
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from tui.core.shared import clock
from tui.core.shared.i18n import N_, _
from tui.plain.terminal import echo_off, take_pending
from tui.plain.words import (
    BACK,
    HELP,
    LOCK,
    QUIT,
    folded,
    no_words,
    number_typed,
    special_words,
    spoken,
    typed,
    without_controls,
    yes_words,
)

#: Said from here too, as before they had a module of their own.
__all__ = ["BACK", "HELP", "LOCK", "QUIT", "folded", "no_words", "special_words", "spoken"]
__all__ += ["typed", "yes_words"]

# ---- what a person reads ------------------------------------------------------------
EVERY_PROMPT_HELP = N_(
    "At any question you can type: help to hear this again, back to go up one level, "
    "lock to lock the case, or quit to leave Reclaim."
)
WHAT_NEXT = N_("What would you like to do?")
CHOOSE = N_("Type a number from 1 to {count}, then press Enter.")
NOT_A_CHOICE = N_("That is not one of the numbers. Type a number from 1 to {count}.")
#: The same, when there is only one choice ("from 1 to 1" reads oddly).
CHOOSE_ONE = N_("There is one choice: type 1, then press Enter.")
NOT_THE_ONE = N_("That is not the number of the choice. Type 1, then press Enter.")
UNSAVED = N_("Something you typed is not saved yet. Leave anyway and lose it? Type yes or no.")
YES_OR_NO = N_("Please type yes or no.")
KEPT_AT_LOCK = N_(
    "What you were typing is kept. When you unlock the case, you come back to where you were."
)
BACK_WHERE_YOU_WERE = N_("You are back where you were, and what you typed is kept.")
#: After an idle lock on a terminal: what comes next may be the rest of a line typed
#: before the person knew of the lock, so the passphrase is asked only after Enter.
READY_TO_UNLOCK = N_("Press Enter when you are ready to unlock it.")
NOT_USED = N_("What was typed after the case was locked is not used.")
STARTED_TYPING = N_("You had started typing: {words}. Press Enter to keep it, or type it again.")
#: Said when back leaves a form (or a step's action) before it was done.
NOTHING_SAVED = N_("You went back. Nothing you typed there was saved.")
PART_SAVED = N_("You went back. Only this was saved: {parts}. Nothing else was.")


class Back(Exception):
    """The person typed back: go up one level. `said`: whether what was saved (or that
    nothing was) has been said already, so that it is said once."""

    def __init__(self, said: bool = False) -> None:
        super().__init__()
        self.said = said


class Quit(Exception):
    """The person typed quit (and confirmed leaving anything unsaved), or input ended."""


class Locked(Exception):
    """Lock the case now: typed, or the wait for an answer was longer than the idle time."""

    def __init__(self, idle: bool = False) -> None:
        super().__init__("idle" if idle else "typed")
        self.idle = idle


class Prompter:
    """Questions to `output`, answers from `input`, with an idle time in seconds (0: never).

    `unsaved` is true while a form holds answers that are not saved yet: quit asks first."""

    def __init__(self, input: TextIO, output: TextIO, idle_seconds: float = 0) -> None:
        self.input = input
        self.output = output
        self.idle_seconds = idle_seconds
        self.unsaved = False
        #: Each question asked since the main menu, and its answer (None: a secret).
        self.trail: list[tuple[str, str | None]] = []
        #: The trail kept at a lock in the middle of a form, until the next unlock.
        self.kept: list[tuple[str, str | None]] = []
        #: What is being answered again after an unlock, and what was said meanwhile.
        self._replay: list[tuple[str, str | None]] = []
        self._muted: list[str] | None = None
        #: A line half typed (never sent) when the idle lock came, and its question: kept
        #: in memory only, to offer back at that question after the unlock.
        self.half_typed: tuple[str, str] | None = None
        #: Discreet mode while the case is locked: say only neutral words ("Notes").
        self.neutral = False
        #: A new case's recovery code, while it is not confirmed yet: a lock then keeps
        #: it (in memory only) to show again after the unlock.
        self.pending_code = ""
        #: What a step's action has saved so far (said as a phrase, "your full name"),
        #: so that back can say what was kept and what was not.
        self.parts_saved: list[str] = []

    # ---- saying ------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        if self.neutral:
            from tui.core.settings import neutral_words

            text = neutral_words(text)
        if self._muted is not None:  # coming back after a lock: said once it is done
            self._muted.append(spoken(text))
            return
        self.output.write(spoken(text) + "\n")
        self.output.flush()

    def heading(self, text: str) -> None:
        """A new part of the walk: a blank line, then its name."""
        self.say()
        self.say(text)

    def saved(self, part: str) -> None:
        """Note that `part` of what is being typed is saved already (said at back)."""
        self.parts_saved.append(part)

    def went_back(self, back: Back) -> None:
        """Say once, after back, whether anything typed was saved (a screen reader's user
        can't see that the form has gone)."""
        if back.said:
            return
        back.said = True
        if self.parts_saved:
            from tui.core.shared.text import listed

            self.say(_(PART_SAVED).format(parts=listed(self.parts_saved)))
        else:
            self.say(_(NOTHING_SAVED))

    # ---- reading -----------------------------------------------------------------
    def _is_terminal(self) -> bool:
        try:
            return self.input.isatty()
        except (AttributeError, ValueError):
            return False

    def _wait_for_input(self) -> None:
        """On a terminal, wait no longer than the idle time for a line (select on the
        descriptor: a terminal gives one line per read, so nothing waits in a buffer)."""
        if not self.idle_seconds or not self._is_terminal():
            return
        ready, _unused, _unused2 = select.select([self.input], [], [], self.idle_seconds)
        if not ready:
            raise Locked(idle=True)

    def _line(self, question: str, secret: bool = False) -> str:
        """One line as typed (or, coming back after a lock, as it was typed before); the
        idle lock is checked by how long the wait was."""
        if self._replay:
            asked, answer = self._replay[0]
            if asked == question and answer is not None:
                del self._replay[0]
                if self._muted is not None:
                    self._muted.clear()  # this question is answered: not said again
                self.trail.append((question, answer))
                return answer
        if self._muted is not None:
            self._end_replay()
        started = None if secret else self._offer_half_typed(question)
        try:
            line = self._typed_line()
        except Locked as locked:
            if locked.idle:
                pending = self._take_pending()
                if pending and not secret:
                    self.half_typed = (question, pending)
                    self.output.write("\n")  # after its echo: what is said next has a line
            raise
        if started and not line.strip():
            line = started  # Enter alone keeps what was half typed before the lock
        self.trail.append((question, None if secret else line))
        return line

    def _offer_half_typed(self, question: str) -> str | None:
        """What was half typed at `question` when the idle lock came, said back once."""
        half, self.half_typed = self.half_typed, None
        if half is None or half[0] != question:
            return None
        self.say(_(STARTED_TYPING).format(words=half[1]))
        return half[1]

    def _take_pending(self) -> str:
        """What was typed without Enter when the idle lock came ('' off a terminal)."""
        return take_pending(self.input) if self._is_terminal() else ""

    def _typed_line(self) -> str:
        started = clock.monotonic()
        self._wait_for_input()
        line = self.input.readline()
        if not line:
            raise Quit  # input ended: nobody is there to answer
        if self.idle_seconds and clock.monotonic() - started >= self.idle_seconds:
            raise Locked(idle=True)  # whatever was typed after the idle time is not used
        return without_controls(line.rstrip("\r\n"))

    def _secret_line(self, question: str) -> str:
        """A line read with the terminal's echo off, as getpass reads it, but turned off
        before the question is said and without discarding what was already typed
        (getpass's TCSAFLUSH would drop a line typed the moment the question appears)."""
        if not self._is_terminal():
            self.say(question)
            return self._line(question, secret=True)
        with echo_off(self.input):
            self.say(question)
            return self._line(question, secret=True)

    def _special(self, answer: str, help_text: str) -> bool:
        """Handle a word that works at every question; True when it was one (ask again)."""
        word, words = folded(answer), special_words()
        if word in words[LOCK]:
            if self.trail:
                del self.trail[-1]  # "lock" itself is not typed again after the unlock
            raise Locked
        if word in words[BACK]:
            raise Back
        if word in words[QUIT]:
            if self.unsaved:
                typed_at = max(len(self.trail) - 1, 0)  # where "quit" was typed
                try:
                    leave = self.yes_no(_(UNSAVED), special=False)
                except Locked:
                    del self.trail[typed_at:]  # not leaving: back at that question later
                    raise
                if not leave:
                    return True
            raise Quit
        if word in words[HELP]:
            if help_text:
                self.say(help_text)
            self.say(_(EVERY_PROMPT_HELP))
            return True
        return False

    def ask(self, question: str, help_text: str = "", *, required: bool = False) -> str:
        """The answer to one question, trimmed ('' for Enter alone unless `required`)."""
        while True:
            self.say(question)
            answer = self._line(question)
            if self._special(answer, help_text):
                continue
            if required and not answer.strip():
                self.say(_("Please type an answer, or type back to go up one level."))
                continue
            return answer.strip()

    def secret(self, question: str, help_text: str = "") -> str:
        """A passphrase or code, read without echo on a terminal."""
        while True:
            answer = self._secret_line(question)
            if self._special(answer, help_text):
                continue
            return answer

    def yes_no(self, question: str, *, special: bool = True) -> bool:
        while True:
            self.say(question)
            answer = self._line(question)
            if special and self._special(answer, ""):
                continue
            if folded(answer) in special_words()[LOCK]:
                raise Locked  # even where leaving is being confirmed
            if folded(answer) in yes_words():
                return True
            if folded(answer) in no_words():
                return False
            self.say(_(YES_OR_NO))

    def choose(self, title: str, options: Sequence[str], help_text: str = "") -> int:
        """The index of the option picked by its number (or its words, typed in full)."""
        while True:
            self.say(title)
            for number, option in enumerate(options, start=1):
                self.say(f"{number}. {option}")
            self.say(_(CHOOSE_ONE) if len(options) == 1 else _(CHOOSE).format(count=len(options)))
            answer = self._line("\n".join((title, *options))).strip()
            if self._special(answer, help_text):
                continue
            typed_number = number_typed(answer)
            if typed_number is not None and 1 <= typed_number <= len(options):
                return typed_number - 1
            named = [i for i, option in enumerate(options) if folded(option) == folded(answer)]
            if named:
                return named[0]
            if len(options) == 1:
                self.say(_(NOT_THE_ONE))
            else:
                self.say(_(NOT_A_CHOICE).format(count=len(options)))

    def menu(
        self, title: str | Callable[[], str], actions: Sequence[tuple[str, Callable[[], object]]]
    ) -> None:
        """A step's own menu: each choice runs its action, then the menu comes again
        ("back" inside an action comes up to it); "back" at the menu itself leaves the
        step (`Back` goes up to the walk's menu). A `title` that is a function is asked
        each time (it says how things stand now)."""
        start = len(self.trail)
        while True:
            del self.trail[start:]  # what was done here is done: not typed again
            self.heading(title() if callable(title) else title)
            choice = self.choose(_(WHAT_NEXT), [label for label, _action in actions])
            self.parts_saved = []
            try:
                actions[choice][1]()
            except Back as back:
                self.went_back(back)
                continue  # up one level: this step's own menu

    @contextmanager
    def form(self) -> Iterator[None]:
        """While it lasts, answers typed are not saved yet (quit asks before leaving, and
        a lock keeps them to come back to)."""
        self.unsaved = True
        try:
            yield
        except Back as back:
            self.went_back(back)
            raise
        except Locked:
            self.kept = list(self.trail)
            raise
        finally:
            self.unsaved = False

    # ---- coming back after a lock ------------------------------------------------
    def ready_to_unlock(self) -> None:
        """After an idle lock on a terminal, Enter before the passphrase is asked: the
        rest of a line the person was typing when the lock came ("24" of "7 March 2024")
        is never read as a passphrase. Read with the echo off (a passphrase typed here
        out of habit is not shown), and dropped."""
        if not self._is_terminal():
            return  # a line that came after the idle time has been dropped already
        self.idle_seconds = 0  # nothing is open to lock
        try:
            typed_after = self.secret(_(READY_TO_UNLOCK))
        except (Back, Locked):
            return  # the passphrase is asked next anyway
        if typed_after.strip():
            self.say(_(NOT_USED))

    def at_lock(self) -> bool:
        """The case is locking: True when a form's answers are kept to come back to
        (quit at the unlock question then asks before they are lost)."""
        self.trail = []
        self._replay = []
        self._muted = None
        self.unsaved = bool(self.kept)
        return bool(self.kept)

    def start_over(self) -> None:
        """At the main menu: nothing typed before it is answered again, except what a
        lock kept, which is answered now (silently) to come back to where it was."""
        self.trail = []
        self.parts_saved = []
        if self.kept:
            self._replay, self.kept = self.kept, []
            self._muted = []
            self.unsaved = False

    def _end_replay(self) -> None:
        """Back where the person was: say so, then the question they were at."""
        muted, self._muted, self._replay = self._muted or [], None, []
        self.say(_(BACK_WHERE_YOU_WERE))
        for line in muted:
            self.output.write(line + "\n")
        self.output.flush()
