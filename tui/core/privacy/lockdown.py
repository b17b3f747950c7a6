"""The person's own progress through the privacy and account-security checklists.

Kept in the vault, one record per checklist: whether it is one of the person's accounts
(or "not relevant"), which steps are ticked and when, and a note per step. Each change
is saved as it happens.

Evidence before action: ticking a step that blocks, reports or deletes while the case
holds no evidence from that platform needs an explicit "anyway", and the tick records
that it was made before any evidence was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tinydb import where

from tui.core.privacy.checklists import Checklist, shipped
from tui.core.shared.clock import utc_stamp
from tui.core.shared.data_files import ChecklistError, name_key
from tui.core.shared.errors import ReclaimError
from tui.core.shared.i18n import N_, _, ngettext
from tui.core.vault.vault import Vault

TABLE = "checklists"


#: What each kind of step can take away, said before the person does it.
ACTION_EFFECTS = {
    "block": N_("once you block, their profile and your conversations may be hidden from you"),
    "report": N_("once you report, the site may remove the content"),
    "delete": N_("once something is deleted, it is gone"),
}


def evidence_warning(checklist: Checklist, action: str) -> str:
    """Why the evidence from this platform must be saved before this kind of step."""
    effect = ACTION_EFFECTS[action]
    return _(
        "Save the evidence from {platform} before this step: {effect}, "
        "and you could not capture it any more."
    ).format(platform=checklist.platform, effect=_(effect))


class EvidenceFirst(ReclaimError):
    """A step that blocks, reports or deletes, with no evidence saved from the platform.
    Each face says how to tick it anyway in its own words."""

    def __init__(self, platform: str, effect: str) -> None:
        super().__init__(
            _(
                "The case holds no evidence from {platform} yet, and {effect}. "
                "Save the evidence first (step 4)."
            ).format(platform=platform, effect=_(effect))
        )
        self.platform = platform
        self.effect = effect


@dataclass(frozen=True)
class Tick:
    done_at: str
    """UTC time of the tick, `2026-11-24T21:14:03Z`."""
    before_evidence: bool = False
    """Ticked while the case held no evidence from this platform."""


@dataclass
class Progress:
    checklist: Checklist
    mine: bool = False
    """The person said they have this account."""
    not_relevant: bool = False
    ticks: dict[str, Tick] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def done(self) -> int:
        return sum(1 for step in self.checklist.steps if step.id in self.ticks)

    @property
    def total(self) -> int:
        return len(self.checklist.steps)

    @property
    def counts(self) -> bool:
        """Part of the person's own situation: account security always, a platform once
        chosen; never once marked not relevant."""
        return not self.not_relevant and (self.mine or self.checklist.kind == "security")

    @classmethod
    def from_record(cls, checklist: Checklist, record: Mapping[str, Any] | None) -> Progress:
        record = record or {}
        ticks = {
            step_id: Tick(tick["done_at"], bool(tick.get("before_evidence")))
            for step_id, tick in record.get("ticks", {}).items()
        }
        return cls(
            checklist,
            mine=bool(record.get("mine")),
            not_relevant=bool(record.get("not_relevant")),
            ticks=ticks,
            notes=dict(record.get("notes", {})),
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "checklist": self.checklist.id,
            "mine": self.mine,
            "not_relevant": self.not_relevant,
            "ticks": {
                step_id: {"done_at": tick.done_at, "before_evidence": tick.before_evidence}
                for step_id, tick in self.ticks.items()
            },
            "notes": self.notes,
        }


def all_progress(vault: Vault, checklists: Iterable[Checklist] | None = None) -> list[Progress]:
    """Every checklist with the person's progress, in the checklists' order."""
    records = {doc["checklist"]: doc for doc in vault.table(TABLE).all()}
    return [
        Progress.from_record(checklist, records.get(checklist.id))
        for checklist in (shipped() if checklists is None else checklists)
    ]


def progress_of(vault: Vault, checklist: Checklist) -> Progress:
    record = vault.table(TABLE).get(where("checklist") == checklist.id)
    return Progress.from_record(checklist, record if isinstance(record, Mapping) else None)


def _save(vault: Vault, progress: Progress) -> None:
    table = vault.table(TABLE)
    table.upsert(progress.to_record(), where("checklist") == progress.checklist.id)


def _change(vault: Vault, checklist: Checklist, change: Callable[[Progress], None]) -> Progress:
    """Read, change and save one checklist's record inside one transaction."""
    with vault.transaction():
        progress = progress_of(vault, checklist)
        change(progress)
        _save(vault, progress)
    return progress


def evidence_count(vault: Vault, checklist: Checklist) -> int:
    """How many exhibits name this checklist's platform (any of its names, any case,
    compared as `checklist choose` compares them, so "x.com" counts for X)."""
    from tui.core.evidence.model import list_exhibits

    names = {name_key(name) for name in checklist.names()}
    return sum(1 for e in list_exhibits(vault) if name_key(e.platform) in names)


def _step_id(checklist: Checklist, step: str) -> str:
    """A step named by its id or by its number in the list (1 is the first)."""
    if any(s.id == step for s in checklist.steps):
        return step
    if step.isdigit() and 1 <= int(step) <= len(checklist.steps):
        return checklist.steps[int(step) - 1].id
    raise ChecklistError(
        _("{checklist} has no step {step}; use a number from 1 to {last} or a step id.").format(
            checklist=checklist.title, step=repr(step), last=len(checklist.steps)
        )
    )


def tick(
    vault: Vault, checklist: Checklist, step: str, *, done: bool = True, anyway: bool = False
) -> Progress:
    """Tick (or untick) a step, saved at once with its time."""
    step_id = _step_id(checklist, step)
    before_evidence = False
    if done and checklist.step(step_id).action and checklist.kind == "privacy":
        before_evidence = evidence_count(vault, checklist) == 0
        if before_evidence and not anyway:
            effect = ACTION_EFFECTS[checklist.step(step_id).action]
            raise EvidenceFirst(checklist.platform, effect)

    def change(progress: Progress) -> None:
        if done:
            progress.ticks[step_id] = Tick(utc_stamp(), before_evidence)
        else:
            progress.ticks.pop(step_id, None)

    return _change(vault, checklist, change)


def set_note(
    vault: Vault, checklist: Checklist, step: str, text: str, *, base: str | None = None
) -> Progress:
    """Save a step's note. `base` is the note as the window read it: when the case's
    note changed since (another window), `EditConflict` is raised and nothing is saved
    (see `tui.core.vault.edits`); None (the command line) writes it as given."""
    from tui.core.vault import edits

    step_id = _step_id(checklist, step)

    def change(progress: Progress) -> None:
        current = {"note": progress.notes.get(step_id, "")}
        edits.checked(None if base is None else {"note": base}, {"note": text.strip()}, current)
        if text.strip():
            progress.notes[step_id] = text.strip()
        else:
            progress.notes.pop(step_id, None)

    return _change(vault, checklist, change)


def set_mine(vault: Vault, checklist: Checklist, mine: bool) -> Progress:
    """Say the person has (or doesn't have) this account; choosing it undoes "not relevant"."""

    def change(progress: Progress) -> None:
        progress.mine = mine
        if mine:
            progress.not_relevant = False

    return _change(vault, checklist, change)


def set_not_relevant(vault: Vault, checklist: Checklist, not_relevant: bool) -> Progress:
    def change(progress: Progress) -> None:
        progress.not_relevant = not_relevant
        if not_relevant:
            progress.mine = False

    return _change(vault, checklist, change)


def summary(progresses: Iterable[Progress]) -> str:
    """A few words for the home screen: steps done over the person's own checklists."""
    counted = [p for p in progresses if p.counts]
    accounts = sum(1 for p in counted if p.checklist.kind == "privacy")
    done = sum(p.done for p in counted)
    total = sum(p.total for p in counted)
    if not accounts:
        return _("{done} of {total} steps done · choose your accounts").format(
            done=done, total=total
        )
    return _("{done} of {total} steps done · {accounts}").format(
        done=done,
        total=total,
        accounts=ngettext("{count} account", "{count} accounts", accounts).format(count=accounts),
    )
