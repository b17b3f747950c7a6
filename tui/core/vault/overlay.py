"""The tables as they stand inside a transaction: the committed documents, untouched,
under what the transaction changed. Nothing is copied but what changes, so a change costs
the same in a case of any size, and a transaction given up leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any


def json_copy(value: Any) -> Any:
    """A deep copy of JSON data (dicts, lists and scalars), quicker than copy.deepcopy; a
    tuple becomes a list, as it would be once written and read back."""
    if isinstance(value, dict):
        return {key: json_copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_copy(item) for item in value]
    return value


class Overlay(Mapping[str, dict[str, Any]]):
    """One table as it stands inside a transaction: the committed table, untouched,
    under the documents this transaction wrote (`None` for one removed)."""

    def __init__(self, base: dict[str, dict[str, Any]]) -> None:
        self.base = base
        self.changes: dict[str, dict[str, Any] | None] = {}

    def __getitem__(self, key: str) -> dict[str, Any]:
        if key in self.changes:
            doc = self.changes[key]
            if doc is None:
                raise KeyError(key)
            return doc
        return self.base[key]

    def __contains__(self, key: object) -> bool:
        if key in self.changes:
            return self.changes[key] is not None
        return key in self.base

    def __iter__(self) -> Iterator[str]:
        # As a copy of the table changed in place would: the committed documents in
        # their order, then the new ones.
        changes = self.changes
        if not changes:
            yield from self.base
            return
        for key in self.base:
            if key not in changes or changes[key] is not None:
                yield key
        for key, doc in changes.items():
            if doc is not None and key not in self.base:
                yield key

    def __len__(self) -> int:
        size = len(self.base)
        for key, doc in self.changes.items():
            size += (doc is not None) - (key in self.base)
        return size


class TrackedTable(MutableMapping[int, dict[str, Any]]):
    """One table as TinyDB's updaters see it (int ids), writing into the transaction's
    overlay. A document is copied before it is handed out, so an update changes only
    the copy."""

    def __init__(self, overlay: Overlay) -> None:
        self.overlay = overlay

    def __getitem__(self, doc_id: int) -> dict[str, Any]:
        key = str(doc_id)
        changes = self.overlay.changes
        if key not in changes:
            changes[key] = json_copy(self.overlay.base[key])
        doc = changes[key]
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __setitem__(self, doc_id: int, doc: dict[str, Any]) -> None:
        self.overlay.changes[str(doc_id)] = json_copy(doc)

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if key not in self.overlay:
            raise KeyError(doc_id)
        self.overlay.changes[key] = None

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.overlay

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.overlay))

    def __len__(self) -> int:
        return len(self.overlay)

    def clear(self) -> None:
        for key in list(self.overlay):
            self.overlay.changes[key] = None
