"""What a backup folder holds and how it says so. A backup folder is laid out like a vault
(header, sealed record, encrypted blobs) plus `manifest.json`: the SHA-256 and size of
every file, authenticated with a key derived from the case key. While a backup is being
written an `UNFINISHED` marker lies in the folder.

A manifest may name only the files a vault has: a manifest is signed with the case key,
and whoever holds the backup holds that too, so each name is checked on its own."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.kiosk.offered_names import backup_prefix, backup_prefixes
from tui.core.shared.errors import VaultDamaged
from tui.core.shared.files import open_plain
from tui.core.shared.i18n import _
from tui.core.vault import keys
from tui.core.vault.layout import BLOBS, HEADER, RECORD, made_discreet
from tui.core.vault.vault import Vault

MANIFEST = "manifest.json"
UNFINISHED = "UNFINISHED"
#: A discreet case's backups: no word in the name says what they are.
NEUTRAL_PREFIX = "notes-"
#: A manifest lists a few hundred bytes per file; anything bigger was not made here.
MANIFEST_LIMIT = 64 * 1024 * 1024
#: Blob names are `secrets.token_hex(16)` (see evidence intake).
BLOB_NAME = re.compile(r"[0-9a-f]{32}")
SHA256 = re.compile(r"[0-9a-f]{64}")
#: (bytes done, bytes in all); may raise Cancelled.
Progress = Callable[[int, int], None]
#: A manifest's entry for one file: {"sha256": ..., "size": ...}.
Files = dict[str, dict[str, Any]]


def backup_folder(destination: Path, vault: Vault, neutral: bool = False) -> Path:
    """Where a case's backup lives inside the chosen folder (one per case): the one
    already there, under its name in whichever language Reclaim spoke when it was made,
    else a new one named in the language spoken (`reclaim-copia-…`); a neutral name for
    a case in discreet mode (`neutral`, or made so: `made_discreet`)."""
    ident = vault.header.vault_id[:12]
    if neutral or made_discreet(vault.path):
        return destination / f"{NEUTRAL_PREFIX}{ident}"
    for prefix in backup_prefixes():
        if os.path.lexists(destination / f"{prefix}{ident}"):
            return destination / f"{prefix}{ident}"
    return destination / f"{backup_prefix()}{ident}"


def is_case_file(name: str) -> bool:
    """Whether a manifest may list `name`: only what a vault holds (layout.py), so no
    entry can lead a restore out of its folder."""
    if name in (HEADER, RECORD):
        return True
    folder, _slash, leaf = name.partition("/")
    stem, dot, ext = leaf.partition(".")
    return folder == BLOBS and dot == "." and ext == "blob" and bool(BLOB_NAME.fullmatch(stem))


def printable(name: str) -> str:
    """A name from a manifest, safe to put in a sentence (it may hold anything)."""
    return "".join(c if c.isprintable() else "?" for c in name)[:200]


def manifest_key(vault: Vault) -> bytes:
    return keys.subkey(vault.data_key, "reclaim backup manifest v1")  # i18n: not shown


def sign(body: dict[str, Any], key: bytes) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def signed_by(manifest: dict[str, Any], vault: Vault) -> bool:
    """Whether this case's key wrote `manifest` (and nothing in it changed since)."""
    body = {k: v for k, v in manifest.items() if k != "mac"}
    return hmac.compare_digest(str(manifest.get("mac")), sign(body, manifest_key(vault)))


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest in `folder` as JSON, or None if there is no readable one."""
    try:
        with open_plain(folder / MANIFEST) as handle:
            raw = handle.read(MANIFEST_LIMIT + 1)
        data = json.loads(raw) if len(raw) <= MANIFEST_LIMIT else None
    except (OSError, ValueError, VaultDamaged):
        return None
    return data if isinstance(data, dict) else None


def list_problems(files: dict[str, Any]) -> list[str]:
    """What is wrong with a manifest's list itself, found before any file is touched."""
    problems = [
        _("its list of files names {file}, which is not a file a Reclaim case has").format(
            file=printable(name)
        )
        for name in sorted(files)
        if not is_case_file(name)
    ]
    if problems:
        return problems
    for name, entry in sorted(files.items()):
        sha = entry.get("sha256") if isinstance(entry, dict) else None
        size = entry.get("size") if isinstance(entry, dict) else None
        if not (isinstance(sha, str) and SHA256.fullmatch(sha)) or not (
            type(size) is int and size >= 0
        ):
            problems.append(
                _("its list of files has an unreadable entry for {file}").format(file=name)
            )
    return problems + [
        _("its list of files leaves out {file}").format(file=name)
        for name in (HEADER, RECORD)
        if name not in files
    ]
