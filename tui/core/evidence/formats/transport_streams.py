"""MPEG transport streams: a camcorder's AVCHD video (`.MTS`, `.M2TS`) and broadcast
recordings (`.ts`), read by PyAV like any other recording (see `recordings`) and known by
their packets' sync bytes, since they carry no magic of their own."""

from __future__ import annotations

from tui.core.evidence.formats.base import Format
from tui.core.evidence.formats.recordings import Recording
from tui.core.shared.i18n import N_

#: A transport stream's packets: 188 bytes each, or 192 with a 4-byte time code before
#: each (a camcorder's AVCHD `.MTS`, a Blu-ray's `.m2ts`); each starts with 0x47.
TS_PACKETS = ((188, 0), (192, 4))
#: Packets looked at (or as many as a short file has, at least two).
TS_CHECKED = 5


def transport_stream(head: bytes) -> bool:
    """An MPEG transport stream: the sync byte where every packet starts."""
    for size, offset in TS_PACKETS:
        count = min(TS_CHECKED, (len(head) - offset) // size)
        if count >= 2 and all(head[offset + size * at] == 0x47 for at in range(count)):
            return True
    return False


class MpegTsVideo(Recording):
    """A camcorder's AVCHD video (`.MTS`, `.M2TS`) or a broadcast recording (`.ts`)."""

    kind = N_("video (MPEG-TS)")
    media_type = "video/mp2t"
    extensions = (".mts", ".m2ts", ".m2t", ".ts")
    demuxer = "mpegts"
    seek_back = 1.0  # FFmpeg's seek in a transport stream lands after the moment

    def matches(self, head: bytes) -> bool:
        return transport_stream(head)


HANDLERS: list[Format] = [MpegTsVideo()]
