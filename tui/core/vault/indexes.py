"""Lookups by field in the case record (the exhibit holding a blob, say) that cost the
same in a case of any size: an index per (table, field), built the first time it is asked
for and kept up to date as changes are applied."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Index = dict[Any, set[str]]
"""A field's value -> the ids of the documents holding it."""


class FieldIndexes:
    """The indexes of the committed tables (a transaction's own changes are looked
    through by the caller)."""

    def __init__(self) -> None:
        self._by_field: dict[tuple[str, str], Index] = {}

    def lookup(self, table: Mapping[str, Mapping[str, Any]], name: str, field: str) -> Index:
        """The index of `field` in the committed table `name` (given as `table`)."""
        if (name, field) not in self._by_field:
            index: Index = {}
            for key, doc in table.items():
                _add(index, doc.get(field), key)
            self._by_field[(name, field)] = index
        return self._by_field[(name, field)]

    def drop(self, name: str) -> None:
        """Forget a table's indexes (it was dropped)."""
        for index_key in [k for k in self._by_field if k[0] == name]:
            del self._by_field[index_key]

    def follow(
        self,
        name: str,
        table: Mapping[str, Mapping[str, Any]],
        docs: Mapping[str, Mapping[str, Any] | None],
    ) -> None:
        """Follow changes to table `name` (call before they are made to `table`):
        each document written, or removed (`None`)."""
        indexes = [(field, index) for (n, field), index in self._by_field.items() if n == name]
        if not indexes:
            return
        for key, doc in docs.items():
            old = table.get(key)
            for field, index in indexes:
                if old is not None:
                    _discard(index, old.get(field), key)
                if doc is not None:
                    _add(index, doc.get(field), key)


def _indexable(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) or value is None


def _add(index: Index, value: Any, key: str) -> None:
    if _indexable(value):
        index.setdefault(value, set()).add(key)


def _discard(index: Index, value: Any, key: str) -> None:
    if _indexable(value):
        found = index.get(value)
        if found is not None:
            found.discard(key)
            if not found:
                del index[value]
