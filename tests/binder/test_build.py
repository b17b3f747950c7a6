"""The police binder, opened with pikepdf and pypdf (and qpdf / poppler where present):
numbering, contents, hashes, order, merged PDF pages, split tall images, Unicode text,
attachments, encryption, paper sizes and byte-for-byte reproducibility."""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader
from tinydb import where
from tinydb.operations import delete

from tests.evidence.formats.test_photos import encoded, scene
from tests.support.cases import vault_bytes
from tests.support.pictures import make_png
from tui.core.binder.build import build, write_binder
from tui.core.binder.choices import BinderChoices
from tui.core.binder.pictures import slices
from tui.core.evidence.adding import add_file
from tui.core.evidence.changes import set_excluded
from tui.core.evidence.model import list_exhibits
from tui.core.shared.errors import InputError
from tui.core.timeline.events import add_event
from tui.core.vault import custody
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
UNICODE = "Zoë Ångström · Привет, Ωμέγα"


def pdf_exhibit(path: Path) -> Path:
    pdf = FPDF()
    for text in ("ORIGINAL PAGE ONE", "ORIGINAL PAGE TWO"):
        pdf.add_page()
        pdf.set_font("helvetica", size=24)
        pdf.cell(0, 20, text)
    path.write_bytes(bytes(pdf.output()))
    return path


def tall_png(path: Path) -> Path:
    image = Image.new("RGB", (300, 3000), "white")
    image.paste((255, 0, 0), (0, 0, 300, 10))
    image.paste((0, 0, 255), (0, 2990, 300, 3000))
    image.save(path)
    return path


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    add_file(
        vault,
        make_png(tmp_path / "post.png", size=(200, 120), color="teal"),
        {"description": f"The post, by {UNICODE}", "platform": "Instagram",
         "captured_at": "2024-03-05 21:30", "significance": "Shows who posted it"},
    )  # fmt: skip
    add_file(vault, pdf_exhibit(tmp_path / "page.pdf"), {"captured_at": "2024-03-01"})
    add_file(vault, tall_png(tmp_path / "chat.png"), {"captured_at": "2024-03-06"})
    (tmp_path / "chat.txt").write_text(f"alex_r: {UNICODE}\n")
    add_file(vault, tmp_path / "chat.txt", {"captured_at": "2024-03-04"})
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(2000))
    add_file(vault, tmp_path / "clip.mp4", {"captured_at": "2024-03-03"})
    add_event(vault, "2024-03-05 21:14", "The photo was posted", evidence=["E-0001"])
    return vault


def pages_text(data: bytes, password: str = "") -> list[str]:
    reader = PdfReader(io.BytesIO(data), password=password or None)
    return [page.extract_text() or "" for page in reader.pages]


def test_every_page_is_numbered_and_the_contents_point_to_the_right_pages(case: Vault):
    data = build(case, BinderChoices(export_date=DAY, prepared_by="Jordan"))
    texts = pages_text(data)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"RCL-{number:06d}" in text and f"Page {number} of {total}" in text
    contents = texts[1]
    assert "Contents" in contents
    for line in re.findall(r"^(Exhibit E-\d{4}.*?|Evidence index|Timeline of events) (\d+)$",
                           contents, re.MULTILINE):  # fmt: skip
        title, page = line
        assert title.split(":")[0] in texts[int(page) - 1], title
    cover = texts[0]
    assert "the police" in cover and "Jordan" in cover and "7 March 2024" in cover
    assert "Exhibits 5" in cover, "label and value side by side"


def test_the_index_holds_every_hash_and_the_appendix_the_log(case: Vault):
    text = "\n".join(pages_text(build(case, BinderChoices(export_date=DAY))))
    for exhibit in list_exhibits(case):
        assert exhibit.sha256[:32] in text and exhibit.sha256[32:] in text
        assert exhibit.sha256 in text.replace("\n", ""), "full hash in the manifest"
    assert "Appendix: custody log" in text and "intake" in text
    assert "Timeline of events" in text and "5 March 2024, 21:14: The photo was posted" in text


def test_pdf_evidence_is_merged_onto_numbered_pages(case: Vault):
    texts = pages_text(build(case, BinderChoices(export_date=DAY)))
    second = next(t for t in texts if "page 2 of 2 of the original PDF" in t)
    assert "ORIGINAL PAGE TWO" in second and "ORIGINAL PAGE ONE" not in second


def test_tall_screenshots_are_split_without_losing_rows(case: Vault):
    data = build(case, BinderChoices(export_date=DAY))
    parts = [t for t in pages_text(data) if "Exhibit E-0003, part" in t]
    count = int(re.search(r"part 1 of (\d+)", parts[0]).group(1))  # type: ignore[union-attr]
    assert count == len(parts) >= 2
    with pikepdf.open(io.BytesIO(data)) as pdf:
        heights = []
        for page in pdf.pages:
            for raw in page.get_images(recursive=False).values():
                assert isinstance(raw, pikepdf.Stream)
                image = pikepdf.PdfImage(raw)
                if image.width == 300:
                    heights.append(image.height)
    assert sum(heights) == 3000, "every row of the original is on some page, once"
    assert len(heights) == count and count == math.ceil(3000 / max(heights)) + 1
    assert min(heights) >= max(heights) / 6, "no sliver alone on a last page"
    first = next(t for t in pages_text(data) if "Exhibit E-0003, part 1" in t)
    assert "Exhibit E-0003" in first.splitlines()[0], "the first slice is under the details"


def test_unicode_text_evidence_and_names_render_as_real_text(case: Vault):
    text = "\n".join(pages_text(build(case, BinderChoices(export_date=DAY))))
    assert f"alex_r: {UNICODE}" in text
    assert f"The post, by {UNICODE}" in text.replace("\n", " ")
    clip = list_exhibits(case)[4]
    flat = " ".join(text.split())
    assert "This recording can't be read" in flat
    assert clip.sha256 in text.replace("\n", "")


def test_the_same_case_and_date_give_the_same_bytes(case: Vault):
    choices = BinderChoices(export_date=DAY, prepared_by="Jordan")
    first = build(case, choices)
    assert build(case, choices) == first
    assert build(case, BinderChoices(export_date=date(2024, 3, 8))) != first


def test_originals_are_attached_byte_for_byte(case: Vault, tmp_path: Path):
    data = build(case, BinderChoices(export_date=DAY, attach_originals=True))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
    assert attached["E-0001-post.png"] == (tmp_path / "post.png").read_bytes()
    assert attached["E-0004-chat.txt"] == (tmp_path / "chat.txt").read_bytes()
    assert attached["E-0005-clip.mp4"] == (tmp_path / "clip.mp4").read_bytes()
    assert len(attached) == 5


def test_a_password_encrypts_with_aes_256(case: Vault):
    data = build(case, BinderChoices(export_date=DAY, password="correct horse battery"))
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data), password="correct horse battery") as pdf:
        assert pdf.encryption.bits == 256
        assert str(pdf.encryption.stream_method).endswith("aesv3")
    assert "RCL-000001" in pages_text(data, "correct horse battery")[0]


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_paper_sizes(case: Vault, paper: str, size: tuple[float, float]):
    with pikepdf.open(io.BytesIO(build(case, BinderChoices(export_date=DAY, paper=paper)))) as pdf:
        box = [float(v) for v in pdf.pages[0].mediabox]
    assert box[2:] == pytest.approx(list(size), abs=0.1)


def test_excluded_and_removed_items_stay_out_and_time_order_is_kept(case: Vault):
    set_excluded(case, "E-0002", True)
    text = "\n".join(
        pages_text(
            build(case, BinderChoices(export_date=DAY, order="time", exclude=frozenset({"5"})))
        )
    )
    assert "Exhibit E-0002" not in text and "Exhibit E-0005" not in text
    order = [m for m in re.findall(r"^Exhibit (E-\d{4})$", text, re.MULTILINE)]
    assert order == ["E-0004", "E-0001", "E-0003"]


def test_nothing_to_bind_is_said_and_a_damaged_copy_is_named_not_fatal(vault: Vault, tmp_path):
    with pytest.raises(InputError, match="no evidence to put in a binder"):
        build(vault, BinderChoices(export_date=DAY))
    exhibit = add_file(vault, make_png(tmp_path / "a.png")).exhibit
    blob = vault.blob_dir / f"{exhibit.blob}.blob"
    blob.write_bytes(blob.read_bytes()[:100])  # into the evidence, not only its trailer
    add_file(vault, make_png(tmp_path / "b.png", color="red"))
    target = tmp_path / "binder.pdf"
    result = write_binder(vault, target, BinderChoices(export_date=DAY))
    assert [ident for ident, _ in result.notices] == ["E-0001"]
    assert "E-0001 can't be read" in result.notices[0][1]
    text = " ".join(" ".join(pages_text(target.read_bytes())).split())
    assert "Exhibit E-0001: a.png (notice only)" in text
    assert "E-0001 can't be read: its stored copy is" in text
    assert "Exhibit E-0002" in text, "the other exhibit is printed as usual"
    assert list(tmp_path.glob("*.part")) == list(tmp_path.glob(".*.tmp")) == []


def test_writing_is_private_logged_and_never_overwrites(case: Vault, tmp_path: Path):
    target = tmp_path / "binder.pdf"
    result = write_binder(case, target, BinderChoices(export_date=DAY))
    assert target.stat().st_mode & 0o777 == 0o600
    assert result.exhibits == ["E-0001", "E-0002", "E-0003", "E-0004", "E-0005"]
    entry = custody.entries(case.table(custody.TABLE))[-1]
    assert entry["action"] == "binder" and entry["details"]["pages"] == result.pages
    before = vault_bytes(case.path)
    with pytest.raises(InputError, match="already exists"):
        write_binder(case, target, BinderChoices(export_date=DAY))
    with pytest.raises(InputError, match=r"end the name with \.pdf"):
        write_binder(case, tmp_path / "binder.docx", BinderChoices(export_date=DAY))
    assert vault_bytes(case.path) == before


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_no_errors(case: Vault, tmp_path: Path):
    target = tmp_path / "binder.pdf"
    write_binder(case, target, BinderChoices(export_date=DAY, attach_originals=True))
    checked = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler is not installed")
def test_poppler_renders_the_cover_and_finds_the_text(case: Vault, tmp_path: Path):
    target = tmp_path / "binder.pdf"
    write_binder(case, target, BinderChoices(export_date=DAY))
    pages = tmp_path / "pages"
    pages.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(target), str(pages / "p")],
        check=True,
    )
    with Image.open(next(pages.glob("p*.png"))) as page:
        dark = sum(page.convert("L").histogram()[:128])
        assert page.width < page.height and dark > 500, "a portrait page with text on it"
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Integrity statement" in text and "RCL-000001" in text


def test_a_picture_that_fits_fills_the_width_of_the_page(case: Vault):
    data = build(case, BinderChoices(export_date=DAY))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = next(
            p
            for p in pdf.pages
            if "/XObject" in p.Resources and "/Picture0" in p.Resources.XObject
        )
        form = page.Resources.XObject["/Picture0"]
        bbox_width = float(form.BBox[2]) - float(form.BBox[0])
        contents = page.obj["/Contents"]
        streams = [contents] if isinstance(contents, pikepdf.Stream) else list(contents)
        content = b"".join(stream.read_bytes() for stream in streams)
        scale = re.search(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s*/Picture0 Do", content)
        assert scale is not None
        drawn_mm = float(scale.group(1)) * bbox_width * 25.4 / 72
    assert drawn_mm == pytest.approx(210 - 2 * 15, abs=0.5), "the full A4 content width"


def test_an_exhibit_recorded_by_an_earlier_version_is_printed_as_what_it_is(
    vault: Vault, tmp_path: Path
):
    """Earlier versions took a HEIC in as video/mp4 and kept no facts: the binder reads the
    content, so such a case still prints the photo."""
    path = tmp_path / "IMG_4821.HEIC"
    path.write_bytes(encoded(scene(), "HEIF"))
    exhibit = add_file(vault, path).exhibit
    with vault.transaction():
        table = vault.table("exhibits")
        table.update(delete("facts"), where("id") == exhibit.id)
        table.update({"media_type": "video/mp4", "width": None}, where("id") == exhibit.id)
    old = list_exhibits(vault)[0]
    assert old.facts == {} and old.media_type == "video/mp4"
    made = build(vault, BinderChoices(export_date=DAY))
    text = " ".join(" ".join(pages_text(made)).split())
    assert "Original file IMG_4821.HEIC Kind HEIC photo, image/heic," in text
    assert "video/mp4" not in text, "the file is named once, as what it is"
    assert "notice only" not in text
    with pikepdf.open(io.BytesIO(made)) as binder:
        images = [name for page in binder.pages for name in page.get_images()]
    assert images, "the photo itself is on a page"


def test_a_timeline_alone_makes_a_binder(vault: Vault, tmp_path: Path):
    add_event(vault, "5 March 2024 21:14", "He posted the photo")
    result = write_binder(vault, tmp_path / "account.pdf", BinderChoices(export_date=DAY))
    text = " ".join(" ".join(pages_text((tmp_path / "account.pdf").read_bytes())).split())
    assert result.exhibits == [] and "He posted the photo" in text
    assert "it holds the written account only" in text


def test_a_long_web_address_is_broken_only_after_slashes_and_separators(
    vault: Vault, tmp_path: Path
):
    url = (
        "https://www.instagram.com/p/CxYz123abcDEF/comments/?utm_source=ig_web_copy_link"
        "&igshid=MzRlODBiNWFlZA&context=shared-from-a-friend-of-the-person&page=2"
    )
    add_file(vault, make_png(tmp_path / "a.png"), {"url": url, "description": "the post"})
    lines = [
        line.strip()
        for text in pages_text(build(vault, BinderChoices(export_date=DAY)))
        for line in text.splitlines()
    ]
    start = next(n for n, line in enumerate(lines) if "https://www.instagram.com" in line)
    pieces = [lines[start].split("Web address", 1)[-1].strip()]
    while "".join(pieces) != url:
        pieces.append(lines[start + len(pieces)])
        assert len(pieces) < 6, "the whole address is printed, in order"
    assert len(pieces) >= 2, "it is long enough to need breaking"
    for piece in pieces[:-1]:
        assert piece[-1] in "/?&=-", piece


def test_timeline_and_details_are_set_left_with_labels_beside_values(case: Vault):
    texts = pages_text(build(case, BinderChoices(export_date=DAY)))
    details = next(t for t in texts if t.startswith("Exhibit E-0001\n"))
    assert "Site or app Instagram" in details and "Captured 2024-03-05 21:30\n" in details
    assert "SHA-1 (for older tools)" in details and "MD5 (for older tools)" in details
    log = next(t for t in texts if t.startswith("Appendix: custody log"))
    assert "Entry Time (UTC) Action Exhibit Details" in log


@pytest.mark.parametrize(
    ("total", "first"), [(1000 + 44, 1000), (2 * 1200 + 30, 600), (5000, 900)]
)
def test_no_slice_of_a_split_picture_is_a_sliver(total: int, first: int):
    heights = slices(total, first, full=1200, least=200)
    assert sum(heights) == total and heights[0] <= first
    assert all(rows <= 1200 for rows in heights) and min(heights) >= 200
