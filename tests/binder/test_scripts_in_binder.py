"""Every script prints in the binder and can be searched (issue 27 item 7): Chinese,
Japanese, Korean, Arabic and Hebrew (shaped, right to left), Hindi and emoji, in a text
file, an email and a chat; a character no shipped face has is named, never "\ufffd"."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from tests.binder.test_pdfa import conformance_problems
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder import faces
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.intake import add_many
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
NOWHERE = "\U000f0000"  # a private-use character no face has
WORDS = {
    "Chinese": "\u4ed6\u53d1\u4e86\u7167\u7247",  # 他发了照片
    "Japanese": "\u5199\u771f\u3092\u6d88\u3057\u3066",  # 写真を消して
    "Korean": "\uc0ac\uc9c4\uc744 \uc9c0\uc6cc",  # 사진을 지워
    "Arabic": "\u0645\u0631\u062d\u0628\u0627",  # مرحبا
    "Hebrew": "\u05e9\u05dc\u05d5\u05dd",  # שלום
    "Hindi": "\u0928\u092e\u0938\u094d\u0924\u0947",  # नमस्ते
    "emoji": "\U0001f984\U0001f525",  # 🦄🔥
}


def said(where: str) -> str:
    """A line per script, each word tagged with where it was written."""
    return "\n".join(f"{where} {script}: {word}." for script, word in WORDS.items())


def chat() -> bytes:
    lines = [
        f"05/03/2024, 21:{n:02d} - Sam: {line}" for n, line in enumerate(said("chat").split("\n"))
    ]
    return ("\n".join(lines) + f"\n05/03/2024, 22:00 - Sam: then {NOWHERE} gone\n").encode()


def email() -> bytes:
    message = EmailMessage()
    message["From"] = "Sam <sam@example.com>"
    message["To"] = "me@example.com"
    message["Subject"] = f"About the photos {WORDS['Japanese']}"
    message["Date"] = "Tue, 05 Mar 2024 21:14:00 +0000"
    message.set_content(said("email"))
    return bytes(message)


@pytest.fixture(scope="module")
def binder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One binder of a text file, an email and a chat in every script (made once: the CJK
    face takes seconds to load)."""
    folder = tmp_path_factory.mktemp("scripts")
    files = {
        "notes.txt": said("text").encode(),
        "threat.eml": email(),
        "WhatsApp Chat with Sam.txt": chat(),
    }
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    created, _code = Vault.create(folder / "case", PASSPHRASE, FAST_KDF)
    with created as vault:
        assert add_many(vault, paths).problems == []
        made = make(vault, BinderChoices(export_date=DAY))
    assert made.notices == []
    target = folder / "binder.pdf"
    target.write_bytes(made.data)
    yield target


def poppler(tool: str, path: Path) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler) is not installed")
    args = [tool, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def extracted(binder: Path) -> str:
    """The binder's text as pdftotext reads it (once: each run takes a while)."""
    return poppler("pdftotext", binder)


def searchable(text: str) -> str:
    """Text as a search sees it: no spaces (pdftotext spaces some Indic clusters apart) and
    no direction marks (it wraps right-to-left runs in them)."""
    return re.sub(r"[\s\u202a-\u202e\u200e\u200f]", "", text)


def test_every_script_in_a_text_file_an_email_and_a_chat_is_found_by_pdftotext(extracted: str):
    text = extracted
    found = searchable(text)
    for where in ("text", "email", "chat"):
        for script, word in WORDS.items():
            assert searchable(f"{where}{script}:{word}") in found, (where, script)
    assert searchable(f"About the photos {WORDS['Japanese']}") in found, "the subject"
    assert "\ufffd" not in text


def test_a_character_no_face_has_is_named_not_replaced(extracted: str):
    text = extracted
    assert "then \u27e8U+F0000\u27e9 gone" in text
    assert NOWHERE not in text and "\ufffd" not in text


def test_arabic_and_hebrew_come_out_in_logical_order_from_their_own_faces(extracted: str):
    text = extracted
    arabic, hebrew = WORDS["Arabic"], WORDS["Hebrew"]
    assert arabic in text and hebrew in text, "extracted in the order they were written"
    assert arabic[::-1] not in text and hebrew[::-1] not in text


def test_arabic_is_drawn_joined_from_its_shaped_forms(binder: Path):
    """HarfBuzz picks each letter's joined form: the embedded Noto Sans Arabic holds the
    presentation forms (initial, medial, final: U+FE70 to U+FEFF) of the letters drawn,
    where unshaped text would draw the letters' plain isolated glyphs (U+0627 and so on)."""
    with pikepdf.open(binder) as pdf:
        programs = {}
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                name = str(obj.get("/FontName"))
                stream = obj.get("/FontFile2") or obj.get("/FontFile3")
                if stream is not None:
                    programs[name] = stream.read_bytes()
    (arabic,) = [data for name, data in programs.items() if "NotoSansArabic" in name]
    glyphs = TTFont(io.BytesIO(arabic)).getGlyphOrder()
    joined = [g for g in glyphs if re.fullmatch(r"uniFE[7-9A-F][0-9A-F]", g)]
    assert len(joined) >= 4, glyphs  # مرحبا: meem, reh, hah, beh joined; alef final


def test_every_font_is_embedded_and_each_script_has_its_face(binder: Path):
    listing = poppler("pdffonts", binder)
    rows = listing.splitlines()[2:]
    for row in rows:
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row
    for face in ("NotoSansCJKSC", "NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari",
                 "NotoEmoji"):  # fmt: skip
        assert face in listing, face


def test_the_binder_with_every_script_is_still_pdf_a(binder: Path):
    assert conformance_problems(binder.read_bytes(), 2) == []


def test_naming_keeps_what_a_face_has_and_drops_invisible_marks_no_face_has():
    assert faces.named("plain words") == "plain words"
    assert (
        faces.named(f"a {WORDS['Korean']} {WORDS['emoji']}")
        == f"a {WORDS['Korean']} {WORDS['emoji']}"
    )
    assert faces.named(f"x{NOWHERE}y\U000e0001z") == "x\u27e8U+F0000\u27e9yz"
    assert faces.named("\U0010fffd") == "\u27e8U+10FFFD\u27e9"


def page_of(paragraphs: list[str]) -> tuple[bytes, list[str]]:
    """A page set by the binder's typesetting (column 15 to 195 mm), and the fonts it added."""
    from fpdf import FPDF

    from tui.core.binder.typesetting import Setting, paragraph

    pdf = FPDF(format="A4")
    faces.add_fonts(pdf)
    pdf.add_page()
    pdf.set_font(faces.SANS, size=10)
    for text in paragraphs:
        paragraph(pdf, Setting(15, 180, 280), text, 10, 5)
    return bytes(pdf.output()), sorted(pdf.fonts)


def line_edges(data: bytes) -> list[tuple[float, float]]:
    """Each text line's left and right edges, in mm, top to bottom."""
    import pypdfium2

    page = pypdfium2.PdfDocument(data)[0]
    text = page.get_textpage()
    rows: list[list[float]] = [[]]
    for index in range(text.count_chars()):
        if text.get_text_range(index, 1) == "\n":
            rows.append([])
            continue
        left, _bottom, right, _top = text.get_charbox(index)
        if right > left:
            rows[-1].extend((left, right))
    mm = 25.4 / 72
    return [(min(xs) * mm, max(xs) * mm) for xs in rows if xs]


def test_a_right_to_left_paragraph_is_ranged_right_and_latin_left():
    data, _fonts = page_of([f"{WORDS['Arabic']} {WORDS['Arabic']}", "Plain words."])
    (arabic_left, arabic_right), (latin_left, latin_right) = line_edges(data)
    assert 190 < arabic_right <= 195.5 and arabic_left > 150, "Arabic ends at the right edge"
    assert 14.5 <= latin_left < 16 and latin_right < 60, "Latin starts at the left edge"


def test_latin_text_adds_no_other_face():
    _data, fonts = page_of(["Plain words, caf\u00e9, \u03a9mega, \u0416."])
    assert fonts == ["dejavu", "dejavuB", "dejavumono"]
    _data, fonts = page_of([f"and {WORDS['Hebrew']}"])
    assert "notohebrew" in fonts and "notocjk" not in fonts
