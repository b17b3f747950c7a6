"""What a letter still needs before it can be drafted, asked one question at a time: the
person's facts (kept for the next letter), and what the request itself needs (a copyright
notice: that the person took the pictures, and what they show). Each is kept as soon as
it is given; a confirmation answered no, or a need that can't be given here (an event in
the timeline), is said and ends the letter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.takedowns.letter_needs import MissingFacts, Need
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
NEEDS = N_(
    "Before this letter can be drafted, it needs a few things. They are kept for the next letter."
)
#: Each fact a letter needs is named by core as a phrase ("your full name"): said here
#: inside a whole sentence.
ASK_FACT = N_("Please type {need}, then press Enter.")
YES_NO_FACT = N_("The letter needs {need}. Type yes or no.")
NOT_CONFIRMED = N_("Without that, Reclaim can't draft this letter.")
UNDER_18 = N_("Was the person shown under 18 when the pictures were taken?")
UNDER_18_CHOICES = (N_("Yes, under 18"), N_("No, 18 or over"), N_("I am not sure"))
UNDER_18_ANSWERS = ("yes", "no", "unsure")
#: A letter's facts as named when back is typed after some were saved (their questions,
#: "your full name", unless shorter words say them in a list).
SHORT = {
    "contact": N_("how to reach you"),
    "under_18": N_("whether the person shown was under 18"),
}
#: What is asked yes or no, and must be yes for the letter.
CONFIRMATIONS = ("no_consent", "self_taken")
#: What the request keeps, not the person's facts.
OF_THE_REQUEST = ("self_taken", "work")


def ask(prompter: Prompter, vault: Vault, request_id: str, missing: MissingFacts) -> bool:
    """Ask what `missing` names and keep each answer; True to draft the letter again,
    False (said) when it can't be."""
    from tui.core.takedowns.letters import Facts, get_facts

    given_here = [*Facts.__dataclass_fields__, *OF_THE_REQUEST]
    if not missing.needs or any(need.key not in given_here for need in missing.needs):
        prompter.say(str(missing))
        return False
    prompter.say(_(NEEDS))
    with prompter.form():
        for need in missing.needs:
            if not ask_one(prompter, vault, request_id, need):
                return False
            if need.key == "under_18" and get_facts(vault).under_18 != "no":
                return True  # drafted again now: a copyright notice is not for a minor
    return True


def ask_one(prompter: Prompter, vault: Vault, request_id: str, need: Need) -> bool:
    """One need asked and kept; False (said) when a confirmation is answered no. A value
    that can't be kept is said, and asked again when the letter is drafted again."""
    from tui.core.takedowns.letters import save_facts
    from tui.core.takedowns.requests import update_request

    answer: str | bool
    if need.key in CONFIRMATIONS:
        if not prompter.yes_no(_(YES_NO_FACT).format(need=need.question)):
            prompter.say(_(NOT_CONFIRMED))
            return False
        answer = True
    elif need.key == "under_18":
        choices = [_(choice) for choice in UNDER_18_CHOICES]
        answer = UNDER_18_ANSWERS[prompter.choose(_(UNDER_18), choices)]
    else:
        answer = prompter.ask(_(ASK_FACT).format(need=need.question), required=True)
    try:
        if need.key == "self_taken":
            update_request(vault, request_id, self_taken=True)
        elif need.key == "work":
            update_request(vault, request_id, work=str(answer))
        else:
            save_facts(vault, **{need.key: answer})
    except ReclaimError as error:
        prompter.say(str(error))
        return True
    short = SHORT.get(need.key)
    prompter.saved(_(short) if short else need.question)
    return True
