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

    def printable_source(self, probe: Probe) -> list[Block]:
        return self.printable(probe.head[:8192], probe.name)  # nothing more is read


class Empty(Format):
    """A file with no bytes at all (a download that never started, a failed copy)."""

    kind = "empty file"
    family = "other"

    def recognise(self, probe: Probe) -> int:
        return 3 if probe.size == 0 else 0

    def describe(self, probe: Probe) -> Facts:
        return Facts(kind=self.kind, media_type=self.media_type, problem=EMPTY)

    def printable(self, data: bytes, name: str) -> list[Block]:
        return [Notice(EMPTY)]


EMPTY = "This file is empty: it holds no bytes at all, so there is nothing to show."
UNKNOWN = Unknown()
HANDLERS: list[Format] = [Empty()]
