"""A Word document's table in the binder (issue 27): drawn as a ruled table, its cells
side by side in columns (as `pdftotext -bbox` finds their words), each inside a drawn
cell, and the binder still PDF/A. (That a binder is the same bytes each time is
`test_build`'s; a table is drawn from its rows alone.)"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pikepdf
import pytest

from tests.binder.test_pdfa import conformance_problems
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import add_bytes
from tui.core.vault.vault import Vault

CELLS = [
    ["Qdate", "Qsent", "Qwhere"],
    ["Q5march", "Qphoto", "Qinsta"],
    ["Q6march", "Qthreat", "Qsms"],
]


def docx_with_table() -> bytes:
    document = docx.Document()
    document.add_paragraph("What he sent, and when.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, CELLS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(Q\w+)</word>'
)


_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def placed(pdf_path: Path) -> list[dict[str, tuple[float, float, float, float]]]:
    """Each page's cell words and their boxes (points, from the top left)."""
    done = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, check=True
    )
    return [
        {word: (float(x0), float(y0), float(x1), float(y1))
         for x0, y0, x1, y1, word in _WORD.findall(page)}
        for page in _PAGE.findall(done.stdout.decode())
    ]  # fmt: skip


def rectangles(page: pikepdf.Page, height: float) -> list[tuple[float, float, float, float]]:
    """The rectangles drawn on the page, as (left, top, right, bottom) from the top left."""
    boxes = []
    for instruction in pikepdf.parse_content_stream(page):
        if str(instruction.operator) == "re":
            x, y, w, h = (float(value) for value in instruction.operands)
            top, bottom = sorted((height - y, height - y - h))
            boxes.append((min(x, x + w), top, max(x, x + w), bottom))
    return boxes


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_a_word_table_is_drawn_as_a_table(vault: Vault, tmp_path: Path):
    add_bytes(vault, docx_with_table(), "log.docx")
    choices = BinderChoices(export_date=date(2024, 3, 7))
    data = make(vault, choices).data
    path = tmp_path / "binder.pdf"
    path.write_bytes(data)
    every = placed(path)
    [number] = [at for at, words in enumerate(every) if "Qthreat" in words]
    words = every[number]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[number]
        boxes = rectangles(page, float(page.mediabox[3]))
    # the cells of a row share a line; the cells of a column share a left edge
    for row in CELLS:
        assert len({round(words[word][1]) for word in row}) == 1, row
        lefts = [words[word][0] for word in row]
        assert lefts == sorted(lefts), row
    for column in zip(*CELLS, strict=True):
        assert len({round(words[word][0]) for word in column}) == 1, column
    # each word sits inside a drawn cell of its own
    for word, (x0, y0, x1, y1) in words.items():
        holding = [b for b in boxes if b[0] <= x0 and x1 <= b[2] and b[1] <= y0 and y1 <= b[3]]
        assert holding, word
        narrowest = min(holding, key=lambda b: b[2] - b[0])
        others = [w for w in words if w != word and narrowest[0] <= words[w][0] < narrowest[2]
                  and narrowest[1] <= words[w][1] < narrowest[3]]  # fmt: skip
        assert others == [], word
    # and the layout keeps them in columns
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True)
    lines = [line for line in done.stdout.decode().splitlines() if "Q5march" in line]
    assert len(lines) == 1 and re.search(r"Q5march\s+Qphoto\s+Qinsta", lines[0])
    assert conformance_problems(data, 2) == []
