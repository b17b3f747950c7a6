"""The kiosk's doors, attacked in core where files are opened: a client reaches nothing
but the clinic's import folders and their own drive for reading, and the export folder
or their own drive for writing, whatever path is typed, pasted or linked (another
client's case, `..`, a link to /etc/passwd, a link swapped in after the check, a long
name). Before: any file the kiosk account could read was taken, and a binder could be
saved anywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cases import FAST_KDF, PASSPHRASE
from tests.support.drives import pretend_drives
from tests.support.pictures import make_png
from tui.core.binder.build import write_binder
from tui.core.binder.choices import BinderChoices
from tui.core.copies.backup import make_backup
from tui.core.copies.verify import find_backup
from tui.core.evidence.adding import add_file
from tui.core.evidence.export import export_original
from tui.core.evidence.intake import count_folder, expand, parse_paths
from tui.core.evidence.model import list_exhibits
from tui.core.evidence.sources import open_source
from tui.core.kiosk import doors
from tui.core.kiosk.doors import DoorClosed
from tui.core.kiosk.save_folders import SaveFolders
from tui.core.takedowns.lawyer_package import write_lawyer_package
from tui.core.takedowns.letter_files import export_letter
from tui.core.takedowns.letters import Letter
from tui.core.timeline.events import add_event
from tui.core.timeline.written_account import export as export_account
from tui.core.vault.layout import HEADER
from tui.core.vault.vault import Vault

REFUSED_READ = "On this computer Reclaim can only take files from"


@dataclass
class Kiosk:
    media: Path
    drive: Path
    cases: Path
    outbox: Path
    other: Path
    """Another client's case folder."""
    mine: Vault


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kiosk]:
    media = tmp_path / "media"
    drive = media / "CLIENT-USB"
    pretend_drives(monkeypatch, drive)
    cases = tmp_path / "cases"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    other, _ = Vault.create(cases / "868782", PASSPHRASE, FAST_KDF)
    add_file(other, make_png(tmp_path / "theirs.png", color="teal"))
    other.close()
    mine, _ = Vault.create(cases / "111111", PASSPHRASE, FAST_KDF)
    SaveFolders(kiosk=True, export_dir=outbox, import_dirs=(media,), cases_dir=cases).guard()
    yield Kiosk(media, drive, cases, outbox, cases / "868782", mine)
    mine.close()


def test_another_clients_case_is_refused_however_it_is_typed(kiosk: Kiosk) -> None:
    header = kiosk.other / HEADER
    for typed in (
        header,
        kiosk.other,
        kiosk.drive / ".." / ".." / "cases" / "868782" / HEADER,  # `..` out of the drive
        Path(str(kiosk.media) + "/../cases/868782"),
    ):
        with pytest.raises(DoorClosed, match=REFUSED_READ):
            open_source(typed, follow_links=True)
        with pytest.raises(DoorClosed, match=REFUSED_READ):
            parse_paths(str(typed))
        with pytest.raises(DoorClosed):
            count_folder(typed)  # says nothing of what the folder holds
        files, problems = expand([typed])
        assert files == [] and problems == [doors.read_refusal(doors._rules)]  # type: ignore[arg-type]
    for system in (Path("/etc/passwd"), Path.home()):
        with pytest.raises(DoorClosed, match=f"{REFUSED_READ} {kiosk.media} or your own drive"):
            open_source(system, follow_links=True)
    assert len(list_exhibits(kiosk.mine)) == 0


def test_a_file_on_the_clients_drive_or_in_an_import_folder_is_taken(kiosk: Kiosk) -> None:
    picture = make_png(kiosk.drive / "shot.png", color="red")
    assert parse_paths(str(picture)) == [picture]
    add_file(kiosk.mine, picture)
    assert len(list_exhibits(kiosk.mine)) == 1


def test_a_link_in_the_import_folder_to_the_system_or_a_case_is_refused(kiosk: Kiosk) -> None:
    passwd = kiosk.drive / "passwd.txt"
    passwd.symlink_to("/etc/passwd")
    header = kiosk.drive / "header.json"
    header.symlink_to(kiosk.other / HEADER)
    folder = kiosk.drive / "cases"
    folder.symlink_to(kiosk.cases)
    for link in (passwd, header, folder / "868782" / HEADER):
        with pytest.raises(DoorClosed, match=REFUSED_READ):
            open_source(link, follow_links=True)
        with pytest.raises(DoorClosed):
            add_file(kiosk.mine, link, follow_links=True)
    with pytest.raises(DoorClosed):
        find_backup(folder)  # a restore or a backup check reads through the same door
    assert len(list_exhibits(kiosk.mine)) == 0


def test_a_link_swapped_in_after_the_check_is_refused(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = make_png(kiosk.drive / "shot.png", color="red")

    def swap_file(checked: Path) -> None:
        checked.unlink()
        checked.symlink_to(kiosk.other / HEADER)

    monkeypatch.setattr(doors, "after_check", swap_file)
    with pytest.raises(DoorClosed, match=REFUSED_READ):
        open_source(picture, follow_links=True)

    # The folder above the file swapped for a link to the other case: the last part of
    # the path is no link, so only the check on the open file can see it.
    folder = kiosk.drive / "shots"
    folder.mkdir()
    inside = folder / HEADER
    inside.write_bytes(b"mine")

    def swap_folder(checked: Path) -> None:
        folder.replace(kiosk.drive / "old-shots")
        folder.symlink_to(kiosk.other)

    monkeypatch.setattr(doors, "after_check", swap_folder)
    with pytest.raises(DoorClosed, match=REFUSED_READ):
        open_source(inside, follow_links=True)
    assert len(list_exhibits(kiosk.mine)) == 0


def test_a_long_name_does_not_slip_past_the_check(kiosk: Kiosk) -> None:
    """A name too long for the system makes resolving stop early on some systems; a
    path that leaves the drive is refused all the same, and one that stays on it is
    simply a path (the screen then says there is no such file)."""
    escape = kiosk.drive / ("y" * 300) / ".." / ".." / ".." / "cases" / "868782" / HEADER
    with pytest.raises(DoorClosed):
        open_source(escape, follow_links=True)
    with pytest.raises(DoorClosed):
        parse_paths(f"{kiosk.drive}/{'y' * 300}/../../../cases/868782")
    long = kiosk.drive / ("x" * 300 + ".png")
    assert parse_paths(str(long)) == [long]


def test_writing_goes_only_to_the_export_folder_or_the_clients_drive(
    kiosk: Kiosk, tmp_path: Path
) -> None:
    disk = tmp_path / "kiosk-disk"
    disk.mkdir()
    refused = (
        Path(str(kiosk.media) + "/../kiosk-disk/x.pdf"),  # spelled as if on removable media
        disk / "x.pdf",
        kiosk.cases / "x.pdf",
        kiosk.other / "x.pdf",
        Path("/etc/x.pdf"),
    )
    for target in refused:
        with pytest.raises(DoorClosed, match=f"can only save to {kiosk.outbox} or your own"):
            write_binder(kiosk.mine, target, BinderChoices())
    assert list(disk.iterdir()) == [] and not (kiosk.cases / "x.pdf").exists()
    assert doors.writable(kiosk.outbox / "b.pdf") == kiosk.outbox / "b.pdf"
    on_drive = Path(str(kiosk.drive) + "/../CLIENT-USB/b.pdf")
    assert doors.writable(on_drive) == kiosk.drive / "b.pdf", "written where it really is"


def test_away_from_a_kiosk_every_door_is_open(tmp_path: Path) -> None:
    SaveFolders(kiosk=False, cases_dir=tmp_path / "cases").guard()
    (tmp_path / "anywhere").mkdir()
    picture = make_png(tmp_path / "anywhere" / "shot.png", color="red")
    with open_source(picture) as handle:
        assert handle.read(4) == b"\x89PNG"
    assert doors.writable(tmp_path / "x.pdf") == tmp_path / "x.pdf"
    assert not doors.guarded()


def test_every_writer_goes_through_the_door(kiosk: Kiosk, tmp_path: Path) -> None:
    """Letters, the written account, an exhibit's original, the lawyer package and a
    backup: each refused on the kiosk's disk (spelled as removable media) and in
    another client's case, and each written to the client's own drive."""
    picture = make_png(kiosk.drive / "shot.png", color="red")
    exhibit = add_file(kiosk.mine, picture).exhibit
    add_event(kiosk.mine, "12 March 2024", "Alex posted the pictures")
    letter = Letter("cease-desist", "A letter", "Dear Alex,\n\nStop.\n")
    writers: dict[str, Callable[[Path], object]] = {
        "letter.txt": lambda to: export_letter(kiosk.mine, letter, letter.text, to),
        "account.md": lambda to: export_account(kiosk.mine, to),
        "original.png": lambda to: export_original(kiosk.mine, exhibit.id, to),
        "package": lambda to: write_lawyer_package(kiosk.mine, to),
        "backups": lambda to: make_backup(kiosk.mine, to),
    }
    disk = tmp_path / "kiosk-disk"
    disk.mkdir()
    (kiosk.drive / "backups").mkdir()
    for name, write in writers.items():
        for refused in (Path(f"{kiosk.media}/../kiosk-disk/{name}"), kiosk.other / name):
            with pytest.raises(DoorClosed, match="can only save to"):
                write(refused)
        if name != "package":  # a package is a binder and more: slow, and tested elsewhere
            write(kiosk.drive / name)
            assert (kiosk.drive / name).exists(), name
    assert list(disk.iterdir()) == []
    assert sorted(p.name for p in kiosk.other.iterdir()) == sorted(
        p.name for p in kiosk.cases.joinpath("868782").iterdir()
    )
    assert not any((kiosk.other / name).exists() for name in writers)


def test_a_file_linked_from_the_media_is_left_out_of_a_folder(kiosk: Kiosk) -> None:
    folder = kiosk.drive / "shots"
    folder.mkdir()
    make_png(folder / "shot.png", color="red")
    (folder / "passwd.png").symlink_to("/etc/passwd")
    (folder / "header.json").symlink_to(kiosk.other / HEADER)
    files, problems = expand([folder])
    assert files == [folder / "shot.png"] and problems == []
    assert count_folder(folder).files == 1


def test_a_folder_swapped_for_a_link_while_writing_keeps_nothing_there(
    kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drive's folder is checked, then swapped for a link to the kiosk's own disk
    before the file is written: the file written there is taken away again."""
    add_event(kiosk.mine, "12 March 2024", "Alex posted the pictures")
    disk = tmp_path / "kiosk-disk"
    disk.mkdir()
    folder = kiosk.drive / "out"
    folder.mkdir()

    def swap(checked: Path) -> None:
        folder.rename(kiosk.drive / "old-out")
        folder.symlink_to(disk)

    monkeypatch.setattr(doors, "after_check", swap)
    with pytest.raises(DoorClosed, match="can only save to"):
        export_account(kiosk.mine, folder / "account.md")
    assert list(disk.iterdir()) == []


def test_the_clinics_export_drive_is_not_read_though_it_is_removable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clinic's export folder on its own USB drive under /media holds what other
    clients made: it is a place to write to, never to take evidence from."""
    media = tmp_path / "media"
    clinic_usb = media / "clinic-usb"
    pretend_drives(monkeypatch, clinic_usb, media / "CLIENT-USB")
    binder = clinic_usb / "reclaim-binder-3f2a1c.pdf"
    binder.write_bytes(b"%PDF-1.7 another client's binder")
    rules = doors.Rules((media,), clinic_usb, tmp_path / "cases")
    doors.install(rules)
    for path in (binder, clinic_usb, media / "CLIENT-USB" / ".." / "clinic-usb" / binder.name):
        with pytest.raises(DoorClosed, match=REFUSED_READ):
            open_source(path)
    assert not doors.passes(clinic_usb), "not offered in the browser either"
    assert doors.writable(clinic_usb / "mine.pdf") == clinic_usb / "mine.pdf"
