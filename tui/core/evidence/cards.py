"""Exhibit cards: each blob carries, sealed with it, the record of the exhibit it holds
(as it was when it was added) and the generation of the case record that took it in.

So a blob the case record doesn't know (an older record put back, a crash between
storing a blob and saving the record, a lost record) is recognised for what it is,
reported, and can be taken back (`recover`); and a lost or damaged record can be rebuilt
from the blobs alone (`rebuild_record`). Numbers are never given twice: the number on
any card counts as used, whatever the record says."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag

from tui.core.shared import clock
from tui.core.shared.atomic import fsync_dir
from tui.core.vault import keys
from tui.core.vault.blobs import BlobDamaged, read_card
from tui.core.vault.layout import RECORD
from tui.core.vault.vault import Vault

CARD_MAGIC = b"RCLCARD1"
EXHIBITS = "exhibits"


@dataclass(frozen=True)
class Card:
    blob: str
    record: dict[str, Any]
    """The exhibit's record when it was added (id, hash, size, name, details...)."""
    generation: int
    """The generation of the case record that took it in."""

    @property
    def exhibit_id(self) -> str:
        return str(self.record.get("id", ""))

    @property
    def number(self) -> int:
        try:
            return int(self.exhibit_id.removeprefix("E-"))
        except ValueError:
            return 0


def _aad(vault: Vault, blob: str) -> bytes:
    return b"|".join([b"reclaim-card", vault.header.vault_id.encode(), blob.encode()])


def seal_card(vault: Vault, blob: str, record: dict[str, Any], generation: int) -> bytes:
    payload = json.dumps({"record": record, "generation": generation}, sort_keys=True)
    return CARD_MAGIC + keys.seal(vault.card_key, payload.encode("utf-8"), _aad(vault, blob))


def open_card(vault: Vault, blob: str) -> Card | None:
    """The card at the end of a blob; None for a blob of the first format (no card).
    Raises BlobDamaged when the card is not one this case sealed for this blob."""
    sealed = read_card(vault.blob_dir / f"{blob}.blob")
    if sealed is None:
        return None
    if not sealed.startswith(CARD_MAGIC):
        raise BlobDamaged("changed")
    try:
        plain = keys.open_sealed(vault.card_key, sealed[len(CARD_MAGIC) :], _aad(vault, blob))
        data = json.loads(plain.decode("utf-8"))
        return Card(blob, dict(data["record"]), int(data["generation"]))
    except (InvalidTag, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise BlobDamaged("changed") from None


# ---- blobs the record doesn't know ------------------------------------------------------


@dataclass(frozen=True)
class Stray:
    """A finished blob in the case folder that no exhibit in the record points to."""

    blob: str
    card: Card | None
    """None for a blob of the first format, or one whose card can't be read."""
    problem: str = ""


def strays(vault: Vault) -> list[Stray]:
    """Blobs the record doesn't know, by the number on their card. Costs one folder
    listing, plus a card read only for each blob that is unknown (normally none)."""
    known = {str(doc.get("blob")) for doc in vault.table(EXHIBITS).all()}
    found = []
    for path in sorted(vault.blob_dir.glob("*.blob")):
        if path.stem in known:
            continue
        try:
            found.append(Stray(path.stem, open_card(vault, path.stem)))
        except BlobDamaged as damage:
            found.append(Stray(path.stem, None, f"its stored copy is {damage}"))
    return sorted(found, key=lambda stray: (stray.card is None, stray.card and stray.card.number))


def folder_state(vault: Vault, generation: int) -> tuple[int, int, int]:
    """What `any_strays` remembers: the record's generation and the blob folder's inode
    and change time (adding or removing a blob changes it)."""
    stat = vault.blob_dir.stat()
    return generation, stat.st_ino, stat.st_mtime_ns


def any_strays(vault: Vault) -> bool:
    """Quickly: are there more blobs than exhibits? (Each exhibit has one blob.) Lists
    the blob folder only when it or the record changed since it was last found to hold
    none (an intake that added blobs and their exhibits together notes that itself)."""
    state = folder_state(vault, vault.generation)
    if vault.no_strays_at == state:
        return False
    count = sum(1 for entry in os.scandir(vault.blob_dir) if entry.name.endswith(".blob"))
    found = count > len(vault.table(EXHIBITS))
    vault.no_strays_at = None if found else state
    return found


def stray_message(found: list[Stray]) -> str:
    """One sentence for people, or '' when every blob is known."""
    if not found:
        return ""
    count = len(found)
    are = "exhibits are" if count != 1 else "exhibit is"
    return (
        f"{count} {are} in the case folder but missing from its record (an older copy of "
        "the record may have been put back, or a save was interrupted). Nothing is lost: "
        "`reclaim evidence recover` takes them back."
    )


def highest_number(found: list[Stray]) -> int:
    return max((stray.card.number for stray in found if stray.card), default=0)


def reserve_numbers(vault: Vault) -> bool:
    """Make the exhibit series' next number pass every number on a card the record has
    forgotten (after an older record was put back); once per transaction that adds
    exhibits. True when there was no such card (no stray blob at all)."""
    if not any_strays(vault):
        return True
    vault.raise_counter("exhibit", highest_number(strays(vault)))
    return False


def next_exhibit_id(vault: Vault) -> str:
    """The next exhibit number; call in a transaction, after `reserve_numbers`."""
    return f"E-{vault.next_number('exhibit'):04d}"


# ---- taking them back --------------------------------------------------------------------


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
            moved = [f"{old} as {new}" for old, new in self.adopted if old != new]
            names = ", ".join(new for _, new in self.adopted)
            parts.append(f"Took back {len(self.adopted)} exhibit(s): {names}.")
            if moved:
                parts.append("Renumbered because the number was taken: " + ", ".join(moved) + ".")
        if self.finished_deletions:
            parts.append(
                "Finished deleting " + ", ".join(self.finished_deletions) + " (deleted before)."
            )
        parts += self.problems
        return " ".join(parts) or "Every stored item is in the case record; nothing to recover."


def recover(vault: Vault, progress: Callable[[int, int], None] | None = None) -> Recovered:
    """Put back into the record every blob it doesn't know, after checking each one's
    bytes against the hash on its card. A blob of an exhibit that was deleted for good
    (the custody log says so) is removed instead, finishing that deletion."""
    from tui.core.vault import custody

    result = Recovered()
    with vault.transaction():
        found = strays(vault)
        deleted = {
            (str(entry["details"].get("exhibit")), str(entry["details"].get("sha256")))
            for entry in custody.entries(vault.table(custody.TABLE))
            if entry["action"] == "delete"
        }
        table = vault.table(EXHIBITS)
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
    from tui.core.evidence.exhibits import Exhibit, _hash_blob

    name = f"A stored item ({stray.blob[:8]}…)"
    if stray.card is None:
        why = stray.problem or "it was stored by an earlier version and carries no card"
        return "problem", {"why": f"{name} was left as it is: {why}."}
    record = {**stray.card.record, "blob": stray.blob}
    ident = stray.card.exhibit_id
    if (ident, str(record.get("sha256"))) in deleted:
        return "deleted", record
    exhibit = Exhibit.from_record(record)
    if problem := _hash_blob(vault, exhibit, lambda _chunk: None):
        return "problem", {"why": f"{ident} was not taken back: {problem}."}
    if exhibit.sha256 in hashes:
        return "problem", {
            "why": f"{ident} holds the same bytes as {hashes[exhibit.sha256]}; it was left aside."
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
    from tui.core.vault import custody

    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "rebuild",
            exhibits=len(result.adopted),
            **({"damaged_record_kept_as": kept.name} if kept else {}),
        )
    return result, kept
