"""How exhibits hold one another: an email's attachment (a PDF's, a document's picture)
that is, byte for byte, another exhibit of the case; and an exhibit taken out of another
(see `inner_exhibits`). Matched by SHA-256, so a picture saved from an email and added
on its own is found too.

`InnerLinks` reads the whole case once, so that a binder of thousands of exhibits asks
about each in constant time. Its lines are said as `provenance.lines` says its own:
(label, words), for the exhibit's screen, `evidence show` and the binder."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.evidence import formats
from tui.core.evidence.model import Exhibit
from tui.core.shared.i18n import _

#: The facts that list the files inside an exhibit (see `formats.inner_files`).
INNER_FACTS = ("attachments", "pictures")

#: The SHA-256 of no bytes at all: two empty files are not the same evidence, so an
#: empty file is said to be empty, never matched to another by its hash.
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


@dataclass(frozen=True)
class _Held:
    container: str
    name: str
    family: str


def _place(where: str) -> str:
    return _("attachment {number}").format(number=where) if where.isdigit() else where


class InnerLinks:
    """Every exhibit's SHA-256 and every file listed inside an exhibit, for lookups."""

    def __init__(self, exhibits: Iterable[Exhibit]) -> None:
        self.by_sha: dict[str, list[str]] = {}
        self.held: dict[str, list[_Held]] = {}
        self.inside: dict[str, list[tuple[str, str]]] = {}
        for exhibit in exhibits:
            self.by_sha.setdefault(exhibit.sha256, []).append(exhibit.id)
            family = formats.by_media_type(exhibit.media_type).family
            files = [
                (str(each.get("name", "")), str(each.get("sha256", "")))
                for key in INNER_FACTS
                for each in exhibit.facts.get(key) or []
                if isinstance(each, dict) and each.get("sha256")
            ]
            self.inside[exhibit.id] = files
            for name, sha in files:
                if sha != EMPTY_SHA256:
                    self.held.setdefault(sha, []).append(_Held(exhibit.id, name, family))

    def identical(self, exhibit: Exhibit) -> list[tuple[str, str]]:
        """(inner file's name, the exhibit holding the same bytes) for each file inside."""
        found = []
        for name, sha in self.inside.get(exhibit.id, []):
            if sha == EMPTY_SHA256:
                continue
            found += [(name, other) for other in self.by_sha.get(sha, []) if other != exhibit.id]
        return found

    def lines(self, exhibit: Exhibit) -> list[tuple[str, str]]:
        """What links this exhibit to others, (label, words) per link."""
        rows: list[tuple[str, str]] = []
        taken = exhibit.extra.get("taken_from")
        if isinstance(taken, dict) and taken.get("exhibit"):
            place = _place(str(taken.get("where", "")))
            said = f"{taken['exhibit']}, '{taken.get('name', '')}', {place}"
            rows.append((_("Taken out of"), said))
            if taken.get("sha256"):
                rows.append((_("Whose SHA-256 is"), str(taken["sha256"])))
        for name, sha in self.inside.get(exhibit.id, []):
            if sha == EMPTY_SHA256:
                rows.append((_("Inside it"), _("{name}: empty (0 bytes)").format(name=name)))
        for name, other in self.identical(exhibit):
            said = _("{name}: identical to exhibit {id}").format(name=name, id=other)
            rows.append((_("Also an exhibit"), said))
        source = taken.get("exhibit") if isinstance(taken, dict) else None
        for held in self.held.get(exhibit.sha256, []):
            if held.container in (exhibit.id, source):
                continue
            if held.family == "email":
                said = _("the email {id} (as {name})").format(id=held.container, name=held.name)
                rows.append((_("Also attached to"), said))
            else:
                said = _("{id} (as {name})").format(id=held.container, name=held.name)
                rows.append((_("Also inside"), said))
        return rows
