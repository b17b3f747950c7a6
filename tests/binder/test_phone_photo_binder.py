"""Phone photos keep a binder mailable (issue 27): a HEIC, which a PDF can't hold as it
is, is printed from its pixels as a high-quality JPEG (PDF/A allows one) rather than
packed losslessly at seven times its size; the binder of phone photos stays within
about 1.5 times their own size."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pikepdf
import pytest
from PIL import Image

from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.formats import photos
from tui.core.evidence.intake import add_many
from tui.core.vault.vault import Vault


def phone_photo(seed: int) -> bytes:
    """A photo-like HEIC: soft light across it and a camera's fine grain."""
    rows, columns = np.mgrid[0:360, 0:480]
    light = np.stack([columns / 2, rows / 1.6, (columns + rows) / 4], axis=-1)
    grain = np.random.default_rng(seed).normal(0, 6, light.shape)
    pixels = np.clip(light + grain + 20, 0, 255).astype(np.uint8)
    photos._register_heif()
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "HEIF", quality=85, enc_params={"preset": "ultrafast"})
    return out.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, int]:
    folder = tmp_path_factory.mktemp("phone")
    files = []
    for number in range(2):
        path = folder / f"IMG_{number:04}.HEIC"
        path.write_bytes(phone_photo(number))
        files.append(path)
    vault, _code = Vault.create(folder / "case", PASSPHRASE, FAST_KDF)
    with vault:
        assert add_many(vault, files).problems == []
        binder = make(vault, BinderChoices(export_date=date(2024, 3, 7))).data
    return binder, sum(path.stat().st_size for path in files)


def test_heic_pages_are_jpeg_and_the_binder_stays_near_the_photos_size(made: tuple[bytes, int]):
    binder, photos_size = made
    with pikepdf.open(io.BytesIO(binder)) as pdf:
        pictures = [
            image
            for page in pdf.pages
            for image in page.obj.Resources.get("/XObject", {}).values()
            if image.get("/Subtype") == "/Image"
        ]
        assert len(pictures) == 2
        assert all(image.Filter == "/DCTDecode" for image in pictures)
        embedded = sum(len(image.read_raw_bytes()) for image in pictures)
    assert embedded <= 1.5 * photos_size, (embedded, photos_size)
    assert len(binder) <= 1.5 * photos_size + 400_000, "the rest is fonts and a few pages"


def test_only_a_cameras_lossy_photo_may_be_printed_as_jpeg():
    """A screenshot (PNG) drawn from its pixels stays lossless: its text must stay crisp."""
    from tui.core.evidence import formats
    from tui.core.evidence.formats.base import Picture

    png = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 200, 128)).save(png, "PNG")
    [screenshot] = [
        b for b in formats.printable(png.getvalue(), "shot.png")[0] if isinstance(b, Picture)
    ]
    [photo] = [
        b for b in formats.printable(phone_photo(0), "IMG.HEIC")[0] if isinstance(b, Picture)
    ]
    assert not screenshot.photo and photo.photo
