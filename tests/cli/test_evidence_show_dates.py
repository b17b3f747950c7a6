"""`reclaim evidence show` writes its dates in the language spoken (issue 29): "añadido
7 mar 2024", never the stored "2024-03-07T09:30:00Z", outside English."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tui.core.shared import clock


def test_show_writes_its_dates_in_spanish_and_french(cli, tmp_path: Path) -> None:
    from tests.support.pictures import make_png

    picture = make_png(tmp_path / "capture.png")
    with clock.fixed(datetime(2024, 3, 7, 9, 30, tzinfo=UTC)):
        assert (
            cli("evidence", "add", str(picture), "--captured-at", "about March 2024").returncode
            == 0
        )
    english = cli("evidence", "show", "E-0001").stdout
    assert "2024-03-07T09:30:00Z" in english  # as it always was
    spanish = cli("--language", "es", "evidence", "show", "E-0001").stdout
    assert "7 mar 2024 09:30:00 UTC" in spanish and "hacia mar 2024" in spanish
    french = cli("--language", "fr", "evidence", "show", "E-0001").stdout
    assert "7 mars 2024 09:30:00 UTC" in french and "vers mars 2024" in french
    assert "2024-03" not in spanish + french
