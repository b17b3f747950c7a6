"""Evidence: adding a file with its details, hearing the list, changing details."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Back, Prompter

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Evidence: save screenshots, pages and recordings before they disappear.")
CHOICES = (
    N_("Add a file"),
    N_("Hear the evidence so far"),
    N_("Change the details of one piece of evidence"),
)
WHICH_FILE = N_(
    "Type the full path of the file to add, for example /home/sam/Pictures/screenshot.png, "
    "then press Enter."
)
WHICH_FILE_HELP = N_(
    "The file is copied into your case, encrypted; the file itself is left as it is."
)
NO_FILE = N_("There is no file there. Check the path and type it again.")
OPTIONAL = N_("Press Enter alone to leave it out.")
KEEP = N_("Press Enter alone to keep it as it is.")
#: The details asked for, in order, and how each is asked.
QUESTIONS = {
    "description": N_("Describe it in a few words: what does it show?"),
    "platform": N_("Which site or app was it on? For example Instagram."),
    "url": N_("What is the web address where it was posted?"),
    "poster": N_("What is the user name of who posted it?"),
    "posted_at": N_(
        "When was it posted? For example 5 March 2024 21:14, March 2024, or about 2023."
    ),
    "captured_at": N_("When did you save it? For example 6 March 2024, or today."),
    "notes": N_("Anything else to note about it?"),
}
ADDED = N_("Saved as exhibit {id}.")
NOT_ADDED = N_("{name} was not added: nothing was saved. Add it again whenever you like.")
ALREADY = N_("That file is already in your case, as exhibit {id}. Nothing new was added.")
NONE_YET = N_("There is no evidence yet.")
EXHIBIT = N_("{id}: {name}. {description}")
WHICH_EXHIBIT = N_("Which exhibit? Type its number, for example 1 for E-0001.")
CHANGED = N_("The details of {id} are saved.")
NOW = N_("Now: {value}.")
#: The details that are dates, said the language's way ("7 December 2026, 22:19:48").
DATES = ("posted_at", "captured_at")


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: add(prompter, vault), lambda: hear(prompter, vault),
               lambda: change(prompter, vault))  # fmt: skip
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def ask_detail(prompter: Prompter, name: str, suffix: str = OPTIONAL) -> str:
    """One detail as typed, asked again until it can be used (a date that can be read)."""
    from tui.core.evidence.model import clean_details

    while True:
        typed = prompter.ask(_(QUESTIONS[name]) + " " + _(suffix))
        try:
            clean_details({name: typed})
        except ReclaimError as error:
            prompter.say(str(error))
            continue
        return typed


def add(prompter: Prompter, vault: Vault) -> None:
    from tui.core.evidence.adding import add_file

    with prompter.form():
        while True:
            path = Path(
                prompter.ask(_(WHICH_FILE), _(WHICH_FILE_HELP), required=True)
            ).expanduser()
            if is_file(path):
                break
            prompter.say(_(NO_FILE))
        try:
            details = {name: ask_detail(prompter, name) for name in QUESTIONS}
        except Back as back:
            prompter.say(_(NOT_ADDED).format(name=path.name))
            back.said = True
            raise
        try:
            result = add_file(vault, path, {k: v for k, v in details.items() if v})
        except ReclaimError as error:
            prompter.say(str(error))
            return
    said = _(ALREADY) if result.duplicate else _(ADDED)
    prompter.say(said.format(id=result.exhibit.id))


def hear(prompter: Prompter, vault: Vault) -> None:
    from tui.core.evidence.model import list_exhibits

    exhibits = list_exhibits(vault)
    if not exhibits:
        prompter.say(_(NONE_YET))
    for exhibit in exhibits:
        text = _(EXHIBIT).format(
            id=exhibit.id, name=exhibit.original_name, description=exhibit.description
        )
        prompter.say(text.strip())


def change(prompter: Prompter, vault: Vault) -> None:
    from tui.core.evidence.changes import update_details
    from tui.core.evidence.model import get_exhibit, list_exhibits, normalize_id

    if not list_exhibits(vault):
        prompter.say(_(NONE_YET))
        return
    hear(prompter, vault)  # the choices, before the question
    while True:
        try:
            exhibit = get_exhibit(
                vault, normalize_id(prompter.ask(_(WHICH_EXHIBIT), required=True))
            )
        except ReclaimError as error:
            prompter.say(str(error))
            continue
        break
    with prompter.form():
        changed: dict[str, str | None] = {}
        for name in QUESTIONS:
            current = str(getattr(exhibit, name, "") or "")
            if current:
                prompter.say(_(NOW).format(value=as_said(name, current)))
            typed = ask_detail(prompter, name, KEEP)
            if typed:
                changed[name] = typed
        if changed:
            try:
                update_details(vault, exhibit.id, changed)
            except ReclaimError as error:
                prompter.say(str(error))
                return
    prompter.say(_(CHANGED).format(id=exhibit.id))


def as_said(name: str, value: str) -> str:
    """A detail as it is said: a date in words ("2026-12-07T22:19:48" is "7 December
    2026, 22:19:48"), anything else as it is."""
    from tui.core.shared.fuzzy_dates import When

    if name not in DATES:
        return value
    try:
        return When.parse(value).text()
    except ReclaimError:
        return value


def is_file(path: Path) -> bool:
    """Whether `path` is a file that can be added (a path too long for this computer, or
    one it can't look into, is not)."""
    try:
        return path.is_file()
    except OSError:
        return False
