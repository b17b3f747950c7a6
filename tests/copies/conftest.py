"""Fixtures the copies tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    """An empty folder standing for the person's USB drive."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
