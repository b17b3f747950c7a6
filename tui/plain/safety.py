"""Safety first: the Safety page's words, the emergency number and who can help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.settings import Settings
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
EMERGENCY = N_("In an emergency, call {how}. {note}")
FOR_PLACE = N_("This is for {place}.")
WHO_CAN_HELP = N_("Who can help:")
CONTACT = N_("{name}: {how}. {note}")
DONE = N_("That is the end of the Safety page. Press Enter to go back to the main menu.")


def run(prompter: Prompter, vault: Vault | None, settings: Settings) -> None:
    from tui.core.places.case_place import case_code
    from tui.core.safety import safety_page

    place = (case_code(vault) or None) if vault is not None else None
    page = safety_page(settings, place)
    prompter.heading(page.title)
    if page.emergency is not None and page.emergency.how:
        prompter.say(_(EMERGENCY).format(how=page.emergency.how, note=page.emergency.note).strip())
    if not page.general and page.place:
        prompter.say(_(FOR_PLACE).format(place=page.place))
    prompter.say(page.intro)
    for number, step in enumerate(page.steps, start=1):
        prompter.say(f"{number}. {' '.join(step.split())}")
    if page.contacts:
        prompter.say(_(WHO_CAN_HELP))
        for contact in page.contacts:
            prompter.say(
                _(CONTACT).format(name=contact.name, how=contact.how, note=contact.note).strip()
            )
    prompter.ask(_(DONE))
