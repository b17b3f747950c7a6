"""The words read in an exhibit's pictures, as the case record keeps them (key `reading`
of the exhibit's record, encrypted like the rest of the record; never anywhere else).

A box is in pixels of the upright picture (after EXIF or HEIF turns), at its full
resolution, with the origin at the top left: x0, y0, x1, y1."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: The key of an exhibit's record that holds its reading.
KEY = "reading"


@dataclass(frozen=True)
class Line:
    """One line of recognised text."""

    text: str
    box: tuple[float, float, float, float]
    """x0, y0, x1, y1 in pixels of the upright picture, full resolution, origin top-left."""
    score: float
    """How sure the recogniser is, 0..1."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "box": [round(v, 1) for v in self.box], "score": self.score}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Line:
        x0, y0, x1, y1 = (float(v) for v in data["box"])
        return cls(text=str(data["text"]), box=(x0, y0, x1, y1), score=float(data["score"]))


@dataclass(frozen=True)
class PictureText:
    """The lines read in one picture of an exhibit."""

    source: str
    """Which picture: "picture" (a photo or screenshot), "page 3" (a PDF page without
    text, 1-based), "inner <member name>" (a picture inside a document or email),
    "still 2" (a recording's contact-sheet still, 1-based)."""
    width: int
    """Of the upright picture the boxes refer to."""
    height: int
    lines: tuple[Line, ...]
    problem: str = ""
    """Why this picture could not be read (one plain sentence), or ''."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "width": self.width,
            "height": self.height,
            "lines": [line.to_dict() for line in self.lines],
        }
        if self.problem:
            data["problem"] = self.problem
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PictureText:
        return cls(
            source=str(data["source"]),
            width=int(data["width"]),
            height=int(data["height"]),
            lines=tuple(Line.from_dict(line) for line in data.get("lines", ())),
            problem=str(data.get("problem", "")),
        )


@dataclass(frozen=True)
class Reading:
    """Everything read in one exhibit's pictures, by which engine and when."""

    engine: str
    """e.g. "RapidOCR 1.4.4, PP-OCRv4"."""
    read_at: str
    """ISO 8601, UTC (`2026-12-07T16:20:00Z`)."""
    pictures: tuple[PictureText, ...]
    problem: str = ""
    """Why the exhibit (or part of it) could not be read, one plain sentence, or ''."""

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for picture in self.pictures for line in picture.lines)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "engine": self.engine,
            "read_at": self.read_at,
            "pictures": [picture.to_dict() for picture in self.pictures],
        }
        if self.problem:
            data["problem"] = self.problem
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reading:
        return cls(
            engine=str(data["engine"]),
            read_at=str(data["read_at"]),
            pictures=tuple(PictureText.from_dict(p) for p in data.get("pictures", ())),
            problem=str(data.get("problem", "")),
        )


def reading_of(record: Mapping[str, Any]) -> Reading | None:
    """The reading kept in an exhibit's record (`Exhibit.to_record()` or the raw
    document), or None when its pictures were never read (or the entry is damaged)."""
    data = record.get(KEY)
    if not isinstance(data, Mapping):
        return None
    try:
        return Reading.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Shows:
    """What an exhibit's pictures show of what the guide asks a screenshot to show."""

    found: dict[str, str]
    """kind -> value, kinds: "handle", "posted_at", "address", "caption",
    "screenshot_time" (and "clock" for a status-bar time with no date)."""
    sentence: str
    """e.g. "The picture shows a username (@jordan_m_1987), a posting time (5 March 2024
    21:14) and a web address; it does not show the date the screenshot was taken"."""
    missing: tuple[str, ...] = ()
    """The kinds the picture does not show."""
    values: dict[str, str] = field(default_factory=dict)
    """What they fill in the exhibit's details, detail -> value ("poster", "posted_at",
    "captured_at", "url", "caption"; dates as the details keep them, 2024-03-05T21:14)."""


@dataclass(frozen=True)
class Hit:
    """One place words were found by `search`."""

    exhibit_id: str
    text: str
    """The line (or detail) the words were found on."""
    where: str
    """"picture", "page 3", "still 2", "inner <name>" for read words; "details" (or the
    detail's name) for what the person typed."""
