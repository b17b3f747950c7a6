"""Where an exhibit is verified: every exhibit decrypted and re-hashed against the
SHA-256 taken at intake, its card checked, the custody log's chain checked, and the
check itself written to the log.

The result is a `VerifyReport` of facts (which exhibit, what is damaged and how much of
it, how many blobs the record doesn't list, what unfinished pieces were cleared), not
sentences: the command line and the screen each say it their own way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tui.core.evidence.model import Exhibit, Progress, list_exhibits
from tui.core.evidence.stored import Damage, Scope, check_card, check_stored
from tui.core.evidence.strays import strays
from tui.core.shared.errors import ReclaimError
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: Hears of each exhibit as soon as it is checked: what is wrong, or None when whole.
Checked = Callable[[Exhibit, Damage | None], None]


@dataclass(frozen=True)
class ExhibitProblem:
    """One exhibit whose storage is not what was taken in."""

    exhibit: str
    """Its number, `E-0003`."""
    damage: Damage

    @property
    def scope(self) -> Scope:
        """How much of it is touched: the whole stored file, a piece of it, or its card."""
        return self.damage.scope


@dataclass(frozen=True)
class VerifyReport:
    """What one check of the whole case found."""

    checked: int
    """How many exhibits were decrypted and re-hashed."""
    damaged: tuple[ExhibitProblem, ...] = ()
    """The exhibits that are not exactly what was taken in, in number order."""
    log_problems: tuple[str, ...] = ()
    """What the custody log's own check found (`custody.verify`): its chain is broken."""
    unlisted: int = 0
    """Blobs in the case folder that the record doesn't list (an older record put back,
    an interrupted save); nothing is lost, `recovery` takes them back."""
    removed_pieces: int = 0
    """Unfinished pieces of adds that were interrupted, cleared away by this check."""
    recent_pieces: int = 0
    """Unfinished pieces of an add under way or stopped within the hour, left for now
    (they go once an hour old)."""
    not_logged: str = ""
    """Why this check could not be written to the custody log ('' when it was): a full
    disk, say. The results still count."""

    @property
    def intact(self) -> bool:
        """Nothing is damaged or missing: every exhibit, the log and the record agree."""
        return not (self.damaged or self.log_problems or self.unlisted)

    @property
    def clean(self) -> bool:
        """Intact, and nothing else worth saying either (no pieces, the check logged)."""
        return (
            self.intact and not self.removed_pieces and not self.recent_pieces
        ) and not self.not_logged

    @property
    def damaged_ids(self) -> list[str]:
        return [problem.exhibit for problem in self.damaged]


def verify_all(
    vault: Vault,
    progress: Progress | None = None,
    checked: Checked | None = None,
) -> VerifyReport:
    """Decrypt and re-hash every exhibit and check the custody log; record the check, and
    clear away what interrupted writes left behind."""
    exhibits = list_exhibits(vault)
    total = sum(exhibit.size for exhibit in exhibits)
    done = 0

    def count(chunk: bytes) -> None:
        nonlocal done
        done += len(chunk)
        if progress is not None:
            progress(done, total)

    damaged = []
    for exhibit in exhibits:
        damage = check_stored(vault, exhibit, count) or check_card(vault, exhibit)
        if checked is not None:
            checked(exhibit, damage)
        if damage:
            damaged.append(ExhibitProblem(exhibit.id, damage))
    log_problems = tuple(custody.verify(vault.table(custody.TABLE)))
    unlisted = len(strays(vault))
    removed = vault.sweep_leftovers()
    recent = sum(1 for _ in vault.blob_dir.glob("*.part"))
    not_logged = ""
    try:
        with vault.transaction():
            details: dict[str, Any] = {
                "checked": len(exhibits),
                "damaged": [problem.exhibit for problem in damaged]
                + (["log"] * len(log_problems))
                + (["record"] if unlisted else []),
            }
            if removed:
                details["removed_unfinished_pieces"] = removed
            custody.append(vault.table(custody.TABLE), "verify", **details)
    except (OSError, ReclaimError) as error:  # a full disk: the results still count
        not_logged = str(error)
    return VerifyReport(
        len(exhibits), tuple(damaged), log_problems, unlisted, removed, recent, not_logged
    )
