"""A declaration written out as text, .docx or .pdf (the letters' writers), where the
person says: readable only by them, never over another file, and logged with its hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tui.core.declarations.drafting import Declaration
from tui.core.kiosk import doors
from tui.core.shared.atomic import atomic_write, check_new_file
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.takedowns.letter_files import FORMATS, as_docx, as_pdf
from tui.core.vault import custody
from tui.core.vault.vault import Vault


def export_declaration(vault: Vault, declaration: Declaration, destination: Path) -> Path:
    """Write the draft to `destination`; its suffix picks the format."""
    suffix = destination.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(
            _(
                "{name}: a declaration can be saved as .txt, .docx or .pdf; "
                "end the file name with one of those."
            ).format(name=destination.name)
        )
    destination = doors.writable(destination)  # a kiosk: its export folder or a drive
    check_new_file(destination)
    if suffix == "docx":
        data = as_docx(declaration.title, declaration.text, declaration.language)
    elif suffix == "pdf":
        data = as_pdf(declaration.title, declaration.text, declaration.language)
    else:
        data = declaration.text.encode()
    atomic_write(destination, data)
    doors.confirm_written(destination)
    with vault.transaction():
        custody.append(
            vault.table(custody.TABLE),
            "declaration export",  # i18n: not shown
            kind=declaration.kind,
            destination=str(destination),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return destination
