"""The side panel of an exhibit's screen: what the file says of itself, its type, size,
when it was added, its SHA-256 and picture fingerprint, what it was made from, and where
it came from."""

from __future__ import annotations

from tui.core.evidence.model import Exhibit
from tui.core.shared.display import shown
from tui.core.vault.vault import Vault


def facts_text(vault: Vault, exhibit: Exhibit) -> str:
    """The side panel: what the file says of itself, its size, hash and fingerprint."""
    from tui.core.evidence.formats import fact_lines
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.similar import similar_to
    from tui.core.shared.text import size

    lines = [f"{shown(label)}: {shown(text)}" for label, text in fact_lines(exhibit.facts)]
    lines += [f"Type: {shown(exhibit.media_type)}", f"Size: {size(exhibit.size)}"]
    shown_size = {"pixels", "resolution"} & set(exhibit.facts)
    if exhibit.width and exhibit.height and not shown_size:
        lines.append(f"Pixels: {exhibit.width} x {exhibit.height}")
    lines.append(f"Added: {exhibit.added_at.replace('T', ' ').removesuffix('Z')} UTC")
    lines += ["SHA-256:", exhibit.sha256]
    if exhibit.phash:
        lines.append(f"Picture fingerprint: {shown(exhibit.phash)}")
        same = similar_to(list_exhibits(vault), exhibit)
        if same:
            lines.append("Same picture as: " + ", ".join(other.id for other in same))
    if exhibit.derived_from:
        lines.append("Stitched from: " + ", ".join(exhibit.derived_from))
    from tui.screens.exhibit_inner import inner_text

    lines += inner_text(vault, exhibit)
    lines += provenance_text(exhibit)
    if exhibit.excluded:
        lines.append("Left out of the binder (kept in the case).")
    return "\n".join(lines)


def provenance_text(exhibit: Exhibit) -> list[str]:
    """Where it came from, each guess read from the file marked so; or that it is not
    said yet, and the key that says it."""
    from tui.core.evidence.provenance import lines

    found = lines(exhibit)
    if not found:
        return ["Where it came from: not said yet (Ctrl+G says it)."]
    return ["Where it came from (Ctrl+G changes it):"] + [
        f"  {label}: {shown(text)}" for label, text in found
    ]
