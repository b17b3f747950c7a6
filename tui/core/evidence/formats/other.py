"""Files no other handler knows: kept, hashed and named in the binder with a notice."""

from __future__ import annotations

from tui.core.evidence.formats.base import Block, Facts, Format, Notice, Probe
from tui.core.evidence.media import detect_media_type


class Unknown(Format):
    kind = "file of a kind Reclaim can't show"
    family = "other"

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=detect_media_type(probe.head[:8192], probe.name))

    def printable(self, data: bytes, name: str) -> list[Block]:
        media_type = detect_media_type(data[:8192], name)
        return [Notice(f"Reclaim can't show what is in this kind of file ({media_type}).")]


UNKNOWN = Unknown()
HANDLERS: list[Format] = []
