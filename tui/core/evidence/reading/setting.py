"""Whether the words in this case's pictures are read: a case setting (table
`case_settings`, field `read_pictures`, in the encrypted record), on unless the person
turns it off. Off, nothing is read, in the background or on demand; what was read before
stays until the person asks for it to be read again."""

from __future__ import annotations

from tui.core.vault import custody
from tui.core.vault.vault import Vault

TABLE = "case_settings"
FIELD = "read_pictures"
#: Where the case's person lives, kept in the same document by `places.case_place` (read
#: here, not imported: evidence sits below places).
PLACE = "jurisdiction"


def reading_on(vault: Vault) -> bool:
    records = vault.table(TABLE).all()
    return bool(records[0].get(FIELD, True)) if records else True


def case_place_code(vault: Vault) -> str:
    """The code of where the case's person lives ("us", "gb-eng"), or ''."""
    records = vault.table(TABLE).all()
    return str(records[0].get(PLACE, "")) if records else ""


def set_reading(vault: Vault, on: bool) -> None:
    """Turn reading on or off (logged); the same again writes nothing."""
    if reading_on(vault) is on:
        return
    with vault.transaction():
        table = vault.table(TABLE)
        first = table.all()[:1]
        if first:
            table.update({FIELD: on}, doc_ids=[first[0].doc_id])
        else:
            table.insert({FIELD: on})
        custody.append(
            vault.table(custody.TABLE),
            "case settings",  # i18n: not shown
            fields=[FIELD],
        )
