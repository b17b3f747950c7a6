"""The case record as TinyDB tables over the sealed store (store.py): reads see the
store's tables without copying them whole, writes save only the documents they change,
and a document can be found by a field through an index, so each costs the same in a
case of any size."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from tui.core.vault.store import SealedJSONStorage


class CaseTable(Table):
    """A TinyDB table over the case's store: reads see the store's tables without copying
    them whole, writes save only the documents they change, and a document can be found
    by a field through an index, so each costs the same in a case of any size. Another
    process may change the record between transactions; the store keeps up."""

    @property
    def _case_storage(self) -> SealedJSONStorage:
        storage = self._storage
        assert isinstance(storage, SealedJSONStorage)
        return storage

    def forget_next_id(self) -> None:
        # TinyDB remembers the next document id after the first insert; another
        # writer may have used it since, so it is worked out afresh in each transaction.
        self._next_id = None

    def find(self, field: str, value: Any) -> list[Document]:
        """The documents whose `field` is `value` (an index lookup, not a scan)."""
        view = self._read_table()
        return [
            Document(view[key], int(key))
            for key in self._case_storage.find(self.name, field, value)
        ]

    def newest(self) -> Document | None:
        """The document inserted last (the one with the highest id)."""
        view = self._read_table()
        highest = self._case_storage.next_id(self.name) - 1
        if str(highest) in view:
            return Document(view[str(highest)], highest)
        if not view:
            return None
        key = max(view, key=int)
        return Document(view[key], int(key))

    def update(self, fields: Any, cond: Any = None, doc_ids: Any = None) -> list[int]:
        if cond is not None and doc_ids is None:
            return super().update(fields, doc_ids=self._matching(cond))
        return super().update(fields, cond, doc_ids)

    def remove(self, cond: Any = None, doc_ids: Any = None) -> list[int]:
        if cond is not None and doc_ids is None:
            return super().remove(doc_ids=self._matching(cond))
        return super().remove(cond, doc_ids)

    def _matching(self, cond: Any) -> list[int]:
        """Ids of the documents `cond` matches, tested on the stored documents (TinyDB
        would copy every one of them first, to change it)."""
        return [int(key) for key, doc in self._read_table().items() if cond(doc)]

    def _read_table(self) -> dict[str, Mapping[str, Any]]:
        return self._case_storage.table_view(self.name)  # type: ignore[return-value]

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        self._case_storage.update_table(self.name, updater)  # type: ignore[arg-type]
        self.clear_cache()

    def _get_next_id(self) -> int:
        known: int | None = self._next_id
        if known is None or not self._case_storage.in_transaction:
            known = self._case_storage.next_id(self.name)
        self._next_id = known + 1  # type: ignore[assignment]
        return known


class CaseDB(TinyDB):
    table_class = CaseTable
