"""The one place that reads the clock, so tests can fix it."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_stamp(moment: datetime | None = None) -> str:
    """`2026-11-24T21:14:03Z`: UTC, to the second."""
    moment = moment or utc_now()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_offset(moment: datetime | None = None) -> str:
    """The local UTC offset at `moment`, like `+01:00`."""
    moment = (moment or utc_now()).astimezone()
    offset = moment.strftime("%z")
    return f"{offset[:3]}:{offset[3:]}"
