"""Photos as phones and computers make them: HEIC/AVIF with EXIF, rotated JPEGs, 16-bit
greys, palettes, transparency, animated GIFs; and the damaged or crafted ones."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tui.core.evidence import formats
from tui.core.evidence.adding import add_file
from tui.core.evidence.formats import photos
from tui.core.evidence.formats.base import Picture, Probe, Text, Unreadable
from tui.core.evidence.media import hash_distance
from tui.core.vault.vault import Vault

EXIF_IFD, DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL, ORIENTATION = 0x8769, 0x9003, 0x9011, 0x0112


def exif(when: str = "2024:03:05 21:14:00", orientation: int = 1) -> bytes:
    data = Image.Exif()
    data[ORIENTATION] = orientation
    data.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = when
    data.get_ifd(EXIF_IFD)[OFFSET_TIME_ORIGINAL] = "+01:00"
    return data.tobytes()


def scene(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """A picture with structure (so perceptual hashes mean something)."""
    image = Image.new("RGB", size, "navy")
    image.paste((250, 200, 0), (0, 0, size[0] // 2, size[1] // 3))
    image.paste((200, 20, 20), (size[0] // 3, size[1] // 2, size[0], size[1]))
    return image


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    photos._register_heif()
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def describe(data: bytes, name: str) -> tuple[formats.Format, formats.Facts]:
    return formats.describe(io.BytesIO(data), name)


def test_an_iphone_heic_is_a_photo_with_its_exif_time_and_displayed_size(tmp_path: Path):
    data = encoded(scene((64, 48)), "HEIF", exif=exif(orientation=6))
    handler, facts = describe(data, "IMG_4821.HEIC")
    assert handler.kind == "HEIC photo" and facts.media_type == "image/heic"
    assert (facts.width, facts.height) == (48, 64), "turned as the phone shows it"
    assert facts.exif_captured_at == "2024-03-05T21:14:00+01:00"
    assert facts.guesses["captured_at"] == ("2024-03-05T21:14:00", "exif")
    assert facts.phash and facts.problem == ""
    preview = formats.preview(data, "IMG_4821.HEIC")
    assert preview is not None and preview.mode == "RGB" and preview.height > preview.width


def test_heic_named_mp4_and_a_samsung_heif_are_still_photos():
    data = encoded(scene(), "HEIF")
    assert formats.identify_bytes(data, "clip.mp4").kind == "HEIC photo"
    assert formats.identify_bytes(data, "20240305_211400.heif").family == "photo"


def test_avif_is_a_picture_not_a_video():
    data = encoded(scene(), "AVIF")
    handler, facts = describe(data, "photo.avif")
    assert handler.kind == "AVIF picture" and (facts.width, facts.height) == (64, 48)


def test_a_rotated_jpeg_is_recorded_as_displayed():
    data = encoded(scene((80, 40)), "JPEG", exif=exif(orientation=8))
    _, facts = describe(data, "IMG_0001.JPG")
    assert (facts.width, facts.height) == (40, 80)
    [picture] = formats.printable(data, "IMG_0001.JPG")[0]
    assert isinstance(picture, Picture) and (picture.width, picture.height) == (40, 80)
    assert picture.decode().size == (40, 80) and picture.original == data


def grey16(picture: Image.Image) -> bytes:
    """The picture as a 16-bit greyscale PNG (as scanners and some cameras write)."""
    values = np.asarray(picture.convert("L"), dtype=np.uint16) * 257
    out = io.BytesIO()
    Image.fromarray(values).save(out, "PNG")
    return out.getvalue()


def test_16_bit_greys_are_scaled_not_clipped_to_white():
    ramp = Image.linear_gradient("L").rotate(90).resize((64, 64))  # black left, white right
    across = grey16(ramp)
    down = grey16(scene().transpose(Image.Transpose.ROTATE_90))
    assert Image.open(io.BytesIO(across)).mode.startswith("I")
    preview = formats.preview(across, "scan.png")
    assert preview is not None
    left, right = preview.getpixel((0, 0)), preview.getpixel((preview.width - 1, 0))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert left[0] < 20 and right[0] > 235, "a ramp from black to white, not a white square"
    first = describe(grey16(scene()), "a.png")[1].phash
    second = describe(down, "b.png")[1].phash
    assert first and second and hash_distance(first, second) > 20, "different pictures differ"


def test_palette_and_transparent_pictures_are_laid_on_white():
    transparent = Image.new("RGBA", (20, 20), (255, 0, 0, 0))
    transparent.paste((0, 0, 255, 255), (0, 0, 10, 20))
    preview = formats.preview(encoded(transparent, "PNG"), "t.png")
    assert preview is not None
    assert preview.getpixel((preview.width - 1, 0)) == (255, 255, 255)
    palette = scene().convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
    assert formats.preview(encoded(palette, "PNG"), "p.png") is not None


def test_an_animated_gif_says_so_and_prints_its_first_frame():
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)
    _handler, facts = describe(out.getvalue(), "reaction.gif")
    assert facts.kind == "animated GIF picture" and facts.shown["frames"] == 3
    blocks, reason = formats.printable(out.getvalue(), "reaction.gif")
    assert reason == "" and isinstance(blocks[0], Text) and "3 frames" in blocks[0].text
    assert isinstance(blocks[1], Picture)


@pytest.mark.parametrize("fmt", ["WEBP", "TIFF", "BMP"])
def test_other_picture_formats_are_read(fmt: str):
    data = encoded(scene(), fmt)
    handler, facts = describe(data, f"x.{fmt.lower()}")
    assert handler.family == "photo" and (facts.width, facts.height) == (64, 48)
    assert formats.printable(data, "x")[1] == ""


def test_a_half_downloaded_png_or_jpeg_gives_a_notice_not_an_error():
    for fmt in ("PNG", "JPEG"):
        whole = encoded(Image.effect_noise((200, 200), 60).convert("RGB"), fmt)
        cut = whole[: len(whole) // 2]
        blocks, reason = formats.printable(cut, f"half.{fmt.lower()}")
        assert "cut short" in reason and len(blocks) == 1
        _, facts = describe(cut, "half.png")
        assert "cut short" in facts.problem or facts.phash is None


def png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_a_picture_claiming_ten_billion_pixels_is_refused_before_decoding():
    bomb = png_declaring(100_000, 100_000)
    handler, facts = describe(bomb, "bomb.png")
    assert handler.kind == "PNG picture" and "larger than any real photo" in facts.problem
    assert formats.preview(bomb, "bomb.png") is None
    _blocks, reason = formats.printable(bomb, "bomb.png")
    assert "larger than any real photo" in reason


def test_handlers_refuse_with_a_sentence():
    with pytest.raises(Unreadable):
        photos.HANDLERS[1].printable(b"\x89PNG\r\n\x1a\nnot really", "x.png")
    assert photos.HANDLERS[0].recognise(Probe.of_bytes(b"GIF89a....", "x.jpg")) == 0


def test_intake_keeps_the_facts_and_the_exif_guess(vault: Vault, tmp_path: Path):
    path = tmp_path / "IMG_4821.HEIC"
    path.write_bytes(encoded(scene(), "HEIF", exif=exif()))
    exhibit = add_file(vault, path).exhibit
    assert exhibit.media_type == "image/heic" and exhibit.facts["kind"] == "HEIC photo"
    assert (exhibit.width, exhibit.height) == (64, 48) and exhibit.phash
    assert exhibit.captured_at == "2024-03-05T21:14:00" and exhibit.guesses == {
        "captured_at": "exif"
    }


def test_control_codes_in_an_exif_time_are_no_time():
    data = encoded(scene(), "JPEG", exif=exif("2024:03:05 \x1b]0;pwn\x07"))
    _, facts = describe(data, "crafted.jpg")
    assert facts.exif_captured_at is None and "captured_at" not in facts.guesses


def test_a_picture_past_the_pixel_limit_is_refused_not_decoded():
    """Pillow only warns between its limit and twice it; that would mean gigabytes."""
    bomb = png_declaring(12_000, 12_000)  # 144 million pixels
    _, facts = describe(bomb, "big.png")
    assert "larger than any real photo" in facts.problem
