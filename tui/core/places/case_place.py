"""Where the case's person lives, kept in the case's own settings (table `case_settings`,
field `jurisdiction`): a code, `none` for "I'd rather not say" (general advice only), or
nothing at all in a case made before Reclaim asked.

Such a case is read as the United States, marked as assumed, because that is what
Reclaim showed it until then: the clocks of requests already sent, and their overdue
warnings and next routes, stay as the person has been relying on them (`LEGACY`). Any
step that shows the place says it was assumed, and how to change it in its own words.

Cases of vault format 3 and before kept the place among the letter facts; opening one
moves it here (`tui.core.vault.migrations`). Changing the place also moves the deadlines
of the case's takedown requests: the faces call `takedowns.deadlines.set_case_place`,
which saves it here and stamps the requests in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.places.catalogue import check_code, resolve
from tui.core.places.covered import country_name
from tui.core.places.model import NOT_SAID, Jurisdiction
from tui.core.shared.i18n import _
from tui.core.vault import custody

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

#: Settings of the whole case (not of one letter or step); one document.
TABLE = "case_settings"
FIELD = "jurisdiction"
#: What a case made before Reclaim asked is read as (see the module's docstring).
LEGACY = "us"


def stored(vault: Vault) -> str:
    """What the case holds: a code, "none", or '' (made before Reclaim asked)."""
    records = vault.table(TABLE).all()
    return str(records[0].get(FIELD, "")) if records else ""


def case_code(vault: Vault) -> str:
    """The code whose rules apply to the case: '' is read as `LEGACY`, "none" as general."""
    return stored(vault) or LEGACY


def case_jurisdiction(vault: Vault) -> Jurisdiction:
    return resolve(case_code(vault))


def save_place(vault: Vault, code: str) -> str:
    """Keep what was typed (checked: a code, a province kept as typed, or "none") as the
    case's place; the code stored. Saving the same place again writes nothing. Call it
    through `takedowns.deadlines.set_case_place`, which also moves the requests' clocks."""
    checked = check_code(code)
    if checked == stored(vault):
        return checked
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update({FIELD: checked}, doc_ids=[first[0].doc_id])
        else:
            table.insert({FIELD: checked})
        custody.append(
            vault.table(custody.TABLE),
            "case settings",  # i18n: not shown
            fields=[FIELD],
        )
    return checked


def display_name(code: str) -> str:
    """How a stored code reads: a place's name, a province shown as its country with its
    own code, or the general advice."""
    place = resolve(code)
    if place.general:
        return _("not said (general advice)")
    member = code.rsplit("-", 1)[-1] if code.startswith(place.code + "-") else ""
    if member in place.covers:  # "Spain (rules: European Union)"
        return _("{country} (rules: {place})").format(
            country=country_name(member), place=place.name
        )
    if code and code != place.code and code.startswith(place.code + "-"):
        return _("{place} ({code}: {place}'s rules)").format(place=place.name, code=code.upper())
    return place.name


def case_place(vault: Vault) -> str:
    """The case's place in a few words, for the binder's cover and the screens."""
    code = stored(vault)
    if not code:
        return _("{place} (assumed: where you live hasn't been said for this case)").format(
            place=resolve(LEGACY).name
        )
    return display_name(code)


def lawyer_line(vault: Vault) -> str:
    """One line for the lawyer's notes: where the person lives, and what Reclaim used."""
    code = stored(vault)
    if code == NOT_SAID:
        return _("Where the person lives: not said; Reclaim showed general advice only.")
    place = resolve(code or LEGACY)
    laws = "; ".join(law.law for law in place.legal if law.status == "law")
    name = display_name(code or LEGACY)
    if not code:
        return _(
            "Where the person lives: {place} (assumed: not said in the case). "
            "Laws Reclaim showed: {laws}."
        ).format(place=name, laws=laws)
    return _("Where the person lives: {place}. Laws Reclaim showed: {laws}.").format(
        place=name, laws=laws
    )
