"""The USB package: the binder, each original and a README, as a BagIt 1.0 bag (RFC 8493),
so the receiver can check with common tools that nothing was changed or lost.

The bag is written here rather than by the `bagit` library: that library writes version
0.97, moves files about after the fact and leaves its tag files 0644. Writing it directly
lets every original be decrypted chunk by chunk straight into its file while all four
digests are taken on the same pass, and makes the same case and date give the same bag."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui import __version__
from tui.core import custody
from tui.core.atomic import DIR_MODE, fsync_dir, open_private
from tui.core.binder import (
    AUDIENCES,
    BinderChoices,
    BinderResult,
    Progress,
    chosen_exhibits,
    write_binder,
)
from tui.core.errors import InputError
from tui.core.evidence.exhibits import Exhibit, _hash_blob
from tui.core.vault import Vault

#: The manifests written, the BagIt default (SHA-512) first; SHA-256 is the reference
#: (the binder prints it); MD5 and SHA-1 are for older forensic tools.
ALGORITHMS = ("sha512", "sha256", "sha1", "md5")
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
READ_CHUNK = 1024 * 1024
#: A file name on a USB drive (FAT, exFAT) may hold none of these; BagIt manifests must
#: percent-encode `%`, which `sha256sum -c` would not understand. So none of them is used.
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*%]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_NAME_BYTES = 200

PACKAGE_README = """\
This folder was made with Reclaim on {day} for {audience}.

It is a BagIt bag (RFC 8493, BagIt 1.0, the Library of Congress packaging standard):
  data/binder.pdf         the numbered binder: index, timeline, every exhibit, hashes
  data/originals/         each exhibit's original file, exactly as it was saved
{extra}  manifest-sha256.txt     the SHA-256 of every file under data/ (also SHA-512,
                          and MD5 and SHA-1 for older tools)

HOW-TO-CHECK.txt, at the top of this folder, says how to check that nothing was changed
or lost, on Linux, macOS and Windows, or with Python's bagit tool (bagit.py --validate).
The same SHA-256 values are printed in the binder's evidence index.

The originals are not encrypted. Keep this folder, and the drive it is on, safe.
"""

HOW_TO_CHECK = """\
How to check that nothing in this folder was changed or lost
=============================================================

Every file under data/ is listed with its fingerprint (a hash) in the manifest files
beside this one. If even one byte of a file changes, its fingerprint no longer matches.
SHA-256 is the reference: the same values are printed in the binder's evidence index.
SHA-512 is the BagIt standard's default. MD5 and SHA-1 (manifest-md5.txt and
manifest-sha1.txt) are there only for older tools that ask for them.

Open a terminal in this folder (the one holding this file), then:

Linux
  sha256sum -c manifest-sha256.txt
  Every line should end in ": OK".

macOS
  shasum -a 256 -c manifest-sha256.txt
  Every line should end in ": OK".

Windows (PowerShell)
  {powershell}
  (one line). Every line should start with "OK".

Any system with Python (checks every manifest, the file count and the total size)
  pip install bagit
  bagit.py --validate .
  It should end with "is valid".

The tag manifests (tagmanifest-sha256.txt and the others) list the bag's own files,
including this one: sha256sum -c tagmanifest-sha256.txt checks those too.

This bag was made by Reclaim {version} on {day}.
"""
#: One line for PowerShell: each manifest line's file hashed and compared (-eq ignores
#: case; Get-FileHash gives capitals). A missing file is CHANGED too.
POWERSHELL = (
    "Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object { "
    "$hash, $file = $_ -split '  ', 2; "
    "if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -eq $hash) "
    '{ "OK       $file" } else { "CHANGED  $file" } }'
)


def safe_name(exhibit: Exhibit) -> str:
    """The original's name in the package: its exhibit number first, nothing a USB
    drive's file system or a manifest reader would trip on, not too long."""
    base = _UNSAFE_NAME.sub("_", Path(exhibit.original_name).name).strip(" .") or "original"
    name = f"{exhibit.id}-{base}"
    while len(name.encode()) > MAX_NAME_BYTES:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[:-1]}.{suffix}" if dot and len(suffix) <= 10 and stem else name[:-1]
    return name


def one_line(text: str) -> str:
    """A bag-info value: one line, no control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


@dataclass
class _Bag:
    """The files of a bag as they are written, with their digests."""

    folder: Path
    payload: dict[str, dict[str, str]] = field(default_factory=dict)
    tags: dict[str, dict[str, str]] = field(default_factory=dict)
    octets: int = 0

    def write(self, relative: str, chunks: Iterable[bytes], tag: bool = False) -> None:
        digests = {name: hashlib.new(name, usedforsecurity=False) for name in ALGORITHMS}
        size = 0
        with open_private(self.folder / relative) as handle:
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
                for digest in digests.values():
                    digest.update(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        self.record(relative, {name: d.hexdigest() for name, d in digests.items()}, size, tag)

    def record(self, relative: str, digests: dict[str, str], size: int, tag: bool) -> None:
        if tag:
            self.tags[relative] = digests
        else:
            self.payload[relative] = digests
            self.octets += size

    def add_existing(self, relative: str) -> None:
        """A payload file already written (the binder): read back in chunks to hash."""
        digests = {name: hashlib.new(name, usedforsecurity=False) for name in ALGORITHMS}
        size = 0
        with (self.folder / relative).open("rb") as handle:
            while chunk := handle.read(READ_CHUNK):
                size += len(chunk)
                for digest in digests.values():
                    digest.update(chunk)
        self.record(relative, {name: d.hexdigest() for name, d in digests.items()}, size, False)

    def write_original(self, vault: Vault, exhibit: Exhibit, relative: str) -> bool:
        """Decrypt one original chunk by chunk into its file, checked against the SHA-256
        taken at intake; False (and no file) when the stored copy is damaged."""
        digests = {name: hashlib.new(name, usedforsecurity=False) for name in ALGORITHMS}
        target = self.folder / relative
        with open_private(target) as handle:

            def sink(chunk: bytes) -> None:
                handle.write(chunk)
                for digest in digests.values():
                    digest.update(chunk)

            problem = _hash_blob(vault, exhibit, sink)
            if not problem:
                handle.flush()
                os.fsync(handle.fileno())
        if problem:
            target.unlink()
            return False
        self.record(relative, {n: d.hexdigest() for n, d in digests.items()}, exhibit.size, False)
        return True

    def finish(self, info: dict[str, str]) -> None:
        """bagit.txt, bag-info.txt (with Payload-Oxum), the manifests and tag manifests."""
        info = {**info, "Payload-Oxum": f"{self.octets}.{len(self.payload)}"}
        self.write("bagit.txt", [BAGIT_TXT.encode()], tag=True)
        lines = "".join(f"{label}: {value}\n" for label, value in info.items())
        self.write("bag-info.txt", [lines.encode()], tag=True)
        for name in ALGORITHMS:
            self.write(f"manifest-{name}.txt", [_manifest(self.payload, name)], tag=True)
        for name in ALGORITHMS:
            listed = _manifest(self.tags, name)
            with open_private(self.folder / f"tagmanifest-{name}.txt") as handle:
                handle.write(listed)


def _manifest(files: dict[str, dict[str, str]], algorithm: str) -> bytes:
    lines = (f"{digests[algorithm]}  {path}\n" for path, digests in sorted(files.items()))
    return "".join(lines).encode()


def _private_dir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, exist_ok=True)
    path.chmod(DIR_MODE)  # mkdir's mode is masked by the umask


def write_package(
    vault: Vault,
    folder: Path,
    choices: BinderChoices,
    progress: Progress | None = None,
    extra: dict[str, tuple[bytes, str]] | None = None,
    organization: str = "",
) -> BinderResult:
    """The USB package: the binder, the originals and a README, as a BagIt bag. `extra`
    adds files next to the binder: name → (content, what it is, for the README).
    `organization` (the clinic's name, from the settings) is the bag's
    Source-Organization; without it, whoever prepared the binder."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder} already exists and is not empty; choose a new folder.")
    if not folder.parent.is_dir():
        raise InputError(f"There is no folder {folder.parent} to make the package in.")
    existed = folder.exists()
    try:
        _private_dir(folder)
        data = folder / "data"
        _private_dir(data)
        result = write_binder(
            vault, data / "binder.pdf", replace(choices, packaged=True), progress
        )
        bag = _Bag(folder)
        bag.add_existing("data/binder.pdf")
        _private_dir(data / "originals")
        missing = []
        for exhibit in chosen_exhibits(vault, choices):
            if not bag.write_original(vault, exhibit, f"data/originals/{safe_name(exhibit)}"):
                missing.append(exhibit.id)  # named in the binder and the README instead
        listed = ""
        for name, (content, what) in (extra or {}).items():
            bag.write(f"data/{name}", [content])
            listed += f"  {'data/' + name:<24}{what}\n"
        readme = PACKAGE_README.format(
            day=choices.export_date.isoformat(),
            audience=AUDIENCES[choices.prepared_for],
            extra=listed,
        )
        if missing:
            readme += (
                f"\nNot included: the stored copies of {', '.join(missing)} are damaged; "
                "restore them from a backup of the case and make the package again.\n"
            )
        bag.write("data/README.txt", [readme.encode()])
        how_to = HOW_TO_CHECK.format(
            version=__version__, day=choices.export_date.isoformat(), powershell=POWERSHELL
        )
        bag.write("HOW-TO-CHECK.txt", [how_to.encode()], tag=True)
        bag.finish(bag_info(choices, result.sha256, organization))
        for each in (data / "originals", data, folder):
            fsync_dir(each)
    except BaseException:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        if existed:
            folder.mkdir(mode=DIR_MODE, exist_ok=True)  # it was empty: put it back as it was
        raise
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "package",
            destination=str(folder),
            binder_sha256=result.sha256,
            exhibits=result.exhibits,
        )
    return BinderResult(folder, result.pages, result.exhibits, result.sha256, result.notices)


def bag_info(choices: BinderChoices, binder_sha256: str, organization: str) -> dict[str, str]:
    """bag-info.txt without Payload-Oxum. The External-Identifier is the binder's SHA-256:
    it names exactly the binder this bag carries, as the case's custody log records it,
    comes out the same when the same binder is made again, and says nothing about the
    case that the binder does not (the case's own id stays inside the vault)."""
    source = organization or choices.prepared_by or "Prepared by the person concerned"
    return {
        "Source-Organization": one_line(source),
        "External-Description": "Evidence binder and originals for "
        + AUDIENCES[choices.prepared_for],
        "External-Identifier": f"sha256:{binder_sha256}",
        "Bagging-Date": choices.export_date.isoformat(),
        "Bag-Software-Agent": f"Reclaim {__version__}",
    }
