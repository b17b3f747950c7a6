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
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tui import __version__
from tui.core.binder.build import make
from tui.core.binder.choices import (
    AUDIENCES,
    BinderChoices,
    BinderResult,
    Progress,
    chosen_exhibits,
)
from tui.core.binder.documents_language import documents_language
from tui.core.evidence.model import Exhibit
from tui.core.evidence.original import OriginalDamaged, open_original
from tui.core.kiosk import doors
from tui.core.shared.atomic import DIR_MODE, fsync_dir, open_private
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import N_, _, speaking
from tui.core.timestamps.package import README_LINE, how_to_check, stamp_files
from tui.core.timestamps.stamps import stamped
from tui.core.vault.vault import Vault

#: The manifests written, the BagIt default (SHA-512) first; SHA-256 is the reference
#: (the binder prints it); MD5 and SHA-1 are for older forensic tools.
ALGORITHMS = ("sha512", "sha256", "sha1", "md5")
#: Where the package's binder is, inside its folder.
BINDER = Path("data", "binder.pdf")
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"  # i18n: not shown
READ_CHUNK = 1024 * 1024
#: A file name on a USB drive (FAT, exFAT) may hold none of these; BagIt manifests must
#: percent-encode `%`, which `sha256sum -c` would not understand. So none of them is used.
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*%]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_NAME_BYTES = 200

PACKAGE_README = N_("""\
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
""")

#: Its commands and what they print (": OK", "is valid") stay as they are in every
#: language.
HOW_TO_CHECK = N_("""\
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
""")
#: One line for PowerShell: each manifest line's file hashed and compared (-eq ignores
#: case; Get-FileHash gives capitals). A missing file is CHANGED too.
POWERSHELL = (
    "Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object { "  # i18n: not shown
    "$hash, $file = $_ -split '  ', 2; "
    "if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -eq $hash) "
    '{ "OK       $file" } else { "CHANGED  $file" } }'
)


def _visible(char: str) -> str:
    """`char`, or `_` for what a manifest reader would split a line at (U+2028, U+2029),
    what would reorder or hide letters on screen (bidi and other format controls, a
    name that reads as ".jpg" but is ".exe"), and what cannot be written as UTF-8 (a
    file name's undecodable bytes, kept as lone surrogates)."""
    return "_" if unicodedata.category(char)[0] == "C" or char in "\u2028\u2029" else char


def safe_name(exhibit: Exhibit) -> str:
    """The original's name in the package: its exhibit number first, nothing a USB
    drive's file system or a manifest reader would trip on, not too long. NFC, so that
    a drive which normalises names (macOS) keeps the name the manifests list."""
    cleaned = "".join(map(_visible, unicodedata.normalize("NFC", exhibit.original_name)))
    base = _UNSAFE_NAME.sub("_", Path(cleaned).name).strip(" .") or "original"
    name = f"{exhibit.id}-{base}"
    while len(name.encode()) > MAX_NAME_BYTES:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[:-1]}.{suffix}" if dot and len(suffix) <= 10 and stem else name[:-1]
    return name.rstrip(" .")  # Windows drops a trailing dot or space


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

    def written(self, relative: str) -> None:
        """Record a payload file already written in its place, read back to digest it."""
        digests = {name: hashlib.new(name, usedforsecurity=False) for name in ALGORITHMS}
        size = 0
        with (self.folder / relative).open("rb") as handle:
            while chunk := handle.read(READ_CHUNK):
                size += len(chunk)
                for digest in digests.values():
                    digest.update(chunk)
        self.record(relative, {name: d.hexdigest() for name, d in digests.items()}, size, False)

    def record(self, relative: str, digests: dict[str, str], size: int, tag: bool) -> None:
        if tag:
            self.tags[relative] = digests
        else:
            self.payload[relative] = digests
            self.octets += size

    def write_original(self, vault: Vault, exhibit: Exhibit, relative: str) -> bool:
        """Decrypt one original chunk by chunk into its file, checked against the SHA-256
        taken at intake; False (and no file) when the stored copy is damaged."""
        try:
            with open_original(vault, exhibit) as original:
                self.write(relative, iter(lambda: original.read(READ_CHUNK), b""))
        except OriginalDamaged:  # raised before the file is recorded in any manifest
            (self.folder / relative).unlink(missing_ok=True)
            return False
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


def _new_private_dir(path: Path) -> None:
    """A new folder, 0700. Never one that is already there: a link planted under the
    name would otherwise be followed, and the package written wherever it points."""
    path.mkdir(mode=DIR_MODE)
    path.chmod(DIR_MODE)  # mkdir's mode is masked by the umask


def check_destination(folder: Path) -> bool:
    """Refuse, in one sentence, a destination the package can't be made in; True when
    it is an empty folder already there (a fresh USB drive), False when it is new."""
    if folder.is_symlink():
        raise InputError(
            _("{folder} is a link to somewhere else; choose a new folder.").format(folder=folder)
        )
    if folder.exists():
        if not folder.is_dir() or any(folder.iterdir()):
            raise InputError(
                _("{folder} already exists and is not empty; choose a new folder.").format(
                    folder=folder
                )
            )
        return True
    if not folder.parent.is_dir():
        raise InputError(
            _("There is no folder {folder} to make the package in.").format(folder=folder.parent)
        )
    return False


def _clear_away(folder: Path, existed: bool) -> None:
    """Take away what a failed run wrote: the folder it made, or, in a folder that was
    there and empty, everything in it. What can't be taken away is named."""
    if not existed:
        shutil.rmtree(folder, ignore_errors=True)
    elif folder.is_dir() and not folder.is_symlink():
        for child in list(folder.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    left = folder.is_dir() and not folder.is_symlink() and any(folder.iterdir())
    if left or (not existed and folder.exists()):
        raise InputError(
            _(
                "The package could not be made, and part of it is left in {folder}: "
                "delete that folder; it is not a whole package."
            ).format(folder=folder)
        )


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
    Source-Organization; without it, whoever prepared the binder.

    The case is changed only once the whole package is written (one custody entry); a
    run that fails (a full drive, a drive pulled out) takes away what it wrote."""

    folder = doors.writable(folder)  # a kiosk: its export folder or a drive
    existed = check_destination(folder)
    try:
        if not existed:
            _new_private_dir(folder)
        folder.chmod(DIR_MODE)
        _new_private_dir(folder / "data")
        # Saved into its place as it is made, never held whole in memory.
        made = make(vault, replace(choices, packaged=True), progress, folder / BINDER)
        bag = _Bag(folder)
        bag.written(BINDER.as_posix())
        binder_sha256 = bag.payload[BINDER.as_posix()]["sha256"]
        _new_private_dir(folder / "data" / "originals")
        missing = []
        for exhibit in chosen_exhibits(vault, choices):
            if not bag.write_original(vault, exhibit, f"data/originals/{safe_name(exhibit)}"):
                missing.append(exhibit.id)  # named in the binder and the README instead
        listed = ""
        for name, (content, what) in (extra or {}).items():
            bag.write(f"data/{name}", [content])
            listed += f"  {'data/' + name:<24}{what}\n"
        if stamps := stamped(vault):  # trusted times: their files, and how to check them
            _new_private_dir(folder / "data" / "timestamps")
            for relative, content in (pair for each in stamps for pair in stamp_files(each)):
                bag.write(relative, [content])
            fsync_dir(folder / "data" / "timestamps")
            listed += README_LINE
        with speaking(choices.language or documents_language(vault)):
            readme = _(PACKAGE_README).format(
                day=choices.export_date.isoformat(),
                audience=_(AUDIENCES[choices.prepared_for]),
                extra=listed,
            )
            if missing:
                readme += (
                    "\n"
                    + _(
                        "Not included: the stored copies of {exhibits} are damaged; restore "
                        "them from a backup of the case and make the package again."
                    ).format(exhibits=", ".join(missing))
                    + "\n"
                )
            how_to = _(HOW_TO_CHECK).format(
                version=__version__, day=choices.export_date.isoformat(), powershell=POWERSHELL
            )
            how_to += how_to_check(stamps)
        bag.write("data/README.txt", [readme.encode()])
        bag.write("HOW-TO-CHECK.txt", [how_to.encode()], tag=True)
        bag.finish(bag_info(choices, binder_sha256, organization))
        for each in (folder / "data" / "originals", folder / "data", folder):
            fsync_dir(each)
    except BaseException:
        _clear_away(folder, existed)
        raise
    made.log(vault, "package", choices, destination=str(folder), binder_sha256=binder_sha256)
    return BinderResult(
        folder, made.pages, made.exhibits, binder_sha256, made.notices, made.unattached
    )


def bag_info(choices: BinderChoices, binder_sha256: str, organization: str) -> dict[str, str]:
    """bag-info.txt without Payload-Oxum. The External-Identifier is the binder's SHA-256:
    it names exactly the binder this bag carries, as the case's custody log records it,
    comes out the same when the same binder is made again, and says nothing about the
    case that the binder does not (the case's own id stays inside the vault)."""
    # bag-info.txt is read by forensic tools: its values stay in English.
    unnamed = "Prepared by the person concerned"  # i18n: not shown
    source = organization or choices.prepared_by or unnamed
    return {
        "Source-Organization": one_line(source),
        "External-Description": "Evidence binder and originals for "  # i18n: not shown
        + AUDIENCES[choices.prepared_for],
        "External-Identifier": f"sha256:{binder_sha256}",
        "Bagging-Date": choices.export_date.isoformat(),
        "Bag-Software-Agent": f"Reclaim {__version__}",
    }
