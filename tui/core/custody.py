"""The custody log: append-only and hash-chained. Every intake, export, verification,
backup and binder adds one entry; each entry carries the hash of the one before, so a
removed, changed or reordered entry breaks the chain and `verify` names where."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from tinydb.table import Table

from tui.core.clock import utc_stamp

GENESIS = "0" * 64
TABLE = "custody"


def _digest(entry: dict[str, Any]) -> str:
    body = {k: entry[k] for k in ("seq", "at", "action", "details", "prev")}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entries(table: Table) -> list[dict[str, Any]]:
    return sorted((dict(doc) for doc in table.all()), key=lambda entry: entry["seq"])


def append(table: Table, action: str, **details: Any) -> dict[str, Any]:
    """Add one entry after the last; call inside the vault's transaction."""
    chain = entries(table)
    entry: dict[str, Any] = {
        "seq": len(chain) + 1,
        "at": utc_stamp(),
        "action": action,
        "details": details,
        "prev": chain[-1]["hash"] if chain else GENESIS,
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
            problems.append(f"custody log entry {number} is missing or out of order")
        elif entry.get("prev") != previous or entry.get("hash") != _digest(entry):
            problems.append(f"custody log entry {number} was changed")
        previous = entry.get("hash", "")
    return problems
