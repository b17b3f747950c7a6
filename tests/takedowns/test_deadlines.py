"""When a takedown is due follows the clock of the case's place, and each letter cites
the place's law and asks for removal everywhere."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tui.core.takedowns.deadlines import due_at, is_overdue, set_case_place
from tui.core.takedowns.letters import draft_takedown, save_facts
from tui.core.takedowns.requests import add_request, get_request, update_request
from tui.core.vault.vault import Vault


def test_deadlines_follow_each_places_clock(vault: Vault):
    request = add_request(vault, "reddit", ["https://r.example/1"])
    request = update_request(vault, request.id, status="submitted", sent="2026-06-01 12:00")
    sent = datetime.fromisoformat(request.sent_at.replace("Z", "+00:00"))
    set_case_place(vault, "us")
    assert due_at(get_request(vault, request.id)) == sent + timedelta(hours=48)
    for code in ("gb", "eu", "ca", "ca-bc", "none"):
        set_case_place(vault, code)
        assert due_at(get_request(vault, request.id)) is None, code
    set_case_place(vault, "au")
    # eSafety's guidance: go to it if the platform hasn't acted in 48 hours; a notice's
    # 24 hours then take over.
    assert due_at(get_request(vault, request.id)) == sent + timedelta(hours=48)
    noticed = update_request(vault, request.id, notice="2026-06-05 09:00")
    notice = datetime.fromisoformat(noticed.notice_at.replace("Z", "+00:00"))
    assert due_at(noticed) == notice + timedelta(hours=24)
    assert is_overdue(noticed, notice + timedelta(hours=25))
    assert not is_overdue(noticed, notice + timedelta(hours=23))


@pytest.mark.parametrize(
    ("code", "cited", "absent"),
    [
        ("us", "TAKE IT DOWN Act", "Online Safety Act"),
        ("au", "Online Safety Act 2021", "TAKE IT DOWN"),
        ("eu", "Article 16 of the Digital Services Act", "TAKE IT DOWN"),
        ("gb", "Sexual Offences Act 2003, s 66B", "TAKE IT DOWN"),
        ("ca-bc", "Re X Corp., 2025 BCCRT 1228", "TAKE IT DOWN"),
        ("none", "without delay", "TAKE IT DOWN"),
    ],
)
def test_letters_cite_the_places_law_and_ask_for_removal_everywhere(
    vault: Vault, code: str, cited: str, absent: str
):
    save_facts(vault, name="Zoë", contact="zoe@example.org", signature="Zoë", no_consent=True)
    set_case_place(vault, code)
    request = add_request(vault, "x", ["https://x.example/1"])
    text = draft_takedown(vault, request.id).text
    assert cited in text and absent not in text
    assert "everywhere, not only where I live" in text
    assert ("within 48 hours" in text) == (code == "us")
