"""Reading the words in an exhibit's pictures, on this computer (issue 30): what was
read (`model`), reading it (`read`, over `engine`, which loads the models only when a
picture is first read), what the words show of what the guide asks (`shows`), and
finding words across the case (`search`)."""

from __future__ import annotations

from tui.core.evidence.reading.engine import ReadingUnavailable, available
from tui.core.evidence.reading.model import Hit, Line, PictureText, Reading, Shows, reading_of
from tui.core.evidence.reading.read import ReadingOff, has_pictures, read_exhibit, unread_exhibits
from tui.core.evidence.reading.search import matches, search
from tui.core.evidence.reading.setting import reading_on, set_reading
from tui.core.evidence.reading.shows import what_it_shows

__all__ = [
    "Hit",
    "Line",
    "PictureText",
    "Reading",
    "ReadingOff",
    "ReadingUnavailable",
    "Shows",
    "available",
    "has_pictures",
    "matches",
    "read_exhibit",
    "reading_of",
    "reading_on",
    "search",
    "set_reading",
    "unread_exhibits",
    "what_it_shows",
]
