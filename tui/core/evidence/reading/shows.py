"""What an exhibit's pictures show of what the guide asks a screenshot to show."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.evidence.reading.model import Reading, Shows


def what_it_shows(reading: Reading, record: Mapping[str, Any]) -> Shows:
    """What the read words show: a handle, a posting time, a caption, a web address, the
    screenshot's own date and time."""
    raise NotImplementedError
