"""Exhibits that show the same picture (a re-post, a crop, a screenshot of a screenshot),
found by perceptual hash, so the person can see what was spread where."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.evidence.media import SAME_PICTURE_BITS, fingerprint, same_pictures
from tui.core.evidence.model import Exhibit


def similar_to(exhibits: Iterable[Exhibit], exhibit: Exhibit) -> list[Exhibit]:
    """Other exhibits that show the same picture, by perceptual hash."""
    wanted = fingerprint(exhibit.phash)
    if wanted is None:
        return []
    return [
        other
        for other in exhibits
        if other.id != exhibit.id
        and (value := fingerprint(other.phash)) is not None
        and (value ^ wanted).bit_count() <= SAME_PICTURE_BITS
    ]


def similar_groups(exhibits: list[Exhibit]) -> list[list[str]]:
    """The exhibits that show the same picture, in groups: each group is led by the
    first exhibit (in the order given) that looks like another, followed by those like
    it that no earlier group took."""
    near = same_pictures([fingerprint(exhibit.phash) for exhibit in exhibits])
    groups: list[list[str]] = []
    placed: set[str] = set()
    for exhibit, same in zip(exhibits, near, strict=True):
        if exhibit.id in placed or not same:
            continue
        group = [exhibit.id]
        group += [exhibits[other].id for other in same if exhibits[other].id not in placed]
        placed.update(group)
        groups.append(group)
    return groups
