"""What a time-stamp covers: a plain listing of every exhibit's number and SHA-256, then the
custody log's last entry and its hash. The request's digest is the SHA-256 of exactly this
text (UTF-8, one line each, each ending in a newline), so anyone holding the listing can
recompute it with `sha256sum`, and anyone holding an original can check its line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from tui.core.evidence.model import list_exhibits
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: The listing is hashed and kept as it is, in every language: no person's words.
HEADING = (
    "Reclaim time-stamp listing, format 1: "  # i18n: not shown
    "each exhibit's number and the SHA-256 of its "
    "original file, then the custody log's last entry and its hash."
)


@dataclass(frozen=True)
class Covers:
    text: str
    """The listing itself, as written beside the request."""
    first: str
    last: str
    count: int
    custody_entry: int
    custody_hash: str

    @property
    def digest(self) -> bytes:
        """The SHA-256 of the listing: the message imprint the authority signs."""
        return hashlib.sha256(self.text.encode()).digest()


def covers_now(vault: Vault) -> Covers:
    """The listing for the case as it is now; every exhibit counts, those left out of the
    binder too (they are evidence still)."""
    exhibits = list_exhibits(vault)
    if not exhibits:
        raise InputError(_("There is no evidence in this case to time-stamp yet."))
    chain = custody.entries(vault.table(custody.TABLE))
    head: dict[str, Any] = chain[-1] if chain else {"seq": 0, "hash": custody.GENESIS}
    lines = [HEADING]
    lines += [f"exhibit {exhibit.id} sha256 {exhibit.sha256}" for exhibit in exhibits]
    lines.append(f"custody-log entry {head['seq']} hash {head['hash']}")  # i18n: not shown
    return Covers(
        text="".join(f"{line}\n" for line in lines),
        first=exhibits[0].id,
        last=exhibits[-1].id,
        count=len(exhibits),
        custody_entry=int(head["seq"]),
        custody_hash=str(head["hash"]),
    )


def covered(first: str, last: str, count: int) -> str:
    """The exhibits a stamp covers, in words: "E-0001", "E-0001 to E-0042", or, where
    numbers were deleted in between, "the 40 exhibits from E-0001 to E-0042"."""
    if count == 1:
        return first
    span = int(last.removeprefix("E-")) - int(first.removeprefix("E-")) + 1
    if span == count:
        return _("{first} to {last}").format(first=first, last=last)
    return _("the {count} exhibits from {first} to {last}").format(
        count=count, first=first, last=last
    )
