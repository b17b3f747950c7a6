"""Pictures in the plain formats Pillow reads that `photos` does not list: Netpbm
(PBM, PGM, PPM, PAM: text or raw pixels under a short header), X bitmaps (XBM, C source)
and JPEG 2000. They are read, bounded and printed by `photos.Photo` like any other."""

from __future__ import annotations

import re

from tui.core.evidence.formats.base import Format
from tui.core.evidence.formats.photos import Photo
from tui.core.shared.i18n import N_

_NETPBM = re.compile(rb"P[1-7][\s#]")
_XBM = re.compile(rb"\s*(?:/\*.*?\*/\s*)?#define[ \t]+\w*_width[ \t]+\d+", re.S)
_JP2 = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_J2K = b"\xff\x4f\xff\x51"

HANDLERS: list[Format] = [
    Photo(
        N_("Netpbm picture"),
        "image/x-portable-anymap",
        (".pbm", ".pgm", ".ppm", ".pnm", ".pam"),
        lambda h: _NETPBM.match(h) is not None,
    ),
    Photo(N_("X bitmap (XBM)"), "image/x-xbitmap", (".xbm",), lambda h: _XBM.match(h) is not None),
    Photo(
        N_("JPEG 2000 picture"),
        "image/jp2",
        (".jp2", ".j2k", ".jpf", ".jpx", ".j2c"),
        lambda h: h.startswith((_JP2, _J2K)),
    ),
]
