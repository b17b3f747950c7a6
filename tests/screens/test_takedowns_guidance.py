"""Step 8 on a request late only by a regulator's guidance (Australia's eSafety: go to it
when a platform has not removed the image 48 hours after the report): said as guidance,
never as a legal deadline that has passed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.pilot import SIZE, open_takedowns, screen_text
from tui.app import ReclaimApp
from tui.core.settings import Settings
from tui.core.shared import clock
from tui.core.takedowns.deadlines import set_case_place
from tui.core.takedowns.letters import save_facts
from tui.core.takedowns.requests import add_request, update_request
from tui.core.vault.vault import Vault

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


async def test_an_australian_request_past_48_hours_is_guidance_not_a_deadline(vault: Vault):
    set_case_place(vault, "au")
    save_facts(vault, under_18="no")
    with clock.fixed(MONDAY):
        request = add_request(vault, "meta", ["https://f.example/1"])
        update_request(vault, request.id, status="submitted")
    app = ReclaimApp(vault.path, Settings())
    with clock.fixed(MONDAY + timedelta(hours=49)):
        async with app.run_test(size=SIZE) as pilot:
            await open_takedowns(app, pilot)
            text = " ".join(screen_text(app).split())
    assert "No reply after 48 hours: eSafety suggests reporting it to them now." in text
    assert "deadline has passed" not in text and "is overdue" not in text


async def test_a_request_late_by_a_law_still_says_the_deadline_passed(vault: Vault):
    set_case_place(vault, "au")
    save_facts(vault, under_18="no")
    with clock.fixed(MONDAY):
        request = add_request(vault, "meta", ["https://f.example/1"])
        update_request(vault, request.id, status="submitted", notice="2026-11-30 10:00")
    app = ReclaimApp(vault.path, Settings())
    with clock.fixed(MONDAY + timedelta(hours=30)):
        async with app.run_test(size=SIZE) as pilot:
            await open_takedowns(app, pilot)
            text = " ".join(screen_text(app).split())
    assert "R-001 is overdue: the site's deadline has passed" in text
    assert "No reply after" not in text
