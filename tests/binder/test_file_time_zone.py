"""A capture time guessed from the file's own time is on the clock of the computer that
added it: the binder prints it with that clock's offset from UTC and says which clock
it is, as it prints an email's time with the sender's offset."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.binder.document import written_time
from tui.core.evidence.adding import add_file
from tui.core.evidence.model import list_exhibits
from tui.core.vault.vault import Vault

#: 2024-03-05 19:08:52 UTC: 11:08:52 in Los Angeles (UTC-8 in March).
MOMENT = datetime(2024, 3, 5, 19, 8, 52, tzinfo=UTC).timestamp()


@pytest.fixture
def los_angeles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with monkeypatch.context() as patch:
        patch.setenv("TZ", "America/Los_Angeles")
        time.tzset()
        yield
    time.tzset()


def test_a_file_time_prints_with_its_offset_and_its_clock(
    vault: Vault, tmp_path: Path, los_angeles: None
):
    path = tmp_path / "notes.txt"
    path.write_text("He said he would send them to my work.\n")
    os.utime(path, (MOMENT, MOMENT))
    add_file(vault, path)
    (exhibit,) = list_exhibits(vault)
    assert exhibit.guesses == {"captured_at": "file time"}
    said = written_time(exhibit, "captured_at")
    assert said == (
        "2024-03-05 11:08:52 -08:00, the file's last-changed time on the clock of the "
        "computer that added it (estimated)"
    )


def test_a_guess_from_the_name_is_still_just_estimated(vault: Vault, tmp_path: Path):
    path = tmp_path / "IMG_20240305_110852.txt"
    path.write_text("A note named after a time.\n")
    add_file(vault, path)
    (exhibit,) = list_exhibits(vault)
    assert exhibit.guesses == {"captured_at": "name"}
    assert written_time(exhibit, "captured_at") == "2024-03-05 11:08:52 (estimated)"
