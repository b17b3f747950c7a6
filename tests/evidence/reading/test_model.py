"""The reading as the record keeps it: the same after a trip through JSON, and an entry
that is damaged or missing reads as never read."""

from __future__ import annotations

import json

from tui.core.evidence.reading.model import Line, PictureText, Reading, reading_of


def test_a_reading_comes_back_as_it_was_kept():
    reading = Reading(
        "PP-OCRv6 tiny",
        "2026-12-07T16:00:00Z",
        (
            PictureText(
                "picture", 1170, 2532, (Line("@alex_r", (40.0, 80.5, 300.0, 120.0), 0.98),)
            ),
            PictureText(
                "page 3", 1700, 2200, (), problem="The words in this picture could not be read."
            ),
        ),
    )
    record = {"id": "E-0001", "reading": json.loads(json.dumps(reading.to_dict()))}
    assert reading_of(record) == reading
    assert reading.text == "@alex_r" and reading.lines[0].box == (40.0, 80.5, 300.0, 120.0)


def test_a_damaged_or_missing_reading_reads_as_never_read():
    assert reading_of({"id": "E-0001"}) is None
    assert reading_of({"reading": "not a reading"}) is None
    assert reading_of({"reading": {"engine": "x"}}) is None
    assert (
        reading_of({"reading": {"engine": "x", "read_at": "y", "pictures": [{"source": 1}]}})
        is None
    )
