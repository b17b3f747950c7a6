"""Stitching: several screenshots of a long chat or thread made into one tall image.

The result is a new exhibit linked to its originals, which are kept untouched. The
images are decrypted into memory only; nothing is written outside the vault."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence

from tui.core.evidence.adding import IntakeResult, add_bytes
from tui.core.evidence.export import read_original
from tui.core.evidence.model import Exhibit, get_exhibit
from tui.core.shared.errors import InputError
from tui.core.vault import custody
from tui.core.vault.vault import Vault

#: Far taller than any real chat (some thirty phone screens), and within Pillow's
#: pixel limit, which the photo handlers keep firm.
MAX_PIXELS = 89_000_000
SHARED_DETAILS = ("platform", "poster", "url")


def stitch(
    vault: Vault,
    exhibit_ids: Sequence[str],
    description: str = "",
) -> IntakeResult:
    """Join the images top to bottom, in the order given, as one new PNG exhibit."""
    from PIL import Image, UnidentifiedImageError

    exhibits = [get_exhibit(vault, exhibit_id) for exhibit_id in exhibit_ids]
    ids = [exhibit.id for exhibit in exhibits]
    if len(set(ids)) < 2:
        raise InputError("Choose at least two different screenshots to stitch together.")
    if len(set(ids)) != len(ids):
        raise InputError("Each screenshot can be used once in a stitched image.")
    for exhibit in exhibits:
        if not exhibit.media_type.startswith("image/"):
            raise InputError(
                f"{exhibit.id} is not an image ({exhibit.media_type}); only screenshots "
                "and photos can be stitched."
            )
    width = _common_width(exhibits)
    parts: list[Image.Image] = []
    for exhibit in exhibits:
        try:
            with Image.open(io.BytesIO(read_original(vault, exhibit))) as opened:
                image = opened.convert("RGB")
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
            raise InputError(
                f"{exhibit.id} can't be read as an image, so it can't be stitched."
            ) from None
        if image.width != width:
            height = round(image.height * width / image.width)
            image = image.resize((width, max(1, height)), Image.Resampling.LANCZOS)
        parts.append(image)
    total_height = sum(part.height for part in parts)
    if width * total_height > MAX_PIXELS:
        raise InputError("Those screenshots make an image too tall to handle; stitch fewer.")
    tall = Image.new("RGB", (width, total_height), "white")
    top = 0
    for part in parts:
        tall.paste(part, (0, top))
        top += part.height
    buffer = io.BytesIO()
    tall.save(buffer, "PNG")
    details = _shared(exhibits)
    details["description"] = description.strip() or f"Stitched from {', '.join(ids)}"
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
