"""The test case's secrets, a fast KDF, and a way to prove a vault folder unchanged."""

from __future__ import annotations

from pathlib import Path

from tui.core.vault import keys

PASSPHRASE = "tender-quilt-orbit-canyon"


NEW_PASSPHRASE = "marble-lantern-thistle-harbor"


#: Cheap Argon2id for vaults that tests create in-process; `reclaim init` keeps the real
#: calibrated cost, and opening reads whatever the header says.
FAST_KDF = keys.Argon2Params(time_cost=1, memory_kib=1024, parallelism=1)


def vault_bytes(path: Path) -> dict[str, bytes]:
    """Every file in a vault folder and its content, to prove nothing changed."""
    return {
        str(entry.relative_to(path)): entry.read_bytes()
        for entry in sorted(path.rglob("*"))
        if entry.is_file() and entry.name != ".lock"
    }
