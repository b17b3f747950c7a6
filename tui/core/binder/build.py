"""The police binder: one printable PDF with a cover, contents, an evidence index, the
timeline, every exhibit with its details, and an appendix of hashes and the custody log.

Every page carries a consecutive control number (`RCL-000001`) and "page N of M". The file
is PDF/A-2b (PDF/A-3b when the originals are attached), which courts' filing systems and
archives ask for; a password makes it an ordinary encrypted PDF, since PDF/A forbids
encryption. PDF evidence is merged page by page (pikepdf) onto numbered pages, framed;
a page that PDF/A can't hold as it is (a font not embedded, CMYK colour, form fields) is
printed as a picture at print resolution with its words laid invisibly over it. Images
are scaled to the page and tall ones split across pages without losing a row of pixels.

The same case, choices and export date give a byte-identical file (fixed dates, a
document id derived from the content, stable order), unless it is encrypted.

This module makes and writes the binder; `drawing` draws it, and `choices` holds what
the person chooses and what comes back."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tui.core.binder.choices import BinderChoices, BinderResult, Made, Progress, chosen_exhibits
from tui.core.kiosk import doors
from tui.core.shared.atomic import check_new_file, fsync_dir, temp_path_for
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _, speaking
from tui.core.timeline.events import list_events
from tui.core.vault.vault import Vault


def build(vault: Vault, choices: BinderChoices, progress: Progress | None = None) -> bytes:
    """The binder's bytes, checking every exhibit's hash as it goes."""
    return make(vault, choices, progress).data


def make(
    vault: Vault,
    choices: BinderChoices,
    progress: Progress | None = None,
    into: Path | None = None,
) -> Made:
    """The binder and the exhibits it could only name. One exhibit that can't be read
    (damaged, locked, crafted) gets a page saying so; it never stops the binder.

    Made in memory (`Made.data`), or, with `into`, written to that new file as it is
    saved (a finished binder is some tens of MiB: held whole, and copied, it raised the
    peak by twice that); `into` is created only once the pages are drawn.

    No library's settings are changed here (log levels, warning filters): those are the
    whole process's, shared with the threads that read previews and take evidence in."""
    choices.check()
    exhibits = chosen_exhibits(vault, choices)
    if not exhibits and not list_events(vault):  # a written account alone is worth printing
        raise InputError(
            _("There is no evidence to put in a binder yet (or all of it is removed).")
        )
    # Loaded here, not at the top, for start-up speed: the drawing libraries (fpdf2,
    # pikepdf, img2pdf, PIL) take most of a second, which a face offering the binder
    # (or a screen, on its own thread) should not wait for until one is made.
    from tui.core.binder.documents_language import documents_language
    from tui.core.binder.drawing import draw

    # Set here, in the thread that draws, so that a worker's binder is in the reader's
    # language while the screen keeps the person's.
    with speaking(choices.language or documents_language(vault)):
        return draw(vault, choices, exhibits, progress, into)


def write_binder(
    vault: Vault, destination: Path, choices: BinderChoices, progress: Progress | None = None
) -> BinderResult:
    """Build the binder and write it to `destination` (private, atomic, logged)."""
    if destination.suffix.lower() != ".pdf":
        if not destination.name:
            raise InputError(_("Type a name for the binder's file, ending in .pdf."))
        raise InputError(
            _("{name}: the binder is a PDF; end the name with .pdf.").format(name=destination.name)
        )
    destination = doors.writable(destination)  # a kiosk: its export folder or a drive
    check_new_file(destination)
    made, digest = _made_into(vault, destination, choices, progress)
    doors.confirm_written(destination)
    made.log(vault, "binder", choices, destination=str(destination), sha256=digest)
    return BinderResult(
        destination, made.pages, made.exhibits, digest, made.notices, made.unattached
    )


def _made_into(
    vault: Vault, destination: Path, choices: BinderChoices, progress: Progress | None
) -> tuple[Made, str]:
    """The binder written to `destination` as it is made, and its SHA-256: saved into a
    hidden file beside it (in the folder the person chose, and nowhere else), which
    takes the binder's name only once it is whole and on disk. A binder that fails, or
    is stopped, leaves nothing behind."""
    part = temp_path_for(destination, ".pdf.part")
    try:
        made = make(vault, choices, progress, into=part)
        digest = sha256_of(part)
        part.replace(destination)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    fsync_dir(destination.parent)
    return made, digest


def sha256_of(path: Path) -> str:
    """The file's SHA-256, read a piece at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(READ_PIECE):
            digest.update(piece)
    return digest.hexdigest()


READ_PIECE = 1 << 20
