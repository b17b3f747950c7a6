"""The pass over the finished PDF with pikepdf: each merged page of PDF evidence and
each picture drawn into its box on its numbered page, the originals attached, and the
file saved as PDF/A or, with a password, encrypted."""

from __future__ import annotations

import io
import os
from collections.abc import Collection
from pathlib import Path
from typing import BinaryIO

import pikepdf

from tui.core.binder import pdfa
from tui.core.binder.document import Document
from tui.core.evidence.model import Exhibit
from tui.core.evidence.original import open_original
from tui.core.shared.atomic import open_private, temp_path_for
from tui.core.shared.errors import VaultDamaged
from tui.core.shared.i18n import language
from tui.core.shared.stopping import checkpoint

POINTS_PER_MM = 72 / 25.4


def _place(binder: pikepdf.Pdf, doc: Document) -> None:
    """Draw each merged PDF page and each picture into its box on its numbered page.

    Like Page.add_overlay, but with fixed resource names (add_overlay picks random ones),
    so that the same binder comes out byte for byte the same."""
    opened: dict[str, pikepdf.Pdf] = {}
    wrapped: set[int] = set()
    try:
        for number, placed in enumerate(doc.placed):
            checkpoint()
            target = binder.pages[placed.page_number - 1]
            if placed.page_number not in wrapped:
                # The page's own drawing is closed off, so that the evidence starts from
                # the default state (black, thin lines) it was made for, not ours.
                wrapped.add(placed.page_number)
                target.contents_add(pikepdf.Stream(binder, b"q\n"), prepend=True)
                target.contents_add(pikepdf.Stream(binder, b"\nQ\n"))
            page_height = float(target.mediabox[3])
            x, y, width, height = placed.box
            rect = pikepdf.Rectangle(
                x * POINTS_PER_MM,
                page_height - (y + height) * POINTS_PER_MM,
                (x + width) * POINTS_PER_MM,
                page_height - y * POINTS_PER_MM,
            )
            if placed.source:
                if placed.source not in opened:
                    opened[placed.source] = pikepdf.open(
                        io.BytesIO(doc.pdf_sources[placed.source])
                    )
                page = opened[placed.source].pages[placed.index]
                form = binder.copy_foreign(page.as_form_xobject())
                name = pikepdf.Name(f"/Exhibit{placed.page_number}")
            else:
                one_page = placed.one_page or (placed.later() if placed.later else b"")
                with pikepdf.open(io.BytesIO(one_page)) as picture:
                    form = binder.copy_foreign(picture.pages[0].as_form_xobject())
                name = pikepdf.Name(f"/Picture{number}")
            name = target.add_resource(form, pikepdf.Name.XObject, name)
            placement = target.calc_form_xobject_placement(form, name, rect, allow_expand=True)
            target.contents_add(pikepdf.Stream(binder, b"q\n" + placement + b"\nQ\n"))
    finally:
        for source in opened.values():
            source.close()


def finish(
    base: io.BytesIO,
    doc: Document,
    exhibits: list[Exhibit],
    originals: Collection[str],
    into: Path | None = None,
) -> tuple[bytes, int]:
    """The drawn PDF with its evidence placed and the originals of the exhibits named in
    `originals` attached, saved as PDF/A (or encrypted, with a password): its bytes and
    its number of pages. Each original is read from the case again now, its hash checked
    as it is read, and held only compressed (see `pdfa.attach`).

    With originals to attach (and no password), the laid-out pages are saved first and
    the originals attached in a second pass over that file, which pikepdf reads as it
    goes: the pages' drawing and the originals are never in memory together.

    With `into`, the file is written there instead, as pikepdf writes it (a new private
    file, created only now that it is written and synced to disk before it is closed),
    and b"" comes back: the binder is never held whole in memory, nor twice."""
    attaching = [exhibit for exhibit in exhibits if exhibit.id in originals]
    with pikepdf.open(base) as binder:
        _place(binder, doc)
        if not attaching or doc.choices.password:
            _attach_all(binder, doc, attaching)
            return _finish(binder, doc, into)
        laid = io.BytesIO() if into is None else temp_path_for(into, ".laid.part")
        try:
            if isinstance(laid, io.BytesIO):
                binder.save(laid, deterministic_id=True)
            else:
                with open_private(laid) as handle:
                    binder.save(handle, deterministic_id=True)
        except BaseException:
            if isinstance(laid, Path):
                laid.unlink(missing_ok=True)
            raise
    base.close()  # the drawn file: the laid-out one holds it now
    doc.pdf_sources.clear()
    try:
        # Read as it is needed (not mapped into memory whole).
        with pikepdf.open(laid, access_mode=pikepdf.AccessMode.stream) as binder:
            _attach_all(binder, doc, attaching)
            return _finish(binder, doc, into)
    finally:
        if isinstance(laid, Path):
            laid.unlink(missing_ok=True)


def _attach_all(binder: pikepdf.Pdf, doc: Document, exhibits: list[Exhibit]) -> None:
    stamp = f"D:{doc.choices.export_date.strftime('%Y%m%d')}000000Z"
    for exhibit in exhibits:
        checkpoint()
        _attach(binder, doc, exhibit, stamp)


def _finish(binder: pikepdf.Pdf, doc: Document, into: Path | None) -> tuple[bytes, int]:
    """Identified as PDF/A (without a password) and saved: into memory, or into `into`."""
    choices = doc.choices
    if not choices.password and (part := choices.pdfa_part):
        pdfa.finish(binder, part, choices.title(), choices.prepared_by, doc.moment, language())
    if into is None:
        out = io.BytesIO()
        _save(binder, out, choices.password)
        return out.getvalue(), len(binder.pages)
    with open_private(into) as handle:
        _save(binder, handle, choices.password)
        handle.flush()
        os.fsync(handle.fileno())
    return b"", len(binder.pages)


def _attach(binder: pikepdf.Pdf, doc: Document, exhibit: Exhibit, stamp: str) -> None:
    """One original attached, read from the case as it is compressed. One changed since
    it was printed (its hash no longer matches) is left out rather than attached."""
    try:
        with open_original(doc.vault, exhibit) as original:
            pdfa.attach(
                binder,
                f"{exhibit.id}-{Path(exhibit.original_name).name or 'original'}",
                original,
                f"Exhibit {exhibit.id}, SHA-256 {exhibit.sha256}",
                doc.media_type(exhibit),
                stamp,
            )
    except VaultDamaged:
        return


def _save(binder: pikepdf.Pdf, out: BinaryIO, password: str | None) -> None:
    """Saved encrypted with a password; else with an id derived from the content, so
    that the same case gives the same file byte for byte."""
    if password:
        encryption = pikepdf.Encryption(owner=password, user=password, R=6, aes=True)
        binder.save(out, encryption=encryption)
    else:
        binder.save(out, deterministic_id=True)
