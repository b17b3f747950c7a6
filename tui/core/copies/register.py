"""The copies register: where copies of the case are (backups made by Reclaim, and
copies made by hand: a printed binder at a friend's, a cloud folder), what each held,
and which are out of date because newer evidence was added since."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tinydb import where

from tui.core.evidence.model import list_exhibits
from tui.core.shared.clock import utc_stamp
from tui.core.shared.errors import InputError, NotFound
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.vault.vault import Vault

TABLE = "copies"
#: The kinds of copy (kept in English; said with `_()` where shown).
KINDS = (N_("backup"), N_("drive"), N_("cloud"), N_("printed"), N_("other"))


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
    """When a check (or the backup itself) last found it whole; '' after a failed check."""
    note: str = ""
    check_failed_at: str = ""
    """When a check last found it damaged; '' once a check or a new backup finds it whole."""
    check_problem: str = ""
    """What that failed check found first, to say why it is marked damaged."""
    old_key: bool = False
    """Made before the case got a new key: it still opens with the old passphrase, so it
    should be replaced by a new backup and destroyed (see rekey.py)."""


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
        "old_key": False,
        "kind": "backup",
        "where": str(folder),
        "made_at": manifest["made_at"],
        "exhibits": manifest["exhibits"],
        "newest_exhibit": manifest["newest_exhibit"],
        "last_verified_at": manifest["made_at"],  # every file was just hashed against the case
        "check_failed_at": "",
        "check_problem": "",
    }
    existing = table.get(_at(folder))
    if existing is not None:
        table.update(values, _at(folder))
    else:
        table.insert({"id": f"C-{vault.next_number('copy'):02d}", "note": "", **values})
    found = table.get(_at(folder))
    assert found is not None
    return _copy(found)


def _at(folder: Path) -> Any:
    """The register's entry for a backup folder, however its path was spelled (a
    relative path, or through a linked mount point) when it was made or checked."""
    real = os.path.realpath(folder)

    def same(place: Any) -> bool:
        return isinstance(place, str) and (place == str(folder) or os.path.realpath(place) == real)

    return (where("kind") == "backup") & where("where").test(same)


def add_copy(vault: Vault, kind: str, where_text: str, note: str = "") -> Copy:
    """A copy made by hand; it holds what the case holds now."""
    if kind not in KINDS:
        raise InputError(_("The kind of copy is one of: {kinds}.").format(kinds=", ".join(KINDS)))
    if not where_text.strip():
        raise InputError(_("Say where the copy is, e.g. 'printed binder at Sam's'."))
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
    """A check found the backup at `folder` whole."""
    with vault.transaction():
        vault.table(TABLE).update(
            {"last_verified_at": utc_stamp(), "check_failed_at": "", "check_problem": ""},
            _at(folder),
        )


def mark_check_failed(vault: Vault, folder: Path, problem: str) -> None:
    """A check found the backup at `folder` damaged (or refused it): the register must
    say so, not keep showing the last good check."""
    with vault.transaction():
        vault.table(TABLE).update(
            {"last_verified_at": "", "check_failed_at": utc_stamp(), "check_problem": problem},
            _at(folder),
        )


def remove_copy(vault: Vault, copy_id: str) -> Copy:
    with vault.transaction():
        found = vault.table(TABLE).get(where("id") == copy_id.strip().upper())
        if found is None:
            raise NotFound(_("There is no copy {id} in the register.").format(id=copy_id))
        vault.table(TABLE).remove(where("id") == copy_id.strip().upper())
    return _copy(found)


def is_stale(copy: Copy, newest_exhibit: str) -> bool:
    """Out of date: evidence was added after this copy was made."""
    return bool(newest_exhibit) and copy.newest_exhibit < newest_exhibit


def is_damaged(copy: Copy) -> bool:
    """Its last check failed, and no backup or check has found it whole since."""
    return bool(copy.check_failed_at)


def state(copy: Copy, newest_exhibit: str) -> str:
    """A few words for a copy's state, the most pressing first (in English, as the
    command line's --json and its checks take them; shown with `_()`)."""
    if copy.old_key:
        return N_("old key")  # opens with the old passphrase: replace it, destroy it
    if is_damaged(copy):
        return N_("damaged")
    return N_("out of date") if is_stale(copy, newest_exhibit) else N_("up to date")


def summary(vault: Vault) -> str:
    """A few words for the home screen and the Copies step, in the language spoken."""
    copies = list_copies(vault)
    if not copies:
        return _("no copies yet")
    _count, newest = _newest(vault)
    damaged = sum(1 for copy in copies if is_damaged(copy))
    stale = sum(1 for copy in copies if is_stale(copy, newest))
    old = sum(1 for copy in copies if copy.old_key)
    parts = [ngettext("{count} copy", "{count} copies", len(copies)).format(count=len(copies))]
    if old:
        parts.append(
            ngettext(
                "{count} made with the old key: replace it",
                "{count} made with the old key: replace them",
                old,
            ).format(count=old)
        )
    if damaged:
        parts.append(ngettext("{count} damaged", "{count} damaged", damaged).format(count=damaged))
    if stale:
        parts.append(
            ngettext("{count} out of date", "{count} out of date", stale).format(count=stale)
        )
    return " · ".join(parts if damaged or stale or old else [*parts, _("all up to date")])
