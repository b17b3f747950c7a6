"""Files no other handler knows: kept, hashed and named in the binder with a notice."""

from __future__ import annotations

from tui.core.evidence.formats.base import Block, Facts, Format, Notice, Probe
from tui.core.evidence.media import detect_media_type
from tui.core.shared.i18n import N_, _

#: Types the signature library gets wrong, as they are: a camcorder's `.MTS` is an MPEG
#: transport stream (not a 3D model); a JPEG 2000 file is not a JPEG.
_CORRECTED = {"model/vnd.mts": "video/mp2t"}
_JP2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
#: Microsoft's Compiled HTML Help (`.chm`, which the system's table calls a ChemDraw file).
_CHM = b"ITSF\x03\x00\x00\x00"


def media_type_of(head: bytes, name: str) -> str:
    if head.startswith(_JP2):
        return "image/jp2"
    if head.startswith(_CHM):
        return "application/vnd.ms-htmlhelp"
    found = detect_media_type(head[:8192], name)
    return _CORRECTED.get(found, found)


class Unknown(Format):
    kind = N_("file of a kind Reclaim can't show")
    family = "other"

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=media_type_of(probe.head, probe.name))

    def printable(self, data: bytes, name: str) -> list[Block]:
        media_type = media_type_of(data[:8192], name)
        return [
            Notice(
                _("Reclaim can't show what is in this kind of file ({media_type}).").format(
                    media_type=media_type
                )
            )
        ]

    def printable_source(self, probe: Probe) -> list[Block]:
        return self.printable(probe.head[:8192], probe.name)  # nothing more is read


class Empty(Format):
    """A file with no bytes at all (a download that never started, a failed copy)."""

    kind = N_("empty file")
    family = "other"

    def recognise(self, probe: Probe) -> int:
        return 3 if probe.size == 0 else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type, problem=EMPTY)

    def printable(self, data: bytes, name: str) -> list[Block]:
        return [Notice(_(EMPTY))]


EMPTY = N_("This file is empty: it holds no bytes at all, so there is nothing to show.")
UNKNOWN = Unknown()
HANDLERS: list[Format] = [Empty()]
