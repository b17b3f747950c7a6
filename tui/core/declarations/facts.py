"""The person's facts a declaration prints (their name, address, occupation, age), kept
in the case once given (table `declaration_facts`, one document, logged), and how each is
asked for when it is missing. The facts are data: kept as typed, in every language."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _
from tui.core.takedowns.letter_needs import Need
from tui.core.takedowns.letters import get_facts
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: The person's facts a declaration prints, kept in the case once given (one document).
TABLE = "declaration_facts"


@dataclass
class Facts:
    name: str = ""
    """Full name; the letters' name when none is given here."""
    address: str = ""
    occupation: str = ""
    age: str = ""
    """"over 18", or the age of a person under 18 (a UK statement says it)."""


NEEDS = {
    "name": Need("name", N_("your full name")),
    "address": Need("address", N_("your address (town and province or state at least)")),
    "occupation": Need("occupation", N_("your occupation")),
    "age": Need("age", N_('your age: "over 18", or how old you are')),
}


def get_facts_for(vault: Vault) -> Facts:
    records = vault.table(TABLE).all()
    known = {f.name for f in fields(Facts)}
    record = dict(records[0]) if records else {}
    facts = Facts(**{k: str(v) for k, v in record.items() if k in known})
    if not facts.name:
        facts.name = get_facts(vault).name
    return facts


def save_facts(vault: Vault, **given: str | None) -> Facts:
    """Keep what the person gave (trimmed; None leaves a fact as it is), logged."""
    known = {f.name for f in fields(Facts)}
    changes: dict[str, Any] = {}
    for key, value in given.items():
        if key not in known:
            raise InputError(_("{key} is not something a declaration keeps.").format(key=key))
        if value is not None:
            changes[key] = " ".join(value.split())
    if age := changes.get("age"):
        changes["age"] = _age(age)
    if not changes:
        return get_facts_for(vault)
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update(changes, doc_ids=[first[0].doc_id])
        else:
            table.insert(changes)
        logged = "declaration facts"  # i18n: not shown
        custody.append(vault.table(custody.TABLE), logged, fields=sorted(changes))
    return get_facts_for(vault)


#: What "over 18" is kept as, whatever words it was typed in (the facts are data).
ADULT = "over 18"
#: Ways of typing "over 18", in the languages Reclaim speaks.
ADULT_WORDS = frozenset(
    (
        "over 18", "18 or over", "adult", "18", "over18",  # i18n: not shown
        "mayor de 18", "mayor de edad", "adulto", "adulta",  # i18n: not shown
        "mayor de 18 años", "mayor de 18 anos", "más de 18", "mas de 18",  # i18n: not shown
        "18 años o más", "18 o más", "18 años",  # i18n: not shown
        "plus de 18", "plus de 18 ans", "majeur", "majeure", "adulte",  # i18n: not shown
        "18 ans", "18 ans ou plus", "18 ans et plus", "plus de dix-huit ans",  # i18n: not shown
    )
)  # fmt: skip


def _age(text: str) -> str:
    lowered = " ".join(text.lower().replace("+", "").strip(' "«»“”').split())
    if lowered in ADULT_WORDS:
        return ADULT
    if lowered.isdigit() and 0 < int(lowered) < 130:
        return ADULT if int(lowered) >= 18 else lowered
    raise InputError(_('Give your age as "over 18" or as a number, like 16.'))


def shown_age(age: str) -> str:
    """The age as the declaration's language says it."""
    return _("over 18") if age == ADULT else age
