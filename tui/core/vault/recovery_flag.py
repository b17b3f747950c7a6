"""Whether the person said they wrote down the case's recovery code: a flag in the
case's own encrypted settings (table `case_settings`, field `recovery_code_confirmed`).
The code itself is never stored.

A case made in the app holds `false` from the moment its code is shown until "I have
written it down"; if the app ends before that (a quit, a crash, a power cut), the next
unlock says so and offers a new code. A case without the flag (made before Reclaim kept
it, or by `reclaim init`, which prints the code and can't know) counts as confirmed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.vault import custody

if TYPE_CHECKING:
    from tui.core.vault.vault import Vault

#: The case's own settings (one document), shared with where the person lives.
TABLE = "case_settings"
FIELD = "recovery_code_confirmed"


def code_confirmed(vault: Vault) -> bool:
    """False only when the case's recovery code was shown and never confirmed."""
    records = vault.table(TABLE).all()
    return bool(records[0].get(FIELD, True)) if records else True


def set_code_confirmed(vault: Vault, confirmed: bool) -> None:
    """Keep whether the code was confirmed as written down; the same again writes nothing."""
    if code_confirmed(vault) is confirmed:  # (no flag at all counts as confirmed)
        return
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update({FIELD: confirmed}, doc_ids=[first[0].doc_id])
        else:
            table.insert({FIELD: confirmed})
        custody.append(
            vault.table(custody.TABLE),
            "case settings",  # i18n: not shown
            fields=[FIELD],
        )
