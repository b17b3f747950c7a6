"""Checking a backup byte for byte without restoring or changing anything: every file
against the signed manifest, every exhibit against the hash taken at intake, and the
custody log's chain. The folder is read as someone else's: a link in it is refused."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.copies.manifest import (
    BLOB_NAME,
    MANIFEST,
    NEUTRAL_PREFIX,
    UNFINISHED,
    Files,
    Progress,
    list_problems,
    printable,
    read_manifest,
    signed_by,
)
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.evidence.stored import check_stored
from tui.core.kiosk import doors
from tui.core.kiosk.offered_names import backup_prefixes
from tui.core.shared.errors import InputError, VaultDamaged
from tui.core.shared.files import READ, inside, plain_size, refuse_links, sha256_file
from tui.core.shared.i18n import _, ngettext
from tui.core.vault import custody
from tui.core.vault.layout import BLOBS, HEADER
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class BackupCheck:
    problems: list[str]
    exhibits: int
    made_at: str
    damaged: dict[str, str] = field(default_factory=dict)
    """Exhibit id -> what is wrong with its stored copy (a sentence)."""
    set_aside: frozenset[str] = frozenset()
    """The listed files that are not whole and hold one exhibit each (or none): restore
    keeps them aside as they are and restores the rest."""
    case_problems: list[str] | None = None
    """The problems that are not about one exhibit's stored copy (None: all of them):
    with any, the case itself can't be trusted and restore makes nothing."""

    @property
    def whole(self) -> bool:
        return not self.problems

    @property
    def blocking(self) -> list[str]:
        """What stops a case being made from it at all."""
        return list(self.problems if self.case_problems is None else self.case_problems)


def _is_backup(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in (HEADER, UNFINISHED, MANIFEST))


def find_backup(path: Path) -> Path:
    """`path` may be the backup folder itself or the folder (drive) that holds one."""
    path = doors.check_readable(path)  # a kiosk: its import folders or a client's drive
    if any(os.path.lexists(path / name) for name in (HEADER, UNFINISHED, MANIFEST)):
        return path
    found = sorted(
        {
            folder
            for prefix in (*backup_prefixes(), NEUTRAL_PREFIX)
            for folder in (path.glob(f"{prefix}*") if path.is_dir() else ())
            if prefix != NEUTRAL_PREFIX or _is_backup(folder)  # "notes-…" may be anything
        }
    )
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise InputError(
            ngettext(
                "{path} holds backups of {count} case; give the one you mean, like {example}.",
                "{path} holds backups of {count} cases; give the one you mean, like {example}.",
                len(found),
            ).format(path=path, count=len(found), example=found[0])
        )
    raise InputError(_("There is no Reclaim backup at {path}.").format(path=path))


def verify_backup(
    path: Path, passphrase: str | None = None, recovery_code: str | None = None,
    progress: Progress | None = None, data_key: bytes | None = None,
) -> BackupCheck:  # fmt: skip
    """Check every file against the manifest and every exhibit against its hash, without
    restoring or changing anything. Needs the passphrase (or recovery code)."""
    return verify_with_files(find_backup(path), passphrase, recovery_code, progress, data_key)[0]


def verify_with_files(
    folder: Path, passphrase: str | None, recovery_code: str | None,
    progress: Progress | None, data_key: bytes | None,
) -> tuple[BackupCheck, Files]:  # fmt: skip
    """The check, and the manifest's files it passed, for restore to copy exactly those."""
    refuse_links(folder, READ)
    if os.path.lexists(folder / UNFINISHED):
        return BackupCheck(
            [_("this backup was interrupted before it finished; run the backup again")], 0, ""
        ), {}
    manifest = read_manifest(folder)
    if manifest is None or not isinstance(manifest.get("files"), dict):
        return BackupCheck(
            [_("its list of files (manifest.json) is missing or damaged")], 0, ""
        ), {}
    made_at = str(manifest.get("made_at", ""))
    files: Files = manifest["files"]
    if listed := list_problems(files):  # before a single file is opened
        return BackupCheck(listed, 0, made_at), {}
    try:
        vault = Vault.open(
            folder,
            passphrase=passphrase,
            recovery_code=recovery_code,
            data_key=data_key,
            upgrade=False,  # checking a backup never changes it
        )
    except VaultDamaged as damage:
        return BackupCheck([_("it can't be opened: {why}").format(why=damage)], 0, made_at), {}
    problems: list[str] = []
    damaged: dict[str, str] = {}
    aside: set[str] = set()
    with vault:
        if not signed_by(manifest, vault):
            problems.append(_("its list of files (manifest.json) has been changed"))
        exhibits = list_exhibits(vault)
        owner = {f"{BLOBS}/{exhibit.blob}.blob": exhibit.id for exhibit in exhibits}
        total = sum(int(entry["size"]) for entry in files.values())
        done = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        of_one: list[str] = []  # the problems that are one exhibit's stored copy
        for name, entry in sorted(files.items()):
            target = inside(folder, name, READ)
            missing = plain_size(target) is None
            if missing:
                what = _("{file} is missing").format(file=name)
            elif sha256_file(target, count) != entry["sha256"]:
                what = _("{file} is damaged (its bytes have changed)").format(file=name)
            else:
                continue
            problems.append(what)
            if name.startswith(f"{BLOBS}/"):
                of_one.append(what)
                aside.add(name)
                if name in owner:
                    lost = (
                        _("its stored copy is missing from the backup")
                        if missing
                        else _("its stored copy is damaged in the backup")
                    )
                    damaged.setdefault(owner[name], lost)
        blobs = folder / BLOBS
        found = {f"{BLOBS}/{p.name}" for p in blobs.glob("*.blob")} if blobs.is_dir() else set()
        problems += [
            _("{file} is not in the backup's list").format(file=printable(name))
            for name in sorted(found - set(files))
        ]
        for exhibit, what in _check_exhibits(vault, exhibits):
            sentence = f"{exhibit.id}: {what}"
            problems.append(sentence)
            name = f"{BLOBS}/{exhibit.blob}.blob"
            if name in files:
                of_one.append(sentence)
                aside.add(name)
                damaged.setdefault(exhibit.id, str(what))
        problems += [
            _("custody log: {problem}").format(problem=what)
            for what in custody.verify(vault.table(custody.TABLE))
        ]
    case_problems = [problem for problem in problems if problem not in of_one]
    check = BackupCheck(problems, len(exhibits), made_at, damaged, frozenset(aside), case_problems)
    return check, files


def _check_exhibits(vault: Vault, exhibits: list[Exhibit]) -> list[tuple[Exhibit, str]]:
    return [
        (exhibit, str(what))
        for exhibit in exhibits
        if (
            what := _("its stored copy has a name Reclaim never gives")
            if not BLOB_NAME.fullmatch(str(exhibit.blob))
            else check_stored(vault, exhibit, len)
        )
    ]
