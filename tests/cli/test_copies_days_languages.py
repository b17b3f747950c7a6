"""`reclaim copies list` says a copy's days the language's way (issue 29, w3: "hecha el
2026-12-07" in a Spanish sentence); English keeps its ISO days."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tui.core.shared import clock

MADE = datetime(2026, 12, 7, 22, 8, 6, tzinfo=UTC)


@pytest.mark.parametrize(("code", "day"), [("es", "7 dic 2026"), ("fr", "7 déc. 2026")])
def test_a_copys_day_is_said_in_the_language(cli, code: str, day: str) -> None:
    with clock.fixed(MADE):
        assert cli("copies", "add", "--kind", "printed", "--where", "Sam").returncode == 0
    listed = cli("copies", "list", "--language", code).stdout
    assert day in listed, listed
    assert not re.search(r"\d{4}-\d\d-\d\d", listed), listed
    assert "2026-12-07" in cli("copies", "list", "--language", "en").stdout
