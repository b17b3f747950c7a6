"""The USB package and the lawyer package as BagIt 1.0 bags: checked by the `bagit`
library and by the command-line tools HOW-TO-CHECK.txt names, private on disk, and the
same file for file when made twice with the same date."""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path

import bagit
import pytest

from tests.support.pictures import make_png
from tui.core.binder.choices import BinderChoices
from tui.core.binder.packages import safe_name, write_package
from tui.core.evidence.adding import add_bytes, add_file
from tui.core.evidence.model import list_exhibits
from tui.core.shared import clock
from tui.core.takedowns.lawyer_package import write_lawyer_package
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
ALGORITHMS = ("sha512", "sha256", "sha1", "md5")


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    add_file(vault, make_png(tmp_path / "post.png"), {"description": "the post"})
    add_bytes(vault, b"He said he would send it to my work.\n", "messages.txt")
    return vault


def test_the_usb_package_is_a_bagit_1_0_bag_with_four_manifests(case: Vault, tmp_path: Path):
    folder = tmp_path / "usb"
    result = write_package(case, folder, BinderChoices(export_date=DAY))
    bag = bagit.Bag(str(folder))
    bag.validate()
    assert bag.version_info == (1, 0)
    assert (folder / "bagit.txt").read_text() == (
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    )
    assert sorted(bag.algorithms) == sorted(ALGORITHMS)
    for name in ALGORITHMS:
        assert (folder / f"manifest-{name}.txt").is_file()
        listed = (folder / f"tagmanifest-{name}.txt").read_text()
        for tag in ("bagit.txt", "bag-info.txt", "HOW-TO-CHECK.txt", "manifest-sha512.txt"):
            assert f"  {tag}\n" in listed
    payload = [p for p in (folder / "data").rglob("*") if p.is_file()]
    octets = sum(p.stat().st_size for p in payload)
    assert bag.info["Payload-Oxum"] == f"{octets}.{len(payload)}" and len(payload) == 4
    binder = (folder / "data" / "binder.pdf").read_bytes()
    assert bag.info["External-Identifier"] == f"sha256:{hashlib.sha256(binder).hexdigest()}"
    assert result.sha256 == hashlib.sha256(binder).hexdigest()
    assert bag.info["Bagging-Date"] == "2024-03-07"
    assert bag.info["Source-Organization"] == "Prepared by the person concerned"
    originals = {p.name: p.read_bytes() for p in (folder / "data" / "originals").iterdir()}
    assert originals["E-0002-messages.txt"] == b"He said he would send it to my work.\n"
    assert originals["E-0001-post.png"] == (tmp_path / "post.png").read_bytes()


def test_every_file_of_a_package_is_0600_in_0700_folders(case: Vault, tmp_path: Path):
    folder = tmp_path / "usb"
    write_package(case, folder, BinderChoices(export_date=DAY))
    entries = [folder, *folder.rglob("*")]
    modes = {(p.is_dir(), stat.S_IMODE(p.stat().st_mode)) for p in entries}
    assert modes == {(True, 0o700), (False, 0o600)}
    assert {"data", "originals", "HOW-TO-CHECK.txt", "README.txt"} <= {p.name for p in entries}


@pytest.mark.parametrize(
    ("tool", "manifest"),
    [
        (["sha256sum", "-c"], "manifest-sha256.txt"),
        (["shasum", "-a", "256", "-c"], "manifest-sha256.txt"),
        (["sha512sum", "-c"], "manifest-sha512.txt"),
        (["sha1sum", "-c"], "manifest-sha1.txt"),
        (["md5sum", "-c"], "manifest-md5.txt"),
        (["sha256sum", "-c"], "tagmanifest-sha256.txt"),
    ],
)
def test_the_tools_how_to_check_names_check_every_file(
    case: Vault, tmp_path: Path, tool: list[str], manifest: str
):
    if not shutil.which(tool[0]):
        pytest.skip(f"needs {tool[0]}")
    folder = tmp_path / "usb"
    write_package(case, folder, BinderChoices(export_date=DAY))
    how_to = (folder / "HOW-TO-CHECK.txt").read_text()
    assert "sha256sum -c manifest-sha256.txt" in how_to
    assert "shasum -a 256 -c manifest-sha256.txt" in how_to
    assert "Get-FileHash -Algorithm SHA256" in how_to and "bagit.py --validate" in how_to
    assert "older tools" in how_to and "SHA-256 is the reference" in how_to
    listed = (folder / manifest).read_text().count("\n")
    checked = subprocess.run([*tool, manifest], cwd=folder, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == listed >= 4

    (folder / "data" / "originals" / "E-0002-messages.txt").write_bytes(b"He said nothing.\n")
    again = subprocess.run([*tool, manifest], cwd=folder, capture_output=True, text=True)
    assert (again.returncode != 0) == manifest.startswith("manifest")


def test_a_changed_original_or_tag_file_fails_bagit_validation(case: Vault, tmp_path: Path):
    folder = tmp_path / "usb"
    write_package(case, folder, BinderChoices(export_date=DAY))
    original = folder / "data" / "originals" / "E-0001-post.png"
    kept = original.read_bytes()
    original.write_bytes(kept[:-1] + bytes([kept[-1] ^ 1]))  # same size, one bit changed
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(folder)).validate()
    original.write_bytes(kept)
    bagit.Bag(str(folder)).validate()
    with (folder / "HOW-TO-CHECK.txt").open("a") as handle:
        handle.write("Trust me.\n")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(folder)).validate()


def test_a_damaged_stored_copy_is_named_and_left_out_while_the_bag_stays_valid(
    case: Vault, tmp_path: Path
):
    damaged = next(e for e in list_exhibits(case) if e.original_name == "messages.txt")
    blob = case.blob_dir / f"{damaged.blob}.blob"
    raw = bytearray(blob.read_bytes())
    raw[60] ^= 0xFF
    blob.write_bytes(bytes(raw))
    folder = tmp_path / "usb"
    result = write_package(case, folder, BinderChoices(export_date=DAY))
    assert [ident for ident, _ in result.notices] == [damaged.id]
    assert [p.name for p in (folder / "data" / "originals").iterdir()] == ["E-0001-post.png"]
    assert (
        f"the stored copies of {damaged.id} are damaged"
        in (folder / "data" / "README.txt").read_text()
    )
    bagit.Bag(str(folder)).validate()


def test_the_clinic_name_is_the_source_organization(case: Vault, tmp_path: Path):
    folder = tmp_path / "usb"
    write_package(
        case,
        folder,
        BinderChoices(export_date=DAY, prepared_by="Jordan"),
        organization="Riverside Legal Clinic",
    )
    assert bagit.Bag(str(folder)).info["Source-Organization"] == "Riverside Legal Clinic"
    other = tmp_path / "usb2"
    write_package(case, other, BinderChoices(export_date=DAY, prepared_by="Jordan\nSmith"))
    assert bagit.Bag(str(other)).info["Source-Organization"] == "Jordan Smith"


def test_names_a_usb_drive_or_a_manifest_would_trip_on_are_made_safe(vault: Vault, tmp_path: Path):
    add_bytes(vault, b"first", "chat: 5% of it?.txt")
    add_bytes(vault, b"second", "x" * 300 + ".txt")
    first, second = list_exhibits(vault)
    assert safe_name(first) == "E-0001-chat_ 5_ of it_.txt"
    assert safe_name(second).endswith("xx.txt") and len(safe_name(second)) <= 200
    folder = tmp_path / "usb"
    write_package(vault, folder, BinderChoices(export_date=DAY))
    bagit.Bag(str(folder)).validate()
    assert (folder / "data" / "originals" / safe_name(first)).read_bytes() == b"first"


def test_two_lawyer_packages_with_the_same_date_are_the_same_file_for_file(cli, tmp_path: Path):
    source = make_png(tmp_path / "post.png")
    assert cli("evidence", "add", str(source), "--description", "the post").returncode == 0
    made = []
    for name in ("one", "two"):
        done = cli("legal", "package", str(tmp_path / name), "--date", "2024-03-07")
        assert done.returncode == 0, done.stderr
        made.append(files_of(tmp_path / name))
    assert made[0] == made[1]
    assert "timeline.docx" in " ".join(made[0]) and "data/notes.txt" in made[0]
    bag = bagit.Bag(str(tmp_path / "one"))
    bag.validate()
    assert bag.info["Bagging-Date"] == "2024-03-07"
    assert "2024-03-07" in made[0]["data/README.txt"].decode()


def test_two_usb_packages_with_the_same_date_are_the_same_file_for_file(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "post.png")))
    for name in ("one", "two"):
        done = cli("binder", str(tmp_path / name), "--package", "--date", "2024-03-07")
        assert done.returncode == 0, done.stderr
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")


def test_the_clinic_name_comes_from_the_settings_file(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "post.png")))
    config = tmp_path / "config.toml"
    config.write_text('clinic_name = "Riverside  Legal Clinic"\n')
    done = cli("--config", str(config), "legal", "package", str(tmp_path / "bag"))
    assert done.returncode == 0, done.stderr
    bag = bagit.Bag(str(tmp_path / "bag"))
    assert bag.info["Source-Organization"] == "Riverside Legal Clinic"
    assert bag.info["Bagging-Date"] == clock.utc_now().date().isoformat()


def test_a_bad_date_for_the_lawyer_package_changes_nothing(cli, tmp_path: Path):
    cli("evidence", "add", str(make_png(tmp_path / "post.png")))
    done = cli("legal", "package", str(tmp_path / "bag"), "--date", "7 March", "--notes-file",
               str(tmp_path / "missing.txt"))  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    done = cli("legal", "package", str(tmp_path / "bag"), "--date", "7 March")
    assert done.returncode == 1 and "is not a date" in done.stderr
    assert not (tmp_path / "bag").exists()


def test_a_lawyer_package_made_in_core_takes_its_date(case: Vault, tmp_path: Path):
    result = write_lawyer_package(case, tmp_path / "bag", export_date=DAY)
    bag = bagit.Bag(str(result.path))
    bag.validate()
    assert bag.info["Bagging-Date"] == "2024-03-07"
    assert bag.info["External-Description"] == "Evidence binder and originals for a lawyer"
