"""Text for documents made of XML (.docx, .odt). XML 1.0 cannot hold most control
characters; a library refuses the whole document for one of them. A vertical tab is
Word's own line break, and a form feed its page break, so those (and a lone carriage
return) become line breaks; every other character XML can't hold is dropped."""

from __future__ import annotations

import re

#: Carriage returns and Word's line and page breaks: a line break each.
_BREAKS = re.compile("\r\n?|[\x0b\x0c]")
#: What XML 1.0 cannot hold at all (tab and line feed it can).
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with nothing in it that XML cannot hold."""
    return _NOT_XML.sub("", _BREAKS.sub("\n", text))
