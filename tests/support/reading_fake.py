"""A stand-in for the recogniser in the app's tests (the real one is tested in
tests/evidence/reading): every picture "shows" a handle, a posting time and a web
address; a test may hold each reading at a gate, as a slow picture would, and it stops
there when the work is asked to."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from tui.core.evidence.reading import read as reading_module
from tui.core.evidence.reading.model import Line, PictureText, Reading
from tui.core.shared.errors import Cancelled

HANDLE = "@jordan_m_1987"
POSTED = "5 March 2024 21:14"
ADDRESS = "https://instagram.com/p/C4xYz"
#: A line that fills no detail: only the picture holds it.
SEEN = "Seen by 14 people"
LINES = (
    Line(HANDLE, (40.0, 120.0, 400.0, 160.0), 0.99),
    Line(POSTED, (40.0, 180.0, 420.0, 215.0), 0.98),
    Line("the one I told you about", (40.0, 240.0, 500.0, 275.0), 0.97),
    Line(SEEN, (40.0, 400.0, 300.0, 430.0), 0.96),
    Line(ADDRESS, (40.0, 700.0, 560.0, 735.0), 0.97),
)


class FakeReader:
    """Patches `read_pictures`, which `read_exhibit` calls (the rest is the real code:
    the words are kept in the record and fill empty details as guesses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, held: bool = False) -> None:
        self.gate = threading.Event()
        if not held:
            self.gate.set()
        self.started = threading.Event()
        self.read: list[str] = []
        self.stopped = 0
        monkeypatch.setattr(reading_module, "read_pictures", self.read_pictures)

    def read_pictures(self, vault: Any, exhibit: Any, stop: Any = None) -> Reading:
        self.started.set()
        while not self.gate.wait(0.005):
            if stop is not None and stop():
                self.stopped += 1
                raise Cancelled()
        self.read.append(exhibit.id)
        picture = PictureText("picture", 600, 800, LINES)
        return Reading("a stand-in", "2026-12-07T16:00:00Z", (picture,))
