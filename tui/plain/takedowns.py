"""Takedowns: asking sites to remove the images, and drafting the letters that ask."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _
from tui.plain.prompt import Prompter

if TYPE_CHECKING:
    from tui.core.takedowns.requests import Request
    from tui.core.takedowns.sites import HashService, Site
    from tui.core.vault.vault import Vault

# ---- what a person reads -------------------------------------------------------------
TITLE = N_("Takedowns: ask sites to remove the images.")
CHOICES = (N_("Add a takedown request"), N_("Hear the requests so far"), N_("Draft a letter"))
WHICH_SITE = N_("Which site or service is it on?")
WEB_ADDRESS = N_(
    "Type one web address where the images are, starting with https, then press Enter. "
    "When there are no more, press Enter alone."
)
WEB_ADDRESS_HELP = N_("Copy the web address from the address bar of the browser.")
ADDED = N_("Request {id} to {site} is saved as a draft.")
HOW = N_("How to send it: {how}")
NONE_YET = N_("There are no takedown requests yet.")
REQUEST = N_("{id}: {site}, {status}.")
WHICH_REQUEST = N_("Which request is the letter for?")
WHICH_LETTER = N_("Which letter?")
LETTER_CHOICES = (N_("A takedown request to the site"), N_("A copyright notice to the site"))
LETTER_KINDS = ("takedown", "copyright")
WHERE = N_(
    "Type the full path to save the letter, ending in .txt, for example /media/usb/letter.txt. "
    "Or press Enter alone to hear it here."
)
SAVED = N_(
    "The draft letter is saved in {path}. It is not encrypted; read it through before sending."
)
START = N_("The letter starts here.")
END = N_("The letter ends here.")


def run(prompter: Prompter, vault: Vault) -> None:
    actions = (lambda: add(prompter, vault), lambda: hear(prompter, vault),
               lambda: letter(prompter, vault))  # fmt: skip
    prompter.menu(_(TITLE), list(zip([_(c) for c in CHOICES], actions, strict=True)))


def add(prompter: Prompter, vault: Vault) -> None:
    from tui.core.takedowns.requests import add_request
    from tui.core.takedowns.sites import shipped

    directions = shipped()
    routes: list[Site | HashService] = [*directions.sites, *directions.hash_services]
    with prompter.form():
        site = routes[prompter.choose(_(WHICH_SITE), [route.name for route in routes])]
        urls: list[str] = []
        while typed := prompter.ask(_(WEB_ADDRESS), _(WEB_ADDRESS_HELP)):
            urls.append(typed)
        try:
            request = add_request(vault, site.id, urls)
        except ReclaimError as error:
            prompter.say(str(error))
            return
    prompter.say(_(ADDED).format(id=request.id, site=site.name))
    prompter.say(_(HOW).format(how=" ".join(site.how.split())))


def hear(prompter: Prompter, vault: Vault) -> list[Request]:
    from tui.core.takedowns.requests import list_requests

    requests = list_requests(vault)
    if not requests:
        prompter.say(_(NONE_YET))
    for request in requests:
        status = _(request.status)  # kept in English, said in the language (as the app does)
        prompter.say(_(REQUEST).format(id=request.id, site=site_name(request), status=status))
    return requests


def site_name(request: Request) -> str:
    """The name of the site a request is to, as the app shows it ("Reddit", not its id)."""
    from tui.core.takedowns.sites import shipped

    try:
        return shipped().route(request.site).name
    except ReclaimError:
        return request.site  # a site this version of Reclaim does not know


def letter(prompter: Prompter, vault: Vault) -> None:
    from tui.core.takedowns.letter_needs import MissingFacts
    from tui.core.takedowns.letters import draft
    from tui.core.takedowns.requests import list_requests
    from tui.plain import letter_needs

    requests = list_requests(vault)
    if not requests:
        prompter.say(_(NONE_YET))
        return
    names = [f"{request.id}, {site_name(request)}" for request in requests]
    request = requests[prompter.choose(_(WHICH_REQUEST), names)]
    kind = LETTER_KINDS[prompter.choose(_(WHICH_LETTER), [_(c) for c in LETTER_CHOICES])]
    while True:
        try:
            drafted = draft(vault, kind, request.id)
            break
        except MissingFacts as missing:
            if not letter_needs.ask(prompter, vault, request.id, missing):
                return
        except ReclaimError as error:
            prompter.say(str(error))
            return
    from tui.core.binder.documents_language import COPY_SAVED
    from tui.core.takedowns.letters import copy_to_read

    copy = copy_to_read(vault, drafted)  # in the person's language, when the letter is not
    where = prompter.ask(_(WHERE))
    if where:
        from tui.core.takedowns.letter_files import copy_destination, export_letter

        try:
            path = export_letter(vault, drafted, drafted.text, Path(where).expanduser())
            if copy is not None:
                beside = export_letter(vault, copy, copy.text, copy_destination(path))
        except ReclaimError as error:
            prompter.say(str(error))
            return
        prompter.say(_(SAVED).format(path=path))
        if copy is not None:
            prompter.say(_(COPY_SAVED).format(path=beside))
        return
    from tui.core.binder.documents_language import documents_language
    from tui.core.shared.i18n import person_language, speaking

    readings = [(drafted, documents_language(vault))]
    if copy is not None:
        readings.append((copy, person_language()))
    for each, code in readings:
        prompter.say(_(START))
        with speaking(code):  # a symbol said in words ("then") in the letter's language
            for line in each.text.splitlines():
                prompter.say(line)
        prompter.say(_(END))
