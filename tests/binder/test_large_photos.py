"""A real photo of 250 megapixels is taken in, described and printed small (issue 27):
its size and EXIF time are read, and its page holds it scaled down to print resolution,
not the whole file (which would make a binder as heavy as the photo and too large to
hold in memory while it is made). A picture claiming more than any decoder can afford
is still refused, by what decoding it would cost."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date
from pathlib import Path

import pikepdf
from PIL import Image

from tests.evidence.formats.test_photos import exif
from tests.support.cases import FAST_KDF, PASSPHRASE
from tui.core.binder.build import make
from tui.core.binder.choices import BinderChoices
from tui.core.evidence.formats import photos
from tui.core.evidence.intake import add_many
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault

DAY = date(2024, 3, 7)


def grey_jpeg(width: int, height: int) -> bytes:
    """A flat grey JPEG of `width` x `height` (multiples of 16) with its EXIF time, made
    without holding its pixels: Pillow writes the headers of a small one, its frame is
    given the large size, and every 8 x 8 block is coded by hand as 'no change, end of
    block' (six bits, "001010"; four blocks are 3 bytes)."""
    out = io.BytesIO()
    Image.new("L", (8, 8), 128).save(out, "JPEG", exif=exif(), quality=90)
    small = out.getvalue()
    frame = small.find(b"\xff\xc0")
    scan = small.find(b"\xff\xda")
    header = bytearray(small[: scan + 2 + int.from_bytes(small[scan + 2 : scan + 4], "big")])
    struct.pack_into(">HH", header, frame + 5, height, width)
    blocks = width * height // 64
    return bytes(header) + b"\x28\xa2\x8a" * (blocks // 4) + b"\xff\xd9"


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header says `width` x `height` RGBA: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    head = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\0" * (width * 4 + 1) * 16, 9)  # a few rows; the rest missing
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def images_of(binder: bytes) -> list[tuple[int, int, str]]:
    """Width, height and filter of every picture drawn on the binder's pages (in forms
    placed on them too)."""
    found = []
    with pikepdf.open(io.BytesIO(binder)) as pdf:
        for page in pdf.pages:
            objects = list(page.obj.Resources.get("/XObject", pikepdf.Dictionary()).values())
            while objects:
                obj = objects.pop()
                if obj.get("/Subtype") == "/Image":
                    found.append((int(obj.Width), int(obj.Height), str(obj.get("/Filter"))))
                elif obj.get("/Subtype") == "/Form":
                    inner = obj.get("/Resources", pikepdf.Dictionary())
                    objects += list(inner.get("/XObject", pikepdf.Dictionary()).values())
    return found


def test_a_250_megapixel_photo_is_described_and_printed_scaled_down(tmp_path: Path):
    """And a 50-megapixel phone photo too, which was embedded whole (img2pdf refused
    only pictures of more than 179 megapixels, which were then drawn from pixels)."""
    huge, phone = tmp_path / "IMG_0250.jpg", tmp_path / "IMG_0050.jpg"
    huge.write_bytes(grey_jpeg(16320, 15320))
    phone.write_bytes(grey_jpeg(8160, 6128))
    with Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)[0] as vault:
        assert add_many(vault, [huge, phone]).problems == []
        exhibit = next(e for e in list_exhibits(vault) if e.original_name == huge.name)
        assert exhibit.facts["pixels"] == "16320 x 15320"
        assert exhibit.exif_captured_at
        assert exhibit.exif_captured_at.startswith("2024-03-05T21:14:00")
        made = make(vault, BinderChoices(export_date=DAY))
    assert made.notices == []
    width = photos.PRINT_PIXELS
    assert sorted(images_of(made.data)) == [
        (width, round(width * 6128 / 8160), "/DCTDecode"),
        (width, round(width * 15320 / 16320), "/DCTDecode"),
    ], "each printed as a high-quality JPEG of print resolution"
    assert len(made.data) < 2_000_000


def test_a_phone_photo_of_a_page_or_less_is_still_embedded_as_it_is(tmp_path: Path):
    photo = tmp_path / "IMG_0012.jpg"
    photo.write_bytes(grey_jpeg(2448, 3264))  # 8 megapixels, within a page at 300 dpi
    with Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)[0] as vault:
        add_many(vault, [photo])
        made = make(vault, BinderChoices(export_date=DAY))
    assert images_of(made.data) == [(2448, 3264, "/DCTDecode")]


def test_a_picture_claiming_more_than_decoding_can_afford_is_still_refused(tmp_path: Path):
    bomb = tmp_path / "huge.png"
    bomb.write_bytes(png_claiming(30_000, 30_000))
    with Vault.create(tmp_path / "case", PASSPHRASE, FAST_KDF)[0] as vault:
        assert add_many(vault, [bomb]).problems == []  # kept as evidence, but not decoded
        [exhibit] = list_exhibits(vault)
        assert exhibit.facts["pixels"] == "30000 x 30000"
        made = make(vault, BinderChoices(export_date=DAY))
    [(_, why)] = made.notices
    assert "larger than any real photo" in why
    assert images_of(made.data) == []
