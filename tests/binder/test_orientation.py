"""Every photo prints the right way round (issue 27): for each of the eight EXIF
orientations, a picture whose displayed top-left corner is red is put in a binder, the
pages are rendered, and the red corner must land at the top-left of the printed picture,
in landscape shape, as any photo viewer shows it. Mirrored ones (2, 4, 5, 7: a selfie is
often stored so) are the ones an embedder that only turns pages gets wrong."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image, ImageChops

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.intake import add_many
from tui.core.vault.vault import Vault

RED, GREEN = (220, 20, 20), (20, 170, 20)
#: How the picture as displayed is stored for each orientation: the inverse of what a
#: viewer does to show it (Pillow's exif_transpose).
STORED = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}
#: A HEIC's orientation is written as HEIF's own transforms (irot, imir), which the
#: decoder applies; JPEG and PNG keep it in EXIF.
FORMATS = ("jpg", "png", "heic")


def displayed() -> Image.Image:
    """A landscape picture, green with a red top-left corner."""
    image = Image.new("RGB", (90, 60), GREEN)
    image.paste(RED, (0, 0, 30, 20))
    return image


def stored_file(orientation: int, kind: str) -> bytes:
    method = STORED[orientation]
    image = displayed() if method is None else displayed().transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = "2022:02:16 12:55:41"  # DateTimeOriginal
    exif.get_ifd(0x8769)[0x9011] = "+01:00"  # OffsetTimeOriginal
    out = io.BytesIO()
    if kind == "jpg":
        image.save(out, "JPEG", quality=95, exif=exif.tobytes())
    elif kind == "png":
        image.save(out, "PNG", exif=exif.tobytes())
    else:
        import pillow_heif

        pillow_heif.register_heif_opener()
        image.save(out, "HEIF", quality=95, exif=exif.tobytes())
    return out.getvalue()


def test_the_pictures_are_stored_turned_as_described():
    """The fixtures themselves: Pillow's viewer-like transpose shows each one upright."""
    from PIL import ImageOps

    for orientation in STORED:
        shown = ImageOps.exif_transpose(Image.open(io.BytesIO(stored_file(orientation, "png"))))
        assert shown.size == (90, 60) and shown.getpixel((2, 2)) == RED


#: Each printed picture's page text, by the file's name (filled by `pages`).
texts: dict[str, str] = {}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Image.Image]:
    """Each picture's printed page, rendered, by the file's name (one binder for all)."""
    import pypdfium2

    folder = tmp_path_factory.mktemp("orientation")
    files = []
    for kind in FORMATS:
        for orientation in STORED:
            path = folder / f"orientation-{orientation}.{kind}"
            path.write_bytes(stored_file(orientation, kind))
            files.append(path)
    vault, _code = Vault.create(folder / "case", PASSPHRASE, FAST_KDF)
    with vault:
        assert add_many(vault, files).problems == []
        binder = make(vault, BinderChoices(export_date=date(2024, 3, 7))).data
    found: dict[str, Image.Image] = {}
    texts.clear()
    for number, page in enumerate(pypdfium2.PdfDocument(binder)):
        text = page.get_textpage().get_text_bounded()
        names = [path.name for path in files if path.name in text]
        if len(names) != 1:
            continue
        image = page.render(scale=30 / 72).to_pil().convert("RGB")
        if _green(image) is not None:
            assert names[0] not in found, f"{names[0]} is printed twice (page {number + 1})"
            found[names[0]] = image
            texts[names[0]] = " ".join(text.split())
    return found


def _mask(image: Image.Image, high: int) -> Image.Image:
    """Where channel `high` (0 red, 1 green) is strong and the other two are weak."""
    channels = image.split()
    mask = channels[high].point(lambda value: 255 if value > 150 else 0)
    for other in {0, 1, 2} - {high}:
        mask = ImageChops.multiply(mask, channels[other].point(lambda v: 255 if v < 110 else 0))
    return mask


def _red(image: Image.Image) -> tuple[int, int, int, int] | None:
    return _mask(image, 0).getbbox()


def _green(image: Image.Image) -> tuple[int, int, int, int] | None:
    return _mask(image, 1).getbbox()


def _picture(image: Image.Image) -> tuple[int, int, int, int] | None:
    return ImageChops.lighter(_mask(image, 0), _mask(image, 1)).getbbox()


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("orientation", sorted(STORED))
def test_the_red_corner_prints_at_the_top_left(
    pages: dict[str, Image.Image], orientation: int, kind: str
):
    name = f"orientation-{orientation}.{kind}"
    assert name in pages, f"{name} was not printed as a picture"
    page = pages[name]
    left, top, right, bottom = _picture(page) or (0, 0, 0, 0)
    assert right - left > (bottom - top) * 1.2, f"{name} printed sideways (portrait shape)"
    red = _red(page)
    assert red is not None
    middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
    assert red[2] < middle_x and red[3] < middle_y, (
        f"{name}: red corner at {red} in {(left, top, right, bottom)}"
    )


def test_the_page_says_which_clock_the_capture_time_is_on(pages: dict[str, Image.Image]):
    """Issue 27: a photo's time stays on the camera's clock, and the page says which."""
    text = texts["orientation-1.jpg"]
    assert "Captured 2022-02-16 12:55:41" in text
    assert "Clock UTC+01:00 (the camera's clock)" in text
