"""Opening the case, or making a new one: passphrases read without echo, a new case's
recovery code shown and confirmed by typing its last group, then where the person lives."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, pgettext
from tui.plain.prompt import WHAT_NEXT, Back, Locked, Prompter
from tui.plain.words import folded, typed

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
NO_CASE = N_("There is no case in {path} yet.")
NO_CASE_CHOICES = (N_("Make a new case here"), N_("Leave Reclaim"))
UNLOCK_QUESTION = N_("Type your passphrase, then press Enter. Nothing shows while you type.")
UNLOCK_HELP = N_(
    "Your passphrase is the words you chose when you made the case. If you have "
    "forgotten it, type code to use your recovery code instead."
)
CODE_WORD = "code"  # i18n: not shown (typed; its translation is understood too)
RECOVERY_CODE = N_("Type your recovery code, then press Enter. Nothing shows while you type.")
OPENED = N_("Your case is open.")
AT_THE_START = N_(
    "This is the first question, there is nothing before it. Type your passphrase, or type "
    "quit to leave Reclaim."
)
CHOOSE_NEW = N_(
    "Choose a passphrase for your new case: four or more words that you will remember and "
    "nobody could guess. Type it, then press Enter. Nothing shows while you type."
)
CHOOSE_NEW_HELP = N_(
    "A passphrase keeps your case locked. Several ordinary words in a row are strong and "
    "easy to remember, for example four words you picked at random."
)
AGAIN = N_("Type the same passphrase again, to be sure, then press Enter.")
NOT_THE_SAME = N_("The two passphrases are not the same. Let us try again.")
EMPTY = N_("Nothing was typed. Please type a passphrase.")
MADE = N_("Your case is ready in {path}.")
CODE_SHOWN = N_(
    "Here is your recovery code. With it you can open the case if you forget your "
    "passphrase. Reclaim keeps no copy of it and cannot show it again, so write it down "
    "now, on paper, and keep it somewhere safe away from this computer. Anyone who has it "
    "can open the case. It is six groups of four letters and numbers:"
)
CONFIRM_CODE = N_(
    "When you have written it down, type the last group of four letters and numbers, "
    "then press Enter."
)
CODE_WRONG = N_("That is not the last group. Look at what you wrote down and try again:")
CODE_AGAIN = N_("The recovery code again: {code}")
CODE_CONFIRMED = N_("Thank you. The recovery code is confirmed.")
CODE_HELP = N_("The last group is the last four letters and numbers of the recovery code.")
#: The code once more, one character at a time: a speech synthesiser may read a group
#: as a word or a number ("EAZ3").
SPELLED = N_("Letter by letter: {letters}.")
#: Asked once a new case's passphrase is chosen (the app's form has it as a tick box);
#: not asked when the settings ask for discreet mode already.
DISCREET = N_(
    "Discreet mode: show only the name Notes, never Reclaim, in case someone else uses "
    "this computer? Type yes or no."
)
NOT_CONFIRMED_YET = N_(
    "The case was locked before you confirmed that you wrote down your recovery code. "
    "Here it is again."
)


def open_or_make(prompter: Prompter, path: Path, *, discreet: bool = False) -> Vault | None:
    """The open case at `path`, made first if there is none (asking whether it is
    discreet, unless `discreet` says so already); None to leave."""
    from tui.core.vault.layout import is_vault

    if is_vault(path):
        vault = unlock(prompter, path)
        if code := prompter.pending_code:  # locked before it was confirmed: shown again
            prompter.say(_(NOT_CONFIRMED_YET))
            try:
                show_and_confirm(prompter, code)
                ask_place(prompter, vault)  # then the rest of making it, as before the lock
            except BaseException:
                vault.close()
                raise
        return vault
    while True:
        prompter.say(_(NO_CASE).format(path=path))
        try:
            if prompter.choose(_(WHAT_NEXT), [_(c) for c in NO_CASE_CHOICES]) != 0:
                return None
        except Back:
            return None
        try:
            return make(prompter, path, discreet=discreet)
        except Back:
            continue  # back at the new passphrase: nothing is made yet


def unlock(prompter: Prompter, path: Path) -> Vault:
    """Ask for the passphrase (or the recovery code) until the case opens."""
    from tui.core.vault.vault import Vault

    while True:
        try:
            answer = prompter.secret(_(UNLOCK_QUESTION), _(UNLOCK_HELP))
        except Back:
            prompter.say(_(AT_THE_START))
            continue
        if not answer:
            prompter.say(_(EMPTY))
            continue
        try:
            if folded(answer) in typed(
                CODE_WORD,
                pgettext("typed at the passphrase question (every spelling, spaced)", "code"),
            ):
                code = prompter.secret(_(RECOVERY_CODE))
                vault = Vault.open(path, recovery_code=code)
            else:
                vault = Vault.open(path, passphrase=answer)
        except ReclaimError as error:
            prompter.say(str(error))
            continue
        except Back:
            continue  # back at the recovery code: the passphrase question again
        prompter.say(_(OPENED))
        for notice in vault.notices:
            prompter.say(notice)
        return vault


def new_passphrase(prompter: Prompter) -> str:
    """A strong new passphrase, typed twice."""
    from tui.core.passwords.strength import weakness

    while True:
        first = prompter.secret(_(CHOOSE_NEW), _(CHOOSE_NEW_HELP))
        if not first:
            prompter.say(_(EMPTY))
            continue
        if problem := weakness(first):
            prompter.say(problem)
            continue
        if prompter.secret(_(AGAIN), _(CHOOSE_NEW_HELP)) != first:
            prompter.say(_(NOT_THE_SAME))
            continue
        return first


def make(prompter: Prompter, path: Path, *, discreet: bool = False) -> Vault:
    """A new case: its passphrase, whether it is discreet, then its recovery code shown
    and confirmed. A discreet case is marked as the app marks it (the usual folder of a
    new install becomes the neutral one: no name in it says what it is)."""
    from tui.core.vault.layout import DISCREET_MARK, default_vault_dir, neutral_vault_dir
    from tui.core.vault.vault import Vault

    passphrase = new_passphrase(prompter)
    if not discreet:
        discreet = prompter.yes_no(_(DISCREET))
    if discreet and path == default_vault_dir():
        path = neutral_vault_dir()
    # From the moment it is chosen, what is said aloud names only "Notes" (the code's
    # words too), as the app's discreet recovery screen does.
    prompter.neutral = prompter.neutral or discreet
    vault, code = Vault.create(path, passphrase)
    if discreet:  # read before the passphrase is typed, so beside the record
        with contextlib.suppress(OSError):
            (vault.path / DISCREET_MARK).touch()
    prompter.say(_(MADE).format(path=path))
    try:
        show_and_confirm(prompter, code)
        ask_place(prompter, vault)
    except BaseException:
        vault.close()  # locked or left: the case is made, and opens with the passphrase
        raise
    return vault


def ask_place(prompter: Prompter, vault: Vault) -> None:
    """Where the person lives, asked once the case is made, as the app asks it; back
    leaves it for later (the main menu has it)."""
    from tui.core.places.model import NOT_SAID
    from tui.core.takedowns.deadlines import set_case_place
    from tui.plain import place

    try:
        place.choose_place(prompter, vault)
    except Back:  # not said: general advice, never the place of a case made before asking
        set_case_place(vault, NOT_SAID)
        prompter.say(_(place.LATER))


def show_and_confirm(prompter: Prompter, code: str) -> None:
    """The recovery code shown, then confirmed; a lock before it is confirmed keeps it
    (in this process's memory only) to show again after the unlock."""
    prompter.say(_(CODE_SHOWN))
    prompter.say(code)
    prompter.say(spelled(code))
    prompter.pending_code = code
    try:
        confirm_code(prompter, code)
    except Locked:
        raise
    except BaseException:
        prompter.pending_code = ""
        raise
    prompter.pending_code = ""


def spelled(code: str) -> str:
    """ "Letter by letter: X Z 4 2, E A Z 3, ..." """
    return _(SPELLED).format(letters=", ".join(" ".join(group) for group in code.split("-")))


def confirm_code(prompter: Prompter, code: str) -> None:
    """Go on only once the last group of `code` is typed back."""
    last = code.rsplit("-", 1)[-1]
    while True:
        try:
            answer = prompter.ask(_(CONFIRM_CODE), _(CODE_HELP))
        except Back:
            continue  # the code must be confirmed before going on
        if answer.replace(" ", "").casefold() == last.casefold():
            break
        prompter.say(_(CODE_WRONG))
        prompter.say(_(CODE_AGAIN).format(code=code))
        prompter.say(spelled(code))
    prompter.say(_(CODE_CONFIRMED))
