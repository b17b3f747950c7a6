"""Passwords: strong new ones, how strong one is, and which accounts are changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, pgettext
from tui.plain.prompt import Prompter
from tui.plain.words import folded
from tui.plain.words import typed as typed_words

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Passwords: strong, new ones, and which accounts you changed.")
CHOICES = (
    N_("Suggest a new passphrase"),
    N_("Check how strong a password is"),
    N_("Note an account whose password you changed"),
    N_("Hear the accounts noted so far"),
)
SUGGESTED = N_("Here is a passphrase nobody could guess. Its words are separated by dashes:")
SPELLED = N_("Word by word: {words}.")
CHECK = N_(
    "Type the password to check, then press Enter. Nothing shows while you type. It is not kept."
)
STRONG = N_("That one is strong enough.")
#: The meter of step 3, in words: "Strength 1 of 4, weak. Guessing it would take 2 seconds."
JUDGED = N_("Strength {score} of 4, {words}. Guessing it would take {crack_time}.")
STRONG_SCORE = 3
ACCOUNT = N_("Which account? For example Instagram, or your email.")
#: {example} is a day written the language's way ("5 March 2024", "5 de marzo de 2024").
WHEN = N_(
    "When did you change it? Type today, or the date, for example {example}. "
    "Press Enter alone to leave it out."
)
TODAY = "today"  # i18n: not shown
NOT_A_DATE = N_("That is not a date Reclaim understands. Type today, or a date like {example}.")
TWO_STEP = N_("Is two-step sign-in turned on for it? Type yes or no.")
NOTED = N_("Noted: {name}.")
NONE_YET = N_("No accounts are noted yet.")
ACCOUNT_LINE = N_("{name}: {changed}, {two_step}.")
CHANGED_ON, NOT_CHANGED = N_("changed on {date}"), N_("not changed yet")
WITH_TWO_STEP, WITHOUT_TWO_STEP = N_("two-step sign-in on"), N_("two-step sign-in not on")


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: suggest(prompter), lambda: check(prompter, vault),
               lambda: note(prompter, vault), lambda: hear(prompter, vault))  # fmt: skip
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def suggest(prompter: Prompter) -> None:
    from tui.core.passwords.passphrase import generate

    passphrase = generate()
    prompter.say(_(SUGGESTED))
    prompter.say(passphrase)
    prompter.say(_(SPELLED).format(words=", ".join(passphrase.split("-"))))


def check(prompter: Prompter, vault: Vault) -> None:
    """An account's password judged as step 3 judges it (its score, how long guessing it
    would take, why, knowing the person's profile), said in words; not the rule for the
    case's own passphrase."""
    from tui.core.passwords import profile
    from tui.core.passwords.strength import assess

    typed = prompter.secret(_(CHECK))
    if not typed:
        return
    found = assess(typed, profile.load(vault).personal_words())
    prompter.say(
        _(JUDGED).format(score=found.score, words=found.words, crack_time=found.crack_time)
    )
    for said in (found.personal_warning, found.warning, *found.suggestions):
        if said:
            prompter.say(said)
    if found.score >= STRONG_SCORE:
        prompter.say(_(STRONG))


def note(prompter: Prompter, vault: Vault) -> None:
    from tui.core.passwords.changed_accounts import record_account

    with prompter.form():
        name = prompter.ask(_(ACCOUNT), required=True)
        when = ask_changed_on(prompter)
        two_step = prompter.yes_no(_(TWO_STEP))
        try:
            account = record_account(vault, name, changed_on=when, two_step=two_step)
        except ReclaimError as error:
            prompter.say(str(error))
            return
    prompter.say(_(NOTED).format(name=account.name))


def ask_changed_on(prompter: Prompter) -> str:
    """The day a password was changed (YYYY-MM-DD, or '' when not said), asked again
    until it can be read."""
    from tui.core.shared import clock
    from tui.core.shared.fuzzy_dates import When

    example = day("2024-03-05")  # as it is read, and as it is said back
    while True:
        typed = prompter.ask(_(WHEN).format(example=example))
        if not typed:
            return ""
        if folded(typed) in typed_words(
            TODAY, pgettext("a typed answer (every spelling, spaced)", "today")
        ):
            return clock.today().isoformat()
        try:
            when = When.parse(typed)  # "2024-03-05", "5 March 2024", "5 de marzo de 2024"
        except ReclaimError:
            when = None
        if when is None or when.about or when.day is None:
            prompter.say(_(NOT_A_DATE).format(example=example))
            continue
        return when.on().isoformat()


def hear(prompter: Prompter, vault: Vault) -> None:
    from tui.core.passwords.changed_accounts import list_accounts

    accounts = list_accounts(vault)
    if not accounts:
        prompter.say(_(NONE_YET))
    for account in accounts:
        changed = (
            _(CHANGED_ON).format(date=day(account.changed_on))
            if account.changed_on
            else _(NOT_CHANGED)
        )
        two_step = _(WITH_TWO_STEP) if account.two_step else _(WITHOUT_TWO_STEP)
        prompter.say(_(ACCOUNT_LINE).format(name=account.name, changed=changed, two_step=two_step))


def day(stored: str) -> str:
    """A day kept as 2024-03-05, said the language's way ("5 March 2024")."""
    from datetime import date

    from tui.core.shared.local_formats import long_date

    try:
        return long_date(date.fromisoformat(stored))
    except ValueError:
        return stored
