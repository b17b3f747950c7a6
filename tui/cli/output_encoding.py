"""Words for an output that can't take every character (PYTHONIOENCODING=ascii, a 7-bit
serial or braille line, LANG=C on an old system): what it can't show is written as its
nearest plain letters ("falló" as "fallo", « » as "), else "?", never a
UnicodeEncodeError that would keep the Safety page from printing."""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

HANDLER = "reclaim-nearest"
#: Marks that have no plain letters of their own, as a plain line writes them.
PLAIN_MARKS = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
        "·": "-",
        "•": "-",
        "…": "...",
    }
)


def nearest(text: str) -> str:
    """`text` in plain ASCII letters: accents dropped, typographic marks made plain."""
    plain = []
    for char in text.translate(PLAIN_MARKS):
        letters = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii())
        plain.append(letters or "?")
    return "".join(plain)


def _nearest_handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return nearest(error.object[error.start : error.end]), error.end


def readable_everywhere() -> None:
    """Make standard output and error write what they can't encode as its nearest plain
    letters (once per process; a stream a caller set up otherwise is left as it is)."""
    try:
        codecs.lookup_error(HANDLER)
    except LookupError:
        codecs.register_error(HANDLER, _nearest_handler)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors=HANDLER)


def takes_every_character() -> bool:
    """Whether standard output is written in a Unicode encoding (JSON then keeps its
    strings as they are; else it escapes them, and stays exact)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False
