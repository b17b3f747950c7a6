"""A file's own name, kept to the byte even when it is not UTF-8.

A name from another system (Latin-1 bytes, a damaged card) holds bytes that are not
text. The record keeps the name as it is shown, each such byte written out (`\\xff`,
as `display.shown` writes it), and beside it the name's exact bytes (base64), so the
original goes back out under the very name it came in with. A name that is UTF-8 is
kept as it is, with nothing beside it, as before."""

from __future__ import annotations

import base64
import binascii
import os
from pathlib import Path

from tui.core.evidence.model import Exhibit

#: The record's field for the exact bytes of a name that is not UTF-8 (base64).
NAME_BYTES = "original_name_bytes"


def kept_name(name: str) -> tuple[str, str | None]:
    """(the name as shown and stored, base64 of its bytes when they are not UTF-8) for a
    file name as Python gives it (undecodable bytes kept as lone surrogates)."""
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace"), base64.b64encode(raw).decode("ascii")


def kept_path(path: Path) -> str:
    """A path as the record and the custody log keep it: bytes that are not UTF-8
    written out (`\\xff`), as in `kept_name`."""
    return kept_name(str(path))[0]


def original_file_name(exhibit: Exhibit) -> str:
    """The name to give the original when it goes back out: its own bytes when the
    record keeps them (as Python names such a file), else the name as kept; '' when
    neither is a plain file name."""
    coded = exhibit.extra.get(NAME_BYTES)
    if isinstance(coded, str):
        try:
            raw = base64.b64decode(coded, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if raw and b"/" not in raw and b"\x00" not in raw and raw not in (b".", b".."):
            return os.fsdecode(raw)
    return Path(exhibit.original_name).name
