"""The one place that reads the clock. Every "now" in Reclaim comes through here, so a
test sets the time once (`set_time`, `advance`) instead of patching each module that
asks, and the idle lock runs on a monotonic clock a test can move without sleeping."""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo

_wall: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731
_steady: Callable[[], float] = _time.monotonic
#: The zone local times are given in; None is the computer's own.
_zone: tzinfo | None = None


def utc_now() -> datetime:
    """Now, in UTC."""
    return _wall()


def local_now() -> datetime:
    """Now, in the computer's own time zone (aware)."""
    return utc_now().astimezone(_zone)


def today() -> date:
    """Today's date where the person is."""
    return local_now().date()


def epoch_seconds() -> float:
    """Now as seconds since 1970, to compare with a file's modification time."""
    return utc_now().timestamp()


def monotonic() -> float:
    """Seconds on a clock that never goes back: for waits and idle time, not dates."""
    return _steady()


def stated(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A time as a file, a device or a person stated it, naming no zone: a camera's EXIF
    time, a PDF's or a recording's date written without an offset, the time in a file's
    name, a date typed into the timeline. It is naive on purpose: it says what a clock
    somewhere showed, the zone that clock was in is not known, and none is guessed.
    Compare it only with other stated times (or with `local_now` without its zone).

    This is the one place a naive time is made on purpose (ruff's DTZ rules keep them out
    everywhere else): a day and a clock time that name no zone, put together."""
    return datetime.combine(date(year, month, day), time(hour, minute, second))


def utc_stamp(moment: datetime | None = None) -> str:
    """`2026-11-24T21:14:03Z`: UTC, to the second."""
    moment = moment or utc_now()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_offset(moment: datetime | None = None) -> str:
    """The local UTC offset at `moment`, like `+01:00`."""
    moment = (moment or utc_now()).astimezone(_zone)
    offset = moment.strftime("%z")
    return f"{offset[:3]}:{offset[3:]}"


class FixedClock:
    """A clock for tests: the wall time and the monotonic clock stand still until moved."""

    def __init__(self, moment: datetime, zone: tzinfo | None = UTC) -> None:
        self.moment = moment
        self.steady = 1000.0
        self.zone = zone

    def advance(self, seconds: float) -> None:
        """Move both clocks forward, as if `seconds` went by."""
        self.moment += timedelta(seconds=seconds)
        self.steady += seconds


@contextmanager
def fixed(moment: datetime, zone: tzinfo | None = UTC) -> Iterator[FixedClock]:
    """Stop the clock at `moment` (aware) while the block runs; `advance` moves it."""
    global _wall, _steady, _zone
    saved = _wall, _steady, _zone
    clock = FixedClock(moment, zone)
    _wall = lambda: clock.moment  # noqa: E731
    _steady = lambda: clock.steady  # noqa: E731
    _zone = zone
    try:
        yield clock
    finally:
        _wall, _steady, _zone = saved
