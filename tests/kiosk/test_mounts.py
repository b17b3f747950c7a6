"""What a lock clears at a kiosk is decided on where files really are: `/media/../<kiosk
disk>/x.pdf` is on the kiosk's disk, `/mnt` is a removable drive only when one is
mounted there, and the clinic's export folder is never emptied. Before: the spelling
of the path decided (anything under /media, /run/media or /mnt was "removable"), and
an export folder elsewhere was emptied at every lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.drives import pretend_drives
from tui.core.kiosk import mounts
from tui.core.kiosk.mounts import Mount, is_removable, parse_mountinfo
from tui.core.kiosk.save_folders import SaveFolders

MOUNTINFO = """\
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
28 27 0:25 / /run rw - tmpfs tmpfs rw
40 28 8:17 / /run/media/ana/CLIENT\\040USB rw,nosuid - vfat /dev/sdb1 rw
41 27 8:33 / /mnt rw - ext4 /dev/sdc1 rw
42 27 254:0 /srv /media/bound rw - ext4 /dev/vda rw
garbage line
"""


def test_the_mount_table_is_read_with_its_escapes() -> None:
    table = parse_mountinfo(MOUNTINFO)
    assert [m.point for m in table] == [
        Path("/"),
        Path("/run"),
        Path("/run/media/ana/CLIENT USB"),
        Path("/mnt"),
        Path("/media/bound"),
    ]
    assert table[2] == Mount(Path("/run/media/ana/CLIENT USB"), "8:17", "vfat")


def test_removable_is_decided_by_the_mount_not_the_spelling() -> None:
    table = parse_mountinfo(MOUNTINFO)

    def usb(device: str) -> bool:
        return device == "8:17"

    assert is_removable(Path("/run/media/ana/CLIENT USB/x.pdf"), table, usb)
    assert not is_removable(Path("/run/media/ana/CLIENT USB/../../../../srv/x.pdf"), table, usb)
    assert not is_removable(Path("/media/../srv/x.pdf"), table, usb)
    assert not is_removable(Path("/mnt/x.pdf"), table, usb), "a fixed disk mounted at /mnt"
    assert is_removable(Path("/mnt/x.pdf"), table, lambda device: device == "8:33")
    assert not is_removable(Path("/media/bound/x.pdf"), table, usb), "the system disk, bound"
    assert not is_removable(Path("/run/x"), table, usb), "a memory filesystem"
    internal = [*table, Mount(Path("/media/staff/DATA"), "259:3", "ext4")]
    assert not is_removable(Path("/media/staff/DATA/x"), internal, usb), "an internal disk"
    assert is_removable(Path("/media/staff/DATA/x"), internal, lambda device: True)
    only_root = [Mount(Path("/"), "254:0", "ext4")]
    assert not is_removable(Path("/mnt/x.pdf"), only_root, lambda device: True)
    assert not is_removable(Path("/media/usb/x.pdf"), only_root, lambda device: True)


def test_this_machines_table_is_read() -> None:
    table = mounts.current_table()
    assert table and any(mount.point == Path("/") for mount in table)


def test_a_lock_clears_only_what_was_written_on_the_kiosks_own_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    media = tmp_path / "media"
    drive = media / "CLIENT-USB"
    pretend_drives(monkeypatch, drive)
    outbox = tmp_path / "outbox"
    disk = tmp_path / "kiosk-disk"
    for folder in (outbox, disk):
        folder.mkdir()
    earlier = outbox / "another-clients-letter.pdf"  # the clinic's print folder
    written = {
        "outbox": outbox / "reclaim-binder.pdf",
        "drive": drive / "binder.pdf",
        "disguised": Path(f"{media}/../kiosk-disk/x.pdf"),
        "disk": disk / "letter.pdf",
    }
    folders = SaveFolders(kiosk=True, export_dir=outbox, import_dirs=(media,))
    for path in [earlier, *written.values()]:
        path.write_bytes(b"%PDF")
    for path in written.values():
        folders.remember(path)
    removed = folders.clear_staged()
    assert sorted(removed) == sorted([disk / "x.pdf", disk / "letter.pdf"])
    assert not any(disk.iterdir())
    assert earlier.exists() and written["outbox"].exists(), "the export folder is never emptied"
    assert written["drive"].exists(), "the client's own drive keeps what they saved"
