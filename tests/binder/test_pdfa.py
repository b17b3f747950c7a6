"""The binder as PDF/A (ISO 19005-2 level B, or 3 with the originals attached), checked
here by walking the finished file with pikepdf, independently of the code that made it,
and with qpdf, pdfinfo, pdffonts and pdftotext where they are installed. veraPDF is the
reference validator; these checks cover what the binder's own parts can get wrong.

The case holds screenshots (PNG, a CMYK JPEG), a PDF whose font is not embedded (made
with pikepdf: a page using /Helvetica without a FontFile), a clean PDF with its font
embedded, a text file and a recording."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pikepdf
import pypdfium2
import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader

from tests.support.media import video
from tests.support.pictures import make_png
from tui.core.binder import choices as binder_choices
from tui.core.binder.build import build, make, write_binder
from tui.core.binder.choices import BinderChoices
from tui.core.binder.pdfa_pages import page_problem
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.shared.paths import fonts_dir
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


def helvetica_pdf(path: Path) -> Path:
    """A page drawn in Helvetica that the file doesn't carry, as many PDFs are."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                           BaseFont=pikepdf.Name.Helvetica)
    )  # fmt: skip
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 700 Td (HELVETICA WORDS HERE) Tj ET")
    pdf.save(path)
    return path


def embedded_pdf(path: Path) -> Path:
    """A PDF that keeps to PDF/A's rules: its font is embedded, its colours are RGB."""
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(fonts_dir() / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=20)
    pdf.cell(0, 20, "EMBEDDED FONT PAGE")
    path.write_bytes(bytes(pdf.output()))
    return path


def cmyk_jpeg(path: Path) -> Path:
    Image.new("CMYK", (300, 200), (0, 200, 200, 0)).save(path, "JPEG")
    return path


@pytest.fixture
def case(vault: Vault, tmp_path: Path) -> Vault:
    add_file(vault, make_png(tmp_path / "post.png", size=(400, 300), color="teal"),
             {"description": "The post", "captured_at": "2024-03-05 21:30"})  # fmt: skip
    add_file(vault, cmyk_jpeg(tmp_path / "print.jpg"), {"description": "A printed flyer"})
    add_file(vault, helvetica_pdf(tmp_path / "letter.pdf"), {"description": "The letter"})
    add_file(vault, embedded_pdf(tmp_path / "clean.pdf"), {"description": "A clean PDF"})
    (tmp_path / "chat.txt").write_text("alex_r: I will post them everywhere\n")
    add_file(vault, tmp_path / "chat.txt")
    (tmp_path / "clip.mp4").write_bytes(video("mp4"))
    add_file(vault, tmp_path / "clip.mp4", {"description": "The screen recording"})
    add_event(vault, "2024-03-05 21:14", "The photo was posted", evidence=["E-0001"])
    return vault


# ---- an independent walk over the finished file --------------------------------------


def all_resources(pdf: pikepdf.Pdf):
    """Every resource dictionary reachable from a page: the page's own, its form
    XObjects', patterns', Type 3 fonts' and annotation appearances', once each."""
    seen: set[tuple[int, int]] = set()
    pending = []
    for page in pdf.pages:
        pending.append(page.obj.get("/Resources"))
        for annotation in page.obj.get("/Annots", []):
            for appearance in annotation.get("/AP", {}).values():
                pending.append(appearance.get("/Resources") if isinstance(
                    appearance, pikepdf.Stream) else None)  # fmt: skip
    while pending:
        resources = pending.pop()
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        yield resources
        for group in ("/XObject", "/Pattern", "/Font"):
            for item in resources.get(group, {}).values():
                if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
                    pending.append(item.get("/Resources"))


def unembedded_fonts(pdf: pikepdf.Pdf) -> list[str]:
    missing = []
    for resources in all_resources(pdf):
        for font in resources.get("/Font", {}).values():
            if font.get("/Subtype") == pikepdf.Name.Type3:
                continue
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor", {})
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


Parsed = dict[tuple[int, int], list[Any]]


def page_contents(pdf: pikepdf.Pdf) -> Parsed:
    """Each page's content stream parsed, by the page's object number: parsed once for
    the checks that read it (a binder of hundreds of pages takes a second a pass)."""
    return {page.obj.objgen: pikepdf.parse_content_stream(page) for page in pdf.pages}


def content_operators(pdf: pikepdf.Pdf, parsed: Parsed | None = None) -> set[str]:
    """Every operator of the pages' and their form XObjects' content (the pages' as
    `parsed`, if given)."""
    parsed = page_contents(pdf) if parsed is None else parsed
    found: set[str] = set()
    for operations in parsed.values():
        found |= {str(op.operator) for op in operations}
    for resources in all_resources(pdf):
        for item in resources.get("/XObject", {}).values():
            if item.get("/Subtype") == pikepdf.Name.Form:
                found |= {str(op.operator) for op in pikepdf.parse_content_stream(item)}
    return found


def notdef_uses(pdf: pikepdf.Pdf, parsed: Parsed | None = None) -> int:
    """How often the pages' own text draws glyph 0 (.notdef), which PDF/A forbids: each
    two-byte code of an Identity-H font is looked up in the font's CIDToGIDMap (each map
    decoded once: a binder of hundreds of pages selects the same fonts on every page)."""
    parsed = page_contents(pdf) if parsed is None else parsed
    count = 0
    decoded: dict[tuple[int, int], bytes] = {}
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", pikepdf.Dictionary())
        mapping = b""
        for item in parsed[page.obj.objgen]:
            operator = str(item.operator)
            if operator == "Tf":
                font = fonts.get(str(item.operands[0]))
                descendant: Any = font.DescendantFonts[0] if font is not None else {}
                table = descendant.get("/CIDToGIDMap")
                if not isinstance(table, pikepdf.Stream):
                    mapping = b""
                elif not table.is_indirect:
                    mapping = table.read_bytes()
                else:
                    if table.objgen not in decoded:
                        decoded[table.objgen] = table.read_bytes()
                    mapping = decoded[table.objgen]
            elif operator in ("Tj", "TJ", "'", '"') and mapping:
                strings = [o for o in item.operands[-1:] for o in (o if operator == "TJ" else [o])]
                for text in strings:
                    if isinstance(text, pikepdf.String):
                        raw = bytes(text)
                        for at in range(0, len(raw) - 1, 2):
                            cid = int.from_bytes(raw[at : at + 2], "big")
                            if mapping[2 * cid : 2 * cid + 2] in (b"\x00\x00", b""):
                                count += 1
    return count


def xmp_of(pdf: pikepdf.Pdf) -> ElementTree.Element:
    metadata = pdf.Root.Metadata
    assert metadata.Type == pikepdf.Name.Metadata and metadata.Subtype == pikepdf.Name.XML
    assert "/Filter" not in metadata, "the XMP is left readable as it is"
    return ElementTree.fromstring(metadata.read_bytes())


def conformance_problems(data: bytes, part: int) -> list[str]:
    problems = []
    version = re.match(rb"%PDF-(\d)\.(\d)", data)
    if not version or (int(version[1]), int(version[2])) > (1, 7):
        problems.append("PDF/A-2 and -3 are PDF 1.7 at most")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("encrypted")
        if len(pdf.trailer.get("/ID", [])) != 2:
            problems.append("no /ID")
        xmp = xmp_of(pdf)
        if xmp.findtext(".//pdfaid:part", namespaces=NS) != str(part):
            problems.append("pdfaid:part")
        if xmp.findtext(".//pdfaid:conformance", namespaces=NS) != "B":
            problems.append("pdfaid:conformance")
        title = xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=NS)
        if title != str(pdf.docinfo.get("/Title")):
            problems.append("the XMP title differs from the document information")
        created = xmp.findtext(".//xmp:CreateDate", namespaces=NS) or ""
        if (
            created.replace("-", "").replace(":", "").replace("T", "")[:14]
            != str(pdf.docinfo.get("/CreationDate"))[2:16]
        ):
            problems.append("the XMP date differs from the document information")
        intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.S == "/GTS_PDFA1"]
        if len(intents) != 1 or int(intents[0].DestOutputProfile.N) != 3:
            problems.append("no sRGB output intent")
        if missing := unembedded_fonts(pdf):
            problems.append(f"fonts not embedded: {missing}")
        parsed = page_contents(pdf)
        if notdef_uses(pdf, parsed):
            problems.append("text drawn with the .notdef glyph")
        if {"k", "K"} & content_operators(pdf, parsed):
            problems.append("CMYK colour in a page")
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                continue
            if "/JS" in obj or obj.get("/S") == pikepdf.Name.JavaScript:
                problems.append("JavaScript")
            if "/AA" in obj:
                problems.append("an additional action")
            space = obj.get("/ColorSpace")
            if space == pikepdf.Name.DeviceCMYK:
                problems.append("a CMYK picture")
            if bool(obj.get("/Interpolate", False)) or "/Alternates" in obj or "/OPI" in obj:
                problems.append("a picture PDF/A forbids")
            filters = obj.get("/Filter")
            if filters is not None and "/LZWDecode" in str(filters):
                problems.append("LZW compression")
            group = obj.get("/Group")
            plain = (None, pikepdf.Name.DeviceRGB, pikepdf.Name.DeviceGray)
            if (
                isinstance(group, pikepdf.Dictionary)
                and group.get("/S") == "/Transparency"
                and group.get("/CS") not in plain
            ):
                problems.append(f"a transparency group in {group.get('/CS')}")
            if obj.get("/Type") == pikepdf.Name.Annot and int(obj.get("/F", 0)) & 4 == 0:
                problems.append("an annotation that doesn't print")
        names = pdf.Root.get("/Names", pikepdf.Dictionary())
        opening = pdf.Root.get("/OpenAction")
        if "/JavaScript" in names or (
            isinstance(opening, pikepdf.Dictionary) and opening.get("/S") != pikepdf.Name.GoTo
        ):
            problems.append("document JavaScript or an opening action")
        files = list(pdf.attachments.items())
        if part == 2 and files:
            problems.append("PDF/A-2 can't hold the originals")
        listed = {spec.objgen for spec in pdf.Root.get("/AF", [])}
        for _, spec in files:
            filespec = spec.obj
            if filespec.get("/AFRelationship") not in (pikepdf.Name.Source, pikepdf.Name.Data):
                problems.append("an attachment without AFRelationship")
            if filespec.objgen not in listed:
                problems.append("an attachment not listed in /AF")
            if not all(key in filespec for key in ("/F", "/UF", "/Desc")):
                problems.append("an attachment without its names")
            stream = filespec.EF.F
            if "/Subtype" not in stream or "/ModDate" not in stream.get("/Params", {}):
                problems.append("an attachment without its MIME type or date")
    return problems


# ---- the tests ----------------------------------------------------------------------


def test_the_binder_is_pdfa_2b(case: Vault):
    data = build(case, BinderChoices(export_date=DAY))
    assert conformance_problems(data, 2) == []


def test_with_the_originals_attached_it_is_pdfa_3b(case: Vault, tmp_path: Path):
    data = build(case, BinderChoices(export_date=DAY, attach_originals=True))
    assert conformance_problems(data, 3) == []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
        subtypes = {str(spec.get_file().obj.Subtype) for spec in pdf.attachments.values()}
    assert attached["E-0003-letter.pdf"] == (tmp_path / "letter.pdf").read_bytes()
    assert attached["E-0006-clip.mp4"] == (tmp_path / "clip.mp4").read_bytes()
    assert "/video/mp4" in subtypes and "/application/pdf" in subtypes
    assert build(case, BinderChoices(export_date=DAY, attach_originals=True)) == data


def test_a_page_whose_font_is_not_embedded_is_printed_as_a_searchable_picture(case: Vault):
    data = build(case, BinderChoices(export_date=DAY))
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() or "" for page in reader.pages]
    letter = next(number for number, t in enumerate(texts) if "of the original PDF" in t
                  and "Helvetica" in t)  # fmt: skip
    flat = " ".join(texts[letter].split())
    assert "because its font Helvetica is not embedded" in flat
    assert "HELVETICA WORDS HERE" in flat, "its words are laid over the picture, searchable"
    clean = next(number for number, t in enumerate(texts) if "EMBEDDED FONT PAGE" in t)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        rendered = pdf.pages[letter]
        found = rendered.get_images(recursive=True).values()
        pictures = [pikepdf.PdfImage(raw) for raw in found if isinstance(raw, pikepdf.Stream)]
        assert any(picture.width >= 2400 for picture in pictures), "at print resolution"
        merged = pdf.pages[clean].Resources.XObject
        assert any(str(name).startswith("/Exhibit") for name in merged.keys()), "merged"  # noqa: SIM118
        assert unembedded_fonts(pdf) == []
    page = pypdfium2.PdfDocument(data)[clean]
    textpage = page.get_textpage()
    found = textpage.search("EMBEDDED").get_next()
    assert found is not None
    left, bottom, right, top = textpage.get_charbox(found[0])
    drawn = page.render(scale=2).to_pil().convert("L")
    height = page.get_height()
    letter = drawn.crop((int(left * 2), int((height - top) * 2), int(right * 2) + 1,
                         int((height - bottom) * 2) + 1))  # fmt: skip
    assert letter.getextrema()[0] < 60, "the merged page's text is black, as it was made"


def test_a_password_makes_an_ordinary_encrypted_pdf_not_pdfa(case: Vault):
    data = build(case, BinderChoices(export_date=DAY, password="long binder password"))
    with pikepdf.open(io.BytesIO(data), password="long binder password") as pdf:
        assert pdf.is_encrypted
        claims = pdf.Root.Metadata.read_bytes() if "/Metadata" in pdf.Root else b""
    assert b"pdfaid" not in claims, "an encrypted file never claims to be PDF/A"


def test_an_original_over_the_limit_is_named_instead_of_attached(
    case: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    clip = next(e for e in list_exhibits(case) if e.original_name == "clip.mp4")
    monkeypatch.setattr(binder_choices, "ATTACH_LIMIT", clip.size - 1)
    target = tmp_path / "binder.pdf"
    result = write_binder(case, target, BinderChoices(export_date=DAY, attach_originals=True))
    big = {e.id for e in list_exhibits(case) if e.size > clip.size - 1}
    assert {ident for ident, _ in result.unattached} == big and clip.id in big
    assert "too large to attach" in result.unattached[0][1]
    assert any("Not attached to the PDF" in line for line in result.notice_lines())
    with pikepdf.open(target) as pdf:
        names = set(pdf.attachments)
    assert names and not any(name.startswith(tuple(big)) for name in names)
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(target).pages).split())
    assert "Too large to attach to the PDF" in text
    assert conformance_problems(target.read_bytes(), 3) == []


def test_guessed_times_are_marked_estimated_and_hashes_are_monospaced(case: Vault):
    clip = next(e for e in list_exhibits(case) if e.original_name == "clip.mp4")
    assert "captured_at" in clip.guesses, "the recording's own time was taken as a guess"
    data = build(case, BinderChoices(export_date=DAY))
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
                    .split())  # fmt: skip
    assert text.count("(estimated)") >= 3, "in the index, the details and the cover's key"
    assert "SHA-1 (for older tools)" in text and "MD5 (for older tools)" in text
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fonts = {str(font.BaseFont) for r in all_resources(pdf) for font in
                 r.get("/Font", {}).values()}  # fmt: skip
    assert any("DejaVuSansMono" in name for name in fonts)


def lines_of(data: bytes, path: Path, section: str) -> list[str]:
    """The text of the pages headed `section`, line by line: pdftotext -raw, else pypdf."""
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
        pages = raw.split("\f")
    else:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    return [line for page in pages if page.startswith(section) for line in page.splitlines()]


def test_each_hash_stands_whole_on_one_line_of_the_index(case: Vault, tmp_path: Path):
    data = build(case, BinderChoices(export_date=DAY))
    lines = lines_of(data, tmp_path / "b.pdf", "Evidence index")
    for exhibit in list_exhibits(case):
        assert any(exhibit.sha256 in line for line in lines), exhibit.id
    for appendix in ("Appendix: hash manifest", "Appendix: custody log"):
        lines = lines_of(data, tmp_path / "b.pdf", appendix)
        for exhibit in list_exhibits(case):
            assert any(exhibit.sha256 in line for line in lines), (appendix, exhibit.id)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_the_pdfa_binder_sound(case: Vault, tmp_path: Path):
    target = tmp_path / "binder.pdf"
    write_binder(case, target, BinderChoices(export_date=DAY, attach_originals=True))
    checked = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler is not installed")
def test_poppler_sees_metadata_pdf_17_and_every_font_embedded(case: Vault, tmp_path: Path):
    target = tmp_path / "binder.pdf"
    write_binder(case, target, BinderChoices(export_date=DAY))
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "Metadata Stream: yes" in info and re.search(r"PDF version:\s+1\.7", info)
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, "the binder's text is real text"
    for row in rows:
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row


def test_make_reports_what_it_could_only_name(case: Vault):
    made = make(case, BinderChoices(export_date=DAY))
    assert made.notices == [] and made.unattached == []


def test_characters_dejavu_lacks_print_from_the_fallback_faces_and_no_face_is_named(
    vault: Vault, tmp_path: Path
):
    words = "He wrote \U0001f984 and \u05e9\u05dc\u05d5\u05dd then left \U000f0000"
    add_file(vault, make_png(tmp_path / "a.png"), {"description": words})
    data = build(vault, BinderChoices(export_date=DAY))
    assert conformance_problems(data, 2) == []  # and no .notdef glyph drawn for them
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    said = "He wrote \U0001f984 and \u05e9\u05dc\u05d5\u05dd then left \u27e8U+F0000\u27e9"
    assert said in " ".join(text.split())


def crafted(content: bytes, extra: Callable[[pikepdf.Pdf, pikepdf.Page], None]) -> pikepdf.Pdf:
    """A one-page PDF drawing `content`, with `extra` adding to its page."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(200, 200))
    page.Contents = pdf.make_stream(content)
    extra(pdf, page)
    return pdf


def nothing(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    pass


def javascript(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.AA = pikepdf.Dictionary(
        O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    )


def form_field(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=[0, 0, 50, 20])]))  # fmt: skip


def lzw_picture(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    image = pdf.make_stream(b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01")
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 1, 1, 8
    image.ColorSpace, image.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.LZWDecode
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))


def type0_without_file(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=pikepdf.Name.Arial,
        FontDescriptor=pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor,
                                          FontName=pikepdf.Name.Arial),
    )  # fmt: skip
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name.Arial,
        DescendantFonts=[descendant],
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))


@pytest.mark.parametrize(
    ("content", "extra", "why"),
    [
        (b"0 0 0 1 k 0 0 50 50 re f", nothing, "CMYK"),
        (b"/DeviceCMYK cs 0 0 0 1 sc", nothing, "CMYK"),
        (b"BX 1 2 hello EX", nothing, "drawing instructions"),
        (b"/OC /L1 BDC EMC", nothing, "optional content"),
        (b"q Q", javascript, "actions"),
        (b"q Q", form_field, "form fields"),
        (b"/Im0 Do", lzw_picture, "LZW"),
        (b"BT /F1 12 Tf (hi) Tj ET", type0_without_file, "font Arial is not embedded"),
        (b"0 0 1 rg 0 0 50 50 re f", nothing, ""),
    ],
)
def test_what_pdfa_forbids_in_a_page_is_found(
    content: bytes, extra: Callable[[pikepdf.Pdf, pikepdf.Page], None], why: str
):
    with crafted(content, extra) as pdf:
        problem = page_problem(pdf.pages[0])
    assert why in problem if why else problem == "", problem


def test_originals_past_the_total_limit_are_named_instead_of_attached(
    case: Vault, monkeypatch: pytest.MonkeyPatch
):
    first, second, *rest = list_exhibits(case)
    monkeypatch.setattr(binder_choices, "ATTACH_TOTAL", first.size + second.size)
    made = make(case, BinderChoices(export_date=DAY, attach_originals=True))
    assert [ident for ident, _ in made.unattached] == [e.id for e in rest]
    assert all("the PDF already holds" in why for _, why in made.unattached)
    with pikepdf.open(io.BytesIO(made.data)) as pdf:
        assert sorted(pdf.attachments) == sorted(
            f"{e.id}-{e.original_name}" for e in (first, second)
        )
    assert conformance_problems(made.data, 3) == []
