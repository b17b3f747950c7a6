"""The device and system a photo or screenshot says it was made on (its EXIF Make, Model
and Software), or a recording (the tags phones write: Apple's `com.apple.quicktime.*`,
Android's `com.android.*`), offered as guesses for the exhibit's provenance: the person
confirms them, as they do every other detail read from the file."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

_MAKE, _MODEL, _SOFTWARE = 0x010F, 0x0110, 0x0131
#: What a value read from a file may come to (a broken or hostile file says anything).
LONGEST = 120


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    text = " ".join(value.replace("\x00", " ").split())
    return "".join(ch for ch in text if ch.isprintable())[:LONGEST]


def device_guesses(exif: Image.Exif) -> dict[str, str]:
    """`device` ("Apple iPhone 13": make and model, the make said once) and `system` (the
    software that wrote the file), for those the file names."""
    make, model, software = (_text(exif.get(tag)) for tag in (_MAKE, _MODEL, _SOFTWARE))
    return _device(make, model, software)


def recording_device(tag: Callable[[str], str | None]) -> dict[str, str]:
    """The same from a recording's tags (`tag` reads one by name, None when absent)."""
    apple = [_text(tag(f"com.apple.quicktime.{key}")) for key in ("make", "model", "software")]
    if any(apple):
        return _device(*apple)
    make, model = (_text(tag(f"com.android.{key}")) for key in ("manufacturer", "model"))
    version = _text(tag("com.android.version"))
    return _device(make, model, f"Android {version}" if version else "")


def _device(make: str, model: str, software: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if model and make and model.lower().startswith(make.lower()):
        found["device"] = model
    elif make or model:
        found["device"] = " ".join(part for part in (make, model) if part)
    if software:
        found["system"] = software
    return found
