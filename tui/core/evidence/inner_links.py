"""How exhibits hold one another: an email's attachment (a PDF's, a document's picture)
that is, byte for byte, another exhibit of the case; and an exhibit taken out of another
(see `inner_exhibits`). Matched by SHA-256, so a picture saved from an email and added
on its own is found too.

`InnerLinks` reads the whole case once, so that a binder of thousands of exhibits asks
about each in constant time. Its lines are said as `provenance.lines` says its own:
(label, words), for the exhibit's screen, `evidence show` and the binder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.evidence import formats
from tui.core.evidence.model import Exhibit

#: The facts that list the files inside an exhibit (see `formats.inner_files`).
INNER_FACTS = ("attachments", "pictures")


@dataclass(frozen=True)
class _Held:
    container: str
    name: str
    family: str


def _place(where: str) -> str:
    return f"attachment {where}" if where.isdigit() else where


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
                self.held.setdefault(sha, []).append(_Held(exhibit.id, name, family))

    def identical(self, exhibit: Exhibit) -> list[tuple[str, str]]:
        """(inner file's name, the exhibit holding the same bytes) for each file inside."""
        found = []
        for name, sha in self.inside.get(exhibit.id, []):
            found += [(name, other) for other in self.by_sha.get(sha, []) if other != exhibit.id]
        return found

    def lines(self, exhibit: Exhibit) -> list[tuple[str, str]]:
        """What links this exhibit to others, (label, words) per link."""
        rows: list[tuple[str, str]] = []
        taken = exhibit.extra.get("taken_from")
        if isinstance(taken, dict) and taken.get("exhibit"):
            rows.append(
                (
                    "Taken out of",
                    f"{taken['exhibit']}, '{taken.get('name', '')}', "
                    f"{_place(str(taken.get('where', '')))}",
                )
            )
            if taken.get("sha256"):
                rows.append(("Whose SHA-256 is", str(taken["sha256"])))
        for name, other in self.identical(exhibit):
            rows.append(("Also an exhibit", f"{name}: identical to exhibit {other}"))
        source = taken.get("exhibit") if isinstance(taken, dict) else None
        for held in self.held.get(exhibit.sha256, []):
            if held.container in (exhibit.id, source):
                continue
            if held.family == "email":
                rows.append(("Also attached to", f"the email {held.container} (as {held.name})"))
            else:
                rows.append(("Also inside", f"{held.container} (as {held.name})"))
        return rows
