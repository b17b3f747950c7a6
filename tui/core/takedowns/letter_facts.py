"""What letters need to know about the person (their name, how to reach them, what a
cease-and-desist letter demands), kept in the case once given (table `letter_facts`),
and the parts a valid removal request has."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from tui.core.shared.clock import utc_now
from tui.core.shared.dates import parse_when
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.takedowns.requests import Request
from tui.core.vault import custody, edits
from tui.core.vault.vault import Vault

TABLE = "letter_facts"
UNDER_18 = ("yes", "no", "unsure")
DEFAULT_DEMANDS = (
    N_("stop sharing, posting, sending or showing the images, and stop threatening to"),
    N_("delete every copy you have, on every phone, computer, account and backup"),
    N_("ask everyone you gave them to, and every site where you posted them, to delete them"),
    N_("not contact me again, except through a lawyer"),
)


@dataclass
class Facts:
    """What letters need to know about the person, kept in the case once given."""

    name: str = ""
    contact: str = ""
    """How to reach the person: an email address, or a postal address."""
    signature: str = ""
    """The full name typed as an electronic signature."""
    acting_for: str = ""
    """The person shown, when a helper or lawyer writes for them."""
    no_consent: bool = False
    """The person confirmed that the images were shared without their consent."""
    under_18: str = ""
    """Was the person shown under 18 when the images were taken: yes, no or unsure."""
    recipient: str = ""
    """The person a cease-and-desist letter goes to."""
    recipient_contact: str = ""
    respond_by: str = ""
    """The date by which the recipient must do what the letter demands."""
    demands: list[str] = field(default_factory=lambda: list(DEFAULT_DEMANDS))
    lawyer_notes: str = ""


def get_facts(vault: Vault) -> Facts:
    records = vault.table(TABLE).all()
    if not records:
        return Facts()
    known = Facts.__dataclass_fields__
    return Facts(**{k: v for k, v in dict(records[0]).items() if k in known})


def save_facts(vault: Vault, **changes: object) -> Facts:
    """Keep what the person gave (see `change_facts`), read and written at once."""
    return change_facts(vault, changes)


def change_facts(
    vault: Vault, changes: Mapping[str, object], base: Mapping[str, Any] | None = None
) -> Facts:
    """Keep what the person gave; text is trimmed, dates and answers are checked first so
    that a bad value changes nothing. Read and written in one transaction, so another
    window's facts are never written back over; `base` is the facts as a form read them
    (see `tui.core.vault.edits`): a given fact changed elsewhere since raises
    `EditConflict`, writing nothing. The log keeps each fact's old and new value."""
    checked: dict[str, object] = {}
    for key, value in changes.items():
        if value is None:
            continue
        if key not in Facts.__dataclass_fields__:
            raise ValueError(f"unknown fact {key}")  # i18n: not shown
        if isinstance(value, str):
            value = value.strip()
        if key == "under_18" and value and value not in UNDER_18:
            raise InputError(_("Was the person shown under 18? Answer yes, no or unsure."))
        if key == "respond_by" and value:
            value = _respond_by(str(value))
        if key == "demands":
            value = [d.strip() for d in value if d.strip()]  # type: ignore[attr-defined]
        checked[key] = value
    with vault.transaction():
        facts = get_facts(vault)
        current = asdict(facts)
        write = edits.checked(base, checked, current)
        if not write:
            return facts
        updated = Facts(**{**current, **write})
        table = vault.table(TABLE)
        table.truncate()
        table.insert(asdict(updated))
        custody.append(
            vault.table(custody.TABLE),
            "letter facts",  # i18n: not shown
            fields=sorted(write),
            changes=edits.changes(current, write),
        )
    return updated


def _respond_by(text: str) -> str:
    day = parse_when(text, future=True)[:10]
    if date.fromisoformat(day) <= utc_now().date():
        raise InputError(
            _("{day} has already come; give a date after today, like in 14 days.").format(day=day)
        )
    return day


def request_parts(request: Request, facts: Facts) -> list[tuple[str, bool]]:
    """The parts a valid removal request has (the TAKE IT DOWN Act and the sites ask for
    the same): where the content is, the statement, a signature, how to reach you."""
    links = len(request.urls)
    return [
        (
            ngettext(
                "where the content is ({count} link)",
                "where the content is ({count} links)",
                links,
            ).format(count=links),
            links > 0,
        ),
        (_("a statement that it was shared without consent"), facts.no_consent),
        (_("your name and signature"), bool(facts.name and facts.signature)),
        (_("how to reach you"), bool(facts.contact)),
    ]
