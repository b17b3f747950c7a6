"""Packages, the original's reader and the jurisdiction packs as a hostile world meets
them: crafted file names, a destination that is a link or gets one planted, a full
drive, damaged or swapped blobs, crafted place files and a clinic's settings that try
to act on the terminal. Nothing may be written outside the destination, a failed run
leaves no half-made package and the case as it was, and damage is never read as data."""

from __future__ import annotations

import errno
import io
import json
import os
import random
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import bagit
import pytest

from tests.support.cases import PASSPHRASE, vault_bytes
from tests.support.cli import run_reclaim
from tests.support.pictures import make_png
from tui.core.binder.choices import BinderChoices
from tui.core.binder.packages import write_package
from tui.core.evidence.adding import add_bytes, add_file
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.original import OriginalDamaged, open_original
from tui.core.places.catalogue import load_folder
from tui.core.shared.data_files import ChecklistError
from tui.core.shared.errors import InputError
from tui.core.shared.paths import checklists_dir
from tui.core.takedowns.lawyer_package import write_lawyer_package
from tui.core.vault import custody
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
CRAFTED = [
    "../../escaped.txt",
    "/etc/passwd",
    "line\nbreak.txt",
    "nul\x00and\x1b[31mred\r.txt",
    "*",
    "a*b?.txt",
    "x" * 400 + ".txt",
    "é" * 150 + ".jpg",
    "x." + "y" * 300,
    "Case.txt",
    "case.txt",
    unicodedata.normalize("NFC", "é.txt"),
    unicodedata.normalize("NFD", "é.txt"),
    "...",
    "..",
    "",
    "holiday\u202egpj.exe",
    "para\u2028graph\u2029.txt",
    "\\..\\..\\win.txt",
    "100%.txt",
    "trailing. ",
]
TOOLS = ("sha256sum", "md5sum", "sha1sum", "sha512sum")


def outside_snapshot(root: Path, skip: Path) -> dict[str, bytes]:
    """Every file under `root` but those under `skip`: what a run may not touch."""
    return {
        str(p): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_relative_to(skip)
    }


def check_bag(folder: Path) -> None:
    """bagit's own validation, then each manifest checked by the coreutils tool."""
    bagit.Bag(str(folder)).validate()
    for tool in TOOLS:
        algorithm = tool.removesuffix("sum")
        for manifest in (f"manifest-{algorithm}.txt", f"tagmanifest-{algorithm}.txt"):
            done = subprocess.run(
                [tool, "--strict", "-c", manifest], cwd=folder, capture_output=True, text=True
            )
            assert done.returncode == 0, (tool, manifest, done.stdout, done.stderr)


@pytest.fixture
def crafted(vault: Vault) -> Vault:
    for number, name in enumerate(CRAFTED):
        add_bytes(vault, f"original number {number}\n".encode(), name)
    return vault


def test_crafted_names_stay_inside_the_bag_and_every_tool_checks_it(
    crafted: Vault, tmp_path: Path
):
    folder = tmp_path / "usb"
    before = outside_snapshot(tmp_path, crafted.path)
    result = write_package(crafted, folder, BinderChoices(export_date=DAY))
    check_bag(folder)
    originals = sorted((folder / "data" / "originals").iterdir())
    assert len(originals) == len(CRAFTED) == len(result.exhibits)
    assert len({unicodedata.normalize("NFC", p.name).casefold() for p in originals}) == len(
        originals
    )
    for path in originals:
        name = path.name
        assert path.parent == folder / "data" / "originals" and path.is_file()
        assert len(name.encode()) <= 200 and not name.endswith((" ", "."))
        assert name == unicodedata.normalize("NFC", name)
        assert not any(unicodedata.category(c)[0] == "C" for c in name), repr(name)
        assert not set(name) & set('\u2028\u2029<>:"/\\|?*%')
    contents = sorted(p.read_bytes() for p in originals)
    assert contents == sorted(f"original number {n}\n".encode() for n in range(len(CRAFTED)))
    after = {k: v for k, v in outside_snapshot(tmp_path, crafted.path).items()}
    assert {k: v for k, v in after.items() if not Path(k).is_relative_to(folder)} == before
    assert not (tmp_path / "escaped.txt").exists()


def test_the_lawyer_package_with_crafted_names_checks_through_the_cli(
    crafted: Vault, cli, tmp_path: Path
):
    crafted.close()
    done = cli("legal", "package", str(tmp_path / "lawyer"), "--date", "2024-03-07")
    assert done.returncode == 0, done.stderr
    check_bag(tmp_path / "lawyer")
    assert len(list((tmp_path / "lawyer" / "data" / "originals").iterdir())) == len(CRAFTED)


def test_a_destination_that_is_a_link_is_refused_and_nothing_is_written(
    crafted: Vault, tmp_path: Path
):
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / "usb"
    link.symlink_to(target)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    before = vault_bytes(crafted.path)
    for destination in (link, dangling):
        with pytest.raises(InputError, match="link"):
            write_package(crafted, destination, BinderChoices(export_date=DAY))
    assert list(target.iterdir()) == [] and not (tmp_path / "nowhere").exists()
    assert link.is_symlink() and dangling.is_symlink()
    assert vault_bytes(crafted.path) == before


def test_a_link_planted_inside_during_the_run_is_never_followed(crafted: Vault, tmp_path: Path):
    victim_dir = tmp_path / "victim"
    victim_dir.mkdir()
    victim = victim_dir / "precious.txt"
    victim.write_bytes(b"keep me")
    folder = tmp_path / "usb"
    planted: list[Path] = []

    def plant(_done: int, _total: int) -> None:  # the binder is being made: plant links
        if not planted:
            (folder / "data" / "originals").symlink_to(victim_dir)
            (folder / "data" / "README.txt").symlink_to(victim)
            planted.append(folder)

    before = vault_bytes(crafted.path)
    with pytest.raises(OSError):
        write_package(crafted, folder, BinderChoices(export_date=DAY), progress=plant)
    assert planted and not folder.exists()  # the half-made package is taken away
    assert victim.read_bytes() == b"keep me" and sorted(victim_dir.iterdir()) == [victim]
    assert vault_bytes(crafted.path) == before


def test_a_folder_that_is_not_empty_is_left_exactly_as_it_was(cli, vault: Vault, tmp_path):
    add_bytes(vault, b"one\n", "one.txt")
    vault.close()
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "mine.txt").write_bytes(b"my own file")
    before = vault_bytes(vault.path)
    done = cli("binder", str(folder), "--package")
    assert done.returncode == 1 and "not empty" in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]
    assert vault_bytes(vault.path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_parent_says_so_in_one_sentence(cli, vault: Vault, tmp_path: Path):
    add_bytes(vault, b"one\n", "one.txt")
    vault.close()
    parent = tmp_path / "locked"
    parent.mkdir(mode=0o500)
    done = cli("binder", str(parent / "usb"), "--package")
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert list(parent.iterdir()) == []


@pytest.fixture
def small_drive(tmp_path: Path):
    """A real 1 MiB file system (tmpfs) when this runs as root, else None."""
    mount = tmp_path / "drive"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield None
        return
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)])
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_drive_leaves_no_half_made_package_and_the_case_as_it_was(
    vault: Vault, tmp_path: Path, small_drive: Path | None, monkeypatch: pytest.MonkeyPatch
):
    add_bytes(vault, b"small\n", "small.txt")
    add_bytes(vault, os.urandom(3 * 1024 * 1024), "recording.bin")  # more than the drive
    before = vault_bytes(vault.path)
    log_before = custody.entries(vault.table(custody.TABLE))
    if small_drive is None:  # not root: every write past the first 64 KiB fails
        written = {"bytes": 0}
        real = io.BufferedWriter.write

        def filling(self: io.BufferedWriter, data: bytes) -> int:
            written["bytes"] += len(data)
            if written["bytes"] > 64 * 1024:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(self, data)

        monkeypatch.setattr(io.BufferedWriter, "write", filling)
        small_drive = tmp_path / "drive"
    folder = small_drive / "usb"
    with pytest.raises(OSError) as failure:
        write_package(vault, folder, BinderChoices(export_date=DAY))
    assert failure.value.errno == errno.ENOSPC
    assert not folder.exists() and list(small_drive.iterdir()) == []
    assert vault_bytes(vault.path) == before
    assert custody.entries(vault.table(custody.TABLE)) == log_before


def test_a_full_empty_drive_is_emptied_again(
    vault: Vault, small_drive: Path | None, cli, tmp_path: Path
):
    if small_drive is None:
        pytest.skip("needs root to mount a small drive")
    add_bytes(vault, os.urandom(3 * 1024 * 1024), "recording.bin")
    vault.close()
    before = vault_bytes(vault.path)
    done = cli("binder", str(small_drive), "--package")  # the drive itself, empty
    assert done.returncode == 1 and "space" in done.stderr.casefold()
    assert list(small_drive.iterdir()) == [] and small_drive.is_dir()
    assert vault_bytes(vault.path) == before


def damage(vault: Vault, name: str, how: str) -> str:
    exhibit = next(e for e in list_exhibits(vault) if e.original_name == name)
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    if how == "flip":
        raw = bytearray(blob.read_bytes())
        raw[len(raw) // 2] ^= 0x40
        blob.write_bytes(bytes(raw))
    elif how == "missing":
        blob.unlink()
    elif how == "cut":
        blob.write_bytes(blob.read_bytes()[:100])  # into the evidence, not only its trailer
    return exhibit.id


def test_damaged_blobs_in_the_middle_are_named_and_left_out_of_the_manifests(
    vault: Vault, tmp_path: Path
):
    for name in ("first.txt", "flipped.txt", "missing.txt", "cut.txt", "last.txt"):
        add_bytes(vault, f"{name} content\n".encode() * 100, name)
    bad = [damage(vault, n, h) for n, h in (("flipped.txt", "flip"), ("missing.txt", "missing"))]
    bad.append(damage(vault, "cut.txt", "cut"))
    folder = tmp_path / "usb"
    result = write_package(vault, folder, BinderChoices(export_date=DAY))
    check_bag(folder)
    assert sorted(ident for ident, _ in result.notices) == sorted(bad)
    names = sorted(p.name for p in (folder / "data" / "originals").iterdir())
    assert [n.split("-", 2)[2] for n in names] == ["first.txt", "last.txt"]
    for algorithm in ("sha256", "md5"):
        listed = (folder / f"manifest-{algorithm}.txt").read_text()
        assert not any(ident in listed for ident in bad)
    readme = (folder / "data" / "README.txt").read_text()
    assert all(ident in readme for ident in bad)
    package = custody.entries(vault.table(custody.TABLE))[-1]
    assert package["action"] == "package"


def test_the_lawyer_package_refuses_a_link_and_changes_nothing(vault: Vault, tmp_path: Path):
    add_bytes(vault, b"one\n", "one.txt")
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "lawyer").symlink_to(target)
    before = vault_bytes(vault.path)
    with pytest.raises(InputError):
        write_lawyer_package(vault, tmp_path / "lawyer", export_date=DAY)
    assert list(target.iterdir()) == [] and vault_bytes(vault.path) == before


# ---- the seekable decrypting reader ---------------------------------------------------

CHUNK = 1024 * 1024
BODY = 12 + 24  # the blob's magic and layout, then the stream's header
SEALED_CHUNK = CHUNK + 17


def stored_blob(vault: Vault, data: bytes, name: str) -> tuple[Exhibit, Path]:
    exhibit = add_bytes(vault, data, name).exhibit
    return exhibit, vault.blob_dir / f"{exhibit.blob}.blob"


def every_read_raises(reader: io.BufferedReader) -> None:
    """After damage, no way of reading hands out a byte, even one already buffered."""
    for attempt in (
        lambda: reader.read(1),
        lambda: reader.read(),
        lambda: reader.read1(5),
        lambda: reader.readinto(bytearray(8)),
        lambda: reader.readinto1(bytearray(8)),
        lambda: reader.readline(),
        lambda: reader.peek(1),
        lambda: reader.readlines(),
        lambda: next(iter(reader)),
    ):
        reader.seek(0)
        with pytest.raises(OriginalDamaged):
            attempt()


def test_random_seeks_and_reads_give_the_real_bytes(vault: Vault):
    data = os.urandom(3 * CHUNK + 12345)
    exhibit, _blob = stored_blob(vault, data, "recording.bin")
    chance = random.Random(19)
    with open_original(vault, exhibit) as reader:
        for _ in range(60):
            at = chance.randrange(-10, len(data) + 50)
            size = chance.choice([0, 1, 7, 4096, CHUNK - 1, CHUNK + 3, 3 * CHUNK])
            if at < 0:
                with pytest.raises(ValueError):
                    reader.seek(at)
                continue
            reader.seek(at)
            assert reader.read(size) == data[at : at + size]
        reader.seek(-5, io.SEEK_END)
        assert reader.read(100) == data[-5:] and reader.read(1) == b""
        assert reader.seek(10 * len(data)) == 10 * len(data) and reader.read(3) == b""
        with pytest.raises(ValueError):
            reader.seek(-len(data) - 1, io.SEEK_END)
        with pytest.raises(ValueError):
            reader.seek(0, 7)
        reader.check()


@pytest.mark.parametrize("how", ["cut-mid-chunk", "cut-at-boundary", "flip-second", "empty"])
def test_a_damaged_blob_never_reads_as_data(vault: Vault, how: str):
    data = os.urandom(3 * CHUNK + 99)
    exhibit, blob = stored_blob(vault, data, "recording.bin")
    raw = blob.read_bytes()
    if how == "cut-mid-chunk":
        blob.write_bytes(raw[: BODY + SEALED_CHUNK + 500])
    elif how == "cut-at-boundary":
        blob.write_bytes(raw[: BODY + 2 * SEALED_CHUNK])
    elif how == "flip-second":
        changed = bytearray(raw)
        changed[BODY + SEALED_CHUNK + 1000] ^= 1
        blob.write_bytes(bytes(changed))
    else:
        blob.write_bytes(b"")
    with open_original(vault, exhibit) as reader:
        if how == "flip-second":
            assert reader.read(10) == data[:10]  # the first chunk is whole and its own
            reader.seek(CHUNK + 5)
            with pytest.raises(OriginalDamaged):
                reader.read(10)
        else:
            with pytest.raises(OriginalDamaged):
                reader.check()
        every_read_raises(reader)


def test_chunks_or_a_whole_blob_from_other_evidence_are_refused(vault: Vault):
    first_data, second_data = os.urandom(2 * CHUNK + 5), os.urandom(2 * CHUNK + 5)
    first, first_blob = stored_blob(vault, first_data, "first.bin")
    second, second_blob = stored_blob(vault, second_data, "second.bin")
    ours, theirs = first_blob.read_bytes(), second_blob.read_bytes()
    spliced = ours[: BODY + SEALED_CHUNK] + theirs[BODY + SEALED_CHUNK : BODY + 2 * SEALED_CHUNK]
    first_blob.write_bytes(spliced + ours[BODY + 2 * SEALED_CHUNK :])
    with open_original(vault, first) as reader:
        assert reader.read(4) == first_data[:4]
        with pytest.raises(OriginalDamaged):
            reader.check()
        every_read_raises(reader)
    first_blob.write_bytes(theirs)  # another exhibit's whole blob under this one's name
    with open_original(vault, first) as reader:
        with pytest.raises(OriginalDamaged):
            reader.read(1)
        every_read_raises(reader)
    with open_original(vault, second) as reader:
        assert reader.read() == second_data


def test_a_folder_in_place_of_the_blob_is_damage_not_a_crash(vault: Vault):
    exhibit, blob = stored_blob(vault, b"x" * 100, "small.bin")
    blob.unlink()
    blob.mkdir()
    with open_original(vault, exhibit) as reader:
        every_read_raises(reader)


# ---- the places ---------------------------------------------------------------------


def copied_places(tmp_path: Path) -> Path:
    folder = tmp_path / "jurisdictions"
    shutil.copytree(checklists_dir() / "jurisdictions", folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1))


BC = 'extends = "ca"'
BC_CONTACT = 'how = "civilresolutionbc.ca"'
PLACE_ATTACKS = {
    "itself": ("ca-bc.toml", BC, 'extends = "ca-bc"', "extends itself"),
    "a list parent": ("ca-bc.toml", BC, 'extends = ["ca"]', "no"),
    "unknown top key": ("ca-bc.toml", BC, BC + "\nsurprise = 1", "unknown key: surprise"),
    "unknown contact key": ("ca-bc.toml", BC_CONTACT, BC_CONTACT + "\nx = 1", "unknown key"),
    "unknown clock key": ("us.toml", "hours = 48", "hours = 48\nminutes = 3", "unknown key"),
    "hours as text": ("us.toml", "hours = 48", 'hours = "48"', "hours"),
    "hours as a fraction": ("us.toml", "hours = 48", "hours = 47.5", "hours"),
    "a time for a day": (
        "ca-bc.toml",
        "reviewed = 2026-12-01\nsource",
        "reviewed = 2026-12-01T10:00:00\nsource",
        "a day",
    ),
    "an escape in a name": (
        "ca-bc.toml",
        'name = "Civil Resolution Tribunal (intimate images)"',
        'name = "CRT\\u001b]0;pwned\\u0007"',
        "control character",
    ),
    "a bidi override": ("ca-bc.toml", BC_CONTACT, 'how = "\\u202emoc.live"', "control"),
}


@pytest.mark.parametrize("attack", sorted(PLACE_ATTACKS))
def test_a_crafted_place_file_is_refused_in_one_sentence(tmp_path: Path, attack: str):
    folder = copied_places(tmp_path)
    name, old, new, said = PLACE_ATTACKS[attack]
    edit(folder / name, old, new)
    with pytest.raises(ChecklistError, match=said):
        load_folder(folder)


def test_a_cycle_a_missing_parent_and_a_fact_without_its_source_are_refused(tmp_path: Path):
    folder = copied_places(tmp_path)
    edit(folder / "ca.toml", 'code = "ca"', 'code = "ca"\nextends = "ca-bc"')
    with pytest.raises(ChecklistError, match="extends itself"):
        load_folder(folder)
    folder = copied_places(tmp_path / "two")
    (folder / "ca.toml").unlink()
    with pytest.raises(ChecklistError, match=r"no ca\.toml"):
        load_folder(folder)
    folder = copied_places(tmp_path / "three")
    text = (folder / "ca-bc.toml").read_text()
    start = text.index("[[contacts]]")
    contact = text[start : text.index("[[routes]]")]
    kept = "\n".join(line for line in contact.splitlines() if not line.startswith("source"))
    (folder / "ca-bc.toml").write_text(text.replace(contact, kept + "\n\n"))
    with pytest.raises(ChecklistError, match="missing: source"):
        load_folder(folder)


@pytest.mark.parametrize(
    "content",
    [
        b'code = "xx"\nname = "' + b"v" * (600 * 1024) + b'"\n',
        b'code = "xx"\na = ' + b"[" * 50_000 + b"]" * 50_000 + b"\n",
        b'code = "\xff\xfe"\n',
    ],
    ids=["huge", "nested-deep", "not-utf8"],
)
def test_a_huge_deep_or_binary_place_file_is_one_sentence(tmp_path: Path, content: bytes):
    folder = copied_places(tmp_path)
    (folder / "xx.toml").write_bytes(content)
    with pytest.raises(ChecklistError, match=r"xx\.toml"):
        load_folder(folder)
    (folder / "xx.toml").unlink()
    (folder / "xx.toml").mkdir()
    with pytest.raises(ChecklistError, match=r"xx\.toml"):
        load_folder(folder)


@pytest.mark.parametrize("typed", ["  US ", "Uk", "GB\t", "CA-BC", " ca-ON "])
def test_codes_in_odd_case_and_whitespace_are_understood(typed: str):
    done = run_reclaim("safety", "--json", "--place", typed)
    assert done.returncode == 0, done.stderr
    sites = run_reclaim("takedown", "sites", "--json", "--place", typed)
    assert sites.returncode == 0, sites.stderr


@pytest.mark.parametrize("typed", ["mars", "us\x1b[2J", "", "x" * 5000])
def test_unknown_codes_are_one_plain_sentence_that_cannot_act_on_the_terminal(typed: str):
    for command in (("safety",), ("takedown", "sites", "--json")):
        done = run_reclaim(*command, "--place", typed)
        if typed == "":
            assert done.returncode == 0  # '' is the general advice
            continue
        assert done.returncode != 0 and "not a place Reclaim knows" in done.stderr
        assert "\x1b" not in done.stderr and done.stderr.count("\n") == 1
        assert len(done.stderr) < 1000


def test_a_clinics_contacts_with_escape_sequences_never_reach_the_terminal(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text(
        '[kiosk]\njurisdiction = "gb"\n[[contacts]]\n'
        'name = "Front desk\\u001b]0;pwned\\u0007"\n'
        'how = "Room 2\\u001b[2J\\u009b31m\\u202egnp.exe\\nFAKE: call 0800"\n'
        'note = "ask\\u001b]52;c;aGVsbG8=\\u0007 for Sam"\n'
    )
    done = run_reclaim("--config", str(config), "safety")
    assert done.returncode == 0, done.stderr
    raw = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n"}
    raw |= {"\u202e", "\u2028", "\u2029"}
    assert not set(done.stdout) & raw
    assert not any(line.startswith("FAKE") for line in done.stdout.splitlines())
    assert "Front desk" in done.stdout and "999" in done.stdout
    shown_json = run_reclaim("--config", str(config), "safety", "--json")
    assert not set(shown_json.stdout) & raw
    data = json.loads(shown_json.stdout)
    assert data["contacts"][0]["name"] == "Front desk\x1b]0;pwned\x07"  # exact in JSON


def test_a_name_that_is_not_utf8_is_taken_in_and_packaged(vault: Vault, tmp_path: Path):
    """A file copied from another system whose name isn't valid UTF-8 (byte 0xff)."""
    raw = os.fsencode(tmp_path) + b"/holiday-\xff\xfe.png"
    make_png(Path(os.fsdecode(raw)))
    exhibit = add_file(vault, Path(os.fsdecode(raw))).exhibit
    assert exhibit.original_name == "holiday-\\xff\\xfe.png"  # its bytes written out
    with Vault.open(vault.path, passphrase=PASSPHRASE) as again:
        assert again.table("exhibits").all()[0]["original_name"] == exhibit.original_name
    write_package(vault, tmp_path / "usb", BinderChoices(export_date=date(2024, 3, 7)))
    bagit.Bag(str(tmp_path / "usb")).validate()
    [copied] = (tmp_path / "usb" / "data" / "originals").iterdir()
    assert copied.read_bytes() == Path(os.fsdecode(raw)).read_bytes()
