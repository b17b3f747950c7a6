"""An exhibit's details form: its fields, their labels and examples, and how a stored
value is shown in it (`tui.screens.exhibit` draws the form)."""

from __future__ import annotations

from contextlib import suppress

from tui.core.evidence.model import DATE_FIELDS, DETAIL_FIELDS, Exhibit
from tui.core.shared.i18n import N_, SOURCE_LANGUAGE, language

#: (field, label, placeholder); the order of the form.
FORM = (
    (
        "description",
        N_("What it shows"),
        N_("e.g. the post with my photo, username and date visible"),
    ),
    ("platform", N_("Site or app"), N_("e.g. Instagram")),
    ("poster", N_("Who posted it"), N_("their username or profile name")),
    ("posted_at", N_("When it was posted"), N_("e.g. 5 March 2024 21:14, March 2024, about 2023")),
    ("captured_at", N_("When you captured it"), N_("e.g. 6 March 2024 08:15, or 2024-03-06")),
    ("url", N_("Web address"), "https://..."),
    ("caption", N_("Captions and comments"), N_("what was written with it")),
    ("significance", N_("Why it matters"), N_("e.g. shows who posted it and when")),
    ("notes", N_("Notes"), N_("anything else")),
)
LONG_FIELDS = frozenset({"caption", "notes"})


def shown_value(exhibit: Exhibit, name: str) -> str:
    return visible_value(name, getattr(exhibit, name))


def visible_value(name: str, value: object) -> str:
    """A stored value as its field shows it: a date as the language writes it, in a
    form that is read back ("2 mars 2024, 22:41", "vers 2023"); English keeps
    "2024-03-02 22:41" as it always did."""
    text = str(value or "")
    if name not in DATE_FIELDS or not text:
        return text
    if language() != SOURCE_LANGUAGE:
        from tui.core.shared.fuzzy_dates import When

        with suppress(ValueError):  # a date stored before dates were read: as it is
            return When.from_stored(text).text()
    return text.replace("T", " ")


def stored_details(exhibit: Exhibit) -> dict[str, str]:
    return {name: getattr(exhibit, name) for name in DETAIL_FIELDS}
