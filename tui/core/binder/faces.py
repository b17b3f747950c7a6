"""The typefaces Reclaim's PDFs are set in, and what becomes of a character none of them has.

DejaVu Sans sets the text; the Noto faces beside it in tui/fonts/ (see its README) take
over, character by character, for what DejaVu lacks (Chinese, Japanese, Korean, Indic
scripts, emoji) or draws less well (Arabic and Hebrew, which Noto shapes better). A line
that needs them is drawn through fpdf2's text shaping (HarfBuzz: joined Arabic letters,
right to left, Indic vowel signs); a line DejaVu can draw alone takes the quick way, so
Latin-only binders cost what they did. A fallback face is added to a PDF only when its
text needs it: Noto Sans CJK alone takes seconds to load.

A character no face has is printed as its name, like ⟨U+1F600⟩: never a replacement
character, never an empty box (PDF/A forbids drawing a font's .notdef glyph)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from tui.core.shared.display import BIDI_CONTROLS, LINE_SEPARATORS
from tui.core.shared.paths import fonts_dir

if TYPE_CHECKING:
    from fpdf import FPDF

SANS = "DejaVu"
MONO = "DejaVuMono"
FONT_DIR = fonts_dir()


@dataclass(frozen=True)
class Face:
    family: str
    file: str


#: In the order they are tried for a character DejaVu lacks.
FALLBACKS: tuple[Face, ...] = (
    Face("NotoArabic", "NotoSansArabic-Regular.ttf"),
    Face("NotoHebrew", "NotoSansHebrew-Regular.ttf"),
    Face("NotoDevanagari", "NotoSansDevanagari-Regular.ttf"),
    Face("NotoBengali", "NotoSansBengali-Regular.ttf"),
    Face("NotoGurmukhi", "NotoSansGurmukhi-Regular.ttf"),
    Face("NotoGujarati", "NotoSansGujarati-Regular.ttf"),
    Face("NotoOriya", "NotoSansOriya-Regular.ttf"),
    Face("NotoTamil", "NotoSansTamil-Regular.ttf"),
    Face("NotoTelugu", "NotoSansTelugu-Regular.ttf"),
    Face("NotoKannada", "NotoSansKannada-Regular.ttf"),
    Face("NotoMalayalam", "NotoSansMalayalam-Regular.ttf"),
    Face("NotoSinhala", "NotoSansSinhala-Regular.ttf"),
    Face("NotoThai", "NotoSansThai-Regular.ttf"),
    Face("NotoLao", "NotoSansLao-Regular.ttf"),
    Face("NotoKhmer", "NotoSansKhmer-Regular.ttf"),
    Face("NotoMyanmar", "NotoSansMyanmar-Regular.ttf"),
    Face("NotoEthiopic", "NotoSansEthiopic-Regular.ttf"),
    Face("NotoArmenian", "NotoSansArmenian-Regular.ttf"),
    Face("NotoGeorgian", "NotoSansGeorgian-Regular.ttf"),
    Face("NotoCJK", "NotoSansCJKsc-Regular.otf"),
    Face("NotoEmoji", "NotoEmoji-Regular.ttf"),
    Face("NotoSymbols", "NotoSansSymbols-Regular.ttf"),
    Face("NotoSymbols2", "NotoSansSymbols2-Regular.ttf"),
)

#: Scripts DejaVu has letters for but can't join or order as well as Noto: Hebrew and
#: Arabic, with their presentation forms.
_HANDED_ON = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def _handed_on(code: int) -> bool:
    return any(low <= code <= high for low, high in _HANDED_ON)


@cache
def _cmap(file: str) -> frozenset[int]:
    """The characters a shipped font has, read once per process."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT_DIR / file), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@cache
def _dejavu() -> frozenset[str]:
    """What DejaVu Sans draws itself, as characters (a set of them is compared at C speed:
    Latin text takes this quick way); the rest goes to the fallbacks."""
    return frozenset(chr(code) for code in _cmap("DejaVuSans.ttf") if not _handed_on(code))


def _face_for(code: int) -> Face | None:
    return next((face for face in FALLBACKS if code in _cmap(face.file)), None)


def _invisible(char: str) -> bool:
    """Joiners, direction marks and variation selectors: they show nothing themselves."""
    return unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F


def name_of(char: str) -> str:
    return f"\u27e8U+{ord(char):04X}\u27e9"


#: Bidi controls and line separators, written as their names as on the screen (see
#: `shared.display`): a right-to-left override in a file's name would otherwise make
#: "foto\u202egpj.exe" print as "fotoexe.jpg". Real Arabic and Hebrew letters need no
#: control to run right to left, and still do.
_ACTING = {code: name_of(chr(code)) for code in (*BIDI_CONTROLS, *LINE_SEPARATORS)}
_ACTS = re.compile("[" + "".join(map(chr, _ACTING)) + "]")


def controls_named(text: str) -> str:
    """`text` with its bidi controls and line separators written as their names (also
    for what is not drawn through `named`: the bookmarks of the PDF)."""
    return text.translate(_ACTING) if _ACTS.search(text) else text


def named(text: str) -> str:
    """`text` with each character no shipped face has written as its name (⟨U+1F600⟩),
    and invisible ones no face has left out; bidi controls are always named, never
    obeyed. Line breaks are kept."""
    text = controls_named(text)
    own = _dejavu()
    if own.issuperset(text):
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char in own or char == "\n" or _face_for(code) is not None:
            out.append(char)
        elif not _invisible(char):
            out.append(name_of(char))
    return "".join(out)


def add_fonts(pdf: FPDF, mono: bool = True) -> None:
    """DejaVu Sans (regular, bold) and, if asked, DejaVu Sans Mono in `pdf`; the fallbacks
    are added as text needs them (`prepare`)."""
    pdf.add_font(SANS, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(SANS, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    if mono:
        pdf.add_font(MONO, "", str(FONT_DIR / "DejaVuSansMono.ttf"))
    for key in (SANS.lower(), SANS.lower() + "B"):
        font: Any = pdf.fonts[key]
        font.cmap = {code: glyph for code, glyph in font.cmap.items() if not _handed_on(code)}


def prepare(pdf: FPDF, text: str) -> bool:
    """Add to `pdf` the fallback faces `text` needs, which must already be `named`; says
    whether the text needs more than the current font (and so shaping)."""
    current: Any = pdf.current_font
    known: dict[str, frozenset[str]] = pdf.__dict__.setdefault("_reclaim_chars", {})
    have = known.get(current.fontkey)
    if have is None:
        have = known[current.fontkey] = frozenset(map(chr, current.cmap)) | {"\n"}
    if have.issuperset(text):
        return False
    missing = {ord(char) for char in set(text) - have}
    added: list[str] = getattr(pdf, "_reclaim_fallbacks", [])
    before = len(added)
    for code in sorted(missing):  # the same faces in the same order: the same bytes
        face = _face_for(code)
        if face is not None and face.family not in added:
            pdf.add_font(face.family, "", str(FONT_DIR / face.file))
            added.append(face.family)
    if len(added) != before or not hasattr(pdf, "_reclaim_fallbacks"):
        pdf._reclaim_fallbacks = added  # type: ignore[attr-defined]
        # DejaVu Sans last: it has what the monospaced face lacks.
        order = [face.family for face in FALLBACKS if face.family in added]
        pdf.set_fallback_fonts([*order, SANS], exact_match=False)
        # From here on fpdf2's cells (the contents' lines) shape too; `FPDF.text`, which
        # draws every line that needs no other face, never shapes, so Latin stays quick.
        pdf.set_text_shaping(True)
    return True


@contextmanager
def shaping(pdf: FPDF) -> Iterator[None]:
    """fpdf2's own page breaks off while a shaped line is drawn as a cell."""
    automatic = pdf.auto_page_break
    pdf.set_auto_page_break(False, pdf.b_margin)
    try:
        yield
    finally:
        pdf.set_auto_page_break(automatic, pdf.b_margin)


def line(pdf: FPDF, x: float, baseline: float, text: str, width: float = 0.0) -> None:
    """One line of `named` text with its left end at `x` on `baseline`, as `FPDF.text`
    draws it; a line in a right-to-left script is ranged right within `width`, if given."""
    if not prepare(pdf, text):
        pdf.text(x, baseline, text)
        return
    from fpdf.bidi import auto_detect_base_direction
    from fpdf.enums import TextDirection

    size = pdf.font_size
    here = pdf.get_x(), pdf.get_y()
    right = width > 0 and auto_detect_base_direction(text) == TextDirection.RTL
    with shaping(pdf):
        pdf.set_xy(x - pdf.c_margin, baseline - 0.8 * size)
        pdf.cell(
            w=width + 2 * pdf.c_margin if right else None,
            h=size,
            text=text,
            align="R" if right else "L",
        )
    pdf.set_xy(*here)


def width_of(pdf: FPDF, text: str) -> float:
    """How wide `named` text is in the current font, shaped when it needs to be."""
    prepare(pdf, text)
    return float(pdf.get_string_width(text))
