"""The sentences the binder prints about documents (documents.py), in the language the
binder is written in."""

from __future__ import annotations

from tui.core.shared.i18n import N_, _, ngettext

NO_PAGES = N_("This PDF has no pages that can be read.")
FILES_ATTACHED = N_("Files attached to the PDF")
CUT_SHORT = N_("This document can't be read: it is damaged or cut short.")
ZIP_BOMB = N_(
    "This document can't be opened safely: it claims to unpack to far more than "
    "its size (a zip bomb?)."
)
NO_TEXT = N_("(The document has no text.)")
SVG_NOT_DRAWN = N_(
    "This is an SVG drawing. It is not drawn here, because drawing it could "
    "load things from outside the file; its source is printed instead."
)


def files_inside(count: int) -> str:
    """ "This PDF carries 2 files inside it:"."""
    return ngettext(
        "This PDF carries {count} file inside it:",
        "This PDF carries {count} files inside it:",
        count,
    ).format(count=count)


def pages_cut(count: int, printed: int) -> str:
    """What is said of a PDF longer than the binder prints."""
    return _(
        "This PDF has {count:,} pages; the first {printed} are printed here. "
        "The whole file is kept with the case, and its hash is above."
    ).format(count=count, printed=printed)
