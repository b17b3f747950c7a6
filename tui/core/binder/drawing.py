"""The binder drawn page by page, in the order it is read: the cover, the contents, the
evidence index and the timeline (`sections`), every exhibit (`exhibit_pages`), the
appendices (`sections`), then the pass that places the evidence and attaches the
originals (`overlay`)."""

from __future__ import annotations

import io
from pathlib import Path

from tui.core.binder import overlay, sections
from tui.core.binder.choices import BinderChoices, Made, Progress, not_attached
from tui.core.binder.document import Document
from tui.core.binder.exhibit_pages import draw_exhibit
from tui.core.binder.memory import return_freed_memory
from tui.core.evidence.model import Exhibit
from tui.core.vault.vault import Vault


def draw(
    vault: Vault,
    choices: BinderChoices,
    exhibits: list[Exhibit],
    progress: Progress | None,
    into: Path | None = None,
) -> Made:
    """The binder of these exhibits, drawn; each exhibit's hash checked as it is read.
    With `into`, the finished file is written there (see `overlay.finish`), not held."""
    return_freed_memory()  # each picture's pixels, freed, leave no hole behind
    doc = Document(vault, choices)
    doc.not_attached = not_attached(exhibits, choices)
    sections.cover(doc, exhibits)
    sections.declaration(doc)  # when chosen: for the person to sign, after the cover
    doc.pdf.add_page()
    # Reserves the contents pages and breaks to a fresh page for the index.
    doc.pdf.insert_toc_placeholder(
        sections.render_contents, pages=sections.contents_pages(doc, exhibits)
    )
    sections.index(doc, exhibits)
    sections.timeline(doc)
    originals: set[str] = set()  # attached when the binder is saved, read again then
    unattached: list[tuple[str, str]] = []
    for number, exhibit in enumerate(exhibits, start=1):
        data, reason = draw_exhibit(doc, exhibit)
        if reason:
            doc.notices.append((exhibit.id, reason))
        if choices.attach_originals and data is not None:
            if why := doc.not_attached.get(exhibit.id):
                unattached.append((exhibit.id, why))
            else:
                originals.add(exhibit.id)
        del data  # an original is not held while the others are drawn
        if progress is not None:
            progress(number, len(exhibits))
    sections.appendix(doc, exhibits)
    drawn = io.BytesIO()
    doc.pdf.output(drawn)
    doc.let_go_of_drawing()  # its fonts, pictures and pages: the file holds them now
    data, pages = overlay.finish(drawn, doc, exhibits, originals, into)
    ids = [exhibit.id for exhibit in exhibits]
    return Made(data, doc.notices, unattached, pages, ids)
