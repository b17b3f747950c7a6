"""The language a case's person chose for the app: a case setting (table
`case_settings`, field `language`, in the encrypted record), so that their case opens
in it on any computer. No field: the language the app was started in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.shared.i18n import LANGUAGES
from tui.core.vault import custody

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

TABLE = "case_settings"
FIELD = "language"


def case_language(vault: Vault) -> str:
    """The case's language ("es"), or '' when its person never chose one."""
    records = vault.table(TABLE).all()
    code = str(records[0].get(FIELD, "")) if records else ""
    return code if code in LANGUAGES else ""


def set_case_language(vault: Vault, code: str) -> None:
    """Keep `code` as the case's language (logged); the same again writes nothing."""
    if code not in LANGUAGES:
        raise ValueError(code)  # i18n: not shown
    if case_language(vault) == code:
        return
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update({FIELD: code}, doc_ids=[first[0].doc_id])
        else:
            table.insert({FIELD: code})
        custody.append(
            vault.table(custody.TABLE),
            "case settings",  # i18n: not shown
            fields=[FIELD],
        )


def clear_case_language(vault: Vault) -> None:
    """Forget the case's language (logged): the app then speaks the one it is started
    in; none kept writes nothing."""
    if not case_language(vault):
        return
    with vault.transaction():
        table = vault.table(TABLE)
        for record in table.all():
            table.update({FIELD: ""}, doc_ids=[record.doc_id])
        custody.append(
            vault.table(custody.TABLE),
            "case settings",  # i18n: not shown
            fields=[FIELD],
        )
