"""Privacy checklists: lock down each account, step by step, marking each step done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.privacy.checklists import Checklist
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Privacy settings: lock down your accounts, without deleting anything.")
WHICH = N_("Which checklist?")
CHECKLIST = N_("{title}, {done} of {total} done")
STEP = N_("{title}, {state}")
DONE, NOT_DONE = N_("done"), N_("not done yet")
WHICH_STEP = N_("Which step would you like to read?")
WHAT_TO_DO = N_("What to do: {text}")
WHY = N_("Why: {text}")
WARNING = N_("Be careful: {text}")
MARK = N_("Is this step done now? Type yes to mark it done, or no to leave it.")
UNMARK = N_("This step is marked done. Type yes to mark it not done, or no to leave it.")
ANYWAY = N_("Mark it done anyway? Type yes or no.")
MARKED = N_("Marked {state}.")
LEFT = N_("Left as it was: {state}.")


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.privacy.checklists import shipped
    from tui.core.privacy.lockdown import all_progress

    while True:
        prompter.heading(_(TITLE))
        progresses = all_progress(vault, shipped())
        names = [
            _(CHECKLIST).format(title=p.checklist.title, done=p.done, total=p.total)
            for p in progresses
        ]
        checklist = progresses[prompter.choose(_(WHICH), names)].checklist
        try:
            steps(prompter, vault, checklist)
        except _BackToLists:
            continue


class _BackToLists(Exception):
    pass


def steps(prompter: Prompter, vault: Vault, checklist: Checklist) -> None:
    from tui.core.privacy.lockdown import progress_of
    from tui.plain.prompt import Back

    prompter.heading(checklist.title)
    prompter.say(" ".join(checklist.intro.split()))
    while True:
        progress = progress_of(vault, checklist)
        names = [
            _(STEP).format(
                title=step.title, state=_(DONE) if step.id in progress.ticks else _(NOT_DONE)
            )
            for step in checklist.steps
        ]
        try:
            number = prompter.choose(_(WHICH_STEP), names)
        except Back:
            raise _BackToLists from None
        step = checklist.steps[number]
        prompter.say(_(WHAT_TO_DO).format(text=" ".join(step.do.split())))
        prompter.say(_(WHY).format(text=" ".join(step.why.split())))
        if step.warning:
            prompter.say(_(WARNING).format(text=" ".join(step.warning.split())))
        try:
            mark(prompter, vault, checklist, step.id, done=step.id not in progress.ticks)
        except Back as back:
            prompter.parts_saved = []
            prompter.went_back(back)  # the step is marked as it was
            continue


def mark(prompter: Prompter, vault: Vault, checklist: Checklist, step_id: str, done: bool) -> None:
    from tui.core.privacy.lockdown import EvidenceFirst, tick

    if not prompter.yes_no(_(MARK) if done else _(UNMARK)):
        prompter.say(_(LEFT).format(state=_(NOT_DONE) if done else _(DONE)))
        return
    try:
        tick(vault, checklist, step_id, done=done)
    except EvidenceFirst as first:
        prompter.say(str(first))
        if not prompter.yes_no(_(ANYWAY)):
            return
        tick(vault, checklist, step_id, done=done, anyway=True)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(_(MARKED).format(state=_(DONE) if done else _(NOT_DONE)))
