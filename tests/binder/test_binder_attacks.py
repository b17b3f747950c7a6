"""The binder attacked as hostile evidence would: damaged and crafted PDFs (compression
bombs, page-tree loops, walls of a page, locks, actions, Type 3 glyphs painting in CMYK,
damaged font programs and colour profiles, transparency groups), characters the
typeface lacks, words longer than a line, and many exhibits. Each time the binder is
still made (one bad item is a plain notice, never a stop), and it is still PDF/A by the
checks of tests/binder/test_pdfa.py, `qpdf --check` and, independently, mutool."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from PIL import Image
from pypdf import PdfReader
from tinydb import where
from tinydb.operations import delete

from tests.binder.test_pdfa import conformance_problems
from tests.evidence.formats.test_photos import encoded, scene
from tests.support.cases import PASSPHRASE
from tests.support.legacy import downgrade_to_first_format
from tests.support.pictures import make_png
from tui.core.binder import pdf_bounds
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.adding import (
    add_file,
    discard_staged,
    record_staged,
    stage_file,
)
from tui.core.timeline.events import add_event
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)
#: Seconds a binder of crafted input may take before its test fails: far above what it
#: takes (a few seconds, under load too), far below the minutes of a parser gone quadratic
#: or a bomb inflated. How fast each must be is measured against an ordinary binder by
#: tests/bench/test_hostile_inputs_bench.py.
GUARD = 120
Extra = Callable[[pikepdf.Pdf, pikepdf.Page], None]


def sound(data: bytes, tmp_path: Path, part: int = 2, *, pdfium: bool = False) -> str:
    """Every check passes (their problems, else ''), and the binder's text as one line:
    read by pypdf, or by PDFium for hundreds of pages (pypdf parses each page's fonts
    again, about 10 ms a page; the two gave the same text on every page of the 597-page
    binder of test_five_hundred_small_exhibits)."""
    assert conformance_problems(data, part) == []
    path = tmp_path / "checked.pdf"
    path.write_bytes(data)
    if shutil.which("qpdf"):
        checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    if shutil.which("mutool"):
        info = subprocess.run(["mutool", "info", "-F", str(path)], capture_output=True,
                              text=True).stdout  # fmt: skip
        fonts = [line for line in info.splitlines() if "Type0" in line or "Type1" in line
                 or "TrueType" in line]  # fmt: skip
        assert fonts and all(re.search(r"'[A-Z]{6}\+", line) for line in fonts), fonts
    with pikepdf.open(path) as pdf:
        # The pages' own CMYK is among conformance_problems' checks above.
        assert not {"k", "K"} & type3_glyph_operators(pdf), "a Type 3 glyph paints in CMYK"
    if pdfium:
        pages = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(path)]
    else:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    return " ".join(" ".join(pages).split())


def type3_glyph_operators(pdf: pikepdf.Pdf) -> set[str]:
    found: set[str] = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == pikepdf.Name.Type3:
            for glyph in obj.get("/CharProcs", {}).values():
                found |= {str(op.operator) for op in pikepdf.parse_content_stream(glyph)}
    return found


def one_page(content: bytes = b"0 0 1 rg 0 0 50 50 re f", extra: Extra | None = None,
             size: tuple[int, int] = (200, 200)) -> bytes:  # fmt: skip
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=size)
    page.Contents = pdf.make_stream(content)
    if extra:
        extra(pdf, page)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@functools.cache
def bomb_drawing() -> bytes:
    """112 MB of drawing in a hundred kilobytes, packed once (it takes seconds) for every
    test that hands it over."""
    return zlib.compress(b"0 0 m 1 1 l S\n" * 8_000_000, 9)


def bomb(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """112 MB of drawing in a hundred kilobytes: parsing it took 11.7 GB and 104 s."""
    stream = pikepdf.Stream(pdf, bomb_drawing())
    stream.Filter = pikepdf.Name.FlateDecode
    page.obj.Contents = stream


def thousands_of_streams(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Contents = pikepdf.Array(
        [pdf.make_stream(b"0 0 1 rg 0 0 1 1 re f\n") for _ in range(3000)]
    )


def box(values: list[float]) -> Extra:
    def extra(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        page.obj.MediaBox = pikepdf.Array(values)

    return extra


def turned(value: object) -> Extra:
    def extra(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        page.obj.Rotate = value

    return extra


def user_unit(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.UserUnit = 50


def actions(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """JavaScript on opening and by name, Launch and URI links, XFA, an embedded file."""
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    pdf.Root.OpenAction = script
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=["a", script]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[], XFA=pdf.make_stream(b"<xdp/>"))
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    uri = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("http://example.com"))
    page.obj.Annots = pikepdf.Array([
        pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                                             Rect=[0, 0, 50, 50], A=action))
        for action in (launch, uri, script)
    ])  # fmt: skip
    pdf.attachments["evil.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ", filename="evil.exe")


def rich_media(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Annots = pikepdf.Array([
        pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=kind,
                                             Rect=[0, 0, 50, 50]))
        for kind in (pikepdf.Name.RichMedia, pikepdf.Name("/3D"))
    ])  # fmt: skip


def type3_in_cmyk(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    glyph = pdf.make_stream(b"1000 0 d0 0 0 0 1 k 0 0 1000 1000 re f")
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=pikepdf.Dictionary(a=glyph),
        Encoding=pikepdf.Dictionary(Differences=[97, pikepdf.Name.a]), FirstChar=97,
        LastChar=97, Widths=[1000],
    )  # fmt: skip
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 50 Tf 10 10 Td (aaa) Tj ET")


def damaged_font(program: object) -> Extra:
    def extra(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        descriptor = pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name.Junk, Flags=32,
            FontBBox=[0, 0, 1000, 1000], ItalicAngle=0, Ascent=800, Descent=-200,
            CapHeight=700, StemV=80,
            FontFile2=pdf.make_stream(program) if isinstance(program, bytes) else program,
        )  # fmt: skip
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name.Junk,
            FirstChar=32, LastChar=126, Widths=[500] * 95, FontDescriptor=descriptor,
        )  # fmt: skip
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 24 Tf 10 100 Td (BROKEN FONT) Tj ET")

    return extra


def picture(space: Callable[[pikepdf.Pdf], object], components: int, bits: int = 8) -> Extra:
    def extra(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        image = pdf.make_stream(bytes(4 * components * bits // 8))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width = image.Height = 2
        image.BitsPerComponent, image.ColorSpace = bits, space(pdf)
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.obj.Contents = pdf.make_stream(b"q 100 0 0 100 0 0 cm /Im0 Do Q")

    return extra


def indexed_over_cmyk(pdf: pikepdf.Pdf) -> object:
    return pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceCMYK, 1,
                          pikepdf.String(bytes(8))])  # fmt: skip


def broken_profile(pdf: pikepdf.Pdf) -> object:
    profile = pdf.make_stream(b"not an ICC profile at all")
    profile.N = 3
    return pikepdf.Array([pikepdf.Name.ICCBased, profile])


def device_n(pdf: pikepdf.Pdf) -> object:
    tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 0, 0, 0],
                              N=1)  # fmt: skip
    return pikepdf.Array([pikepdf.Name.DeviceN, [pikepdf.Name.Spot], pikepdf.Name.DeviceCMYK,
                          tint])  # fmt: skip


def soft_mask_group(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    form = pdf.make_stream(b"0 g 0 0 100 100 re f")
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 200, 200]
    form.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceCMYK)
    state = pikepdf.Dictionary(SMask=pikepdf.Dictionary(S=pikepdf.Name.Luminosity, G=form),
                               ca=0.5)  # fmt: skip
    page.Resources = pikepdf.Dictionary(ExtGState=pikepdf.Dictionary(G0=state))
    page.obj.Contents = pdf.make_stream(b"/G0 gs 1 0 0 rg 0 0 100 100 re f")


def page_group_in_cmyk(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    page.obj.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceCMYK)


def claims_pdfa(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    wrong = pdf.make_stream(
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        b'22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" '
        b'pdfaid:part="1" pdfaid:conformance="A"/></rdf:RDF></x:xmpmeta>'
    )
    wrong.Type, wrong.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    page.obj.Metadata = pdf.Root.Metadata = wrong


def looped_page_tree() -> bytes:
    pdf = pikepdf.open(io.BytesIO(one_page()))
    pdf.Root.Pages.Kids.append(pdf.Root.Pages)
    pdf.Root.Pages.Count = 2
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def locked(user: str) -> bytes:
    pdf = pikepdf.open(io.BytesIO(one_page()))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="owner secret", user=user, R=6))
    return out.getvalue()


def broken_xref() -> bytes:
    data = one_page()
    return data[: data.rfind(b"startxref")] + b"startxref\n999999\n%%EOF\n"


def pages(count: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(count):
        page = pdf.add_blank_page(page_size=(100, 100))
        page.Contents = pdf.make_stream(b"0 1 0 rg 0 0 50 50 re f")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


#: (name, the PDF, what the exhibit's page says of it).
HOSTILE: list[tuple[str, Callable[[], bytes], str]] = [
    ("broken xref", broken_xref, "page 1 of 1 of the original PDF"),
    ("cut short", lambda: one_page(b"0 0 1 rg 0 0 50 50 re f " * 200)[:-300],
     "This PDF is damaged"),
    ("page tree loop", looped_page_tree, "This PDF can't be read"),
    ("compression bomb", lambda: one_page(extra=bomb),
     "holds more drawing than can be printed here"),
    ("3000 content streams", lambda: one_page(extra=thousands_of_streams),
     "page 1 of 1 of the original PDF"),
    ("14400 pt page", lambda: one_page(extra=box([0, 0, 14400, 14400])), "of the original PDF"),
    ("zero page", lambda: one_page(extra=box([0, 0, 0, 0])), "of the original PDF"),
    ("negative page", lambda: one_page(extra=box([200, 200, 0, 0])), "of the original PDF"),
    ("sliver page", lambda: one_page(extra=box([0, 0, 14400, 1])), "of the original PDF"),
    ("turned 90", lambda: one_page(extra=turned(90), size=(300, 100)), "of the original PDF"),
    ("turned 45", lambda: one_page(extra=turned(45)), "of the original PDF"),
    ("turned -270", lambda: one_page(extra=turned(-270)), "of the original PDF"),
    ("turned by a name", lambda: one_page(extra=turned(pikepdf.Name.Ninety)),
     "page 1 of 1 of the original PDF"),
    ("user unit", lambda: one_page(extra=user_unit), "of the original PDF"),
    ("owner password", lambda: locked(""), "page 1 of 1 of the original PDF"),
    ("user password", lambda: locked("user secret"), "locked with a password"),
    ("actions", lambda: one_page(extra=actions), "page 1 of 1 of the original PDF"),
    ("rich media", lambda: one_page(extra=rich_media), "because it carries annotations"),
    ("type 3 in CMYK", lambda: one_page(extra=type3_in_cmyk), "because it paints in CMYK"),
    ("damaged font", lambda: one_page(extra=damaged_font(b"not a font")),
     "because its font Junk is damaged"),
    ("font file not a stream", lambda: one_page(extra=damaged_font(7)),
     "because its font Junk is damaged"),
    ("indexed over CMYK", lambda: one_page(extra=picture(indexed_over_cmyk, 1)),
     "because it paints in CMYK"),
    ("broken ICC profile", lambda: one_page(extra=picture(broken_profile, 3)),
     "because its colour profile is damaged"),
    ("DeviceN", lambda: one_page(extra=picture(device_n, 1)), "because it paints in CMYK"),
    ("16-bit picture", lambda: one_page(extra=picture(lambda pdf: pikepdf.Name.DeviceRGB, 3,
                                                      16)), "of the original PDF"),
    ("soft mask group", lambda: one_page(extra=soft_mask_group), "because it paints in CMYK"),
    ("page group in CMYK", lambda: one_page(extra=page_group_in_cmyk),
     "because it paints in CMYK"),
    ("claims PDF/A-1a", lambda: one_page(extra=claims_pdfa), "page 1 of 1 of the original PDF"),
]  # fmt: skip


def add_in_one_batch(vault: Vault, files: list[tuple[Path, str]]) -> None:
    """Each file an exhibit with its description, in one transaction, as core takes in a
    folder (one at a time, each is a save of the record)."""
    staged = []
    try:
        for path, description in files:
            staged.append(stage_file(vault, path, {"description": description}))
        assert not any(result.duplicate for result in record_staged(vault, staged))
    finally:
        discard_staged(staged)


@pytest.fixture
def hostile_case(vault: Vault, tmp_path: Path) -> Vault:
    """Every hostile PDF above as one exhibit each, and a good picture between them."""
    files = []
    for number, (name, made, _) in enumerate(HOSTILE):
        path = tmp_path / f"hostile-{number:02d}.pdf"
        path.write_bytes(made())
        files.append((path, name))
    add_in_one_batch(vault, [*files, (make_png(tmp_path / "good.png"), "the good picture")])
    return vault


@pytest.mark.timeout(GUARD)
def test_every_hostile_pdf_is_printed_or_named_and_the_binder_stays_pdfa(
    hostile_case: Vault, tmp_path: Path
):
    made = make(hostile_case, BinderChoices(export_date=DAY))
    text = sound(made.data, tmp_path)
    sections = re.split(r"(?=Exhibit E-\d{4} What it shows)", text)
    for name, _, said in HOSTILE:
        (section,) = [part for part in sections if f"What it shows {name} " in part]
        assert said in section, (name, section[:600])
    assert "What it shows the good picture" in text
    notices = dict(made.notices)
    assert set(notices) == {"E-0003", "E-0016"}, "the loop and the locked file: named only"
    # The PDF's scripts, launch links and embedded file are nowhere in the binder.
    assert b"calc.exe" not in made.data and b"app.alert" not in made.data


def test_the_same_hostile_pdfs_with_a_password_make_a_binder(hostile_case: Vault):
    made = make(hostile_case, BinderChoices(export_date=DAY, password="long binder password"))
    with pikepdf.open(io.BytesIO(made.data), password="long binder password") as pdf:
        assert len(pdf.pages) > len(HOSTILE)


@pytest.mark.timeout(GUARD)
def test_a_pdf_past_the_page_cap_is_printed_in_part(vault: Vault, tmp_path: Path):
    (tmp_path / "long.pdf").write_bytes(pages(305))
    add_file(vault, tmp_path / "long.pdf")
    made = make(vault, BinderChoices(export_date=DAY))
    text = sound(made.data, tmp_path)
    assert "This PDF has 305 pages; the first 300 are printed here" in text
    assert "page 300 of 300 of the original PDF" in text and "page 301" not in text


def test_a_previous_format_case_names_a_heic_once_as_what_it_is(vault: Vault, tmp_path: Path):
    """The first format took a HEIC in as video/mp4 with no facts; its page said both
    'HEIC photo' and 'video/mp4'. It says what the file is, once."""
    path = tmp_path / "IMG_4821.HEIC"
    path.write_bytes(encoded(scene(), "HEIF"))
    ident = add_file(vault, path).exhibit.id
    with vault.transaction():
        table = vault.table("exhibits")
        table.update(delete("facts"), where("id") == ident)
        table.update({"media_type": "video/mp4"}, where("id") == ident)
    downgrade_to_first_format(vault)
    with Vault.open(vault.path, passphrase=PASSPHRASE) as old:
        made = make(old, BinderChoices(export_date=DAY, attach_originals=True))
    text = sound(made.data, tmp_path, part=3)
    assert "Kind HEIC photo, image/heic," in text
    assert "video/mp4" not in text and "mp4" not in text.lower().replace("img_4821", "")
    with pikepdf.open(io.BytesIO(made.data)) as pdf:
        (spec,) = pdf.attachments.values()
        assert str(spec.get_file().obj.Subtype) == "/image/heic"


WORDS = "\u0928\u092e\u0938\u094d\u0924\u0947 \u0642\u0627\u0644 \U0001f984\U0001f525 then left"


def test_characters_dejavu_lacks_print_in_details_index_and_timeline(vault: Vault, tmp_path: Path):
    """Hindi, Arabic and emoji print from the fallback faces (they were once \ufffd); a
    character no face has is named, and the cover says how."""
    add_file(vault, make_png(tmp_path / "a.png"), {"description": WORDS, "poster": WORDS})
    add_event(vault, "2024-03-05 21:14", f"He wrote {WORDS} \U000e0001", evidence=["E-0001"])
    text = sound(make(vault, BinderChoices(export_date=DAY)).data, tmp_path)
    assert "printed as its Unicode number, like \u27e8U+1F600\u27e9; the original" in text
    assert text.count("\U0001f984\U0001f525 then left") >= 3, "index, details, timeline"
    assert text.count("\u0642\u0627\u0644") >= 3 and "\u0928\u092e" in text
    assert "\ufffd" not in text


@pytest.mark.timeout(GUARD)
def test_long_words_a_huge_description_and_an_empty_case_with_a_timeline(
    vault: Vault, tmp_path: Path
):
    add_event(vault, "2024-03-05 21:14", "x" * 3000 + " https://example.com/" + "a-b/" * 400)
    alone = make(vault, BinderChoices(export_date=DAY))
    assert "it holds the written account only" in sound(alone.data, tmp_path)
    huge = ("word " * 20_000)[:100_000]
    add_file(vault, make_png(tmp_path / "a.png"), {"description": huge, "url": "https://e.com/"
             + "q" * 5000})  # fmt: skip
    made = make(vault, BinderChoices(export_date=DAY))
    text = sound(made.data, tmp_path)
    assert text.count("word") >= 19_000, "the whole description is printed"
    with pikepdf.open(io.BytesIO(made.data)) as pdf:
        assert 20 < len(pdf.pages) < 200


@pytest.mark.timeout(GUARD)
def test_five_hundred_small_exhibits(vault: Vault, tmp_path: Path):
    files = []
    for number in range(500):
        path = tmp_path / f"shot-{number:03d}.png"
        Image.new("RGB", (8, 8), (number % 256, number // 2, 90)).save(path, "PNG")
        files.append((path, f"screenshot {number}"))
    add_in_one_batch(vault, files)
    made = make(vault, BinderChoices(export_date=DAY))
    text = sound(made.data, tmp_path, pdfium=True)
    assert "screenshot 499" in text and made.notices == []


def test_a_large_drawing_is_printed_as_a_picture_and_a_double_bomb_refused(
    vault: Vault, tmp_path: Path
):
    """Over the inspection bound (parsing costs a hundred times the drawing in memory)
    but within the drawing bound, a page is drawn by PDFium; Flate over Flate is
    refused before it is inflated."""
    # Short strokes: as many instructions as long ones, a tenth of the time to draw.
    lines = b"0 0 1 RG 0 0 m 1 1 l S\n" * (pdf_bounds.MAX_CONTENT_BYTES // 20)
    assert len(lines) > pdf_bounds.MAX_CONTENT_BYTES
    (tmp_path / "map.pdf").write_bytes(one_page(lines))
    add_file(vault, tmp_path / "map.pdf", {"description": "a dense map"})
    text = sound(make(vault, BinderChoices(export_date=DAY)).data, tmp_path)
    assert "shown as a picture of the page because its drawing is too large to inspect" in text
    with pikepdf.new() as pdf:
        twice = pikepdf.Stream(pdf, zlib.compress(zlib.compress(bytes(50_000_000), 9), 9))
        twice.Filter = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.FlateDecode])
        with pytest.raises(pdf_bounds.TooLarge):
            pdf_bounds.decoded(twice, 1024 * 1024)
        assert len(twice.read_raw_bytes()) < 2000
