"""The custody log: append-only and hash-chained. Every intake, export, verification,
backup and binder adds one entry; each entry carries the hash of the one before, so a
removed, changed or reordered entry breaks the chain and `verify` names where."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from tinydb.table import Table

from tui.core.shared.clock import utc_stamp
from tui.core.shared.i18n import _

GENESIS = "0" * 64
TABLE = "custody"


def _digest(entry: dict[str, Any]) -> str:
    body = {k: entry[k] for k in ("seq", "at", "action", "details", "prev")}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entries(table: Table) -> list[dict[str, Any]]:
    return sorted((dict(doc) for doc in table.all()), key=lambda entry: entry["seq"])


def _newest(table: Table) -> Any:
    """The last entry. Entries are only ever appended, so a case table, which knows the
    document inserted last at once (`CaseTable.newest`), need not sort them all."""
    newest = getattr(table, "newest", None)
    if callable(newest):
        return newest()
    chain = entries(table)
    return chain[-1] if chain else None


def append(table: Table, action: str, **details: Any) -> dict[str, Any]:
    """Add one entry after the last; call inside the vault's transaction."""
    last = _newest(table)
    entry: dict[str, Any] = {
        "seq": len(table) + 1,
        "at": utc_stamp(),
        "action": action,
        "details": details,
        "prev": last["hash"] if last else GENESIS,
    }
    entry["hash"] = _digest(entry)
    table.insert(entry)
    return entry


def verify(table: Table) -> list[str]:
    """Problems found in the chain, in plain words; empty when it is whole."""
    problems = []
    previous = GENESIS
    for number, entry in enumerate(entries(table), start=1):
        if entry.get("seq") != number:
            problems.append(
                _("custody log entry {number} is missing or out of order").format(number=number)
            )
        elif entry.get("prev") != previous or entry.get("hash") != _digest(entry):
            problems.append(_("custody log entry {number} was changed").format(number=number))
        previous = entry.get("hash", "")
    return problems
