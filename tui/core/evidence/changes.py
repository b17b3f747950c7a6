"""Changing an exhibit after intake: its described details, whether the binder leaves it
out, and deleting it for good. The stored bytes never change; every change is written
to the custody log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tui.core.evidence.model import (
    DETAIL_FIELDS,
    TABLE,
    Exhibit,
    clean_details,
    doc_ids,
    get_exhibit,
)
from tui.core.shared.atomic import fsync_dir
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.vault import custody, edits
from tui.core.vault.vault import Vault


def update_details(
    vault: Vault,
    exhibit_id: str,
    details: Mapping[str, str | None],
    confirm: Iterable[str] = (),
    base: Mapping[str, str | None] | None = None,
) -> Exhibit:
    """Change the described details of one exhibit; the stored bytes never change.

    `base` is the stored details as the form read them (see `tui.core.vault.edits`): only
    the fields changed since are written, and a field also changed elsewhere meanwhile
    raises `EditConflict`, writing nothing. Without `base` (the command line, which reads
    and writes at once) every given detail is written. A guessed detail the person types,
    or names in `confirm`, stops being a guess. The custody log keeps each changed
    field's old and new value."""
    cleaned = clean_details(details)
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit_id)
        current = {name: getattr(exhibit, name) for name in DETAIL_FIELDS}
        changed: dict[str, Any] = edits.checked(base, cleaned, current)
        confirmed = sorted((set(changed) | set(confirm)) & set(exhibit.guesses))
        if changed or confirmed:
            record = dict(changed)
            if confirmed:
                record["guesses"] = {
                    k: v for k, v in exhibit.guesses.items() if k not in confirmed
                }
            vault.table(TABLE).update(record, doc_ids=doc_ids(vault, exhibit.id))
            custody.append(
                vault.table(custody.TABLE),
                "details",
                exhibit=exhibit.id,
                fields=sorted(changed),
                **({"changes": edits.changes(current, changed)} if changed else {}),
                **({"confirmed": confirmed} if confirmed else {}),
            )
        return get_exhibit(vault, exhibit.id)


def set_excluded(vault: Vault, exhibit_id: str, excluded: bool) -> Exhibit:
    """Leave an exhibit out of the binder (or put it back); the evidence is kept."""
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit_id)
        if exhibit.excluded != excluded:
            vault.table(TABLE).update({"excluded": excluded}, doc_ids=doc_ids(vault, exhibit.id))
            custody.append(
                vault.table(custody.TABLE),
                "exclude" if excluded else "include",
                exhibit=exhibit.id,
            )
        return get_exhibit(vault, exhibit.id)


def delete_exhibit(vault: Vault, exhibit_id: str, typed: str, reason: str = "") -> Exhibit:
    """Delete an exhibit for good: only when `typed` is its number in full.

    The custody log keeps what was deleted (number, hash, size, name) and why; the
    number is never given to another item."""
    exhibit = get_exhibit(vault, exhibit_id)
    if typed.strip().upper() != exhibit.id:
        raise InputError(
            _("To delete {exhibit} for good, type {exhibit} exactly; nothing was deleted.").format(
                exhibit=exhibit.id
            )
        )
    with vault.transaction():
        exhibit = get_exhibit(vault, exhibit.id)
        vault.table(TABLE).remove(doc_ids=doc_ids(vault, exhibit.id))
        custody.append(
            vault.table(custody.TABLE),
            "delete",
            exhibit=exhibit.id,
            sha256=exhibit.sha256,
            size=exhibit.size,
            original_name=exhibit.original_name,
            **({"reason": reason.strip()} if reason.strip() else {}),
        )
    (vault.blob_dir / f"{exhibit.blob}.blob").unlink(missing_ok=True)
    fsync_dir(vault.blob_dir)
    return exhibit
