"""Microsoft's Compiled HTML Help (`.chm`) is named as what it is, by its signature, not
as the ChemDraw drawing the system's table of extensions calls it (issue 27)."""

from __future__ import annotations

import io

from tui.core.evidence import formats

#: The start of a CHM file: its signature, version 3 and the header's length.
CHM_HEAD = b"ITSF\x03\x00\x00\x00\x60\x00\x00\x00\x01\x00\x00\x00" + bytes(200)


def test_a_compiled_help_file_is_named_by_its_signature():
    _handler, facts = formats.describe(io.BytesIO(CHM_HEAD), "compiledhtml.chm")
    assert facts.media_type == "application/vnd.ms-htmlhelp"
    blocks, _reason = formats.printable(CHM_HEAD, "help.chm")
    assert "(application/vnd.ms-htmlhelp)" in blocks[0].text  # type: ignore[union-attr]
