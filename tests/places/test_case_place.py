"""The case keeps where its person lives in its own settings; a case made before Reclaim
asked is read as the United States, said to be assumed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.support.cases import PASSPHRASE
from tui.core.places.case_place import case_code, case_place, lawyer_line, stored
from tui.core.takedowns.deadlines import due_at, set_case_place
from tui.core.takedowns.requests import get_request
from tui.core.vault.vault import Vault


def test_an_old_case_opens_and_is_read_as_the_us_said_so(vault_dir: Path, vault: Vault):
    """A case written before Reclaim asked: its letter facts and requests have no place."""
    vault.table("letter_facts").insert({"name": "Sam", "under_18": "no"})
    vault.table("takedowns").insert(
        {
            "id": "R-001",
            "site": "meta",
            "urls": ["https://f.example/1"],
            "status": "submitted",
            "sent_at": "2026-06-01T10:00:00Z",
        }
    )
    vault.close()
    with Vault.open(vault_dir, passphrase=PASSPHRASE) as reopened:
        assert stored(reopened) == "" and case_code(reopened) == "us"
        assert "assumed" in case_place(reopened)
        assert "TAKE IT DOWN Act" in lawyer_line(reopened)
        old = get_request(reopened, "R-001")
        assert due_at(old) == datetime(2026, 6, 3, 10, tzinfo=UTC)
        set_case_place(reopened, "uk")
        assert case_place(reopened) == "United Kingdom"
        assert get_request(reopened, "R-001").place == "gb"
        assert due_at(get_request(reopened, "R-001")) is None, "no clock in force in the UK"
