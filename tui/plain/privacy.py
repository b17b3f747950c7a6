"""Privacy checklists: lock down each account, step by step, marking each step done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.privacy.checklists import Checklist
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = "Privacy settings: lock down your accounts, without deleting anything."
WHICH = "Which checklist?"
CHECKLIST = "{title}, {done} of {total} done"
STEP = "{title}, {state}"
DONE, NOT_DONE = "done", "not done yet"
WHICH_STEP = "Which step would you like to read?"
WHAT_TO_DO = "What to do: {text}"
WHY = "Why: {text}"
WARNING = "Be careful: {text}"
MARK = "Is this step done now? Type yes to mark it done, or no to leave it."
UNMARK = "This step is marked done. Type yes to mark it not done, or no to leave it."
ANYWAY = "Mark it done anyway? Type yes or no."
MARKED = "Marked {state}."


def run(prompter: Prompter, vault: Vault) -> None:
    from tui.core.privacy.checklists import shipped
    from tui.core.privacy.lockdown import all_progress

    while True:
        prompter.heading(TITLE)
        progresses = all_progress(vault, shipped())
        names = [
            CHECKLIST.format(title=p.checklist.title, done=p.done, total=p.total)
            for p in progresses
        ]
        checklist = progresses[prompter.choose(WHICH, names)].checklist
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
            STEP.format(title=step.title, state=DONE if step.id in progress.ticks else NOT_DONE)
            for step in checklist.steps
        ]
        try:
            number = prompter.choose(WHICH_STEP, names)
        except Back:
            raise _BackToLists from None
        step = checklist.steps[number]
        prompter.say(WHAT_TO_DO.format(text=" ".join(step.do.split())))
        prompter.say(WHY.format(text=" ".join(step.why.split())))
        if step.warning:
            prompter.say(WARNING.format(text=" ".join(step.warning.split())))
        try:
            mark(prompter, vault, checklist, step.id, done=step.id not in progress.ticks)
        except Back:
            continue


def mark(prompter: Prompter, vault: Vault, checklist: Checklist, step_id: str, done: bool) -> None:
    from tui.core.privacy.lockdown import EvidenceFirst, tick

    if not prompter.yes_no(MARK if done else UNMARK):
        return
    try:
        tick(vault, checklist, step_id, done=done)
    except EvidenceFirst as first:
        prompter.say(str(first))
        if not prompter.yes_no(ANYWAY):
            return
        tick(vault, checklist, step_id, done=done, anyway=True)
    except ReclaimError as error:
        prompter.say(str(error))
        return
    prompter.say(MARKED.format(state=DONE if done else NOT_DONE))
