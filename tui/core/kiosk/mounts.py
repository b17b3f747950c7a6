"""Whether a folder is on a removable drive (a client's own USB stick), decided from the
system's mount table, never from how a path is spelled: `/media/../home/x` is on the
kiosk's disk, and `/mnt` is only removable when a removable drive is really mounted
there (on many kiosks it is a plain folder of the system disk).

A mount counts as removable when it is a separate, real device (not the system's root)
and either the kernel says the device is removable or on USB, or it is mounted under
/media or /run/media, where the desktop's automounter puts plugged-in drives, with a
file system that USB sticks and cards carry (FAT, exFAT, NTFS, a disc's): a second
internal disk automounted there with a Linux file system is not a client's drive. The
table and the device check are parameters, so tests can describe any machine."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Where desktops mount a drive that is plugged in (udisks, and older automounters).
AUTOMOUNT_ROOTS = (Path("/media"), Path("/run/media"))
#: File systems of sticks, cards and discs: under an automount folder, a client's drive.
CARRIED = frozenset(
    {"vfat", "msdos", "exfat", "ntfs", "ntfs3", "fuseblk", "iso9660", "udf", "hfsplus", "apfs"}
)
MOUNTINFO = Path("/proc/self/mountinfo")
SYS_BLOCK = Path("/sys/dev/block")


@dataclass(frozen=True)
class Mount:
    point: Path
    device: str
    """'major:minor' of the device mounted there; major 0 is no real device (tmpfs...)."""
    fstype: str = ""


def _unescape(field: str) -> str:
    """Mount points in mountinfo write space, tab, newline and backslash as octal."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts in the text of /proc/self/mountinfo (lines it can't read are skipped)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 5 or "-" not in fields[6:]:
            continue
        after = fields.index("-", 6)
        fstype = fields[after + 1] if after + 1 < len(fields) else ""
        mounts.append(Mount(Path(_unescape(fields[4])), fields[2], fstype))
    return mounts


def current_table() -> list[Mount]:
    """This machine's mounts now; empty where there is no /proc (then nothing is
    removable, the safe answer for a kiosk)."""
    try:
        return parse_mountinfo(MOUNTINFO.read_text(errors="replace"))
    except OSError:
        return []


def device_is_removable(device: str) -> bool:
    """Whether the kernel says the block device (or the disk it is a part of) is
    removable or sits on USB: /sys/dev/block/<major:minor>."""
    try:
        node = (SYS_BLOCK / device).resolve(strict=True)
    except OSError:
        return False
    if "/usb" in str(node):
        return True
    for folder in (node, node.parent):
        try:
            if (folder / "removable").read_text().strip() == "1":
                return True
        except OSError:
            continue
    return False


def mount_of(path: Path, table: Sequence[Mount]) -> Mount | None:
    """The mount `path` (already resolved) lives on: the longest mount point above it.
    When one point is mounted over several times, the last mount is the one seen."""
    best: Mount | None = None
    for mount in table:
        if path.is_relative_to(mount.point) and (
            best is None or len(mount.point.parts) >= len(best.point.parts)
        ):
            best = mount
    return best


def is_removable(
    path: Path,
    table: Sequence[Mount] | None = None,
    removable: Callable[[str], bool] | None = None,
) -> bool:
    """Whether `path` is on a removable drive, decided on its resolved path."""
    resolved = Path(os.path.realpath(path))
    mounts = current_table() if table is None else table
    mount = mount_of(resolved, mounts)
    if mount is None or mount.point == Path("/") or mount.device.startswith("0:"):
        return False
    root = mount_of(Path("/"), mounts)
    if root is not None and root.device == mount.device:
        return False  # a bind mount of the system disk
    automounted = any(
        mount.point.is_relative_to(auto) and mount.point != auto for auto in AUTOMOUNT_ROOTS
    )
    if automounted and mount.fstype in CARRIED:
        return True
    return (removable or device_is_removable)(mount.device)
