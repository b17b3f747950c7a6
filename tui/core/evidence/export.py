"""Getting an exhibit's original bytes back out of the vault: into memory (to show or
attach), or into a file the person chooses. Either way the bytes are checked against
the hash taken at intake first, and an export is written to the custody log."""

from __future__ import annotations

import io
from pathlib import Path

from tui.core.evidence.file_names import kept_path, original_file_name
from tui.core.evidence.model import Exhibit, get_exhibit
from tui.core.evidence.stored import check_stored
from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_writer, check_new_file
from tui.core.shared.errors import VaultDamaged
from tui.core.shared.i18n import _
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def read_original(vault: Vault, exhibit: Exhibit) -> bytes:
    """The original bytes of one exhibit, in memory only, checked against its hash."""
    buffer = io.BytesIO()
    if damage := check_stored(vault, exhibit, buffer.write):
        raise VaultDamaged(
            _("{label} can't be read: {problem}. Restore it from a backup.").format(
                label=exhibit.id, problem=damage
            )
        )
    return buffer.getvalue()


def export_original(vault: Vault, exhibit_id: str, destination: Path) -> Path:
    """Write the original bytes of one exhibit to `destination` (a file or a folder)."""
    exhibit = get_exhibit(vault, exhibit_id)
    target = destination / (original_file_name(exhibit) or exhibit.id)
    if not destination.is_dir():
        target = destination
    target = doors.writable(target)  # a kiosk: its export folder or a drive
    check_new_file(target, into="export into")  # i18n: not shown
    with atomic_writer(target, suffix=".part") as handle:
        if damage := check_stored(vault, exhibit, handle.write):
            raise VaultDamaged(
                _("{label} can't be exported: {problem}. Restore it from a backup copy.").format(
                    label=exhibit.id, problem=damage
                )
            )
    doors.confirm_written(target)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "export",
            exhibit=exhibit.id,
            sha256=exhibit.sha256,
            destination=kept_path(target),
        )
    return target
