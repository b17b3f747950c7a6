"""A kiosk's removable drives, described to `tui.core.kiosk.mounts` as a test wants them:
these folders are mounted USB drives; everything else is on the system disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.kiosk import mounts

SYSTEM_DISK = "254:0"


def pretend_drives(monkeypatch: pytest.MonkeyPatch, *points: Path) -> list[mounts.Mount]:
    """Make each of `points` (made if missing) a removable drive's mount."""
    table = [mounts.Mount(Path("/"), SYSTEM_DISK, "ext4")]
    for number, point in enumerate(points):
        point.mkdir(parents=True, exist_ok=True)
        table.append(mounts.Mount(Path(os.path.realpath(point)), f"8:{17 + number}", "vfat"))
    monkeypatch.setattr(mounts, "current_table", lambda: list(table))
    monkeypatch.setattr(mounts, "device_is_removable", lambda device: device.startswith("8:"))
    return table
