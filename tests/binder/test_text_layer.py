"""The words read in a picture, laid invisibly over its binder page (issue 30): pdftotext
finds them on the screenshot's page, where the picture shows them; the page looks exactly
as it did; the binder stays PDF/A and reproducible; the index and the details say the text
was read by machine. The readings are written into the record here (the recogniser is
tested in tests/evidence/reading); the pictures are drawn with the shipped DejaVu font."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import numpy
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.binder.test_pdfa import conformance_problems
from tui.core.binder import text_layer
from tui.core.binder.build import build
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import TABLE, doc_ids
from tui.core.evidence.reading.model import Line, PictureText, Reading
from tui.core.shared.paths import fonts_dir
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
TEAL = (0, 128, 128)
HANDLE, ADDRESS = "@jordan_m_1987", "https://example.com/p/48213"

Box = tuple[float, float, float, float]


def screenshot(
    path: Path, size: tuple[int, int], lines: list[tuple[str, tuple[int, int]]]
) -> dict[str, Box]:
    """A flat teal picture with white words; each line's box as a recogniser gives it."""
    image = Image.new("RGB", size, TEAL)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(fonts_dir() / "DejaVuSans.ttf"), 32)
    boxes = {}
    for text, at in lines:
        draw.text(at, text, font=font, fill="white")
        x0, y0, x1, y1 = draw.textbbox(at, text, font=font)
        boxes[text] = (float(x0), float(y0), float(x1), float(y1))
    image.save(path)
    return boxes


def give_reading(vault: Vault, exhibit_id: str, *pictures: PictureText) -> None:
    reading = Reading("test engine", "2026-12-07T16:00:00Z", pictures)
    with vault.transaction():
        vault.table(TABLE).update(
            {"reading": reading.to_dict()}, doc_ids=doc_ids(vault, exhibit_id)
        )


def read(source: str, size: tuple[int, int], boxes: dict[str, Box]) -> PictureText:
    lines = tuple(Line(text, box, 0.98) for text, box in boxes.items())
    return PictureText(source, size[0], size[1], lines)


def page_words(data: bytes, tmp_path: Path) -> list[list[tuple[str, Box]]]:
    """Each page's words and their boxes (points from the top-left), as pdftotext sees them."""
    path = tmp_path / "binder.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page,
        )
        pages.append([(w[4], (float(w[0]), float(w[1]), float(w[2]), float(w[3]))) for w in words])
    return pages


def rendered(data: bytes, tmp_path: Path, page: int, dpi: int = 72) -> Image.Image:
    path = tmp_path / "shown.pdf"
    path.write_bytes(data)
    png = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-png", str(path)],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    return Image.open(io.BytesIO(png)).convert("RGB")


def teal_area(image: Image.Image) -> Box:
    """Where the teal picture is drawn on a rendered page, in its pixels."""
    pixels = numpy.asarray(image, dtype=numpy.int16)
    close = (numpy.abs(pixels - numpy.array(TEAL)) < 20).all(axis=2)
    found = Image.fromarray((close * 255).astype(numpy.uint8)).getbbox()
    assert found is not None, "the picture is drawn"
    left, top, right, bottom = found
    return float(left), float(top), float(right), float(bottom)


def no_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("pictures", "pdf_pages", "exhibit_pages"):
        monkeypatch.setattr(f"tui.core.binder.{module}.lay_words", lambda *a, **k: None)


@pytest.fixture
def shot(vault: Vault, tmp_path: Path) -> tuple[Vault, dict[str, Box]]:
    size = (600, 400)
    boxes = screenshot(tmp_path / "post.png", size, [(HANDLE, (30, 40)), (ADDRESS, (60, 300))])
    add_file(vault, tmp_path / "post.png", {"description": "The post"})
    give_reading(vault, "E-0001", read("picture", size, boxes))
    return vault, boxes


def test_a_screenshots_page_yields_its_words_where_the_picture_shows_them_and_looks_the_same(
    shot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    vault, boxes = shot
    data = build(vault, BinderChoices(export_date=DAY))
    pages = page_words(data, tmp_path)
    holding = [n for n, words in enumerate(pages) if any(w == HANDLE for w, _ in words)]
    assert len(holding) == 1, "the handle is found once, on the screenshot's page"
    number = holding[0]
    shown = rendered(data, tmp_path, number + 1)
    left, top, right, bottom = teal_area(shown)
    across, down = (right - left) / 600, (bottom - top) / 400
    words = dict(pages[number])
    for text in (HANDLE, ADDRESS):
        x0, y0, x1, y1 = boxes[text]
        expected = (left + x0 * across, top + y0 * down, left + x1 * across, top + y1 * down)
        found = words[text]
        assert all(abs(a - b) < 3 for a, b in zip(found, expected, strict=True)), (
            text, found, expected,
        )  # fmt: skip
    no_layer(monkeypatch)
    plain = build(vault, BinderChoices(export_date=DAY))
    assert HANDLE not in " ".join(w for w, _ in page_words(plain, tmp_path)[number])
    assert rendered(plain, tmp_path, number + 1).tobytes() == shown.tobytes(), "same pixels"


def test_a_scanned_pdf_page_yields_its_words(vault: Vault, tmp_path: Path):
    import img2pdf

    size = (600, 800)
    boxes = screenshot(tmp_path / "scan.png", size, [(HANDLE, (40, 600))])
    (tmp_path / "scan.pdf").write_bytes(img2pdf.convert(str(tmp_path / "scan.png")))
    add_file(vault, tmp_path / "scan.pdf", {"description": "A scanned letter"})
    give_reading(vault, "E-0001", read("page 1", size, boxes))
    data = build(vault, BinderChoices(export_date=DAY))
    pages = page_words(data, tmp_path)
    number = next(n for n, words in enumerate(pages) if any(w == HANDLE for w, _ in words))
    left, top, right, bottom = teal_area(rendered(data, tmp_path, number + 1))
    found = dict(pages[number])[HANDLE]
    assert left < found[0] < left + (right - left) * 0.2, "near the page's left"
    assert top + (bottom - top) * 0.7 < found[1] < top + (bottom - top) * 0.8, (
        "three quarters down"
    )
    assert conformance_problems(data, 2) == []


def test_the_binder_stays_pdfa_and_the_same_bytes_and_says_the_words_were_read_by_machine(
    shot, tmp_path: Path
):
    vault, _ = shot
    data = build(vault, BinderChoices(export_date=DAY))
    assert conformance_problems(data, 2) == []
    assert build(vault, BinderChoices(export_date=DAY)) == data
    text = " ".join(w for words in page_words(data, tmp_path) for w, _ in words)
    assert text.count("text recognised by machine; the picture is the evidence") == 1, "index"
    assert "Text recognised by machine; the picture is the evidence." in text, "details"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        operators = {
            str(op.operator) for page in pdf.pages for op in pikepdf.parse_content_stream(page)
        }
    assert "Tz" in operators, "each line is stretched to its box"


def test_an_exhibit_never_read_says_nothing_of_machine_reading(vault: Vault, tmp_path: Path):
    screenshot(tmp_path / "post.png", (300, 200), [(HANDLE, (10, 10))])
    add_file(vault, tmp_path / "post.png")
    text = " ".join(
        w
        for words in page_words(build(vault, BinderChoices(export_date=DAY)), tmp_path)
        for w, _ in words
    )
    assert "recognised by machine" not in text and HANDLE not in text


def test_a_tall_picture_split_across_pages_carries_each_line_on_its_own_slice(
    vault: Vault, tmp_path: Path
):
    size = (300, 2400)
    lines = [(f"line{n:02d}", (20, 60 + n * 460)) for n in range(5)]
    boxes = screenshot(tmp_path / "chat.png", size, lines)
    add_file(vault, tmp_path / "chat.png", {"description": "The whole chat"})
    give_reading(vault, "E-0001", read("picture", size, boxes))
    data = build(vault, BinderChoices(export_date=DAY))
    pages = page_words(data, tmp_path)
    where = {w: n for n, words in enumerate(pages) for w, _ in words if w.startswith("line")}
    assert sorted(where) == [text for text, _ in lines], "every line once"
    assert len(set(where.values())) > 1, "split across pages"
    assert [where[text] for text, _ in lines] == sorted(where[text] for text, _ in lines)
    areas = {n: teal_area(rendered(data, tmp_path, n + 1)) for n in set(where.values())}
    for text, _ in lines:
        left, top, right, bottom = areas[where[text]]
        found = dict(pages[where[text]])[text]
        assert left - 1 <= found[0] < found[2] <= right + 1
        assert top <= (found[1] + found[3]) / 2 <= bottom, "on the slice that shows its middle"


def test_words_in_other_scripts_are_laid_in_the_shipped_faces(vault: Vault, tmp_path: Path):
    size = (600, 200)
    screenshot(tmp_path / "post.png", size, [("x", (10, 10))])
    add_file(vault, tmp_path / "post.png")
    words = {"Привет мир": (10.0, 10.0, 300.0, 50.0), "ሰላም ዓለም": (10.0, 100.0, 300.0, 150.0)}
    give_reading(vault, "E-0001", read("picture", size, words))
    data = build(vault, BinderChoices(export_date=DAY))
    text = " ".join(w for words in page_words(data, tmp_path) for w, _ in words)
    assert "Привет" in text and "мир" in text and "ሰላም" in text
    assert conformance_problems(data, 2) == []


def test_a_crafted_reading_is_bounded(vault: Vault, tmp_path: Path, monkeypatch):
    size = (300, 200)
    screenshot(tmp_path / "post.png", size, [("x", (10, 10))])
    add_file(vault, tmp_path / "post.png")
    monkeypatch.setattr(text_layer, "MAX_LINES", 3)
    lines = {
        "\x1b[31mred\u202e": (10.0, 10.0, 100.0, 30.0),  # control and direction codes go
        "outside": (-500.0, -500.0, 9000.0, 9000.0),  # clamped to the picture
        "upside": (100.0, 90.0, 10.0, 60.0),  # corners in the wrong order
        "beyond the most": (10.0, 150.0, 100.0, 170.0),
    }
    give_reading(vault, "E-0001", read("picture", size, lines))
    data = build(vault, BinderChoices(export_date=DAY))
    text = " ".join(w for words in page_words(data, tmp_path) for w, _ in words)
    assert "red" in text and "\x1b" not in text and "outside" in text and "upside" in text
    assert "beyond" not in text
    assert conformance_problems(data, 2) == []
