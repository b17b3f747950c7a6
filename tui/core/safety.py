"""The Safety page: what to do if you are in danger, and who can help where you live.

Its words and the worldwide helplines are data (`checklists/safety.toml`); the emergency
number and helplines of a place come from its pack (`places`), and a clinic's own
contacts from the settings file, first, or alone when the clinic says so."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.places.catalogue import resolve
from tui.core.settings import Contact, Settings, read_contacts, read_toml_file
from tui.core.shared.data_files import words
from tui.core.shared.i18n import _
from tui.core.shared.paths import checklists_dir

FILE = "safety.toml"


@dataclass(frozen=True)
class Safety:
    title: str
    intro: str
    steps: tuple[str, ...]
    contacts: tuple[Contact, ...]
    """The clinic's contacts first, then the place's helplines, then the worldwide ones."""
    emergency: Contact | None = None
    """The place's emergency number, shown before anything else."""
    place: str = ""
    """The name of the place it is for."""
    general: bool = True
    """General advice: no place said (its laws and helplines are not shown)."""


def load_safety() -> Safety:
    """The shipped page: its words and the worldwide helplines, for no place in particular."""
    path = checklists_dir() / FILE
    data = read_toml_file(path, _("safety content"))
    # Its words in the language spoken here and now (the clinic's own contacts, from
    # its settings, are shown as the clinic wrote them).
    return Safety(
        title=words(str(data["title"])),
        intro=words(str(data["intro"])),
        steps=tuple(words(str(step)) for step in data["steps"]),
        contacts=tuple(
            Contact(words(c.name), c.how, words(c.note))
            for c in read_contacts(data["contacts"], path)
        ),
    )


def safety_page(settings: Settings, place: str | None = None) -> Safety:
    """The Safety page for `place` (a code, "none", or None for the clinic's default on a
    kiosk, else general advice): its emergency number, then the clinic's contacts, the
    place's helplines, and the worldwide ones."""
    base = load_safety()
    where = resolve(settings.kiosk_jurisdiction if place is None else place)
    helplines = tuple(
        Contact(c.name, c.how, _under_18s(c.note) if c.audience == "under-18" else c.note)
        for c in where.contacts
    )
    contacts = (
        settings.clinic_contacts
        if settings.replace_contacts
        else (settings.clinic_contacts + helplines + base.contacts)
    )
    number = Contact(_("Emergency"), where.emergency.number, where.emergency.note)
    return Safety(
        base.title, base.intro, base.steps, contacts, number, where.name, general=where.general
    )


def _under_18s(note: str) -> str:
    """A helpline's note, saying that it is for under-18s."""
    return _("{note} For under-18s.").format(note=note)
