"""The recogniser is loaded once per test process (a session fixture): each test then
reads a few small pictures, in milliseconds."""

from __future__ import annotations

import pytest

from tui.core.evidence.reading import engine


@pytest.fixture(scope="session")
def recogniser() -> engine.Engine:
    return engine.engine()
