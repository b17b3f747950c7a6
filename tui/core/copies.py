"""The copies register: where copies of the case are (backups made by Reclaim, and
copies made by hand: a printed binder at a friend's, a cloud folder), what each held,
and which are out of date because newer evidence was added since."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tinydb import where

from tui.core.clock import utc_stamp
from tui.core.errors import InputError, NotFound
from tui.core.evidence.exhibits import list_exhibits
from tui.core.vault import Vault

TABLE = "copies"
KINDS = ("backup", "drive", "cloud", "printed", "other")


@dataclass
class Copy:
    id: str
    kind: str
    where: str
    made_at: str
    exhibits: int
    newest_exhibit: str
    """`added_at` of the newest exhibit the copy holds ('' when none)."""
    last_verified_at: str = ""
    note: str = ""


def _copy(record: Any) -> Copy:
    known = Copy.__dataclass_fields__
    return Copy(**{k: v for k, v in dict(record).items() if k in known})


def list_copies(vault: Vault) -> list[Copy]:
    return sorted((_copy(doc) for doc in vault.table(TABLE).all()), key=lambda c: c.id)


def _newest(vault: Vault) -> tuple[int, str]:
    exhibits = list_exhibits(vault)
    return len(exhibits), max((e.added_at for e in exhibits), default="")


def record_backup(vault: Vault, folder: Path, manifest: dict[str, Any]) -> Copy:
    """Called by a backup, inside its transaction: add or update that backup's entry."""
    table = vault.table(TABLE)
    values = {
        "kind": "backup",
        "where": str(folder),
        "made_at": manifest["made_at"],
        "exhibits": manifest["exhibits"],
        "newest_exhibit": manifest["newest_exhibit"],
        "last_verified_at": manifest["made_at"],
    }
    existing = table.get(where("where") == str(folder))
    if existing is not None:
        table.update(values, where("where") == str(folder))
    else:
        table.insert({"id": f"C-{vault.next_number('copy'):02d}", "note": "", **values})
    found = table.get(where("where") == str(folder))
    assert found is not None
    return _copy(found)


def add_copy(vault: Vault, kind: str, where_text: str, note: str = "") -> Copy:
    """A copy made by hand; it holds what the case holds now."""
    if kind not in KINDS:
        raise InputError(f"The kind of copy is one of: {', '.join(KINDS)}.")
    if not where_text.strip():
        raise InputError("Say where the copy is, e.g. 'printed binder at Sam's'.")
    with vault.transaction():
        count, newest = _newest(vault)
        copy = Copy(
            id=f"C-{vault.next_number('copy'):02d}",
            kind=kind,
            where=where_text.strip(),
            made_at=utc_stamp(),
            exhibits=count,
            newest_exhibit=newest,
            note=note.strip(),
        )
        vault.table(TABLE).insert(asdict(copy))
    return copy


def mark_verified(vault: Vault, folder: Path) -> None:
    with vault.transaction():
        vault.table(TABLE).update({"last_verified_at": utc_stamp()}, where("where") == str(folder))


def remove_copy(vault: Vault, copy_id: str) -> Copy:
    with vault.transaction():
        found = vault.table(TABLE).get(where("id") == copy_id.strip().upper())
        if found is None:
            raise NotFound(f"There is no copy {copy_id} in the register.")
        vault.table(TABLE).remove(where("id") == copy_id.strip().upper())
    return _copy(found)


def is_stale(copy: Copy, newest_exhibit: str) -> bool:
    """Out of date: evidence was added after this copy was made."""
    return bool(newest_exhibit) and copy.newest_exhibit < newest_exhibit


def summary(vault: Vault) -> str:
    copies = list_copies(vault)
    if not copies:
        return "no copies yet"
    _count, newest = _newest(vault)
    stale = sum(1 for copy in copies if is_stale(copy, newest))
    text = f"{len(copies)} cop{'ies' if len(copies) != 1 else 'y'}"
    return text + (f" · {stale} out of date" if stale else " · all up to date")
