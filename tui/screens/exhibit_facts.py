"""The side panel of an exhibit's screen: what the file says of itself, its type, size,
when it was added, its SHA-256 and picture fingerprint, what it was made from, and where
it came from; and above the form, what is still missing and what the words read in its
picture show (issue 30), kept up to date when they are read while the screen is open."""

from __future__ import annotations

from collections.abc import Collection

from textual.screen import Screen

from tui.core.evidence.completeness import hint
from tui.core.evidence.kept_words import said_again
from tui.core.evidence.model import Exhibit
from tui.core.evidence.reading import reading_of, what_it_shows
from tui.core.evidence.reading.guessing import SOURCE as FROM_PICTURE
from tui.core.shared.display import shown
from tui.core.shared.i18n import _
from tui.core.shared.local_formats import dates_in
from tui.core.vault.vault import Vault
from tui.screens.case import case_is_open, open_case


def reading_hint(exhibit: Exhibit) -> str:
    """What the form still misses, then what the words read in the picture show of what
    the guide asks, and what they don't (once they were read)."""
    said = hint(exhibit)
    reading = reading_of(exhibit.extra)
    if reading is None:
        return said
    if reading.problem and not reading.lines:
        return f"{said}\n{shown(said_again(reading.problem))}"
    return f"{said}\n{shown(what_it_shows(reading, exhibit.to_record()).sentence)}"


def guess_label(label: str, source: str) -> str:
    """A form label beside a guess, and where the guess came from."""
    if source == FROM_PICTURE:
        return _("{label} (read from the picture; Ctrl+K confirms)").format(label=label)
    return _("{label} (guess; Ctrl+K confirms)").format(label=label)


class WordsReadHere:
    """For the exhibit's screen: when the words in its picture are read while it is open,
    the form shows the details they filled in (never over what is typed here) and what
    the picture shows (see `tui.reading_work.WordsRead`)."""

    exhibit: Exhibit | None

    def show_saved(self, saved: Collection[str] = ()) -> None:
        raise NotImplementedError  # the screen's own

    def words_read(self, exhibit_ids: list[str]) -> None:
        from tui.core.evidence.model import get_exhibit

        assert isinstance(self, Screen)
        if self.exhibit is None or self.exhibit.id not in exhibit_ids or not case_is_open(self):
            return
        self.exhibit = get_exhibit(open_case(self), self.exhibit.id)
        self.show_saved()


def facts_text(vault: Vault, exhibit: Exhibit) -> str:
    """The side panel: what the file says of itself, its size, hash and fingerprint."""
    from tui.core.evidence.formats import fact_lines
    from tui.core.evidence.model import list_exhibits
    from tui.core.evidence.similar import similar_to
    from tui.core.shared.text import size

    lines = [
        _("{label}: {value}").format(label=shown(label), value=shown(text))
        for label, text in fact_lines(exhibit.facts)
    ]
    lines += [
        _("Type: {type}").format(type=shown(exhibit.media_type)),
        _("Size: {size}").format(size=size(exhibit.size)),
    ]
    shown_size = {"pixels", "resolution"} & set(exhibit.facts)
    if exhibit.width and exhibit.height and not shown_size:
        lines.append(
            _("Pixels: {width} x {height}").format(width=exhibit.width, height=exhibit.height)
        )
    added = exhibit.added_at.replace("T", " ").removesuffix("Z")
    lines.append(_("Added: {moment} UTC").format(moment=dates_in(added)))
    lines += [_("{label}:").format(label="SHA-256"), exhibit.sha256]  # French: "SHA-256 :"
    if exhibit.phash:
        lines.append(_("Picture fingerprint: {shown}").format(shown=shown(exhibit.phash)))
        same = similar_to(list_exhibits(vault), exhibit)
        if same:
            lines.append(
                _("Same picture as: {exhibits}").format(
                    exhibits=", ".join(other.id for other in same)
                )
            )
    if exhibit.derived_from:
        lines.append(
            _("Stitched from: {exhibits}").format(exhibits=", ".join(exhibit.derived_from))
        )
    from tui.screens.exhibit_inner import inner_text

    lines += inner_text(vault, exhibit)
    lines += provenance_text(exhibit)
    if exhibit.excluded:
        lines.append(_("Left out of the binder (kept in the case)."))
    return "\n".join(lines)


def provenance_text(exhibit: Exhibit) -> list[str]:
    """Where it came from, each guess read from the file marked so; or that it is not
    said yet, and the key that says it."""
    from tui.core.evidence.provenance import lines

    found = lines(exhibit)
    if not found:
        return [_("Where it came from: not said yet (Ctrl+G says it).")]
    return [_("Where it came from (Ctrl+G changes it):")] + [
        f"  {label}: {shown(text)}" for label, text in found
    ]
