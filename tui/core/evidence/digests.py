"""MD5 and SHA-1 of an exhibit's original, beside the SHA-256 taken at intake.

SHA-256 is the reference: it is taken as the file comes in and every check uses it. Police
forensic tools still ask for MD5 and SHA-1, so the binder and the packages print those too,
worked out from the stored copy (streamed, one chunk in memory) and only after the stored
copy is shown to match its SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tui.core.evidence.model import Exhibit
from tui.core.evidence.stored import check_stored
from tui.core.shared.errors import VaultDamaged
from tui.core.shared.i18n import _
from tui.core.vault.vault import Vault


@dataclass(frozen=True)
class Digests:
    sha256: str
    sha1: str
    md5: str


def digests_of(data: bytes) -> Digests:
    """The three digests of bytes already in memory."""
    return Digests(
        hashlib.sha256(data).hexdigest(),
        hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        hashlib.md5(data, usedforsecurity=False).hexdigest(),
    )


def original_digests(vault: Vault, exhibit: Exhibit) -> Digests:
    """The three digests of one exhibit's stored original; VaultDamaged when the stored
    copy no longer matches its SHA-256 (then MD5 and SHA-1 would describe the wrong file)."""
    sha1 = hashlib.sha1(usedforsecurity=False)
    md5 = hashlib.md5(usedforsecurity=False)

    def both(chunk: bytes) -> None:
        sha1.update(chunk)
        md5.update(chunk)

    if damage := check_stored(vault, exhibit, both):
        raise VaultDamaged(
            _("{label} can't be read: {problem}. Restore it from a backup.").format(
                label=exhibit.id, problem=damage
            )
        )
    return Digests(exhibit.sha256, sha1.hexdigest(), md5.hexdigest())
