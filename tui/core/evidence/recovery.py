"""Taking back evidence the case record has forgotten, from the cards its blobs carry:
`recover` puts stray blobs back into the record (each checked against the hash on its
card), and `rebuild_record` makes a new record from the blobs alone when the record is
lost or damaged. Numbers are never given twice: the number on any card counts as used,
whatever the record says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.evidence.model import TABLE, Exhibit
from tui.core.evidence.stored import check_stored
from tui.core.evidence.strays import Stray, highest_number, strays
from tui.core.shared import clock
from tui.core.shared.atomic import fsync_dir
from tui.core.shared.i18n import _
from tui.core.vault import custody
from tui.core.vault.blobs import BlobDamaged
from tui.core.vault.cards import open_card
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault


@dataclass
class Recovered:
    adopted: list[tuple[str, str]] = field(default_factory=list)
    """(number on the card, number in the case now): the same unless it was taken."""
    finished_deletions: list[str] = field(default_factory=list)
    """Exhibits deleted for good whose blob an interrupted deletion had left behind."""
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        if self.adopted:
            moved = [
                _("{old} as {new}").format(old=old, new=new)
                for old, new in self.adopted
                if old != new
            ]
            names = ", ".join(new for _unused, new in self.adopted)
            parts.append(
                _("Took back {count} exhibit(s): {names}.").format(
                    count=len(self.adopted), names=names
                )
            )
            if moved:
                parts.append(
                    _("Renumbered because the number was taken: {moved}.").format(
                        moved=", ".join(moved)
                    )
                )
        if self.finished_deletions:
            parts.append(
                _("Finished deleting {exhibits} (deleted before).").format(
                    exhibits=", ".join(self.finished_deletions)
                )
            )
        parts += self.problems
        return " ".join(parts) or _("Every stored item is in the case record; nothing to recover.")


def recover(vault: Vault, progress: Callable[[int, int], None] | None = None) -> Recovered:
    """Put back into the record every blob it doesn't know, after checking each one's
    bytes against the hash on its card. A blob of an exhibit that was deleted for good
    (the custody log says so) is removed instead, finishing that deletion."""
    result = Recovered()
    with vault.transaction():
        found = strays(vault)
        deleted = {
            (str(entry["details"].get("exhibit")), str(entry["details"].get("sha256")))
            for entry in custody.entries(vault.table(custody.TABLE))
            if entry["action"] == "delete"
        }
        table = vault.table(TABLE)
        docs = table.all()
        taken = {str(doc.get("id")) for doc in docs}
        hashes = {str(doc.get("sha256")): str(doc.get("id")) for doc in docs}
        for index, stray in enumerate(found):
            if progress is not None:
                progress(index, len(found))
            outcome = _take_back(vault, stray, deleted, taken, hashes)
            if outcome[0] == "adopted":
                record = outcome[1]
                table.insert(record)
                taken.add(record["id"])
                hashes[record["sha256"]] = record["id"]
                assert stray.card is not None
                result.adopted.append((stray.card.exhibit_id, record["id"]))
                custody.append(
                    vault.table(custody.TABLE),
                    "recover",
                    exhibit=record["id"],
                    sha256=record["sha256"],
                    card_generation=stray.card.generation,
                    **({"was": stray.card.exhibit_id}
                       if stray.card.exhibit_id != record["id"] else {}),
                )  # fmt: skip
            elif outcome[0] == "deleted":
                (vault.blob_dir / f"{stray.blob}.blob").unlink(missing_ok=True)
                result.finished_deletions.append(outcome[1]["id"])
            else:
                result.problems.append(outcome[1]["why"])
        vault.raise_counter("exhibit", highest_number(found))
    fsync_dir(vault.blob_dir)
    return result


def _take_back(
    vault: Vault,
    stray: Stray,
    deleted: set[tuple[str, str]],
    taken: set[str],
    hashes: dict[str, str],
) -> tuple[str, dict[str, Any]]:
    """What to do with one stray: ("adopted", record), ("deleted", record) or
    ("problem", {"why": sentence})."""
    name = _("A stored item ({start}…)").format(start=stray.blob[:8])
    if stray.card is None:
        why = str(stray.damage or _("it was stored by an earlier version and carries no card"))
        return "problem", {"why": _("{item} was left as it is: {why}.").format(item=name, why=why)}
    record = {**stray.card.record, "blob": stray.blob}
    ident = stray.card.exhibit_id
    if (ident, str(record.get("sha256"))) in deleted:
        return "deleted", record
    exhibit = Exhibit.from_record(record)
    if damage := check_stored(vault, exhibit, lambda _chunk: None):
        return "problem", {
            "why": _("{exhibit} was not taken back: {problem}.").format(
                exhibit=ident, problem=damage
            )
        }
    if exhibit.sha256 in hashes:
        return "problem", {
            "why": _("{exhibit} holds the same bytes as {other}; it was left aside.").format(
                exhibit=ident, other=hashes[exhibit.sha256]
            )
        }
    if ident in taken or not ident.startswith("E-"):
        vault.raise_counter("exhibit", stray.card.number)
        record["id"] = f"E-{vault.next_number('exhibit'):04d}"
    return "adopted", record


def rebuild_record(vault: Vault) -> tuple[Recovered, Path | None]:
    """A new record from the blobs alone, for a case whose record is lost or damaged
    (open it with `Vault.open_without_record`). The damaged record is kept beside it,
    renamed, never deleted. Returns what was taken back and where the old record is."""
    record = vault.path / RECORD
    kept: Path | None = None
    if record.exists():
        stamp = clock.utc_now().strftime("%Y%m%dT%H%M%SZ")
        kept = record.with_name(f"{RECORD}.damaged-{stamp}")
        record.rename(kept)
        fsync_dir(vault.path)
    generations = []
    for path in vault.blob_dir.glob("*.blob"):
        try:
            card = open_card(vault, path.stem)
        except BlobDamaged:
            continue
        if card is not None:
            generations.append(card.generation)
    vault.rebuild_storage(max(generations, default=0) + 1)
    result = recover(vault)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "rebuild",  # i18n: not shown
            exhibits=len(result.adopted),
            **({"damaged_record_kept_as": kept.name} if kept else {}),
        )
    return result, kept
