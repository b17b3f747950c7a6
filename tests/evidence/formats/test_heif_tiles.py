"""A tiled HEIF photo (a phone's HEIC is a grid of tiles) is decoded a tile at a time and
shrunk as it goes (issue 27): the same pixels as the whole picture decoded at once, turned
by the photo's own rotation, and a photo too large to decode whole (a 200-megapixel phone
photo) is printed from its own pixels instead of the small copy stored inside it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, ImageChops, ImageStat

from tests.binder.test_large_photos import images_of
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.formats import heif_tiles, photos, pixels
from tui.core.evidence.formats.base import Picture, Text
from tui.core.evidence.intake import add_many
from tui.core.vault.vault import Vault

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def marked_heic(tile: int | None = 128, orientation: int = 1) -> bytes:
    """A 600 x 400 HEIC, white with a red top-left corner and a blue bottom-right one,
    stored as a grid of `tile`-pixel tiles (None: one picture), turned by `orientation`
    (pillow-heif stores EXIF 6 as HEIF's own rotation)."""
    image = Image.new("RGB", (600, 400), "white")
    image.paste(RED, (0, 0, 60, 60))
    image.paste(BLUE, (540, 340, 600, 400))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    options = {"tile_size": tile} if tile else {}
    pillow_heif.from_pillow(image).save(out, quality=95, exif=exif.tobytes(), **options)
    return out.getvalue()


def close(colour: object, expected: tuple[int, int, int]) -> bool:
    assert isinstance(colour, tuple)
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


@pytest.mark.parametrize("orientation", [1, 6])
def test_tile_by_tile_gives_the_whole_pictures_pixels_the_right_way_up(orientation: int):
    data = marked_heic(orientation=orientation)
    shown = (600, 400) if orientation == 1 else (400, 600)
    assert heif_tiles.tiling(data) is not None
    target = (shown[0] // 2, shown[1] // 2)
    tiled = heif_tiles.shrunk_by_tiles(data, target)
    assert tiled is not None and tiled.size == target
    with photos.opened(data) as image:
        whole = image.convert("RGB").resize(target, Image.Resampling.LANCZOS)
    difference = ImageChops.difference(tiled, whole)
    assert max(ImageStat.Stat(difference).extrema, key=lambda pair: pair[1])[1] <= 8  # unseen
    red_at = (5, 5) if orientation == 1 else (target[0] - 6, 5)  # turned a quarter right
    assert close(tiled.getpixel(red_at), RED)
    assert close(tiled.getpixel((target[0] // 2, target[1] // 2)), (255, 255, 255))


def test_a_picture_that_is_not_tiled_is_left_to_the_whole_decoder():
    assert heif_tiles.tiling(marked_heic(tile=None)) is None
    assert heif_tiles.shrunk_by_tiles(marked_heic(tile=None), (300, 200)) is None
    assert heif_tiles.tiling(b"not a picture at all") is None


def test_a_tiled_photo_too_large_to_decode_whole_is_printed_from_its_own_pixels(
    monkeypatch: pytest.MonkeyPatch,
):
    """As a 200-megapixel phone photo is, against a budget its whole picture is over:
    not the small copy inside it, nor a notice."""
    monkeypatch.setattr(pixels, "DECODE_BUDGET", 64 * 1024)
    data = marked_heic(orientation=6)
    heic = next(handler for handler in photos.HANDLERS if handler.media_type == "image/heic")
    blocks = heic.printable(data, "IMG_0200.HEIC")
    assert not [block for block in blocks if isinstance(block, Text)]
    [picture] = blocks
    assert isinstance(picture, Picture) and (picture.width, picture.height) == (400, 600)
    printed = picture.decode()
    assert printed.size == (400, 600)
    assert close(printed.getpixel((394, 5)), RED)
    assert close(printed.getpixel((5, 594)), BLUE)


def test_a_binder_prints_a_tiled_photo_from_its_tiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pixels, "DECODE_BUDGET", 64 * 1024)
    photo = tmp_path / "IMG_0200.HEIC"
    photo.write_bytes(marked_heic(orientation=6))
    with Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)[0] as vault:
        assert add_many(vault, [photo]).problems == []
        made = make(vault, BinderChoices(export_date=date(2024, 3, 7)))
    assert made.notices == []
    assert [(width, height) for width, height, _f in images_of(made.data)] == [(400, 600)]
