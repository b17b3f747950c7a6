"""The accounts whose passwords the person changed: when, and whether two-step
verification is on. Dates only; a password never comes near this record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from tinydb import where

from tui.core.shared import clock
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.vault.vault import Vault

TABLE = "accounts"
#: Each kind as the person reads it (the kinds themselves are the words the command line
#: takes and the case keeps).
KIND_NAMES = {
    "email": N_("email"),
    "social media": N_("social media"),
    "cloud": N_("cloud"),
    "phone carrier": N_("phone carrier"),
    "bank": N_("bank"),
    "shopping": N_("shopping"),
    "other": N_("other"),
}
KINDS = tuple(KIND_NAMES)


def kind_name(kind: str) -> str:
    """A kind of account in the language spoken."""
    return _(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


@dataclass(frozen=True)
class Account:
    name: str
    """As the person calls it: "Gmail (personal)", "Instagram"."""
    kind: str = "other"
    changed_on: str = ""
    """ISO date the password was changed; empty while it still needs changing."""
    two_step: bool = False

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Account:
        return cls(
            name=str(record["name"]),
            kind=str(record.get("kind", "other")),
            changed_on=str(record.get("changed_on", "")),
            two_step=bool(record.get("two_step")),
        )


def _clean(name: str, kind: str, changed_on: str) -> tuple[str, str, str]:
    name = " ".join(name.split())
    if not name:
        raise InputError(_("Give the account a name, like Gmail or Instagram."))
    if kind not in KINDS:
        raise InputError(
            _("The kind of account should be one of: {kinds}.").format(kinds=", ".join(KINDS))
        )
    if changed_on:
        try:
            day = date.fromisoformat(changed_on.strip())
        except ValueError:
            raise InputError(
                _("{typed} is not a date Reclaim understands; write it like 2024-03-05.").format(
                    typed=repr(changed_on)
                )
            ) from None
        if day > clock.today():
            raise InputError(_("The date the password was changed can't be in the future."))
        changed_on = day.isoformat()
    return name, kind, changed_on


def list_accounts(vault: Vault) -> list[Account]:
    accounts = [Account.from_record(doc) for doc in vault.table(TABLE).all()]
    return sorted(
        accounts, key=lambda a: (KINDS.index(a.kind) if a.kind in KINDS else 99, a.name.casefold())
    )


def record_account(
    vault: Vault, name: str, kind: str = "other", changed_on: str = "", two_step: bool = False
) -> Account:
    """Add an account, or update the one with the same name (any case)."""
    name, kind, changed_on = _clean(name, kind, changed_on)
    account = Account(name, kind, changed_on, two_step)
    with vault.transaction():
        table = vault.table(TABLE)
        same = where("key") == name.casefold()
        table.upsert(asdict(account) | {"key": name.casefold()}, same)
    return account


def remove_account(vault: Vault, name: str) -> None:
    with vault.transaction():
        if not vault.table(TABLE).remove(where("key") == " ".join(name.split()).casefold()):
            raise NotFound(
                _("There is no account called {name} in your list.").format(name=repr(name))
            )


def summary(accounts: list[Account]) -> str:
    if not accounts:
        return _("no accounts listed yet")
    changed = sum(1 for a in accounts if a.changed_on)
    two_step = sum(1 for a in accounts if a.two_step)
    return ngettext(
        "{changed} of {count} account changed · {two_step} with two-step",
        "{changed} of {count} accounts changed · {two_step} with two-step",
        len(accounts),
    ).format(changed=changed, count=len(accounts), two_step=two_step)
