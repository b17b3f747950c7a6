"""One exhibit's history, read from the custody log: when it was taken in, each change
of a detail (from what, to what), each guess confirmed, each time it was left out of
the binder or put back, exported or recovered. Newest first.

Entries written before the log kept old values name only the fields changed; they are
listed with the values unknown. Putting an old value back is a normal, logged edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.evidence import provenance
from tui.core.evidence.changes import update_details
from tui.core.evidence.model import Exhibit, get_exhibit, normalize_id
from tui.core.shared.i18n import N_, _
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: Actions of the log that concern one exhibit (named in its `exhibit` detail).
ACTIONS = frozenset(
    {"intake", "details", "exclude", "include", "export", "stitch", "recover", "delete"}
    | {"provenance"}  # where it came from: its changes read like a detail's
)


@dataclass(frozen=True)
class Step:
    """One line of an exhibit's history."""

    seq: int
    """The custody log entry it comes from."""
    at: str
    """When, UTC (`2026-11-24T21:14:03Z`)."""
    action: str
    """"change", "confirm", or the log's own action ("intake", "exclude", ...)."""
    field: str = ""
    """The detail changed ("description"); for "confirm", the fields, comma-separated."""
    old: str | None = None
    """The value before the change; None when the log did not keep it (older entries)."""
    new: str | None = None
    note: str = ""
    """What else the entry says (where an export went, what a stitch was made from)."""

    @property
    def known(self) -> bool:
        """True for a change whose old and new values the log kept."""
        return self.action == "change" and self.old is not None and self.new is not None


def _steps(entry: dict[str, Any]) -> list[Step]:
    details: dict[str, Any] = entry.get("details") or {}
    seq, at, action = int(entry.get("seq", 0)), str(entry.get("at", "")), entry["action"]
    if action not in ("details", "provenance"):
        note = ""
        if action == "export":
            note = str(details.get("destination", ""))
        elif action == "stitch":
            note = ", ".join(sorted(details.get("sources") or {}))
        elif action == "intake":
            note = str(details.get("original_name", ""))
        elif action == "delete":
            note = str(details.get("reason", ""))
        return [Step(seq, at, action, note=note)]
    steps: list[Step] = []
    changes: dict[str, Any] = details.get("changes") or {}
    for name in details.get("fields") or sorted(changes):
        change = changes.get(name)
        if isinstance(change, dict):
            old, new = change.get("from"), change.get("to")
            steps.append(
                Step(seq, at, "change", name, None if old is None else str(old), str(new))
            )
        else:
            steps.append(Step(seq, at, "change", name))
    if details.get("confirmed"):
        steps.append(Step(seq, at, "confirm", ", ".join(details["confirmed"])))
    return steps


def history(vault: Vault, exhibit_id: str) -> list[Step]:
    """What happened to one exhibit, newest first (within one entry, in field order)."""
    wanted = normalize_id(exhibit_id)
    found: list[Step] = []
    for entry in reversed(custody.entries(vault.table(custody.TABLE))):
        details = entry.get("details") or {}
        if entry.get("action") in ACTIONS and details.get("exhibit") == wanted:
            found.extend(_steps(entry))
    return found


def put_back(vault: Vault, exhibit_id: str, step: Step) -> Exhibit:
    """Put a changed detail back to its value before `step`, as a normal, logged edit.

    Only when the detail still holds the value `step` gave it; changed since, it raises
    `EditConflict` and nothing is written (read the history again to see why)."""
    assert step.known and step.old is not None and step.new is not None
    get_exhibit(vault, exhibit_id)
    if step.field in provenance.FIELDS:
        return provenance.update_provenance(
            vault, exhibit_id, {step.field: step.old}, base={step.field: step.new}
        )
    return update_details(vault, exhibit_id, {step.field: step.old}, base={step.field: step.new})


#: Each detail as a person names it.
FIELD_NAMES = {
    "description": N_("what it shows"),
    "platform": N_("site or app"),
    "poster": N_("who posted it"),
    "posted_at": N_("when it was posted"),
    "captured_at": N_("when you captured it"),
    "url": N_("web address"),
    "caption": N_("captions and comments"),
    "significance": N_("why it matters"),
    "notes": N_("notes"),
    **{name: label.lower() for name, label in provenance.LABELS.items()},
}


def field_name(name: str) -> str:
    """A detail as a person names it, in the language spoken ("what it shows")."""
    if name in provenance.LABELS:
        return _(provenance.LABELS[name]).lower()
    return _(FIELD_NAMES[name]) if name in FIELD_NAMES else name


_SAID = {
    "intake": N_("Taken into the case"),
    "exclude": N_("Left out of the binder"),
    "include": N_("Put back in the binder"),
    "export": N_("Exported"),
    "stitch": N_("Stitched from other exhibits"),
    "recover": N_("Recovered from its stored copy"),
    "delete": N_("Deleted"),
}


def quoted(value: str) -> str:
    return f'"{value}"' if value else _("(empty)")


def what(step: Step) -> str:
    """The step in one line, without its time: "What it shows: "a" to "b"."."""
    if step.action == "change":
        name = field_name(step.field)
        name = name[0].upper() + name[1:]
        if not step.known:
            return _("{field} changed (this older entry does not keep the words).").format(
                field=name
            )
        assert step.old is not None and step.new is not None
        return _("{field}: {old} to {new}.").format(
            field=name, old=quoted(step.old), new=quoted(step.new)
        )
    if step.action == "confirm":
        names = [field_name(name) for name in step.field.split(", ")]
        return _("Guess confirmed: {fields}.").format(fields=", ".join(names))
    said = _(_SAID[step.action]) if step.action in _SAID else step.action
    return f"{said} ({step.note})." if step.note else f"{said}."


def when(step: Step) -> str:
    """`2026-11-24 21:14 UTC`."""
    return step.at.replace("T", " ")[:16] + " UTC" if step.at else ""
