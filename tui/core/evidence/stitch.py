"""Stitching: several screenshots of a long chat or thread made into one tall image.

The result is a new exhibit linked to its originals, which are kept untouched. The
images are decrypted into memory only; nothing is written outside the vault."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from tui.core.evidence.adding import IntakeResult, add_bytes
from tui.core.evidence.export import read_original
from tui.core.evidence.formats import photos, pixels
from tui.core.evidence.formats.base import Unreadable
from tui.core.evidence.model import Exhibit, get_exhibit
from tui.core.shared.errors import InputError
from tui.core.shared.i18n import _
from tui.core.vault import custody
from tui.core.vault.vault import Vault

if TYPE_CHECKING:
    from PIL import Image

#: Far taller than any real chat (some thirty phone screens); checked before any
#: picture is decoded or scaled.
MAX_PIXELS = 89_000_000
SHARED_DETAILS = ("platform", "poster", "url")


def stitch(
    vault: Vault,
    exhibit_ids: Sequence[str],
    description: str = "",
) -> IntakeResult:
    """Join the images top to bottom, in the order given, as one new PNG exhibit."""
    from PIL import Image

    exhibits = [get_exhibit(vault, exhibit_id) for exhibit_id in exhibit_ids]
    ids = [exhibit.id for exhibit in exhibits]
    if len(set(ids)) < 2:
        raise InputError(_("Choose at least two different screenshots to stitch together."))
    if len(set(ids)) != len(ids):
        raise InputError(_("Each screenshot can be used once in a stitched image."))
    for exhibit in exhibits:
        if not exhibit.media_type.startswith("image/"):
            raise InputError(
                _(
                    "{exhibit} is not an image ({kind}); only screenshots "
                    "and photos can be stitched."
                ).format(exhibit=exhibit.id, kind=exhibit.media_type)
            )
    width = _common_width(exhibits)
    originals = {exhibit.id: read_original(vault, exhibit) for exhibit in exhibits}
    heights = [_height_at(originals[exhibit.id], exhibit, width) for exhibit in exhibits]
    # Checked before any picture is scaled: scaling first could ask for gigabytes.
    if width * sum(heights) > MAX_PIXELS:
        raise InputError(_("Those screenshots make an image too tall to handle; stitch fewer."))
    parts: list[Image.Image] = []
    for exhibit, height in zip(exhibits, heights, strict=True):
        image = _scaled(originals.pop(exhibit.id), exhibit, (width, height))
        parts.append(image)
    total_height = sum(part.height for part in parts)
    tall = Image.new("RGB", (width, total_height), "white")
    top = 0
    for part in parts:
        tall.paste(part, (0, top))
        top += part.height
    buffer = io.BytesIO()
    tall.save(buffer, "PNG")
    details = _shared(exhibits)
    details["description"] = description.strip() or _("Stitched from {exhibits}").format(
        exhibits=", ".join(ids)
    )
    result = add_bytes(
        vault,
        buffer.getvalue(),
        f"stitched-{ids[0]}-to-{ids[-1]}.png",
        details,
        derived_from=ids,
    )
    if not result.duplicate:
        with vault.transaction():
            custody.append(
                vault.table(custody.TABLE),
                "stitch",
                exhibit=result.exhibit.id,
                sources={exhibit.id: exhibit.sha256 for exhibit in exhibits},
            )
    return result


def _unreadable(exhibit: Exhibit) -> InputError:
    return InputError(
        _("{exhibit} can't be read as an image, so it can't be stitched.").format(
            exhibit=exhibit.id
        )
    )


def _height_at(data: bytes, exhibit: Exhibit, width: int) -> int:
    """How tall the picture is once scaled to `width`, from its header alone."""
    try:
        with photos.opened(data) as image:
            shown_width, shown_height = pixels.displayed_size(image)
    except Unreadable:
        raise _unreadable(exhibit) from None
    return max(1, round(shown_height * width / max(1, shown_width)))


def _scaled(data: bytes, exhibit: Exhibit, size: tuple[int, int]) -> Image.Image:
    """The picture upright as RGB at `size`: shrunk as it is decoded (within the memory
    budget of every picture), enlarged after when it is narrower."""
    from PIL import Image

    try:
        with photos.opened(data) as image:
            picture = pixels.shrunk(image, size)
    except Unreadable:
        raise _unreadable(exhibit) from None
    if picture.size != size:
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    return picture


def _common_width(exhibits: Sequence[Exhibit]) -> int:
    """The width most of them already have, so the fewest are rescaled."""
    widths = Counter(exhibit.width for exhibit in exhibits if exhibit.width)
    return widths.most_common(1)[0][0] if widths else 1080


def _shared(exhibits: Sequence[Exhibit]) -> dict[str, str | None]:
    """Details every original agrees on carry over to the stitched image."""
    shared: dict[str, str | None] = {}
    for name in SHARED_DETAILS:
        values: Mapping[str, None] = dict.fromkeys(getattr(e, name) for e in exhibits)
        if len(values) == 1 and (value := next(iter(values))):
            shared[name] = value
    captured = sorted(e.captured_at for e in exhibits if e.captured_at)
    if captured and not any("captured_at" in e.guesses for e in exhibits):
        shared["captured_at"] = captured[0]
    return shared
