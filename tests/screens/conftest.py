"""Fixtures for every screen test: cursors that don't blink, so that a snapshot or a
drawn line never depends on the moment it is taken; and, for the tests that ask, settings
whose kiosk cases go in the test's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tui.core.settings import Settings


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(kiosk_cases_dir=tmp_path / "kiosk-cases")
