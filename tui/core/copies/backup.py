"""Making a backup: a self-contained, encrypted copy of the whole case in a folder (a
thumb drive, an external disk, a synced cloud folder), laid out as manifest.py says, so
the same passphrase or recovery code opens it. The `UNFINISHED` marker goes only after the
new manifest is in place, so a pulled drive never leaves something that looks complete.
Checking a backup is verify.py; restoring one, restore.py.

Blobs never change once written, so a second backup copies only new blobs (and the
small header and record) and removes the blobs of deleted exhibits. Every blob already
in the backup is hashed and compared with the case's, so a damaged copy is rewritten
rather than carried forward; a whole copy is never copied again.

A backup is a folder someone else may have had in their hands: nothing under it is ever
a link (one found is refused, never followed) and nothing is deleted outside it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag

from tui.core.copies.manifest import (
    MANIFEST,
    UNFINISHED,
    Files,
    Progress,
    backup_folder,
    is_case_file,
    manifest_key,
    read_manifest,
    sign,
    signed_by,
)
from tui.core.copies.register import record_backup
from tui.core.evidence.model import Exhibit, list_exhibits
from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_write, fsync_dir, make_private_dir
from tui.core.shared.clock import utc_stamp
from tui.core.shared.errors import InputError
from tui.core.shared.files import WRITE, copy_plain, inside, plain_size, refuse_links, sha256_file
from tui.core.shared.i18n import _
from tui.core.vault import custody, keys
from tui.core.vault.blobs import BlobDamaged, decrypt_stream, read_card
from tui.core.vault.cards import CARD_MAGIC, card_aad
from tui.core.vault.layout import BLOBS, HEADER, RECORD
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class BackupResult:
    folder: Path
    files: int
    copied_bytes: int
    """What this run wrote: small for a second backup to the same place."""
    total_bytes: int
    exhibits: int
    kept: tuple[str, ...] = ()
    """Exhibits whose stored copy in the case is damaged: the backup kept its whole one."""


class BackupIsNewer(InputError):
    """The backup holds a newer state of the case than the case itself (which may have
    been put back to an older copy), so nothing was written over it. Each face says
    how to check the case in its own words."""

    def __init__(self, folder: Path, made_at: str) -> None:
        super().__init__(
            _(
                "The backup in {folder} holds a newer state of this case (made {made_at}) than "
                "the case itself, which may have been put back to an older copy. Nothing was "
                "written. Check the case's evidence, or restore this backup to a new folder."
            ).format(folder=folder, made_at=made_at)
        )
        self.folder = folder
        self.made_at = made_at


def _decrypts_whole(vault: Vault, exhibit: Exhibit, path: Path) -> bool:
    """Whether the blob at `path` decrypts to the exhibit's intake hash and its card (if
    it has one) opens: every byte of a blob is covered by one or the other."""
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in decrypt_stream(path, vault.blob_key, vault.blob_aad(exhibit.blob)):
            digest.update(chunk)
            size += len(chunk)
        sealed = read_card(path)
        if sealed is not None:
            if not sealed.startswith(CARD_MAGIC):
                return False
            keys.open_sealed(
                vault.card_key, sealed[len(CARD_MAGIC) :], card_aad(vault, exhibit.blob)
            )
    except (BlobDamaged, InvalidTag, OSError):
        return False
    return size == exhibit.size and digest.hexdigest() == exhibit.sha256


def _refuse_going_back(vault: Vault, folder: Path) -> None:
    """A backup that holds a newer state of the case than the case itself (its record's
    generation is higher) is never replaced by the older one: the case may have been put
    back to an old copy, and the backup may be where the newer evidence still is."""
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("vault_id") != vault.header.vault_id:
        return
    if not signed_by(manifest, vault):
        return  # not one this case's key wrote: verify says so; the copy replaces it
    generation = manifest.get("generation")
    if isinstance(generation, int) and generation > vault.generation:
        raise BackupIsNewer(folder, str(manifest.get("made_at", "earlier")))


def make_backup(
    vault: Vault, destination: Path, progress: Progress | None = None, *, neutral: bool = False
) -> BackupResult:
    """Write (or bring up to date) this case's backup inside `destination` (under a
    neutral name in discreet mode: `neutral`, or a case made so)."""
    destination = doors.writable(destination)  # a kiosk: its export folder or a drive
    if not destination.is_dir():
        raise InputError(
            _("There is no folder {folder} to back up into. Plug the drive in?").format(
                folder=destination
            )
        )
    folder = backup_folder(destination.absolute(), vault, neutral)
    with vault.transaction():  # nobody adds or deletes while the copy is made
        refuse_links(folder, WRITE)  # before anything, even a chmod, goes through one
        _refuse_going_back(vault, folder)
        make_private_dir(inside(folder, "", WRITE))
        make_private_dir(inside(folder, BLOBS, WRITE))
        atomic_write(
            inside(folder, UNFINISHED, WRITE),
            b"A backup was being written here and did not finish.\n",
        )
        exhibits = list_exhibits(vault)
        owners = {f"{BLOBS}/{exhibit.blob}.blob": exhibit for exhibit in exhibits}
        blobs = sorted(
            name
            for path in vault.blob_dir.glob("*.blob")
            if is_case_file(name := f"{BLOBS}/{path.name}")
        )
        wanted = [HEADER, RECORD, *blobs]
        sizes = {name: (vault.path / name).lstat().st_size for name in wanted}
        present = {name: size for name in blobs if (size := plain_size(folder / name)) is not None}
        # Each blob already there is hashed on both sides; the rest is copied.
        total = sum(sizes.values()) + sum(
            size for name, size in present.items() if size == sizes[name]
        )
        done = copied = 0

        def count(size: int) -> None:
            nonlocal done
            done += size
            if progress is not None:
                progress(done, total)

        def copy(name: str) -> None:
            nonlocal copied
            digest = copy_plain(vault.path / name, inside(folder, name, WRITE), count)
            files[name] = {"sha256": digest, "size": sizes[name]}
            copied += sizes[name]

        files: Files = {}
        kept: list[str] = []
        for name in wanted:
            if name not in present:
                copy(name)
                continue
            target = inside(folder, name, WRITE)
            if present[name] == sizes[name]:
                digest = sha256_file(vault.path / name, count)
                if sha256_file(target, count) == digest:
                    files[name] = {"sha256": digest, "size": sizes[name]}
                    continue
                total += sizes[name]
            owner = owners.get(name)
            if (
                owner is not None
                and not _decrypts_whole(vault, owner, vault.path / name)
                and _decrypts_whole(vault, owner, target)
            ):  # the case's copy went bad since: never overwrite the whole one with it
                files[name] = {"sha256": sha256_file(target), "size": present[name]}
                kept.append(owner.id)
                continue
            copy(name)
        for entry in sorted((folder / BLOBS).iterdir()):
            name = f"{BLOBS}/{entry.name}"
            if entry.name.endswith(".blob") and name not in files:
                stale = inside(folder, name, WRITE)
                if plain_size(stale) is not None:
                    stale.unlink()
        fsync_dir(inside(folder, BLOBS, WRITE))
        body = {
            "format": "reclaim-backup-1",
            "vault_id": vault.header.vault_id,
            "made_at": utc_stamp(),
            "exhibits": len(exhibits),
            "newest_exhibit": max((e.added_at for e in exhibits), default=""),
            "generation": vault.generation,
            "files": files,
        }
        atomic_write(
            inside(folder, MANIFEST, WRITE),
            json.dumps({**body, "mac": sign(body, manifest_key(vault))}, indent=1).encode(),
        )
        inside(folder, UNFINISHED, WRITE).unlink()
        fsync_dir(folder)
        custody.append(
            vault.table(custody.TABLE),
            "backup",
            destination=str(folder),
            files=len(files),
            exhibits=len(exhibits),
        )
        record_backup(vault, folder, body)
    return BackupResult(
        folder=folder,
        files=len(files),
        copied_bytes=copied,
        total_bytes=sum(sizes.values()),
        exhibits=len(exhibits),
        kept=tuple(kept),
    )
