"""Pictures in the binder: fitted below an exhibit's details or on a page of their own,
embedded as they are by img2pdf where it can (lossless and quick; a JPEG turned by its
EXIF orientation, never mirrored, so mirrored ones come here as upright pixels), a
camera's photo drawn from its pixels (HEIC, a mirrored selfie) as a high-quality JPEG
where that is smaller, and very tall ones (long stitched chats) split across pages at
full width without losing a row of pixels."""

from __future__ import annotations

import hashlib
import io
import math
import zlib
from collections.abc import Callable, Iterator

import img2pdf
from fpdf import FPDF
from fpdf.image_datastructures import RasterImageInfo
from PIL import Image

from tui.core.binder.document import MARGIN, Document, Placed
from tui.core.binder.text_layer import lay_words
from tui.core.binder.typesetting import SANS
from tui.core.evidence.formats import base as blocks
from tui.core.evidence.model import Exhibit
from tui.core.evidence.original import open_original
from tui.core.shared.stopping import checkpoint

#: A picture is shrunk to fit a page of its own down to this share of the page width;
#: taller ones (long stitched chats) are split across pages at full width instead.
MIN_WIDTH_SHARE = 0.45


#: Below the details a picture may be smaller, down to about a phone's own width, rather
#: than leave the details alone on a page, but not less than this share of its size on
#: a page of its own.
BELOW_DETAILS_SHARE = 0.33


BELOW_DETAILS_OF_FRESH = 0.6


#: No slice of a split picture is shorter than this share of a page.
LEAST_SLICE = 1 / 6


LABEL_HEIGHT = 5.0


def draw_picture(doc: Document, exhibit: Exhibit, picture: blocks.Picture) -> None:
    """Fit the picture on the page, below the details where it can be read there; split
    very tall ones (long chats) at full width.

    A picture that fits is embedded by img2pdf, which copies the file's own compressed
    data without decoding it (lossless and quick), and drawn onto its numbered page
    afterwards, as PDF evidence is. Others are drawn by fpdf2 from the decoded pixels."""
    pdf = doc.pdf
    aspect = max(1, picture.height) / max(1, picture.width)
    label = LABEL_HEIGHT if picture.caption else 0.0
    widest = min(doc.width, largest_width(picture.width))
    fresh = min(widest, (doc.bottom - MARGIN - label) / aspect)
    here = min(widest, (doc.bottom - pdf.get_y() - label) / aspect)
    if here >= max(widest * BELOW_DETAILS_SHARE, fresh * BELOW_DETAILS_OF_FRESH):
        _caption(doc, picture)
        _place_picture(doc, exhibit, picture, here, aspect)
    elif fresh >= widest * MIN_WIDTH_SHARE:
        pdf.add_page()  # the caption goes with it
        _caption(doc, picture)
        _place_picture(doc, exhibit, picture, fresh, aspect)
    else:
        _caption(doc, picture)
        _split_picture(doc, exhibit, picture)


#: Pictures are drawn at most this many times their size at 96 dots an inch: an icon of
#: 32 x 32 pixels is some 3 cm wide, not the page's width.
MOST_ENLARGED = 4
NATURAL_DPI = 96


def largest_width(pixels: int) -> float:
    """The widest (mm) a picture `pixels` wide is drawn: a few times its natural size."""
    return MOST_ENLARGED * max(1, pixels) * 25.4 / NATURAL_DPI


def _caption(doc: Document, picture: blocks.Picture) -> None:
    if picture.caption:
        doc.para(picture.caption, 9, 4.4)
        doc.pdf.ln(0.6)


def _place_picture(
    doc: Document, exhibit: Exhibit, picture: blocks.Picture, width: float, aspect: float
) -> None:
    pdf = doc.pdf
    x, top = MARGIN + (doc.width - width) / 2, pdf.get_y()
    embedded = img2pdf_page(picture.original) if picture.original else None
    if embedded is not None:
        box = (x, top, width, width * aspect)
        later = _made_again(doc, exhibit, picture.original)
        kept = b"" if later is not None else embedded
        doc.placed.append(Placed(pdf.page_no(), box, "", one_page=kept, later=later))
    elif picture.photo:
        draw_photo(pdf, _printable(picture.decode()), x, top, width, width * aspect)
    else:
        draw_pixels(pdf, _printable(picture.decode()), x, top, width, width * aspect)
    lay_words(doc, exhibit, "picture", (x, top, width, width * aspect))
    pdf.set_y(top + width * aspect + 3)


def _made_again(
    doc: Document, exhibit: Exhibit, original: bytes | None
) -> Callable[[], bytes] | None:
    """When the picture is the exhibit's own file: its one-page PDF made again when it is
    placed, from the case (checked against its hash as it is read), rather than held
    with every other picture's until then. None for a picture inside a file."""
    if original is None or len(original) != exhibit.size:
        return None
    if hashlib.sha256(original).hexdigest() != exhibit.sha256:
        return None
    vault = doc.vault

    def page() -> bytes:
        with open_original(vault, exhibit) as reader:
            made = img2pdf_page(reader.read())
        if made is None:  # it was made from the same bytes when the page was drawn
            raise ValueError("the picture could not be made again")  # i18n: not shown
        return made

    return page


def slices(total: int, first: int, full: int, least: int) -> list[int]:
    """Rows on each page for a picture `total` rows tall: `first` fit on this page and
    `full` on each page after. A last slice under `least` rows is avoided by sharing the
    rows out evenly instead."""
    if total <= first:
        return [total]
    count = 1 + math.ceil((total - first) / full)
    heights = [first] + [full] * (count - 2)
    heights.append(total - sum(heights))
    if heights[-1] >= least:
        return heights
    head = min(first, total // count)
    each, extra = divmod(total - head, count - 1)
    return [head] + [each + (1 if number < extra else 0) for number in range(count - 1)]


def _split_picture(doc: Document, exhibit: Exhibit, picture: blocks.Picture) -> None:
    pdf = doc.pdf
    image = _printable(picture.decode())
    mm_per_px = doc.width / image.width
    full = max(1, math.floor((doc.bottom - MARGIN - LABEL_HEIGHT - 1) / mm_per_px))
    least = max(1, math.ceil(full * LEAST_SLICE))
    first = math.floor((doc.bottom - pdf.get_y() - LABEL_HEIGHT - 1) / mm_per_px)
    if first < least:
        pdf.add_page()
        first = full
    heights = slices(image.height, first, full, least)
    top = 0
    for number, rows in enumerate(heights):
        checkpoint()
        if number:
            pdf.add_page()
        pdf.set_font(SANS, size=8)
        label = f"Exhibit {exhibit.id}, part {number + 1} of {len(heights)}"
        pdf.text(MARGIN, pdf.get_y() + LABEL_HEIGHT * 0.7, label)
        y = pdf.get_y() + LABEL_HEIGHT
        part = image.crop((0, top, image.width, top + rows))
        draw_pixels(pdf, part, MARGIN, y, doc.width, rows * mm_per_px)
        shown = (top / image.height, (top + rows) / image.height)
        lay_words(doc, exhibit, "picture", (MARGIN, y, doc.width, rows * mm_per_px), shown)
        pdf.set_y(y + rows * mm_per_px + 3)
        top += rows


#: Screenshots are mostly flat colour: zlib's fastest level packs them nearly as well
#: as the default, in a fraction of the time. Lossless either way.
IMAGE_COMPRESSION = 1


#: A photo's pixels (a phone's HEIC, a mirrored selfie) are embedded as a JPEG of this
#: quality where that is smaller than packing them losslessly: a phone photo stays about
#: its own size on the page, not seven times it. The original is kept byte for byte.
PHOTO_QUALITY = 90


def draw_photo(pdf: FPDF, image: Image.Image, x: float, y: float, w: float, h: float) -> None:
    """Draw a photo's pixels as a high-quality JPEG (PDF/A allows one) where that is
    smaller than the lossless packing `draw_pixels` makes; the lossless one otherwise."""
    if image.mode not in ("RGB", "L"):
        draw_pixels(pdf, image, x, y, w, h)
        return
    jpeg = io.BytesIO()
    profile = image.info.get("icc_profile")
    extra = {"icc_profile": profile} if isinstance(profile, bytes) else {}
    image.save(jpeg, "JPEG", quality=PHOTO_QUALITY, optimize=True, **extra)
    if "icc_profile" in image.info or not _packs_within(image, jpeg.tell()):
        pdf.image(jpeg, x=x, y=y, w=w, h=h)
    else:
        draw_pixels(pdf, image, x, y, w, h)


def _packed(image: Image.Image) -> bytes:
    """The picture's rows packed as fpdf2 packs them (a zero filter byte before each
    row), at `IMAGE_COMPRESSION`."""
    packer = zlib.compressobj(IMAGE_COMPRESSION)
    return b"".join(packer.compress(row) for row in _rows(image)) + packer.flush()


def _packs_within(image: Image.Image, most: int) -> bool:
    """Whether `_packed` would come to `most` bytes or fewer. A photo's grain packs
    slowly and badly: packing stops as soon as it is past `most`, a small part of the
    way through, rather than packing the whole picture only to compare its size."""
    packer = zlib.compressobj(IMAGE_COMPRESSION)
    size = 0
    for row in _rows(image):
        size += len(packer.compress(row))
        if size > most:
            return False
    return size + len(packer.flush()) <= most


def _rows(image: Image.Image) -> Iterator[bytes]:
    """The picture's rows as fpdf2 packs them, each after a zero filter byte."""
    raw = image.tobytes()
    row = image.width * (3 if image.mode == "RGB" else 1)
    return (b"\0" + raw[at : at + row] for at in range(0, len(raw), row))


def draw_pixels(pdf: FPDF, image: Image.Image, x: float, y: float, w: float, h: float) -> None:
    """Draw the picture's pixels, packed at `IMAGE_COMPRESSION` for this document only.

    fpdf2's own level is a setting of the whole process (`image_parsing.SETTINGS`),
    shared with any other document being made at the time; so an RGB or grey picture
    is packed here as fpdf2 would pack it (a zero filter byte before each row) and put
    in this document's own image cache, where `pdf.image` finds it by name. Others
    (transparent, palette, with a colour profile) are left to fpdf2 at its default."""
    if image.mode not in ("RGB", "L") or "icc_profile" in image.info:
        pdf.image(image, x=x, y=y, w=w, h=h)
        return
    colours = 3 if image.mode == "RGB" else 1
    identity = f"{image.mode} {image.width} {image.height}".encode()
    name = "reclaim-" + hashlib.sha256(identity + image.tobytes()).hexdigest()
    cache = pdf.image_cache.images
    if name not in cache:
        data = _packed(image)
        cache[name] = RasterImageInfo(
            data=data, w=image.width, h=image.height, iccp=None, iccp_i=None,
            cs="DeviceRGB" if colours == 3 else "DeviceGray", dpn=colours, bpc=8,
            f="FlateDecode", inverted=False, i=len(cache) + 1, usages=0,
            dp=f"/Predictor 15 /Colors {colours} /Columns {image.width}",
        )  # fmt: skip
    pdf.image(name, x=x, y=y, w=w, h=h)


def _printable(image: Image.Image) -> Image.Image:
    """Pixels a PDF/A file printed in sRGB can hold: CMYK and odd modes become RGB."""
    if image.mode in ("RGB", "L", "RGBA", "LA", "P", "1"):
        return image
    return image.convert("RGB")


def img2pdf_page(data: bytes) -> bytes | None:
    """A one-page PDF holding the picture as it is, or None where img2pdf declines (a
    transparent PNG, say) or would keep CMYK, which an sRGB binder can't hold."""
    try:
        made = bytes(img2pdf.convert(data, rotation=img2pdf.Rotation.ifvalid))
    except Exception:  # img2pdf has many refusals; fpdf2 draws those pictures instead
        return None
    return None if b"/DeviceCMYK" in made else made
