"""The USB package: the binder, each original and a README, as a BagIt bag, so the
receiver can check that nothing was changed or lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.core import custody
from tui.core.atomic import fsync_dir, open_private
from tui.core.binder import (
    AUDIENCES,
    BinderChoices,
    BinderResult,
    Progress,
    chosen_exhibits,
    write_binder,
)
from tui.core.errors import InputError, VaultDamaged
from tui.core.evidence.exhibits import read_original
from tui.core.vault import Vault

PACKAGE_README = """\
This folder was made with Reclaim on {day} for {audience}.

It is a BagIt bag (RFC 8493, the Library of Congress packaging standard):
  data/binder.pdf         the numbered binder: index, timeline, every exhibit, hashes
  data/originals/         each exhibit's original file, exactly as it was saved
{extra}  manifest-sha256.txt     the SHA-256 of every file under data/

To check that nothing was changed or lost, with Python's bagit tool:
  pip install bagit && bagit.py --validate THIS_FOLDER
or compare the manifest with: sha256sum -c manifest-sha256.txt (run inside this folder).
The same SHA-256 values are printed in the binder's evidence index.

The originals are not encrypted. Keep this folder, and the drive it is on, safe.
"""


def write_package(
    vault: Vault,
    folder: Path,
    choices: BinderChoices,
    progress: Progress | None = None,
    extra: dict[str, tuple[bytes, str]] | None = None,
) -> BinderResult:
    """The USB package: the binder, the originals and a README, as a BagIt bag. `extra`
    adds files next to the binder: name → (content, what it is, for the README)."""
    import bagit

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder} already exists and is not empty; choose a new folder.")
    if not folder.parent.is_dir():
        raise InputError(f"There is no folder {folder.parent} to make the package in.")
    folder.mkdir(mode=0o700, exist_ok=True)
    try:
        result = write_binder(
            vault, folder / "binder.pdf", replace(choices, packaged=True), progress
        )
        originals = folder / "originals"
        originals.mkdir(mode=0o700)
        missing = []
        for exhibit in chosen_exhibits(vault, choices):
            try:
                data = read_original(vault, exhibit)
            except VaultDamaged:
                missing.append(exhibit.id)  # named in the binder and the README instead
                continue
            name = f"{exhibit.id}-{Path(exhibit.original_name).name or 'original'}"
            with open_private(originals / name) as handle:
                handle.write(data)
        listed = ""
        for name, (content, what) in (extra or {}).items():
            with open_private(folder / name) as handle:
                handle.write(content)
            listed += f"  {'data/' + name:<24}{what}\n"
        (folder / "README.txt").write_text(
            PACKAGE_README.format(
                day=choices.export_date.isoformat(),
                audience=AUDIENCES[choices.prepared_for],
                extra=listed,
            )
            + (
                f"\nNot included: the stored copies of {', '.join(missing)} are damaged; "
                "restore them from a backup of the case and make the package again.\n"
                if missing
                else ""
            )
        )
        bag_info = {
            "Source-Organization": choices.prepared_by or "Prepared by the person concerned",
            "External-Description": "Evidence binder and originals for "
            + AUDIENCES[choices.prepared_for],
            "Bagging-Date": choices.export_date.isoformat(),
        }
        bagit.make_bag(str(folder), bag_info, checksums=["sha256"])
        # bagit writes its tag files 0644 (and moves README.txt into data/); the bag is
        # as private as its payload.
        for tag in [*folder.glob("*.txt"), folder / "data" / "README.txt"]:
            tag.chmod(0o600)
    except BaseException:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        raise
    fsync_dir(folder)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "package",
            destination=str(folder),
            binder_sha256=result.sha256,
            exhibits=result.exhibits,
        )
    return BinderResult(folder, result.pages, result.exhibits, result.sha256, result.notices)
