"""Passwords: strong new ones, how strong one is, and which accounts are changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = "Passwords: strong, new ones, and which accounts you changed."
CHOICES = (
    "Suggest a new passphrase",
    "Check how strong a password is",
    "Note an account whose password you changed",
    "Hear the accounts noted so far",
)
SUGGESTED = "Here is a passphrase nobody could guess. Its words are separated by dashes:"
SPELLED = "Word by word: {words}."
CHECK = (
    "Type the password to check, then press Enter. Nothing shows while you type. It is not kept."
)
STRONG = "That one is strong enough."
ACCOUNT = "Which account? For example Instagram, or your email."
WHEN = (
    "When did you change it? Type today, or the date written as year, month and day, "
    "for example 2024-03-05. Press Enter alone to leave it out."
)
TODAY = "today"
NOT_A_DATE = "That is not a date Reclaim understands. Type today, or a date like 2024-03-05."
TWO_STEP = "Is two-step sign-in turned on for it? Type yes or no."
NOTED = "Noted: {name}."
NONE_YET = "No accounts are noted yet."
ACCOUNT_LINE = "{name}: {changed}, {two_step}."
CHANGED_ON, NOT_CHANGED = "changed on {date}", "not changed yet"
WITH_TWO_STEP, WITHOUT_TWO_STEP = "two-step sign-in on", "two-step sign-in not on"


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: suggest(prompter), lambda: check(prompter),
               lambda: note(prompter, vault), lambda: hear(prompter, vault))  # fmt: skip
    prompter.menu(TITLE, list(zip(CHOICES, actions, strict=True)))


def suggest(prompter: Prompter) -> None:
    from tui.core.passwords.passphrase import generate

    passphrase = generate()
    prompter.say(SUGGESTED)
    prompter.say(passphrase)
    prompter.say(SPELLED.format(words=", ".join(passphrase.split("-"))))


def check(prompter: Prompter) -> None:
    from tui.core.passwords.strength import weakness

    typed = prompter.secret(CHECK)
    prompter.say(weakness(typed) or STRONG)


def note(prompter: Prompter, vault: Vault) -> None:
    from tui.core.passwords.changed_accounts import record_account

    with prompter.form():
        name = prompter.ask(ACCOUNT, required=True)
        when = ask_changed_on(prompter)
        two_step = prompter.yes_no(TWO_STEP)
        try:
            account = record_account(vault, name, changed_on=when, two_step=two_step)
        except ReclaimError as error:
            prompter.say(str(error))
            return
    prompter.say(NOTED.format(name=account.name))


def ask_changed_on(prompter: Prompter) -> str:
    """The day a password was changed (YYYY-MM-DD, or '' when not said), asked again
    until it can be read."""
    from datetime import date

    from tui.core.shared import clock

    while True:
        typed = prompter.ask(WHEN)
        if not typed:
            return ""
        if typed.casefold() == TODAY:
            return clock.today().isoformat()
        try:
            return date.fromisoformat(typed).isoformat()
        except ValueError:
            prompter.say(NOT_A_DATE)


def hear(prompter: Prompter, vault: Vault) -> None:
    from tui.core.passwords.changed_accounts import list_accounts

    accounts = list_accounts(vault)
    if not accounts:
        prompter.say(NONE_YET)
    for account in accounts:
        changed = CHANGED_ON.format(date=account.changed_on) if account.changed_on else NOT_CHANGED
        two_step = WITH_TWO_STEP if account.two_step else WITHOUT_TWO_STEP
        prompter.say(ACCOUNT_LINE.format(name=account.name, changed=changed, two_step=two_step))
